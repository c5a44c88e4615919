"""Signing up for an event's session: places per person, ages, the code, the .ics and the cancel
link, the mail after commit, and the waiting list moving up. Now is pinned (tests/clock.py):
the factory session is on the Saturday after it."""

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from directory import event_signups
from directory.models import Event, EventSession, EventSignup
from tests.factories import EventFactory, EventSessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

FAMILY = {"name": "Zeffirina Quagliotti", "phone": "3331234567", "email": "zq@example.org"}


@pytest.fixture
def session():
    event = EventFactory(
        title="Laboratorio di ceramica",
        slug="laboratorio-di-ceramica",
        admission=Event.Admission.SIGN_UP,
        capacity=4,
        min_age=6,
        max_age=11,
    )
    return EventSessionFactory(event=event)


def sign_up(session, ages, **changes):
    return event_signups.signup_create(
        session=session, ages=ages, privacy_consent=True, **(FAMILY | changes)
    )


def signup_url(session):
    return reverse("directory:event_signup", args=[session.event.slug, session.uuid])


def form_data(*ages, **changes):
    data = FAMILY | {"privacy_consent": "on"} | changes
    for number, age in enumerate(ages, start=1):
        data[f"age_{number}"] = str(age)
    return data


# The service ---------------------------------------------------------------------------------


def test_places_are_counted_per_person(session):
    first = sign_up(session, [7, 9, 10])
    second = sign_up(session, [8])
    assert (first.places, second.places) == (3, 1)
    assert {first.status, second.status} == {EventSignup.Status.CONFIRMED}
    assert event_signups.places_left(session) == 0


def test_a_family_that_does_not_fit_waits(session):
    sign_up(session, [7, 9, 10])
    waiting = sign_up(session, [8, 9])
    assert waiting.status == EventSignup.Status.WAITING
    assert event_signups.places_left(session) == 1


def test_each_age_is_checked_against_the_event(session):
    with pytest.raises(ValidationError) as error:
        sign_up(session, [7, 4, 15])
    assert error.value.messages == [
        "Persona 2: Questo evento è per 6–11 anni.",
        "Persona 3: Questo evento è per 6–11 anni.",
    ]
    assert not EventSignup.objects.exists()


def test_an_event_without_limits_takes_every_sign_up(session):
    Event.objects.filter(pk=session.event_id).update(capacity=None, min_age=None, max_age=None)
    session.refresh_from_db()
    assert sign_up(session, [30] * 6).status == EventSignup.Status.CONFIRMED
    assert event_signups.places_left(session) is None


@pytest.mark.parametrize(
    "change",
    [
        {"admission": Event.Admission.WALK_IN},
        {"status": Event.Status.CANCELLED, "notice": "Maltempo"},
    ],
)
def test_no_sign_up_for_a_walk_in_or_cancelled_event(session, change):
    Event.objects.filter(pk=session.event_id).update(**change)
    session.refresh_from_db()
    with pytest.raises(event_signups.SignupClosed):
        sign_up(session, [7])


def test_no_sign_up_once_the_session_started(session, time_machine):
    time_machine.move_to(session.starts() + datetime.timedelta(minutes=1), tick=False)
    with pytest.raises(event_signups.SignupClosed):
        sign_up(session, [7])


def test_no_sign_up_for_a_cancelled_session(session):
    EventSession.objects.filter(pk=session.pk).update(status="cancelled", note="Sala chiusa")
    with pytest.raises(event_signups.SignupClosed):
        sign_up(session, [7])


def test_a_contact_and_consent_are_needed(session):
    with pytest.raises(ValidationError):
        sign_up(session, [7], phone="", email="")
    with pytest.raises(ValidationError):
        event_signups.signup_create(
            session=session, ages=[7], privacy_consent=False, name="A", phone="1"
        )
    assert not EventSignup.objects.exists()


