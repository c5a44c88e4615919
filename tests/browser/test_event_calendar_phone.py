"""A family finds an event on a phone (360 px), without JavaScript being needed: the calendar
of this week, the month, the age filter, the event's page and its .ics link. axe-core checks
every page opened. The clock starts at Wednesday 2 December 2026 (tests/browser/conftest.py)."""

import datetime

import pytest

from directory.models import EventSession
from tests.factories import EventFactory, EventSessionFactory, category

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def events():
    lab = EventFactory(title="Laboratorio di Natale", slug="laboratorio-di-natale")
    EventSessionFactory(event=lab, date=datetime.date(2026, 12, 5))
    EventSessionFactory(
        event=lab,
        date=datetime.date(2026, 12, 12),
        status=EventSession.Status.CANCELLED,
        note="Sala non disponibile",
    )
    elderly = EventFactory(
        title="Tombola e merenda", min_age=65, max_age=None, categories=[category("socialita")]
    )
    EventSessionFactory(event=elderly, date=datetime.date(2026, 12, 3))
    return lab


def test_a_family_finds_an_event_on_a_phone(page, assert_accessible, events):
    page.goto("/eventi/")
    assert_accessible(page)
    assert page.locator("h3.card-title").all_inner_texts() == [
        "Tombola e merenda",
        "Laboratorio di Natale",
    ]
    # The page fits the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Mese").click()
    page.wait_for_url("**vista=mese**")
    assert_accessible(page)
    assert "Annullato" in page.locator("main").inner_text()

    page.select_option("#filter-band", "6-11")
    page.get_by_role("button", name="Mostra").click()
    page.wait_for_url("**fascia=6-11**")
    assert_accessible(page)
    titles = page.locator("h3.card-title").all_inner_texts()
    assert set(titles) == {"Laboratorio di Natale"}

    page.get_by_role("link", name="Laboratorio di Natale").first.click()
    page.wait_for_url("**/eventi/laboratorio-di-natale/")
    assert_accessible(page)
    link = page.get_by_role("link", name="Aggiungi al tuo calendario (.ics)")
    assert link.get_attribute("href") == "/eventi/laboratorio-di-natale/calendario.ics"


def test_the_association_areas_event_pages_are_accessible_on_a_phone(
    page, assert_accessible, sign_in, staff, organization
):
    event = EventSessionFactory(event__organization=organization).event
    sign_in(page, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/eventi/")
    assert_accessible(page)
    page.goto(f"/area-enti/enti/{organization.slug}/eventi/{event.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="Aggiungi un incontro").click()
    page.wait_for_load_state("load")
    assert page.locator('input[name="sessions-1-date"]').count() == 1
    assert_accessible(page)
