"""A sheet's HTML rendered to PDF by WeasyPrint, kept in the page cache.

Measured on the development machine (two shared cores): an activity's or desk's sheet renders in
0.3-0.8 s, a list of twelve activities (three pages) in about a second, a full list of fifty in
about 2.5 s: too slow to render on every request. So each PDF is kept in the page cache by what it
is drawn from (the listing or the list's activities) and the reader's language, and drawn again
when the listing changes (``linkrete.page_cache.cached_bytes``), for every visitor: a family with
a session, whose pages are never cached, gets the stored PDF too.

WeasyPrint is imported on the first PDF only (it takes seconds to load Pango and the fonts), and
fetches nothing: the sheet's style sheet is read from the static files, the QR code is inline
SVG, and any other URL is refused (a listing's text cannot make the server fetch anything).
"""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

from linkrete.page_cache import cached_bytes

STYLESHEET = "css/sheet.css"


def _refuse(url, *args, **kwargs):
    raise ValueError(f"a sheet fetches nothing: {url}")


def render_pdf(html: str, stylesheet: str = STYLESHEET) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html, url_fetcher=_refuse).write_pdf(
        stylesheets=[weasyprint.CSS(filename=finders.find(stylesheet), url_fetcher=_refuse)]
    )


def pdf_response(request, template: str, context: dict, *, name: str, scopes) -> HttpResponse:
    """``name``: what the sheet is drawn from (``activity:<slug>``, ``list:<ids>``)."""

    def make():
        html = render_to_string(template, {**context, "for_pdf": True}, request=request)
        return render_pdf(html)

    return HttpResponse(
        cached_bytes(request, f"sheet:{name}", scopes, make), content_type="application/pdf"
    )
