"""Text messages through a pluggable provider, as Django's mail backends are.

``settings.SMS_BACKEND`` names a class with ``send_messages(messages)``, which sends a list of
``TextMessage`` and raises on failure. Shipped here: ``ConsoleBackend`` (prints them, for
development), ``LocmemBackend`` (keeps them in ``outbox``, for the tests) and ``DummyBackend``
(drops them: the default without DEBUG until a provider is configured). A provider's backend
is a small class of the same shape calling its HTTP API. Nothing here logs the number or the
text; ``deliver_sms`` queues each message for the worker with the mail's retries.
"""

import datetime
import logging
import sys
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from linkrete.mail import RETRY_DELAYS, MailStatus, Outcome

logger = logging.getLogger(__name__)

# What the tests' backend collected (as ``django.core.mail.outbox``).
outbox: list["TextMessage"] = []


@dataclass(frozen=True)
class TextMessage:
    kind: str  # what it is, for the log: "booking_reminder"
    reference: str  # which object, for the log: never personal data
    to: str
    body: str


class DummyBackend:
    def send_messages(self, messages: list[TextMessage]) -> int:
        return 0


class ConsoleBackend:
    """Writes the messages to standard output, like Django's console mail backend: for
    development only (the number is personal data and the output is not a log)."""

    def send_messages(self, messages: list[TextMessage]) -> int:
        for message in messages:
            sys.stdout.write(
                f"SMS from {settings.SMS_SENDER} to {message.to}:\n{message.body}\n{'-' * 40}\n"
            )
        sys.stdout.flush()
        return len(messages)


class LocmemBackend:
    def send_messages(self, messages: list[TextMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


def get_backend():
    return import_string(settings.SMS_BACKEND)()


def send_after_commit(message: TextMessage, outcome: Outcome | None = None) -> str:
    """Queue ``message`` for the worker once the current transaction commits; ``outcome``
    gets its status as a mail's does. Returns ``MailStatus.PENDING``."""
    transaction.on_commit(lambda: _enqueue(message, outcome, attempt=1))
    return MailStatus.PENDING


def _enqueue(message, outcome, *, attempt, run_after=None) -> None:
    try:
        deliver_sms.using(backend=settings.LINKRETE_MAIL_TASK_BACKEND, run_after=run_after).enqueue(
            asdict(message), asdict(outcome) if outcome else None, attempt
        )
    except Exception:
        logger.exception("SMS %s for %s could not be queued", message.kind, message.reference)


@task(takes_context=True)
def deliver_sms(context, message: dict, outcome: dict | None, attempt: int = 1) -> str:
    """Send a queued text message, with the retries of ``linkrete.mail.RETRY_DELAYS``."""
    from linkrete.mail import _can_retry, _forget_message

    sms = TextMessage(**message)
    try:
        get_backend().send_messages([sms])
    except Exception as error:
        if attempt <= len(RETRY_DELAYS) and _can_retry():
            delay: datetime.timedelta = RETRY_DELAYS[attempt - 1]
            logger.warning(
                "SMS %s for %s not sent (%s, try %d): trying again in %s",
                sms.kind,
                sms.reference,
                type(error).__name__,
                attempt,
                delay,
            )
            on = Outcome(**outcome) if outcome else None
            _enqueue(sms, on, attempt=attempt + 1, run_after=timezone.now() + delay)
            status = "retry"
        else:
            logger.error(
                "SMS %s for %s not sent: %s", sms.kind, sms.reference, type(error).__name__
            )
            status = MailStatus.FAILED
    else:
        logger.info("SMS %s for %s sent", sms.kind, sms.reference)
        status = MailStatus.SENT
    if outcome and status != "retry":
        Outcome(**outcome).store(status)
    _forget_message(context, sms)
    return str(status)
