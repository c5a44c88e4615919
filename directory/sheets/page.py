"""What every sheet's template gets, and the choice between the HTML page and the PDF."""

from django.shortcuts import render

from directory.sheets import labels
from directory.sheets.pdf import pdf_response
from directory.sheets.qr import qr_svg


def sheet_context(request, *, title: str, back_url: str, pdf_url: str, page_url: str) -> dict:
    """``page_url``: the page the QR code opens (absolute), in the reader's language."""
    headings = labels.headings()
    return {
        **labels.page_language(),
        "labels": headings,
        "sheet_title": title,
        "back_url": back_url,
        "pdf_url": pdf_url,
        "page_url": page_url,
        "qr": qr_svg(page_url, headings["scan"].text),
    }


def render_sheet(request, template: str, context: dict, *, as_pdf: bool, name: str, scopes):
    """The page, or the PDF kept under ``name`` (what the sheet is drawn from) while the data of
    ``scopes`` stays the same."""
    if as_pdf:
        return pdf_response(request, template, context, name=name, scopes=scopes)
    return render(request, template, context)
