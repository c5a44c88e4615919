"""Outgoing mail: queued once the saved action is committed, retried, never an error for it.

A service describes its message (``Mail``) and calls ``send_after_commit`` with the field that
stores the outcome (``Outcome.on(booking, "confirmation_mail")``). Once the surrounding
transaction commits (nothing goes out for a write that is rolled back) the message is handed to
the background worker (``deliver_mail``, django-tasks): the request never waits for the mail
server. A failure is logged with the kind of mail and the object's reference only (no address,
no name) and tried again later (``RETRY_DELAYS``); the outcome stays ``PENDING`` until the mail
is sent (``SENT``) or the last try failed (``FAILED``), where the staff see it.

The queued task holds the message (address and text) while it waits: rebuilding it from the
object's pk would need the links the request built and, for an invitation, a token the
database keeps only hashed. Once the task ends (sent, or failed for good) it empties its stored
arguments down to the kind and the reference, and ``apply_retention`` deletes finished tasks.

``send_at_commit`` is the old way, for the one mail whose outcome the request itself shows
(an invitation, whose link the manager must pass on by hand if the mail fails): sent right
after the commit, in the request, once.
"""

import datetime
import logging
import smtplib
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.apps import apps
from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task, task_backends

logger = logging.getLogger(__name__)

# After a failed try, wait this long before the next one: five tries over about 2.5 hours, so a
# mail server down for a restart or an hour's maintenance loses nothing.
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
)


class MailStatus(models.TextChoices):
    NOT_NEEDED = "not_needed", _("no e-mail address")
    PENDING = "pending", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("not sent: the mail server failed")


@dataclass(frozen=True)
class Mail:
    kind: str  # what the mail is, for the log: "booking_confirmed"
    reference: str  # which object, for the log: a pk or a booking code, never personal data
    subject: str
    body: str
    to: str


@dataclass(frozen=True)
class Outcome:
    """The field that stores a mail's outcome (a ``MailStatus``): ``model``'s row ``pk``."""

    model: str  # "sportelli.booking"
    pk: int
    field: str

    @classmethod
    def on(cls, instance: models.Model, field: str) -> "Outcome":
        return cls(instance._meta.label_lower, instance.pk, field)

    def store(self, status: str) -> None:
        apps.get_model(self.model).objects.filter(pk=self.pk).update(**{self.field: status})


def send_after_commit(mail: Mail, outcome: Outcome | None = None) -> str:
    """Queue ``mail`` for the worker once the current transaction commits (at once outside
    one); ``outcome`` then gets its status. Returns ``MailStatus.PENDING``, the state until
    the mail is sent or its last try failed."""
    # The backend in effect now, not in the worker: a command that turns mail off for its demo
    # data (seed_desks) keeps it off for the mails its data queued.
    email_backend = settings.EMAIL_BACKEND
    transaction.on_commit(lambda: _enqueue(mail, outcome, email_backend, attempt=1))
    return MailStatus.PENDING


def _enqueue(
    mail: Mail,
    outcome: Outcome | None,
    email_backend: str,
    *,
    attempt: int,
    run_after: datetime.datetime | None = None,
) -> None:
    try:
        deliver_mail.using(
            backend=settings.LINKRETE_MAIL_TASK_BACKEND, run_after=run_after
        ).enqueue(asdict(mail), asdict(outcome) if outcome else None, email_backend, attempt)
    except Exception:  # the action is committed: a queue that fails must not turn it into a 500
        logger.exception("Mail %s for %s could not be queued", mail.kind, mail.reference)


def _can_retry() -> bool:
    """Whether the mail's queue can run a task later (not the immediate backend)."""
    return task_backends[settings.LINKRETE_MAIL_TASK_BACKEND].supports_defer


def _worth_retrying(error: Exception) -> bool:
    # The server answered and refused the address: the same address will be refused again.
    return not isinstance(error, smtplib.SMTPRecipientsRefused)


@task(takes_context=True)
def deliver_mail(
    context, mail: dict, outcome: dict | None, email_backend: str, attempt: int = 1
) -> str:
    """Send a queued mail; on failure queue the next try (``RETRY_DELAYS``), or after the last
    one store ``FAILED``. Returns what happened: "sent", "failed" or "retry"."""
    message = Mail(**mail)
    error = _send(message, backend=email_backend)
    if error is None:
        status = MailStatus.SENT
        logger.info("Mail %s for %s sent", message.kind, message.reference)
    elif attempt <= len(RETRY_DELAYS) and _worth_retrying(error) and _can_retry():
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning(
            "Mail %s for %s not sent (%s, try %d): trying again in %s",
            message.kind,
            message.reference,
            type(error).__name__,
            attempt,
            delay,
        )
        on = Outcome(**outcome) if outcome else None
        _enqueue(message, on, email_backend, attempt=attempt + 1, run_after=timezone.now() + delay)
        status = "retry"
    else:
        status = MailStatus.FAILED
        logger.error(
            "Mail %s for %s not sent: %s (try %d, the last)",
            message.kind,
            message.reference,
            type(error).__name__,
            attempt,
        )
    if outcome and status != "retry":
        Outcome(**outcome).store(status)
    _forget_message(context, message)
    return str(status)


def _forget_message(context, mail: Mail) -> None:
    """Empty this task's stored arguments down to the mail's kind and reference: the address
    and the text stay in the queue only while the mail waits (the worker then writes the result
    without touching the arguments)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends[context.task_result.backend], DatabaseBackend):
        return  # the immediate backend stores nothing
    DBTaskResult.objects.filter(pk=context.task_result.id).update(
        args_kwargs={"args": [], "kwargs": {"kind": mail.kind, "reference": mail.reference}}
    )


def _send(mail: Mail, connection=None, backend: str | None = None) -> Exception | None:
    """Send through ``connection`` (else a new one of ``backend``); returns the failure, if any.
    The backend's exception text can hold the addresses (``SMTPRecipientsRefused``): callers
    log only its class."""
    try:
        connection = connection or get_connection(backend=backend)
        send_mail(
            subject=mail.subject,
            message=mail.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[mail.to],
            connection=connection,
        )
    except Exception as error:  # any backend failure: the action stays saved
        return error
    return None


def send_at_commit(mail: Mail, record: Callable[[str], None]) -> str:
    """Send ``mail`` right after the current transaction commits, in this process, once, and
    pass the outcome to ``record``: for a request that must show it (an invitation)."""
    try:
        connection = get_connection()
    except Exception:  # a misconfigured backend fails at send time, caught and logged there
        connection = None
    transaction.on_commit(lambda: record(send_now(mail, connection)))
    return MailStatus.PENDING


def send_now(mail: Mail, connection=None) -> str:
    """Send, and say whether it went (logged with the kind and the reference only)."""
    error = _send(mail, connection)
    if error is not None:
        logger.error("Mail %s for %s not sent: %s", mail.kind, mail.reference, type(error).__name__)
        return MailStatus.FAILED
    logger.info("Mail %s for %s sent", mail.kind, mail.reference)
    return MailStatus.SENT
