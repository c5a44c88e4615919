"""The reminder of the day before an event's session, to the families signed up: e-mail and
text message, once, only for confirmed sign-ups of a session that still takes place."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from directory.event_reminders import send_event_reminders
from directory.models import Event, EventSession, EventSignup
from linkrete import sms
from tests.factories import EventSessionFactory, EventSignupFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

TOMORROW = datetime.date(2026, 12, 3)  # the pinned now is Wednesday 2 December, 10:00


@pytest.fixture
def session():
    return EventSessionFactory(date=TOMORROW)


def remind(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return send_event_reminders()


def test_a_confirmed_sign_up_for_tomorrow_is_reminded_by_mail_and_text(
    session, django_capture_on_commit_callbacks
):
    signup = EventSignupFactory(session=session, email="rossi@example.org", phone="3331112222")

    assert remind(django_capture_on_commit_callbacks) == 1

    (message,) = mail.outbox
    assert message.to == ["rossi@example.org"]
    assert message.subject == f"Domani: {session.event.title}, codice {signup.code}"
    assert "domani" in message.body and signup.code in message.body
    (text,) = sms.outbox
    assert text.to == "3331112222" and signup.code in text.body
    assert "03/12/2026" in text.body and "15:00" in text.body
    signup.refresh_from_db()
    assert signup.reminder_sent_at == timezone.now()
    assert remind(django_capture_on_commit_callbacks) == 0  # once
    assert len(mail.outbox) == 1 and len(sms.outbox) == 1


def test_no_reminder_for_waiting_or_cancelled_sign_ups_or_other_days(
    session, django_capture_on_commit_callbacks
):
    EventSignupFactory(session=session, status=EventSignup.Status.WAITING)
    EventSignupFactory(session=session, status=EventSignup.Status.CANCELLED)
    EventSignupFactory(session=EventSessionFactory(date=TOMORROW + datetime.timedelta(days=1)))

    assert remind(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and sms.outbox == []


def test_no_reminder_for_a_cancelled_session_or_event(django_capture_on_commit_callbacks):
    EventSignupFactory(
        session=EventSessionFactory(date=TOMORROW, status=EventSession.Status.CANCELLED)
    )
    cancelled_event = EventSessionFactory(date=TOMORROW)
    Event.objects.filter(pk=cancelled_event.event_id).update(status=Event.Status.CANCELLED)
    EventSignupFactory(session=cancelled_event)

    assert remind(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_an_e_mail_only_sign_up_gets_no_text_message(session, django_capture_on_commit_callbacks):
    EventSignupFactory(session=session, phone="")

    remind(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1 and sms.outbox == []
