"""A family finds an event on a phone (360 px) and signs up two children, without JavaScript
being needed: a refused age first (what was typed stays), then the code, the .ics and the
cancel link; the organization's member sees them. axe-core checks every page opened. The clock
starts at Wednesday 2 December 2026 (tests/browser/conftest.py)."""

import datetime

import pytest

from directory.models import Event, EventSignup
from tests.factories import EventFactory, EventSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lab(organization):
    event = EventFactory(
        organization=organization,
        title="Laboratorio di ceramica",
        slug="laboratorio-di-ceramica",
        admission=Event.Admission.SIGN_UP,
        capacity=3,
        min_age=6,
        max_age=11,
    )
    EventSessionFactory(event=event, date=datetime.date(2026, 12, 5))
    return event


def test_a_family_signs_up_on_a_phone(page, assert_accessible, lab):
    page.goto("/eventi/")
    page.get_by_role("link", name="Laboratorio di ceramica").first.click()
    page.wait_for_url("**/eventi/laboratorio-di-ceramica/")
    assert_accessible(page)

    page.get_by_role("link", name="Iscriviti per il 5 dicembre").click()
    page.wait_for_url("**/iscriviti/**")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_label("Il tuo nome").fill("Zeffirina Quagliotti")
    page.get_by_label("Telefono").fill("3331234567")
    page.get_by_label("Età della persona 1").fill("7")
    page.get_by_label("Età della persona 2").fill("4")
    # Bootstrap Italia draws the box on the label: a person taps the label.
    page.locator('label[for="id_privacy_consent"]').click()
    page.get_by_role("button", name="Iscriviti").click()
    page.wait_for_load_state("load")
    assert "Questo evento è per 6–11 anni." in page.locator("main").inner_text()
    assert page.get_by_label("Il tuo nome").input_value() == "Zeffirina Quagliotti"
    assert_accessible(page)

    page.get_by_label("Età della persona 2").fill("9")
    assert page.locator("#id_privacy_consent").is_checked()
    page.get_by_role("button", name="Iscriviti").click()
    page.wait_for_url("**/eventi/iscrizioni/**")
    assert_accessible(page)
    signup = EventSignup.objects.get()
    assert (signup.places, signup.status) == (2, "confirmed")
    main = page.locator("main").inner_text()
    assert signup.code in main and "Zeffirina" not in main
    link = page.get_by_role("link", name="Aggiungi al tuo calendario (.ics)")
    assert link.get_attribute("href").endswith("/calendario.ics")

    page.get_by_role("link", name="Annulla l’iscrizione").click()
    page.wait_for_url("**/annulla/")
    assert_accessible(page)


def test_the_sign_up_list_is_accessible_on_a_phone(
    page, assert_accessible, sign_in, staff, organization, lab
):
    session = lab.sessions.get()
    EventSignup.objects.create(
        session=session,
        name="Zeffirina Quagliotti",
        phone="3331234567",
        ages=[7, 9],
        places=2,
        privacy_consent_at=datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC),
    )
    sign_in(page, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/eventi/{lab.pk}/iscrizioni/")
    assert_accessible(page)
    assert "Zeffirina Quagliotti" in page.locator("main").inner_text()
