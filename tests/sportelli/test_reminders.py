"""The reminder of the day before a desk appointment: e-mail and text message, in the
booking's language, once, never for a cancelled booking."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from linkrete import sms
from sportelli.models import Booking
from sportelli.reminders import send_booking_reminders
from tests.clock import ROME
from tests.factories import BookingFactory

pytestmark = pytest.mark.usefixtures("pinned_now")  # Wednesday 2 December 2026, 10:00


def tomorrow(n=0):
    """Thursday 3 December, from 9:00, half an hour apart (the factory's own times follow its
    sequence, which other tests advance)."""
    return datetime.datetime(2026, 12, 3, 9, 0, tzinfo=ROME) + datetime.timedelta(minutes=30 * n)


def remind(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return send_booking_reminders(**kwargs)


@pytest.mark.django_db
def test_tomorrows_booking_is_reminded_by_mail_and_text_in_its_language(
    django_capture_on_commit_callbacks,
):
    booking = BookingFactory(
        starts_at=tomorrow(), email="anna@example.org", phone="3331234567", interface_language="en"
    )

    assert remind(django_capture_on_commit_callbacks) == 1

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject.startswith("Tomorrow: your appointment at ")
    assert booking.code in message.subject and "tomorrow" in message.body
    (text,) = sms.outbox
    assert text.to == "3331234567" and text.body.startswith("Reminder: appointment at")
    assert booking.code in text.body and "anna" not in text.reference
    booking.refresh_from_db()
    assert booking.reminder_sent_at == timezone.now()


@pytest.mark.django_db
def test_an_italian_booking_is_reminded_in_italian(django_capture_on_commit_callbacks):
    BookingFactory(starts_at=tomorrow(), email="anna@example.org", phone="")

    remind(django_capture_on_commit_callbacks)

    assert mail.outbox[0].subject.startswith("Domani: ")
    assert sms.outbox == []  # no phone, no text message


@pytest.mark.django_db
def test_a_phone_only_booking_gets_a_text_message_only(django_capture_on_commit_callbacks):
    BookingFactory(starts_at=tomorrow(), email="", phone="3330000000")

    remind(django_capture_on_commit_callbacks)

    assert mail.outbox == [] and [t.to for t in sms.outbox] == ["3330000000"]


@pytest.mark.django_db
def test_a_booking_is_reminded_once(django_capture_on_commit_callbacks):
    BookingFactory(starts_at=tomorrow(), email="anna@example.org")

    assert remind(django_capture_on_commit_callbacks) == 1
    assert remind(django_capture_on_commit_callbacks) == 0

    assert len(mail.outbox) == 1 and len(sms.outbox) == 1


@pytest.mark.django_db
def test_cancelled_done_and_other_days_bookings_are_not_reminded(
    django_capture_on_commit_callbacks,
):
    BookingFactory(
        starts_at=tomorrow(), status=Booking.Status.CANCELLED, seat=None, email="no@example.org"
    )
    BookingFactory(starts_at=tomorrow(1), status=Booking.Status.DONE, email="no@example.org")
    in_two_days = timezone.now().replace(minute=0) + datetime.timedelta(days=2)
    BookingFactory(starts_at=in_two_days, email="no@example.org")
    BookingFactory(starts_at=timezone.now() + datetime.timedelta(hours=1), email="no@example.org")

    assert remind(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and sms.outbox == []


@pytest.mark.django_db
def test_a_given_day_can_be_reminded(django_capture_on_commit_callbacks):
    in_two_days = timezone.now().replace(minute=0) + datetime.timedelta(days=2)
    BookingFactory(starts_at=in_two_days, email="anna@example.org")

    assert remind(django_capture_on_commit_callbacks, day=in_two_days.date()) == 1


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_remind_each_booking_once():
    bookings = [BookingFactory(starts_at=tomorrow(n), email=f"p{n}@example.org") for n in range(6)]
    start = threading.Barrier(2)
    counts = []

    def run():
        try:
            start.wait()
            counts.append(send_booking_reminders())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(counts) == len(bookings)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(b.email for b in bookings)
    assert len(sms.outbox) == len(bookings)
