"""Events in the admin: coordinators find, correct and cancel them; the list and the change
form (with its sessions inline) cost the same queries whatever their number."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    EventFactory,
    EventSessionFactory,
    EventSignupFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("admin:directory_event_changelist")


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def queries(client, url, **params):
    client.get(url, params)  # the first request of a process warms Django's caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response


def test_the_list_finds_events_by_title_or_organization(signed_in):
    EventFactory(title="Laboratorio di Natale", organization=OrganizationFactory(name="Oratorio"))
    EventFactory(title="Festa di primavera", organization=OrganizationFactory(name="Comitato"))
    _, response = queries(signed_in, LIST, q="natale")
    assert [e.title for e in response.context["cl"].result_list] == ["Laboratorio di Natale"]
    _, response = queries(signed_in, LIST, q="comitato")
    assert [e.title for e in response.context["cl"].result_list] == ["Festa di primavera"]


def test_the_list_costs_the_same_queries_for_2_or_22_events(signed_in):
    EventFactory.create_batch(2)
    few, _ = queries(signed_in, LIST)
    EventFactory.create_batch(20)
    many, response = queries(signed_in, LIST)
    assert len(response.context["cl"].result_list) == 22
    assert many == few == 9  # 8, and the coordinator's role once (their scope)


def test_the_change_form_costs_the_same_queries_for_1_or_12_sessions(signed_in):
    event = EventFactory()
    EventSignupFactory(session=EventSessionFactory(event=event))
    url = reverse("admin:directory_event_change", args=[event.pk])
    few, _ = queries(signed_in, url)
    for week in range(1, 12):
        session = EventSessionFactory(
            event=event, date=datetime.date(2026, 12, 5) + week * datetime.timedelta(7)
        )
        EventSignupFactory(session=session, attended=True)
        EventSignupFactory(session=session, status="waiting")
    many, response = queries(signed_in, url)
    assert response.content.decode().count('name="sessions-') >= 12 * 7
    # 12, the coordinator's role once, and the sign-ups' counts by session: one query,
    # whatever their number.
    assert many == few == 14


def test_the_change_form_counts_the_sign_ups_without_names(signed_in):
    event = EventFactory()
    session = EventSessionFactory(event=event, date=datetime.date(2026, 12, 5))
    EventSignupFactory(session=session, name="Zeffirina Q.", ages=[7, 9], attended=True)
    EventSignupFactory(session=session, name="Ottavio B.", ages=[8], attended=False)
    EventSignupFactory(session=session, name="Gervasia W.", status="waiting")
    EventSignupFactory(session=session, name="Annullata", status="cancelled")
    _, response = queries(signed_in, reverse("admin:directory_event_change", args=[event.pk]))
    page = response.content.decode()
    assert "<td>05/12/2026 15:00</td><td>2</td><td>3</td><td>1</td><td>2</td>" in page
    for name in ("Zeffirina", "Ottavio", "Gervasia", "Annullata"):
        assert name not in page


def test_staff_of_an_organization_do_not_reach_the_events_admin(client, staff):
    client.force_login(staff)
    assert client.get(LIST).status_code in (302, 403, 404)
