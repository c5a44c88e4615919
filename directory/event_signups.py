"""Signing up for an event's session, cancelling, and the waiting list moving up.

No overbooking under concurrency: every write that takes or frees places first locks the
session's row (``select_for_update``), so two sign-ups for the last place run one after the
other and the second sees the place taken. The mails leave after the commit
(``linkrete.mail.send_after_commit``, through the worker); their outcome is stored on the
sign-up.

The links in the mails come as templates holding ``{token}`` (the views build them with the
request's host), as the desks' booking does.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Event, EventSession, EventSignup
from directory.models.event_signup import MAX_PEOPLE
from linkrete.mail import Mail, MailStatus, Outcome, send_after_commit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignupLinks:
    """Absolute links for the mails, each with ``{token}`` for the sign-up's cancel token."""

    page: str = ""
    cancel: str = ""

    def for_signup(self, signup: EventSignup) -> dict:
        return {
            "page_url": self.page.format(token=signup.cancel_token),
            "cancel_url": self.cancel.format(token=signup.cancel_token),
        }


class SignupClosed(ValidationError):
    """The session takes no sign-up (any more): walk-in event, cancelled, started or past."""


def signup_closed_reason(session: EventSession) -> str:
    """Why families cannot sign up for ``session`` now, or "" when they can."""
    event = session.event
    if event.admission != Event.Admission.SIGN_UP:
        return _("This event needs no sign-up: just come.")
    if session.is_cancelled:
        return _("This date is cancelled.")
    if session.starts() <= timezone.now():
        return _("This date has already started: sign-ups are closed.")
    return ""


def age_error(event: Event, age: int) -> str:
    """Why a person of ``age`` cannot take part in ``event``, or ""."""
    too_young = event.min_age is not None and age < event.min_age
    too_old = event.max_age is not None and age > event.max_age
    if too_young or too_old:
        return _("This event is for %(range)s.") % {"range": event.age_label}
    return ""


def age_errors(event: Event, ages: list[int]) -> list[str]:
    """One message per person whose age is outside the event's range."""
    return [
        _("Person %(number)s: %(error)s") % {"number": number, "error": error}
        for number, age in enumerate(ages, start=1)
        if (error := age_error(event, age))
    ]


def places_left(session: EventSession) -> int | None:
    """Free places of the session now, or ``None`` when the event has no limit."""
    capacity = session.event.capacity
    if capacity is None:
        return None
    return max(capacity - session.signups.places_taken(), 0)


def signup_create(
    *,
    session: EventSession,
    name: str,
    phone: str = "",
    email: str = "",
    ages: list[int],
    privacy_consent: bool,
    links: SignupLinks | None = None,
    idempotency_key: str | None = None,
) -> EventSignup:
    """Sign up ``ages`` (one age per person) for ``session``: confirmed when their places are
    free, otherwise on the waiting list. Refused (``ValidationError``) when the session takes
    no sign-up, an age is outside the range, or consent or a contact is missing.

    ``idempotency_key`` makes a form sent twice return the sign-up the first sending made."""
    if idempotency_key and (existing := _signup_with_key(session, idempotency_key)):
        return existing
    if not privacy_consent:
        raise ValidationError(_("Accept the privacy notice to sign up."))
    if not ages:
        raise ValidationError(_("Give the age of at least one person."))
    if len(ages) > MAX_PEOPLE:
        raise ValidationError(_("Sign up from one to six people."))
    if errors := age_errors(session.event, ages):
        raise ValidationError(errors)
    signup = EventSignup(
        session=session,
        name=name,
        phone=phone,
        email=email,
        ages=list(ages),
        places=len(ages),
        privacy_consent_at=timezone.now(),
        confirmation_mail=MailStatus.PENDING if email else MailStatus.NOT_NEEDED,
        idempotency_key=idempotency_key or None,
    )
    signup.full_clean(exclude={"status", "idempotency_key"})
    with transaction.atomic():
        session = _locked(session)
        if reason := signup_closed_reason(session):
            raise SignupClosed(reason)
        left = places_left(session)
        fits = left is None or signup.places <= left
        signup.status = EventSignup.Status.CONFIRMED if fits else EventSignup.Status.WAITING
        signup.session = session
        if idempotency_key and (existing := _signup_with_key(session, idempotency_key)):
            # The same form, sent twice at once, waited for the lock: the first one's sign-up.
            return existing
        signup.save()
    logger.debug("Sign-up %s for session %s: %s", signup.code, session.pk, signup.status)
    if signup.email:
        _send(signup, "event_signup_confirmed", _confirmation_subject(signup), links)
    return signup


