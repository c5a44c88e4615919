"""The QR code back to the page, as inline SVG markup.

With the project's ``qrcode`` (already used by ``directory:activity_qr``): its SVG path factory
is pure Python and needs no Pillow, and inline markup needs no second request, neither from the
browser nor from WeasyPrint (which fetches nothing: ``directory.sheets.pdf``).
"""

import qrcode
import qrcode.image.svg
from django.utils.html import escape
from django.utils.safestring import mark_safe


def qr_svg(url: str, label: str):
    """An ``<svg>`` element drawing ``url``, with ``label`` as its accessible name."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    markup = image.to_string(encoding="unicode")
    # The factory writes a whole document; the page wants the element alone, named.
    markup = markup[markup.index("<svg") :]
    named = f'<svg role="img" aria-label="{escape(label)}" class="sheet-qr"'
    markup = markup.replace("<svg", named, 1)
    return mark_safe(markup)  # nosec B308 B703 # qrcode's own path markup; the label escaped
