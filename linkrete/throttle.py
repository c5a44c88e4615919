"""A small per-client rate limit for the public forms (reports, bookings, applications).

Counted in the database (``RateCounter``), one ``INSERT … ON CONFLICT DO UPDATE … RETURNING``
per action: PostgreSQL runs it atomically, so simultaneous requests from every
server process each get their own number and the limit holds exactly. Expired counters are
deleted by ``manage.py apply_retention``.
"""

import datetime
import hashlib

from django.conf import settings
from django.db import connection
from django.utils import timezone

from linkrete.accounts.models import RateCounter
from linkrete.client_address import client_address
from linkrete.retention import Rule, delete_in_batches


def _count(key: str, period: int) -> int:
    """Add one to ``key``'s counter and return it; a counter past its window starts again."""
    now = timezone.now()
    q = connection.ops.quote_name
    table, count, expires_at = q(RateCounter._meta.db_table), q("count"), q("expires_at")
    # In ON CONFLICT's SET every column reads the row as it was: both CASEs see the old window.
    sql = (
        f"INSERT INTO {table} ({q('key')}, {count}, {expires_at}) VALUES (%s, 1, %s) "  # nosec B608 # quoted identifiers only
        f"ON CONFLICT ({q('key')}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{expires_at} <= %s THEN 1 ELSE {table}.{count} + 1 END, "
        f"{expires_at} = CASE WHEN {table}.{expires_at} <= %s "
        f"THEN excluded.{expires_at} ELSE {table}.{expires_at} END "
        f"RETURNING {count}"
    )
    adapt = connection.ops.adapt_datetimefield_value
    expires = adapt(now + datetime.timedelta(seconds=period))
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, expires, adapt(now), adapt(now)])
        return cursor.fetchone()[0]


def counter_key(scope: str, identity: str) -> str:
    """The counter of ``identity`` (an address, a user name, an e-mail) in ``scope``: hashed
    with the secret key, so the limit tells clients apart without keeping who they are."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{identity}".encode()).hexdigest()
    return f"{scope}:{digest[:32]}"


def count(scope: str, identity: str, period: int = 3600) -> int:
    """Count one more action of ``identity`` in ``scope``; how many in the current window."""
    return _count(counter_key(scope, identity), period)


def current(scope: str, identity: str) -> int:
    """How many actions ``identity`` did in ``scope``'s current window, counting none."""
    found = RateCounter.objects.filter(
        key=counter_key(scope, identity), expires_at__gt=timezone.now()
    ).values_list("count", flat=True)
    return next(iter(found), 0)


def over_limit(request, scope: str, limit: int, period: int = 3600) -> bool:
    """Count one more action of this client in ``scope``; True once past ``limit`` a period."""
    return count(scope, client_address(request), period) > limit


def delete_expired_counters(now: datetime.datetime) -> int:
    return delete_in_batches(RateCounter.objects.filter(expires_at__lte=now))


def rules() -> list[Rule]:
    return [
        Rule(
            "rate-limit counters",
            "deleted",
            delete_expired_counters,
            "at the end of their window",
        )
    ]
