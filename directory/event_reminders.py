"""The reminder of the day before an event's session, to the families signed up for it.

``send_event_reminders`` (the daily job ``send_reminders``, linkrete/daily.py) reminds every
confirmed sign-up for a session of ``day`` (tomorrow by default) once, as the desks' bookings
are (``linkrete/reminders.py``: the row is locked and marked in the transaction that queues its
messages). E-mail to those who left an address, a text message to those who left a phone
number. Not for cancelled sign-ups, nor those still waiting, nor a cancelled session or event.
A sign-up keeps no interface language: the reminder is in the site's (Italian), as its other
mails sent without a request are.
"""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from directory.models import Event, EventSession, EventSignup
from linkrete import sms
from linkrete.mail import Mail, send_after_commit
from linkrete.reminders import remind_once


def signups_to_remind(day: datetime.date):
    return (
        EventSignup.objects.filter(
            status=EventSignup.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            session__date=day,
        )
        .exclude(
            session__status=EventSession.Status.CANCELLED,
        )
        .exclude(session__event__status=Event.Status.CANCELLED)
    )


def send_event_reminders(*, day: datetime.date | None = None) -> int:
    """Queue the reminders of ``day``'s sessions (tomorrow's by default); returns how many."""
    return remind_once(
        signups_to_remind(day or timezone.localdate() + datetime.timedelta(days=1)),
        order_by=("pk",),
        related=("session__event__organization", "session__location__municipality"),
        language=lambda signup: settings.LANGUAGE_CODE,
        queue=_queue,
    )


def _queue(signup: EventSignup) -> None:
    session = signup.session
    reference = f"event sign-up {signup.code}"
    if signup.email:
        context = {"signup": signup, "session": session, "event": session.event}
        send_after_commit(
            Mail(
                kind="event_signup_reminder",
                reference=reference,
                subject=_("Tomorrow: %(event)s, code %(code)s")
                % {"event": session.event.title, "code": signup.code},
                body=render_to_string(
                    "directory/email/event_signup.txt", context | {"kind": "event_signup_reminder"}
                ),
                to=signup.email,
            )
        )
    if signup.phone:
        sms.send_after_commit(
            sms.TextMessage(
                kind="event_signup_reminder",
                reference=reference,
                to=signup.phone,
                body=_("Reminder: %(event)s, %(day)s at %(time)s. Code %(code)s.")
                % {
                    "event": session.event.title,
                    "day": formats.date_format(session.date, "SHORT_DATE_FORMAT"),
                    "time": session.starts_at.strftime("%H:%M"),
                    "code": signup.code,
                },
            )
        )
