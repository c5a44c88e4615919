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
from linkrete.retention import Rule, delete_in_batches


def client_ip(request) -> str:
    """The visitor's address. Behind ``TRUSTED_PROXY_COUNT`` proxies it is the address the
    outermost trusted proxy saw, read from the right of X-Forwarded-For (the left is the
    client's to forge)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


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


def over_limit(request, scope: str, limit: int, period: int = 3600) -> bool:
    """Count one more action of this client in ``scope``; True once past ``limit`` a period.

    The address is hashed with the secret key: the limit tells clients apart without keeping
    who they are.
    """
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
    return _count(f"{scope}:{digest[:32]}", period) > limit


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
