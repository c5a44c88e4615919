"""Django's Redis cache, which lets the site serve, slower, while Redis is away.

Django's ``RedisCache`` raises when it cannot reach Redis, and every page that reads the cache
(the search's categories, the home page's figures, the page cache of anonymous visitors) then
answers 500. This backend is the same one with its connection failures taken as misses: a read
finds nothing, a write keeps nothing, and the pages are computed from the database as if the
cache were empty. ``/readyz`` still says the cache is down (its write-then-read finds nothing).
Only the failure to reach Redis is forgiven (``redis``'s ``ConnectionError`` and
``TimeoutError``, logged once until Redis answers again); a wrong command or a bad value still
raises.

Why not django-redis and its ``IGNORE_EXCEPTIONS``: the site already uses Django's own backend
(one Redis client, ``redis-py``, nothing more to install), and what it needs is this one
behaviour, a few lines over it. The default socket timeouts (``OPTIONS``) keep a Redis host that
does not answer at all from holding a request for long.
"""

import logging
from functools import wraps

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# Seconds to connect to Redis and to wait for an answer: a cache slower than that is no help.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def _forgiving(method, missing):
    """``method`` answering ``missing(args, kwargs)`` when Redis cannot be reached."""

    @wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            result = method(self, *args, **kwargs)
        except UNREACHABLE as error:
            if not self._unreachable:
                logger.warning(
                    "The cache cannot be reached (%s): serving without it", type(error).__name__
                )
                self._unreachable = True
            return missing(args, kwargs)
        if self._unreachable:
            logger.warning("The cache answers again")
            self._unreachable = False
        return result

    return wrapper


def _default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that serves misses while Redis is down."""

    _unreachable = False

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)

    get = _forgiving(DjangoRedisCache.get, _default)
    get_many = _forgiving(DjangoRedisCache.get_many, lambda args, kwargs: {})
    has_key = _forgiving(DjangoRedisCache.has_key, lambda args, kwargs: False)
    set = _forgiving(DjangoRedisCache.set, lambda args, kwargs: None)
    add = _forgiving(DjangoRedisCache.add, lambda args, kwargs: False)
    touch = _forgiving(DjangoRedisCache.touch, lambda args, kwargs: False)
    delete = _forgiving(DjangoRedisCache.delete, lambda args, kwargs: False)
    delete_many = _forgiving(DjangoRedisCache.delete_many, lambda args, kwargs: None)
    clear = _forgiving(DjangoRedisCache.clear, lambda args, kwargs: False)
    # A missing count: the caller's ``ValueError``, as for a key that expired.
    incr = _forgiving(DjangoRedisCache.incr, lambda args, kwargs: _missing_count(args))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE:
            return list(data)


def _missing_count(args):
    raise ValueError(f"Key {args[0]!r} not found (the cache cannot be reached).")
