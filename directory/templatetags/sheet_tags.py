"""Attributes for a listing's own text on a sheet (``directory.sheets``)."""

import unicodedata

from django import template
from django.utils.html import format_html

from directory.templatetags.site_tags import listing_lang

register = template.Library()

RIGHT_TO_LEFT = {"R", "AL"}


def text_direction(text: str) -> str:
    """``rtl`` when the text's first strongly directional character is right to left (Arabic,
    Hebrew), else ``ltr``: an Arabic title on an English sheet, an Italian address on an Arabic
    one, each laid out its own way (the Unicode bidi algorithm's rule P2, as ``dir="auto"``,
    which WeasyPrint does not know)."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in RIGHT_TO_LEFT:
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


@register.simple_tag
def listing_attrs(text="", record=None, field=""):
    """`` lang="it"`` on a sheet in another language (as ``listing_lang``, so not for a field
    of ``record`` translated into it) and the text's own direction."""
    return format_html('{} dir="{}"', listing_lang(record, field), text_direction(str(text)))