def test_the_mail_leaves_after_the_commit_with_code_and_cancel_link(
    session, django_capture_on_commit_callbacks
):
    links = event_signups.SignupLinks(
        page="https://x.example/p/{token}/", cancel="https://x.example/c/{token}/"
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signup = sign_up(session, [7], links=links)
    assert not mail.outbox and len(callbacks) == 1
    callbacks[0]()
    (message,) = mail.outbox
    assert message.to == ["zq@example.org"]
    assert signup.code in message.subject
    assert f"https://x.example/c/{signup.cancel_token}/" in message.body
    signup.refresh_from_db()
    assert signup.confirmation_mail == "sent"


def test_no_mail_without_an_address(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup = sign_up(session, [7], email="")
    assert not mail.outbox
    assert signup.confirmation_mail == "not_needed"


# The waiting list ----------------------------------------------------------------------------


def test_a_cancellation_moves_up_as_many_as_fit_in_order(
    session, django_capture_on_commit_callbacks
):
    first = sign_up(session, [7, 8, 9, 10])
    too_big = sign_up(session, [7, 8, 9], email="big@example.org")
    small = sign_up(session, [7], email="small@example.org")
    smaller = sign_up(session, [8], email="smaller@example.org")
    later = sign_up(session, [9, 10], email="later@example.org")
    assert {s.status for s in [too_big, small, smaller, later]} == {"waiting"}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_signups.signup_cancel(signup=first)
    statuses = {s.email: s.status for s in EventSignup.objects.exclude(pk=first.pk).order_by("pk")}
    # Four places free: the three of the first in line, then the next one that fits.
    assert statuses == {
        "big@example.org": "confirmed",
        "small@example.org": "confirmed",
        "smaller@example.org": "waiting",
        "later@example.org": "waiting",
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["big@example.org", "small@example.org"]
    assert all("posto" in m.subject for m in mail.outbox)
    assert EventSignup.objects.get(email="big@example.org").notice_mail == "sent"


def test_a_group_too_large_lets_a_smaller_one_behind_it_move_up(session):
    first = sign_up(session, [7, 8])
    sign_up(session, [9, 10])
    too_big = sign_up(session, [7, 8, 9])
    small = sign_up(session, [7, 8])
    event_signups.signup_cancel(signup=first)
    too_big.refresh_from_db()
    small.refresh_from_db()
    assert (too_big.status, small.status) == ("waiting", "confirmed")


def test_cancelling_a_waiting_sign_up_moves_nobody(session):
    sign_up(session, [7, 8, 9, 10])
    waiting = sign_up(session, [7])
    behind = sign_up(session, [8])
    event_signups.signup_cancel(signup=waiting)
    behind.refresh_from_db()
    assert behind.status == "waiting"


def test_a_cancelled_sign_up_cannot_be_cancelled_again(session):
    signup = sign_up(session, [7])
    event_signups.signup_cancel(signup=signup)
    with pytest.raises(ValidationError):
        event_signups.signup_cancel(signup=signup)


# The pages -----------------------------------------------------------------------------------


def test_the_event_page_links_each_session_to_its_sign_up(client, session):
    response = client.get(session.event.get_absolute_url())
    assert signup_url(session) in response.content.decode()


def test_a_walk_in_event_page_has_no_sign_up_link(client, session):
    Event.objects.filter(pk=session.event_id).update(admission=Event.Admission.WALK_IN)
    response = client.get(session.event.get_absolute_url())
    assert "/iscriviti/" not in response.content.decode()


def test_signing_up_gives_the_code_the_ics_and_the_cancel_link(client, session):
    response = client.get(signup_url(session))
    assert response.status_code == 200
    assert "Posti rimasti" in response.content.decode()
    response = client.post(signup_url(session), form_data(7, 9))
    assert response.status_code == 302
    signup = EventSignup.objects.get()
    assert response["Location"] == reverse("directory:signup_done", args=[signup.cancel_token])
    assert "Zeffirina" not in response["Location"] and "zq@" not in response["Location"]
    assert (signup.ages, signup.places, signup.status) == ([7, 9], 2, "confirmed")
    page = client.get(response["Location"]).content.decode()
    assert signup.code in page
    assert "Zeffirina" not in page and "3331234567" not in page
    assert reverse("directory:signup_cancel", args=[signup.cancel_token]) in page

    ics = client.get(reverse("directory:signup_ics", args=[signup.cancel_token]))
    assert ics["Content-Type"].startswith("text/calendar")
    (vevent,) = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert vevent["SUMMARY"] == "Laboratorio di ceramica"
    assert vevent.decoded("DTSTART") == session.starts()
    assert signup.code in str(vevent["DESCRIPTION"])
    assert "Zeffirina" not in ics.content.decode()


def test_the_mail_of_the_form_has_absolute_links(
    client, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(signup_url(session), form_data(7))
    signup = EventSignup.objects.get()
    (message,) = mail.outbox
    assert f"http://testserver/eventi/iscrizioni/{signup.cancel_token}/annulla/" in message.body


def test_a_refused_sign_up_keeps_what_was_typed(client, session):
    response = client.post(signup_url(session), form_data(7, 4, name="Zeffirina Q."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Questo evento è per 6–11 anni." in page
    assert 'value="Zeffirina Q."' in page and 'value="4"' in page
    assert not EventSignup.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"age_1": "sette", "name": "x" * 500, "email": "non-una-mail"},
        {"age_1": "-3", "age_2": "9999999999999999999999", "privacy_consent": "on"},
        {"age_1": "7", "name": "A\x00B", "phone": "1", "privacy_consent": "on"},
    ],
)
def test_odd_input_gets_a_message_not_an_error(client, session, data):
    response = client.post(signup_url(session), data)
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode() or "alert" in response.content.decode()
    assert not EventSignup.objects.exists()


def test_a_full_session_puts_the_family_on_the_waiting_list(client, session):
    sign_up(session, [7, 8, 9, 10])
    response = client.get(signup_url(session))
    assert "lista d’attesa" in response.content.decode() or "lista d'attesa" in (
        response.content.decode()
    )
    response = client.post(signup_url(session), form_data(7), follow=True)
    assert EventSignup.objects.last().status == "waiting"
    assert "Sei in lista d" in response.content.decode()


def test_a_closed_session_shows_why_and_no_form(client, session):
    Event.objects.filter(pk=session.event_id).update(admission=Event.Admission.WALK_IN)
    response = client.post(signup_url(session), form_data(7))
    assert response.status_code == 200
    assert '<form method="post" novalidate' not in response.content.decode()
    assert not EventSignup.objects.exists()


def test_an_unpublished_event_or_an_unknown_session_is_404(client, session):
    other = EventSessionFactory()
    wrong = reverse("directory:event_signup", args=[session.event.slug, other.uuid])
    assert client.get(wrong).status_code == 404
    Event.objects.filter(pk=session.event_id).update(publication_status="draft")
    assert client.get(signup_url(session)).status_code == 404


def test_an_unknown_token_is_404(client):
    for name in ["signup_done", "signup_ics", "signup_cancel"]:
        assert client.get(reverse(f"directory:{name}", args=["nessuno"])).status_code == 404


def test_cancelling_through_the_link(client, session):
    signup = sign_up(session, [7])
    url = reverse("directory:signup_cancel", args=[signup.cancel_token])
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    signup.refresh_from_db()
    assert signup.status == "cancelled" and signup.cancelled_at
    assert "annullata" in response.content.decode()
    ics = reverse("directory:signup_ics", args=[signup.cancel_token])
    assert client.get(ics).status_code == 404
    # Again: a message, not an error.
    response = client.post(url, follow=True)
    assert response.status_code == 200


def test_the_form_is_throttled(client, session, settings):
    from directory.views import event_signups as views

    for _n in range(views.SIGNUPS_PER_HOUR):
        client.post(signup_url(session), form_data(7, email=""))
    response = client.post(signup_url(session), form_data(7, email=""))
    assert response.status_code == 429
    assert re.search(r"Troppe|Molte|molte", response.content.decode())


def test_a_form_sent_twice_signs_up_once(client, session):
    page = client.get(signup_url(session)).content.decode()
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)
    first = client.post(signup_url(session), form_data(7, key=key))
    second = client.post(signup_url(session), form_data(7, key=key))
    assert EventSignup.objects.count() == 1
    assert first["Location"] == second["Location"]
    # Another form served is another sign-up.
    other = re.search(
        r'name="key" value="([^"]+)"', client.get(signup_url(session)).content.decode()
    ).group(1)
    assert other != key
    client.post(signup_url(session), form_data(8, key=other))
    assert EventSignup.objects.count() == 2
