"""Outgoing mail: sent once the saved action is committed, and never turning it into an error.

A service describes its message (``Mail``) and calls ``send_after_commit``. The message leaves
after the surrounding transaction commits (nothing goes out for a write that is rolled back);
any failure of the mail backend is caught and logged with the kind of mail and the object's
reference only (no address, no name), and ``record`` is called with the outcome, so the service
can store it where the staff see it (a booking's confirmation, a referral event, ...).

Until the callback runs the outcome is ``MailStatus.PENDING``: with the direct send below that is
the instant after the commit; a background queue can later replace ``_deliver`` and leave the
callers as they are.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


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


def send_after_commit(mail: Mail, record: Callable[[str], None] | None = None) -> str:
    """Send ``mail`` once the current transaction commits (at once outside one) and pass the
    outcome to ``record``. Returns ``MailStatus.PENDING``, the state until then."""
    # The backend in effect now, not at commit: a command that turns mail off for its demo
    # data (seed_desks) keeps it off even if the commit comes after it restored the settings.
    try:
        connection = get_connection()
    except Exception:  # a misconfigured backend fails at send time, caught and logged there
        connection = None
    transaction.on_commit(lambda: _deliver(mail, record, connection))
    return MailStatus.PENDING


def _deliver(mail: Mail, record: Callable[[str], None] | None, connection=None) -> None:
    status = send_now(mail, connection)
    if record is not None:
        try:
            record(status)
        except Exception:
            logger.exception(
                "Could not record the outcome of mail %s for %s", mail.kind, mail.reference
            )


def send_now(mail: Mail, connection=None) -> str:
    """Send, and say whether it went. The backend's exception text can hold the addresses
    (``SMTPRecipientsRefused``): only its class is logged."""
    try:
        send_mail(
            subject=mail.subject,
            message=mail.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[mail.to],
            connection=connection,
        )
    except Exception as error:  # any backend failure: the action stays saved
        logger.error("Mail %s for %s not sent: %s", mail.kind, mail.reference, type(error).__name__)
        return MailStatus.FAILED
    logger.info("Mail %s for %s sent", mail.kind, mail.reference)
    return MailStatus.SENT