def _signup_with_key(session: EventSession, key: str) -> EventSignup | None:
    return EventSignup.objects.filter(session=session, idempotency_key=key).first()


def _locked(session: EventSession) -> EventSession:
    """The session's row, locked until the transaction ends, with its event."""
    return (
        EventSession.objects.select_for_update(of=("self",))
        .select_related("event__organization", "location__municipality")
        .get(pk=session.pk)
    )


def signup_cancel(*, signup: EventSignup, links: SignupLinks | None = None) -> EventSignup:
    """The family cancels through its link: the places free and the waiting list moves up."""
    with transaction.atomic():
        session = _locked(signup.session)
        signup = EventSignup.objects.select_for_update().get(pk=signup.pk)
        if not signup.is_cancellable:
            raise ValidationError(_("This sign-up is already cancelled."))
        if session.starts() <= timezone.now():
            raise ValidationError(_("This date has already started."))
        was_confirmed = signup.status == EventSignup.Status.CONFIRMED
        signup.status = EventSignup.Status.CANCELLED
        signup.cancelled_at = timezone.now()
        signup.save(update_fields=["status", "cancelled_at"])
        signup.session = session
        if was_confirmed:
            waiting_list_move_up(session=session, links=links)
    return signup


def waiting_list_move_up(
    *, session: EventSession, links: SignupLinks | None = None
) -> list[EventSignup]:
    """Confirm the waiting sign-ups, first come first served, as many as the free places take;
    one too large for what is free waits on, and the smaller ones after it may go ahead.
    Each one moved up is told by mail after the commit. Call it with the session locked."""
    left = places_left(session)
    moved = []
    for waiting in session.signups.waiting().select_for_update():
        if left is not None and waiting.places > left:
            continue
        waiting.status = EventSignup.Status.CONFIRMED
        waiting.save(update_fields=["status"])
        waiting.session = session
        moved.append(waiting)
        if left is not None:
            left -= waiting.places
            if left == 0:
                break
    for signup in moved:
        if signup.email:
            subject = _("A place is free for you: %(event)s, code %(code)s") % {
                "event": session.event.title,
                "code": signup.code,
            }
            _send(signup, "event_signup_moved_up", subject, links, field="notice_mail")
    return moved


def _confirmation_subject(signup: EventSignup) -> str:
    values = {"event": signup.session.event.title, "code": signup.code}
    if signup.status == EventSignup.Status.WAITING:
        return _("You are on the waiting list: %(event)s, code %(code)s") % values
    return _("You are signed up: %(event)s, code %(code)s") % values


def _send(
    signup: EventSignup,
    kind: str,
    subject: str,
    links: SignupLinks | None,
    field: str = "confirmation_mail",
):
    if field != "confirmation_mail":
        EventSignup.objects.filter(pk=signup.pk).update(**{field: MailStatus.PENDING})
        setattr(signup, field, MailStatus.PENDING)
    session = signup.session
    context = {"signup": signup, "session": session, "event": session.event, "kind": kind}
    context |= (links or SignupLinks()).for_signup(signup)
    mail = Mail(
        kind=kind,
        reference=f"event sign-up {signup.code}",
        subject=subject,
        body=render_to_string("directory/email/event_signup.txt", context),
        to=signup.email,
    )
    send_after_commit(mail, Outcome.on(signup, field))


class Change:
    """What happened to a session, for the notice to the people signed up."""

    CANCELLED = "cancelled"
    MOVED = "moved"


def session_change_notify(*, session: EventSession, change: str) -> list[EventSignup]:
    """Tell every family signed up (or waiting) for ``session`` that it is cancelled or moved,
    by mail after the commit. The session as it is now goes in the mail (a removed session: as
    it was). Returns the sign-ups told."""
    signups = [
        signup
        for signup in session.signups.exclude(status=EventSignup.Status.CANCELLED)
        if signup.email
    ]
    for signup in signups:
        signup.session = session
        values = {"event": session.event.title, "day": session.date.strftime("%d/%m/%Y")}
        if change == Change.CANCELLED:
            subject = _("Cancelled: %(event)s of %(day)s") % values
            kind = "event_signup_session_cancelled"
        else:
            subject = _("New date or time: %(event)s, now %(day)s") % values
            kind = "event_signup_session_moved"
        _send(signup, kind, subject, None, field="notice_mail")
    return signups
