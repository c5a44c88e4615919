"""Reminding each row of a day once: the loop the desks' bookings and the events' sign-ups share.

``remind_once`` walks the rows to remind in order and, for each, locks the row (skipping one that
another run holds), marks it (``reminder_sent_at``) and queues its messages in one transaction,
so two runs at once, or a second run the same day, remind nobody twice; a row cancelled or
reminded meanwhile no longer matches ``rows`` and is skipped. The messages are queued after the
commit (``linkrete.mail.send_after_commit``, ``linkrete.sms.send_after_commit``).
"""

from collections.abc import Callable, Sequence

from django.db import models, transaction
from django.utils import timezone, translation


def remind_once(
    rows: models.QuerySet,
    *,
    order_by: Sequence[str],
    related: Sequence[str],
    language: Callable[[models.Model], str],
    queue: Callable[[models.Model], None],
) -> int:
    """Mark each of ``rows`` reminded and ``queue`` its messages in its ``language``; returns
    how many were reminded."""
    reminded = 0
    for pk in rows.order_by(*order_by).values_list("pk", flat=True):
        with transaction.atomic():
            row = (
                rows.select_for_update(skip_locked=True, of=("self",))
                .select_related(*related)
                .filter(pk=pk)
                .first()
            )
            if row is None:  # reminded, cancelled or being reminded meanwhile
                continue
            row.reminder_sent_at = timezone.now()
            row.save(update_fields=["reminder_sent_at"])
            with translation.override(language(row)):
                queue(row)
        reminded += 1
    return reminded
