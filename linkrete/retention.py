"""What every retention rule shares: erase or delete in batches, never loading a whole table.

Each app states its own rules (``sportelli/retention.py``, ``directory/retention.py``);
``manage.py apply_retention`` runs them all, daily. A rule's queryset must stop matching a row
once it is erased, so a rule run twice erases nothing the second time.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, QuerySet, Value, When

# What an erased required text holds.
ERASED = "—"
BATCH_SIZE = 500


@dataclass(frozen=True)
class Rule:
    """One line of the command's summary: which table, what was done, and the rule."""

    table: str
    verb: str  # "erased" or "deleted"
    apply: Callable[..., int]
    period: str  # e.g. "365 days after closing"


def erase_in_batches(
    queryset: QuerySet, values: dict, before_update: Callable[[list], None] | None = None
) -> int:
    """Update ``values`` on every row of ``queryset``, a batch of primary keys at a time.

    ``before_update`` receives each batch's keys (to erase related rows in the same
    transaction). ``update()`` leaves ``auto_now`` dates alone: the dates the monitoring counts
    stay true.
    """
    done = 0
    while True:
        with transaction.atomic():
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE])
            if not ids:
                return done
            if before_update:
                before_update(ids)
            done += queryset.model._default_manager.filter(pk__in=ids).update(**values)


def delete_in_batches(queryset: QuerySet) -> int:
    done = 0
    while True:
        with transaction.atomic():
            ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE])
            if not ids:
                return done
            queryset.model._default_manager.filter(pk__in=ids).delete()
            done += len(ids)


def erased_unless_empty(field: str):
    """Empty stays empty (a constraint may need it so), any text becomes ``ERASED``."""
    return Case(When(**{field: ""}, then=Value("")), default=Value(ERASED))
