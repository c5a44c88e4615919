"""A small per-client rate limit for the public forms (reports, bookings, applications)."""

import hashlib

from django.conf import settings
from django.core.cache import cache


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


def over_limit(request, scope: str, limit: int, period: int = 3600) -> bool:
    """Count one more action of this client in ``scope``; True once past ``limit`` a period.

    The address is hashed with the secret key: the limit tells clients apart without keeping
    who they are.
    """
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
    key = f"rate:{scope}:{digest[:32]}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit
