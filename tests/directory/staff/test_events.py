"""Events in the association area: created and edited with their sessions through the same
review as activities (a Revision), scoped to the organization's staff (the 404 matrix is in
test_access_matrix.py; here, another organization's event by key and a posted one)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from directory.models import Event, EventSession, Revision
from directory.staff import services
from tests.factories import (
    EventFactory,
    EventSessionFactory,
    LocationFactory,
    category,
)

pytestmark = pytest.mark.usefixtures("pinned_now")


def event_data(location, **changes):
    data = {
        "title": "Laboratorio di Natale",
        "summary": "Lavoretti per bambini e genitori",
        "description": "Un pomeriggio insieme.",
        "activity": "",
        "categories": [category("laboratori").pk],
        "min_age": "6",
        "max_age": "11",
        "is_free": "True",
        "fee_description": "",
        "admission": "walk_in",
        "capacity": "",
        "accessibility": "Sala al piano terra",
        "status": "scheduled",
        "notice": "",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-session": "",
        "sessions-0-date": "2026-12-12",
        "sessions-0-starts_at": "15:00",
        "sessions-0-ends_at": "17:00",
        "sessions-0-location": str(location.pk),
        "sessions-0-online_url": "",
        "sessions-0-status": "scheduled",
        "sessions-0-moved_from": "",
        "sessions-0-note": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def location(organization):
    return LocationFactory(organization=organization, name="Oratorio")


def test_a_new_event_waits_for_review_then_approval_publishes_it_with_its_sessions(
    client, staff, coordinator, organization, location
):
    client.force_login(staff)
    response = client.post(
        reverse("staff:event_new", args=[organization.slug]), event_data(location)
    )
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert (revision.kind, revision.status, revision.is_new) == ("event", "pending", True)
    assert Event.objects.count() == 0
    assert (
        client.get(reverse("directory:event_calendar"))
        .content.decode()
        .count("Laboratorio di Natale")
        == 0
    )

    client.force_login(coordinator)
    page = client.get(reverse("staff:review_detail", args=[revision.pk])).content.decode()
    assert "2026-12-12 15:00–17:00" in page
    response = client.post(reverse("staff:review_approve", args=[revision.pk]))
    assert response.status_code == 302

    event = Event.objects.get()
    assert event.organization == organization
    assert event.slug == "laboratorio-di-natale"
    session = event.sessions.get()
    assert (session.date, session.starts_at, session.location) == (
        datetime.date(2026, 12, 12),
        datetime.time(15),
        location,
    )
    revision.refresh_from_db()
    assert revision.event == event
    calendar = client.get(reverse("directory:event_calendar"), {"data": "2026-12-12"})
    assert "Laboratorio di Natale" in calendar.content.decode()


def test_editing_keeps_the_sessions_it_names_and_removes_the_others(
    client, staff, coordinator, organization, location
):
    event = EventFactory(organization=organization, title="Merenda")
    kept = EventSessionFactory(event=event, location=location, date=datetime.date(2026, 12, 5))
    dropped = EventSessionFactory(event=event, location=location, date=datetime.date(2026, 12, 6))
    client.force_login(staff)
    data = event_data(
        location,
        title="Merenda insieme",
        **{
            "sessions-TOTAL_FORMS": "2",
            "sessions-0-session": str(kept.pk),
            "sessions-0-date": "2026-12-19",
            "sessions-0-status": "moved",
            "sessions-0-moved_from": "2026-12-05",
            "sessions-1-session": "",
            "sessions-1-date": "2026-12-20",
            "sessions-1-starts_at": "10:00",
            "sessions-1-ends_at": "11:00",
            "sessions-1-location": "",
            "sessions-1-online_url": "https://meet.example.org/merenda",
            "sessions-1-status": "scheduled",
        },
    )
    response = client.post(reverse("staff:event_edit", args=[organization.slug, event.pk]), data)
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.previous["title"] == "Merenda"
    assert [row["session"] for row in revision.previous["sessions"]] == [kept.pk, dropped.pk]

    services.revision_approve(revision=revision, reviewer=coordinator)

    event.refresh_from_db()
    assert event.title == "Merenda insieme"
    sessions = list(event.sessions.order_by("date"))
    assert [s.pk for s in sessions][0] == kept.pk
    assert sessions[0].status == EventSession.Status.MOVED
    assert sessions[0].moved_from == datetime.date(2026, 12, 5)
    assert sessions[1].online_url == "https://meet.example.org/merenda"
    assert not EventSession.objects.filter(pk=dropped.pk).exists()


def test_a_session_of_another_event_cannot_be_taken_over(
    client, staff, coordinator, organization, location, other_organization
):
    event = EventFactory(organization=organization)
    EventSessionFactory(event=event, location=location)
    foreign = EventSessionFactory(event__organization=other_organization)
    client.force_login(staff)
    data = event_data(location, **{"sessions-0-session": str(foreign.pk)})
    client.post(reverse("staff:event_edit", args=[organization.slug, event.pk]), data)
    revision = Revision.objects.get()

    with pytest.raises(ValidationError, match="un altro evento"):
        services.revision_approve(revision=revision, reviewer=coordinator)
    foreign.refresh_from_db()
    assert foreign.event.organization == other_organization


def test_another_organizations_event_answers_404(client, staff, organization, other_organization):
    foreign = EventFactory(organization=other_organization)
    client.force_login(staff)
    url = reverse("staff:event_edit", args=[organization.slug, foreign.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert Revision.objects.count() == 0


def test_another_organizations_place_is_refused_and_what_was_typed_stays(
    client, staff, organization, other_organization, location
):
    foreign_place = LocationFactory(organization=other_organization)
    client.force_login(staff)
    data = event_data(location, **{"sessions-0-location": str(foreign_place.pk)})
    response = client.post(reverse("staff:event_new", args=[organization.slug]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Laboratorio di Natale" in page
    assert Revision.objects.count() == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"sessions-0-ends_at": "14:00"},
        {"sessions-0-location": ""},
        {"sessions-0-date": "domani"},
        {"sessions-0-status": "moved"},
        {"is_free": "False"},
        {"min_age": "12", "max_age": "6"},
        {"status": "cancelled"},
        {"sessions-TOTAL_FORMS": "x"},
        {"sessions-TOTAL_FORMS": "1000"},
        {"categories": ["999999999999999999999"]},
    ],
)
def test_bad_input_is_answered_with_the_form_and_nothing_saved(
    client, staff, organization, location, changes
):
    client.force_login(staff)
    data = event_data(location, **changes)
    response = client.post(reverse("staff:event_new", args=[organization.slug]), data)
    assert response.status_code == 200
    assert Revision.objects.count() == 0


def test_an_event_needs_a_session(client, staff, organization, location):
    client.force_login(staff)
    data = event_data(
        location,
        **{"sessions-0-date": "", "sessions-0-starts_at": "", "sessions-0-ends_at": ""},
        **{"sessions-0-location": "", "sessions-0-status": ""},
    )
    response = client.post(reverse("staff:event_new", args=[organization.slug]), data)
    assert response.status_code == 200
    assert Revision.objects.count() == 0


def test_add_a_session_keeps_what_was_typed(client, staff, organization, location):
    client.force_login(staff)
    data = event_data(location, add_session="1")
    response = client.post(reverse("staff:event_new", args=[organization.slug]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="sessions-1-date"' in page
    assert 'value="2026-12-12"' in page
    assert Revision.objects.count() == 0


def test_a_rejected_event_is_reopened_with_its_text(
    client, staff, coordinator, organization, location
):
    client.force_login(staff)
    client.post(reverse("staff:event_new", args=[organization.slug]), event_data(location))
    revision = Revision.objects.get()
    services.revision_reject(revision=revision, reviewer=coordinator, reason="Manca l'orario")
    url = reverse("staff:event_new", args=[organization.slug]) + f"?revisione={revision.pk}"
    page = client.get(url).content.decode()
    assert "Laboratorio di Natale" in page
    assert 'value="2026-12-12"' in page


def test_a_trusted_organization_publishes_at_once(client, staff, organization, location):
    organization.is_trusted = True
    organization.save()
    client.force_login(staff)
    client.post(reverse("staff:event_new", args=[organization.slug]), event_data(location))
    assert Revision.objects.get().status == Revision.Status.APPROVED
    assert Event.objects.get().sessions.count() == 1
