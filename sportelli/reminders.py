"""The reminder of the day before a desk appointment: by e-mail and by text message.

``send_booking_reminders`` (the daily job ``send_reminders``, linkrete/daily.py) reminds every
active booking of ``day`` (tomorrow by default) once (``linkrete/reminders.py``: the row is locked
and marked in the transaction that queues its messages). E-mail to those who left an address, a
text message to those who left a phone number (the booking form asks for one or the other, and
the privacy notice they accepted covers being contacted about the appointment), in the language
the booking was made in. Cancelled bookings are never reminded.
"""

import datetime

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from linkrete import sms
from linkrete.mail import Mail, send_after_commit
from linkrete.reminders import remind_once
from sportelli.models import Booking
from sportelli.slots import local_zone


def bookings_to_remind(day: datetime.date):
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=local_zone())
    return Booking.objects.filter(
        status=Booking.Status.BOOKED,
        reminder_sent_at__isnull=True,
        starts_at__gte=start,
        starts_at__lt=start + datetime.timedelta(days=1),
    )


def send_booking_reminders(*, day: datetime.date | None = None) -> int:
    """Queue the reminders of ``day``'s bookings (tomorrow's by default); returns how many."""
    return remind_once(
        bookings_to_remind(day or timezone.localdate() + datetime.timedelta(days=1)),
        order_by=("starts_at", "pk"),
        related=("desk__location", "desk__municipality"),
        language=lambda booking: booking.interface_language,
        queue=_queue,
    )


def _queue(booking: Booking) -> None:
    reference = f"booking {booking.code}"
    when = formats.date_format(timezone.localtime(booking.starts_at), "DATETIME_FORMAT")
    if booking.email:
        send_after_commit(
            Mail(
                kind="booking_reminder",
                reference=reference,
                subject=_("Tomorrow: your appointment at %(desk)s, code %(code)s")
                % {"desk": booking.desk.name, "code": booking.code},
                body=render_to_string(
                    "sportelli/email/booking_reminder.txt",
                    {"booking": booking, "desk": booking.desk},
                ),
                to=booking.email,
            )
        )
    if booking.phone:
        sms.send_after_commit(
            sms.TextMessage(
                kind="booking_reminder",
                reference=reference,
                to=booking.phone,
                body=_("Reminder: appointment at %(desk)s, %(when)s. Code %(code)s.")
                % {"desk": booking.desk.name, "when": when, "code": booking.code},
            )
        )
