"""The sheets as PDF (WeasyPrint): rendered back to text and to an image with pypdfium2, Arabic
and Chinese come out as written, in Noto or DejaVu fonts (no fallback drawing .notdef boxes),
and a sheet renders well under a second."""

import ctypes
import time

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from django.urls import reverse as reverse_here
from django.utils import translation

from tests.factories import ActivityFactory, DeskFactory, LocationFactory, OpeningSlotFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

# No lam-alef in them: PDFium reads that ligature back in visual order, which would not compare.
ARABIC_TITLE = "مساعدة في الواجبات المدرسية"
CHINESE_TITLE = "儿童课后作业辅导"
KNOWN_FONTS = ("Noto", "DejaVu")
# A kept PDF is served without drawing it again (drawing one takes 0.3-1 s: directory.sheets.pdf).
SECONDS_KEPT = 0.2


def reverse(name, *args):
    with translation.override("it"):
        return reverse_here(name, args=args)


def pdf_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pypdfium2.PdfDocument(response.content)


def text_and_fonts(document):
    text, fonts = [], set()
    for page in document:
        textpage = page.get_textpage()
        # PDFium marks a hyphen where a line was broken (a long URL) with U+FFFE.
        text.append(textpage.get_text_range().replace("\ufffe", "-"))
        name = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        for index in range(textpage.count_chars()):
            if pdfium_c.FPDFText_GetFontInfo(textpage, index, name, 128, ctypes.byref(flags)):
                fonts.add(name.value.decode().split("+")[-1])
    return "\n".join(text), fonts - {""}


def listing(title, slug):
    activity = ActivityFactory(title=title, slug=slug, phone="02 4880 1234")
    activity.locations.add(LocationFactory(organization=activity.organization))
    OpeningSlotFactory(activity=activity)
    return activity


@pytest.mark.parametrize(
    ("title", "slug", "language"),
    [
        (ARABIC_TITLE, "compiti-ar", "/en"),
        (CHINESE_TITLE, "compiti-zh", "/en"),
        ("Doposcuola", "doposcuola", ""),
    ],
)
def test_the_pdf_holds_the_title_as_written_in_known_fonts(client, title, slug, language):
    listing(title, slug)
    text, fonts = text_and_fonts(
        pdf_of(client, language + reverse("directory:activity_sheet_pdf", slug))
    )
    assert title in text
    assert "02 4880 1234" in text and "Via Roma 1" in text
    assert fonts and all(font.startswith(KNOWN_FONTS) for font in fonts), fonts


def test_the_english_pdf_has_the_italian_beside_and_no_missing_glyphs(client, caplog):
    listing(ARABIC_TITLE, "compiti-ar")
    document = pdf_of(client, "/en" + reverse("directory:activity_sheet_pdf", "compiti-ar"))
    # WeasyPrint understood the whole style sheet (it warns of what it ignores).
    ignored = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert not [message for message in ignored if "Ignored" in message or "Invalid" in message]
    text, _fonts = text_and_fonts(document)
    assert "Opening hours" in text and "Orari di apertura" in text
    assert "Saturday" in text and "Sabato" in text
    # No character the fonts lack: PDFium reads such a glyph back as U+FFFD or nothing.
    assert "\ufffd" not in text
    image = document[0].render(scale=1).to_pil()
    width, height = image.size  # A4 at 72 dpi: 595.3 x 841.9 points
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1


def test_the_desk_pdf_gives_the_booking_link(client):
    DeskFactory(name="Sportello Pagnana", slug="sportello-pagnana")
    text, _fonts = text_and_fonts(
        pdf_of(client, "/en" + reverse("sportelli:desk_sheet_pdf", "sportello-pagnana"))
    )
    assert "Sportello Pagnana" in text
    assert "http://testserver/en/sportelli/sportello-pagnana/prenota/" in text


def test_a_pdf_is_drawn_once_per_listing_and_language_until_the_listing_changes(client):
    activity = listing(CHINESE_TITLE, "compiti-zh")
    url = reverse("directory:activity_sheet_pdf", "compiti-zh")
    pdf_of(client, url)  # WeasyPrint loaded, the sheet kept
    started = time.perf_counter()
    pdf_of(client, url)
    assert time.perf_counter() - started < SECONDS_KEPT
    activity.title = "Compiti insieme"
    activity.save()
    text, _fonts = text_and_fonts(pdf_of(client, url))
    assert "Compiti insieme" in text
    text, _fonts = text_and_fonts(pdf_of(client, "/en" + url))
    assert "Opening hours" in text


def test_the_list_pdf_holds_every_activity_and_is_kept_for_the_same_list(client):
    activities = [listing(f"Attività {n}", f"attivita-{n}") for n in range(6)]
    activities += [listing(ARABIC_TITLE, "compiti-ar"), listing(CHINESE_TITLE, "compiti-zh")]
    for activity in activities:
        client.post(reverse("directory:my_list_add"), {"activity": activity.slug})
    url = reverse("directory:my_list_sheet_pdf")
    started = time.perf_counter()
    text, fonts = text_and_fonts(pdf_of(client, url))
    first = time.perf_counter() - started
    assert ARABIC_TITLE in text and CHINESE_TITLE in text and "Attività 5" in text
    assert all(font.startswith(KNOWN_FONTS) for font in fonts), fonts
    started = time.perf_counter()
    pdf_of(client, url)
    assert time.perf_counter() - started < min(SECONDS_KEPT, first)
