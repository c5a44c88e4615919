"""The reminder of the day before a desk appointment: by e-mail and by text message.

``send_booking_reminders`` (the daily job ``send_reminders``, linkrete/daily.py) reminds every
active booking of ``day`` (tomorrow by default) once: the row is locked and marked
(``reminder_sent_at``) in the transaction that queues its messages, so two runs at once, or a
second run the same day, remind nobody twice. E-mail to those who left an address, a text
message to those who left a phone number (the booking form asks for one or the other, and the
privacy notice they accepted covers being contacted about the appointment), in the language
the booking was made in. Cancelled bookings are never reminded.
"""

import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from linkrete import sms
from linkrete.mail import Mail, send_after_commit
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
    day = day or timezone.localdate() + datetime.timedelta(days=1)
    reminded = 0
    for pk in bookings_to_remind(day).order_by("starts_at", "pk").values_list("pk", flat=True):
        with transaction.atomic():
            booking = (
                bookings_to_remind(day)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("desk__location", "desk__municipality")
                .filter(pk=pk)
                .first()
            )
            if booking is None:  # reminded, cancelled or being reminded meanwhile
                continue
            booking.reminder_sent_at = timezone.now()
            booking.save(update_fields=["reminder_sent_at"])
            with translation.override(booking.interface_language):
                _queue(booking)
        reminded += 1
    return reminded


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
