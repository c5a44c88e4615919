"""The organization's side of sign-ups: the list per session (its members only: the 404 matrix
is in test_access_matrix.py), and the families told when a session is cancelled, moved or
removed, or the whole event cancelled, by the approval of the event's revision."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from directory.models import Event, Revision
from directory.staff import services
from tests.directory.staff.test_events import event_data
from tests.factories import EventFactory, EventSessionFactory, EventSignupFactory, LocationFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.fixture
def location(organization):
    return LocationFactory(organization=organization, name="Oratorio")


@pytest.fixture
def event(organization):
    return EventFactory(
        organization=organization, admission="sign_up", capacity=4, title="Ceramica"
    )


def _grow(event, location, size):
    for n in range(size):
        session = EventSessionFactory(
            event=event, location=location, date=datetime.date(2026, 12, 5 + n)
        )
        EventSignupFactory(session=session, name=f"Famiglia {n}")
        EventSignupFactory(session=session, name=f"In attesa {n}", ages=[7, 8, 9], status="waiting")


def _list(event):
    return reverse("staff:event_signup_list", args=[event.organization.slug, event.pk])


def test_the_staff_see_who_signed_up_and_who_waits(client, staff, event, location):
    session = EventSessionFactory(event=event, location=location)
    EventSignupFactory(session=session, name="Zeffirina Q.", phone="333999", ages=[7, 9])
    EventSignupFactory(session=session, name="Ottavio B.", ages=[8, 8, 8], status="waiting")
    EventSignupFactory(session=session, name="Annullata", status="cancelled")
    client.force_login(staff)
    page = client.get(_list(event)).content.decode()
    assert "Zeffirina Q." in page and "333999" in page and "7, 9" in page
    assert "Ottavio B." in page and "in attesa, numero 1" in page
    assert "2 posti occupati su 4" in page
    assert "Annullata" not in page


def test_the_event_list_links_the_sign_ups(client, staff, event):
    client.force_login(staff)
    page = client.get(reverse("staff:event_list", args=[event.organization.slug]))
    assert _list(event) in page.content.decode()


def test_another_organizations_event_is_404_for_a_member(client, staff, other_organization):
    other = EventFactory(organization=other_organization, admission="sign_up")
    client.force_login(staff)
    url = reverse(
        "staff:event_signup_list", args=[staff.memberships.get().organization.slug, other.pk]
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("size", [2, 12])
def test_the_list_reads_the_same_queries_whatever_the_sign_ups(
    client, staff, event, location, size, django_assert_num_queries
):
    _grow(event, location, size)
    client.force_login(staff)
    client.get(_list(event))  # the session's first reads
    with django_assert_num_queries(6):
        response = client.get(_list(event))
    assert response.content.decode().count("Famiglia ") == size


# Families told of changes -------------------------------------------------------------------


def _approve(client, staff, coordinator, event, data, django_capture_on_commit_callbacks):
    client.force_login(staff)
    url = reverse("staff:event_edit", args=[event.organization.slug, event.pk])
    assert client.post(url, data).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_approve(revision=Revision.objects.get(), reviewer=coordinator)


def _session_row(session, location, **changes):
    return {
        "sessions-0-session": str(session.pk),
        "sessions-0-date": session.date.isoformat(),
        "sessions-0-starts_at": "15:00",
        "sessions-0-ends_at": "17:00",
        "sessions-0-location": str(location.pk),
        "sessions-0-status": "scheduled",
        **changes,
    }


def _event_form(event, location, session, **changes):
    return event_data(
        location,
        title=event.title,
        admission="sign_up",
        capacity="4",
        **_session_row(session, location, **changes),
    )


@pytest.mark.parametrize(
    ("changes", "subject"),
    [
        ({"sessions-0-status": "cancelled", "sessions-0-note": "Sala allagata"}, "Annullato"),
        (
            {
                "sessions-0-date": "2026-12-12",
                "sessions-0-status": "moved",
                "sessions-0-moved_from": "2026-12-05",
            },
            "Nuova data",
        ),
        ({"sessions-0-starts_at": "16:00"}, "Nuova data"),
    ],
)
def test_cancelling_or_moving_a_session_tells_the_families(
    client,
    staff,
    coordinator,
    event,
    location,
    changes,
    subject,
    django_capture_on_commit_callbacks,
):
    session = EventSessionFactory(event=event, location=location)
    told = EventSignupFactory(session=session, email="told@example.org")
    EventSignupFactory(session=session, email="waits@example.org", status="waiting")
    EventSignupFactory(session=session, email="gone@example.org", status="cancelled")
    EventSignupFactory(session=session, email="", phone="333")
    _approve(
        client,
        staff,
        coordinator,
        event,
        _event_form(event, location, session, **changes),
        django_capture_on_commit_callbacks,
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["told@example.org", "waits@example.org"]
    assert all(m.subject.startswith(subject) for m in mail.outbox)
    assert told.code in mail.outbox[0].body or told.code in mail.outbox[1].body
    told.refresh_from_db()
    assert told.notice_mail == "sent"


def test_an_edit_that_changes_no_date_tells_nobody(
    client, staff, coordinator, event, location, django_capture_on_commit_callbacks
):
    session = EventSessionFactory(event=event, location=location)
    EventSignupFactory(session=session)
    form = _event_form(event, location, session, **{"sessions-0-note": "Portate un grembiule"})
    _approve(client, staff, coordinator, event, form, django_capture_on_commit_callbacks)
    assert not mail.outbox


def test_a_removed_session_tells_its_families(
    client, staff, coordinator, event, location, django_capture_on_commit_callbacks
):
    kept = EventSessionFactory(event=event, location=location)
    removed = EventSessionFactory(event=event, location=location, date=datetime.date(2026, 12, 6))
    EventSignupFactory(session=removed, email="removed@example.org")
    form = _event_form(event, location, kept)
    _approve(client, staff, coordinator, event, form, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.to == ["removed@example.org"] and message.subject.startswith("Annullato")


def test_cancelling_the_event_tells_the_families_of_the_coming_sessions(
    client, staff, coordinator, event, location, django_capture_on_commit_callbacks
):
    session = EventSessionFactory(event=event, location=location)
    EventSignupFactory(session=session, email="told@example.org")
    form = _event_form(event, location, session) | {"status": "cancelled", "notice": "Maltempo"}
    _approve(client, staff, coordinator, event, form, django_capture_on_commit_callbacks)
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    (message,) = mail.outbox
    assert message.to == ["told@example.org"] and message.subject.startswith("Annullato")
