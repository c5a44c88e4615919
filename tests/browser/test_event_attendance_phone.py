"""The organization marks who came to a past session on a phone (360 px), without JavaScript
being needed: a wrong number first (what was typed stays), then saved; a network's internal
meeting and its minutes. axe-core checks every page opened. The clock starts at Wednesday
2 December 2026 (tests/browser/conftest.py)."""

import datetime

import pytest

from directory.models import Event, EventSignup, EventWalkIn
from tests.factories import EventFactory, EventSessionFactory, NetworkMembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_staff_mark_who_came_on_a_phone(page, assert_accessible, sign_in, staff, organization):
    event = EventFactory(
        organization=organization, title="Laboratorio di ceramica", admission="sign_up"
    )
    session = EventSessionFactory(event=event, date=datetime.date(2026, 12, 1))
    signup = EventSignup.objects.create(
        session=session,
        name="Zeffirina Quagliotti",
        phone="3331234567",
        ages=[7, 9],
        places=2,
        privacy_consent_at=datetime.datetime(2026, 11, 20, tzinfo=datetime.UTC),
    )
    sign_in(page, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/eventi/{event.pk}/iscrizioni/")
    assert_accessible(page)
    page.get_by_role("link", name="Segna chi è venuto").click()
    page.wait_for_url("**/presenze/")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.locator(f'label[for="id_came_{signup.pk}_0"]').click()
    page.get_by_label("6–11 anni").fill("-1")
    page.get_by_label("adulti").fill("2")
    page.get_by_role("button", name="Salva le presenze").click()
    page.wait_for_load_state("load")
    assert page.get_by_label("adulti").input_value() == "2"
    assert page.locator(f"#id_came_{signup.pk}_0").is_checked()
    assert_accessible(page)

    page.get_by_label("6–11 anni").fill("3")
    page.get_by_role("button", name="Salva le presenze").click()
    page.wait_for_url("**/iscrizioni/")
    assert_accessible(page)
    signup.refresh_from_db()
    assert signup.attended is True
    assert dict(EventWalkIn.objects.values_list("age_band", "people")) == {"6-11": 3, "adulti": 2}


def test_a_network_meeting_and_its_minutes(page, assert_accessible, sign_in, staff, organization):
    network = NetworkMembershipFactory(organization=organization).network
    meeting = EventFactory(
        organization=organization, title="Cabina di regia", internal_network=network
    )
    EventSessionFactory(event=meeting, date=datetime.date(2026, 12, 9))
    sign_in(page, staff)
    page.goto("/area-enti/incontri-di-rete/")
    assert_accessible(page)
    page.get_by_role("link", name="Cabina di regia").click()
    page.wait_for_url(f"**/incontri-di-rete/{meeting.pk}/")
    page.get_by_label("Verbale").fill("Approvato il calendario.")
    page.get_by_role("button", name="Salva il verbale").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert Event.objects.get(pk=meeting.pk).minutes == "Approvato il calendario."
