"""What the access rollups' tests share (``test_access_rollup``, ``test_access_day_rollup``):
instants of 2026 in Rome, an indicator as a table, and the rollups' rows as comparable tuples."""

import datetime

from django.utils import timezone


def at(month, day, hour=10):
    return timezone.make_aware(datetime.datetime(2026, month, day, hour))


def table(indicator):
    return {row.label: row.values for row in indicator.rows}


def as_tuples(rows, topic_rows, when: str) -> set:
    """Rows by dimension and rows by topic, ``when`` naming their ``month`` or ``day`` field:
    the stored ones, or those the nightly rebuild would write (``counted_rows``,
    ``counted_days``)."""
    return {(r.desk_id, getattr(r, when), r.dimension, r.value, r.accesses) for r in rows} | {
        (r.desk_id, getattr(r, when), "topic", r.topic_id, r.accesses) for r in topic_rows
    }
