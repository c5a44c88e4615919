"""The printable sheets of an activity, a desk and a family's list (directory.sheets): in the
reader's language, with the Italian beside the headings and hours, the listing's texts marked
Italian, a QR code back to the page, nothing personal, and a fixed number of queries."""

import datetime
import re

import pytest
from django.urls import reverse as reverse_here
from django.utils import translation

from directory.models import Language, PublicationStatus, Weekday
from directory.templatetags.sheet_tags import text_direction
from tests.directory.helpers import count_queries
from tests.factories import (
    ActivityFactory,
    BookingFactory,
    DeskFactory,
    DeskOpeningSlotFactory,
    LocationFactory,
    OpeningSlotFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

ARABIC_TITLE = "مساعدة في الواجبات المدرسية"
CHINESE_TITLE = "儿童课后作业辅导"


@pytest.fixture
def activity():
    activity = ActivityFactory(
        title="Doposcuola San Luigi",
        slug="doposcuola",
        summary="Aiuto nei compiti dal lunedì al venerdì.",
        phone="02 4880 1234",
        required_documents="Tessera sanitaria\nModulo di iscrizione",
    )
    location = LocationFactory(
        organization=activity.organization, name="Oratorio", address="Via Garibaldi 5"
    )
    activity.locations.add(location)
    activity.languages.add(Language.objects.get(code="ar"))
    OpeningSlotFactory(activity=activity, weekday=Weekday.MONDAY)
    return activity


@pytest.fixture
def desk():
    desk = DeskFactory(name="Sportello Pagnana", slug="sportello-pagnana", phone="0571 123456")
    DeskOpeningSlotFactory(desk=desk)
    return desk


def reverse(name, *args, **kwargs):
    """The Italian path (a request to /en/ leaves English active in the test's thread)."""
    with translation.override("it"):
        return reverse_here(name, *args, **kwargs)


def sheet(activity):
    return reverse("directory:activity_sheet", kwargs={"slug": activity.slug})


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def root_tag(content):
    return re.search(r"<html[^>]*>", content).group(0)


def test_the_italian_sheet_is_italian_with_no_italian_beside(client, activity):
    content = html_of(client.get(sheet(activity)))
    assert root_tag(content) == '<html lang="it" dir="ltr">'
    assert "Orari di apertura" in content
    assert "Lunedì" in content and "09:00–12:00" in content
    assert 'class="sheet-it"' not in content
    assert "Via Garibaldi 5" in content and "02 4880 1234" in content
    assert "Tessera sanitaria" in content


def test_the_english_sheet_has_the_italian_beside_the_headings_and_days(client, activity):
    content = html_of(client.get("/en" + sheet(activity)))
    assert root_tag(content) == '<html lang="en" dir="ltr">'
    assert (
        'Opening hours <span class="sheet-it" lang="it" dir="ltr">Orari di apertura</span>'
        in content
    )
    assert 'Monday <span class="sheet-it" lang="it" dir="ltr">Lunedì</span>' in content
    assert 'Phone <span class="sheet-it" lang="it" dir="ltr">Telefono</span>' in content
    # The listing's own texts stay as written, marked Italian for screen readers.
    assert '<h1 lang="it" dir="ltr">Doposcuola San Luigi</h1>' in content
    assert '<address lang="it" dir="ltr">Oratorio<br>Via Garibaldi 5' in content
    assert "show this sheet to the operator" in content


def test_the_qr_code_opens_the_page_in_the_readers_language(client, activity):
    content = html_of(client.get("/en" + sheet(activity)))
    assert '<svg role="img" aria-label="Scan to open this page"' in content
    assert "http://testserver/en/attivita/doposcuola/" in content


def test_a_sheet_in_a_right_to_left_language_says_so(client, activity, settings):
    # The interface languages come from settings.LANGUAGES: any right-to-left one gets dir="rtl".
    settings.LANGUAGES = [*settings.LANGUAGES, ("ar", "Arabic")]
    with translation.override("ar"):
        from directory.sheets import labels

        assert labels.page_language() == {
            "sheet_lang": "ar",
            "sheet_dir": "rtl",
            "reads_italian": False,
        }


@pytest.mark.parametrize(
    ("title", "slug", "direction"),
    [(ARABIC_TITLE, "compiti-ar", "rtl"), (CHINESE_TITLE, "compiti-zh", "ltr")],
)
def test_arabic_and_chinese_titles_are_shown_as_written_in_their_direction(
    client, title, slug, direction
):
    activity = ActivityFactory(title=title, slug=slug)
    content = html_of(client.get("/en" + sheet(activity)))
    assert f'<h1 lang="it" dir="{direction}">{title}</h1>' in content


def test_an_italian_text_on_an_arabic_sheet_keeps_its_direction():
    assert text_direction("Via Garibaldi 5, 20090 Buccinasco") == "ltr"
    assert text_direction("  (" + ARABIC_TITLE + ") Via Roma") == "rtl"
    assert text_direction("12345") == "ltr"


def test_the_pages_link_their_sheets(client, activity, desk):
    content = html_of(client.get(reverse("directory:activity_detail", args=[activity.slug])))
    assert 'href="/attivita/doposcuola/scheda/"' in content
    assert 'href="/attivita/doposcuola/scheda.pdf"' in content
    content = html_of(client.get(reverse("sportelli:desk_detail", args=[desk.slug])))
    assert 'href="/sportelli/sportello-pagnana/scheda/"' in content
    assert "Stampa la scheda" in content


@pytest.mark.parametrize("change", ["draft", "draft organization"])
def test_an_unpublished_activity_has_no_sheet(client, activity, change):
    if change == "draft":
        activity.publication_status = PublicationStatus.DRAFT
        activity.save()
    else:
        activity.organization.status = PublicationStatus.DRAFT
        activity.organization.save()
    assert client.get(sheet(activity)).status_code == 404
    assert (
        client.get(reverse("directory:activity_sheet_pdf", args=[activity.slug])).status_code == 404
    )


def test_an_unpublished_desk_has_no_sheet(client, desk):
    desk.status = PublicationStatus.DRAFT
    desk.save()
    for name in ("sportelli:desk_sheet", "sportelli:desk_sheet_pdf"):
        assert client.get(reverse(name, args=[desk.slug])).status_code == 404


def test_the_desk_sheet_gives_hours_channels_and_the_booking_link(client, desk):
    BookingFactory(desk=desk, name="Fatima Rossi", phone="333 9999999")
    content = html_of(client.get("/en" + reverse("sportelli:desk_sheet", args=[desk.slug])))
    assert '<h1 lang="it" dir="ltr">Sportello Pagnana</h1>' in content
    assert 'Tuesday <span class="sheet-it" lang="it" dir="ltr">Martedì</span>' in content
    assert 'by phone <span class="sheet-it" lang="it" dir="ltr">per telefono</span>' in content
    assert "http://testserver/en/sportelli/sportello-pagnana/prenota/" in content
    assert "0571 123456" in content
    # A booking is the desk's, never the sheet's.
    assert "Fatima" not in content and "333 9999999" not in content


def test_the_my_list_sheet_shows_the_activities_put_aside(client, activity):
    other = ActivityFactory(title="Corso di italiano", slug="corso-italiano")
    for item in (other, activity):
        client.post(reverse("directory:my_list_add"), {"activity": item.slug})
    content = html_of(client.get("/en" + reverse("directory:my_list_sheet")))
    assert content.index("Corso di italiano") < content.index("Doposcuola San Luigi")
    assert "Via Garibaldi 5" in content and 'Monday <span class="sheet-it"' in content
    # The QR code opens the list shared as a link: slugs, nothing about the family.
    assert "http://testserver/en/la-mia-lista/condivisa/?a=corso-italiano,doposcuola" in content
    assert 'href="/la-mia-lista/scheda.pdf"' in html_of(client.get(reverse("directory:my_list")))


def test_an_empty_list_has_a_sheet_that_says_so(client):
    content = html_of(client.get(reverse("directory:my_list_sheet")))
    assert "La tua lista è vuota" in content


def _grow(activity, desk, n):
    for i in range(n):
        location = LocationFactory(organization=activity.organization, name=f"Sede {i}")
        activity.locations.add(location)
        activity.languages.add(Language.objects.order_by("pk")[i % 5])
        OpeningSlotFactory(
            activity=activity,
            weekday=i % 7 + 1,
            opens_at=datetime.time(13),
            closes_at=datetime.time(14),
        )
        DeskOpeningSlotFactory(
            desk=desk, weekday=i % 5 + 1, opens_at=datetime.time(14), closes_at=datetime.time(15)
        )


def test_the_sheets_queries_do_not_grow_with_the_listing(client, activity, desk, settings):
    settings.LINKRETE_PAGE_CACHE = False
    urls = {
        "activity": sheet(activity),
        "desk": reverse("sportelli:desk_sheet", args=[desk.slug]),
    }
    small = {name: count_queries(client, url) for name, url in urls.items()}
    _grow(activity, desk, 10)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert small == large == {"activity": 5, "desk": 3}


def test_the_my_list_sheet_queries_do_not_grow_with_the_list(client):
    def add(n):
        for _ in range(n):
            item = ActivityFactory()
            item.locations.add(LocationFactory(organization=item.organization))
            OpeningSlotFactory(activity=item)
            client.post(reverse("directory:my_list_add"), {"activity": item.slug})

    add(2)
    small = count_queries(client, reverse("directory:my_list_sheet"))
    add(18)
    large = count_queries(client, reverse("directory:my_list_sheet"))
    assert small == large == 5
