"""A page cache for anonymous visitors of the public pages: kept gzipped, served without a query.

Rules (each one has a test in tests/linkrete/test_page_cache.py):

- **Opt-in.** Only views decorated with ``@cached_page(...)`` are cached, and only for GET and
  HEAD requests without a session or a flash message (no ``sessionid`` or ``messages`` cookie):
  a signed-in user, a visitor with a "my list" or a booking under way, a message to show, a
  POST, are all served by the view as before. A visitor without cookies is anonymous by
  construction, so the check needs no query.
- **Never per visitor.** A response is stored only if it is a plain 200 that set no cookie,
  modified no session, queued no message and rendered no CSRF token (the public forms of the
  cached pages post without one: ``linkrete.same_origin``). Anything else is served as is and
  not kept.
- **Key.** Language, scheme, host and path with the query string's parameters sorted (the order
  a browser sends them in does not matter to the views), today's date, and for pages that say
  "open now" (hours, search results, cards) the current five minutes: a slot that opens or
  closes on a multiple of five minutes (nearly all real hours) is shown exactly at its time,
  any other at most five minutes late. Long query strings (over ``MAX_QUERY``) are not kept.
  A page that depends on a cookie of the visitor's own choosing (``vary_cookie``: the search's
  remembered municipality) has the cookie's value in its key too: one copy per value, and the
  common copy for visitors without it. Such a cookie holds no personal data, and a response
  setting or clearing it is not kept (above), so only values the view accepted get copies.
- **Fresh.** The key also holds a generation token of each data scope the page reads
  (``directory``: organizations, activities, their places, hours, categories, territories,
  volunteering calls; ``desks``: desks, their hours, closures and bookings; ``home-figures``:
  the home page's figures, renewed when the worker stores them). Saving or deleting
  any such row, or changing one of their many-to-many links, draws a new token at once and again
  when the transaction commits (``connect``, wired in each app's ``ready``: the admin, a
  coordinator's approval of a staff change, a booking, imports alike), so **the next request
  after the commit shows the change**. ``QuerySet.update()`` and raw SQL send no signal (a
  background search refresh renews ``directory`` itself when it ends): their changes show
  within an entry's lifetime, at most ``TIMEOUT`` seconds (ten minutes), five minutes on the
  "open now" pages (search results among them), or at once after ``forget_all()``. The
  templates and code are not in the key either: after a deployment pages are at most that
  old, or call ``forget_all()``.
- **HTTP.** Cached pages say ``Cache-Control: no-cache`` (a browser or proxy may keep them but
  asks each time), carry a weak ``ETag`` and ``Last-Modified``, answer 304 to a matching
  ``If-None-Match``/``If-Modified-Since`` (from the cache: no query, no rendering), ``Vary:
  Cookie, Accept-Encoding``, and are sent gzipped to clients that accept it (stored gzipped:
  compressing costs once per entry, not per request; BREACH needs a secret in the page, and
  these pages hold none). A request with a session gets ``Cache-Control: private``.
- **Storage.** The ``pages`` cache alias (settings: a directory of its own, ``MAX_ENTRIES``
  bounded because Django's file cache lists the whole directory on every write and culls a
  third at random when full; a separate alias so culling pages never drops the rate limits or
  the home figures in ``default``). Generation tokens are random, not counters: a token lost to
  culling is replaced by a new one, never by an old one, so a cull can only cause misses.

Response header ``X-Page-Cache``: ``hit``, ``miss`` (rendered and stored), ``bypass``.
"""

import functools
import gzip
import hashlib
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from linkrete import write_signals

CACHE_ALIAS = "pages"
# An entry's whole lifetime: the bound on staleness after writes that send no signal.
TIMEOUT = 600
OPEN_NOW_MINUTES = 5
MAX_QUERY = 512
# The part of a ``vary_cookie`` value in the key (the view refuses longer values anyway).
MAX_COOKIE = 64
# The home page's figures, stored by the worker (directory.home) after the data changed.
HOME_FIGURES = "home-figures"
SCOPES = ("directory", "desks", HOME_FIGURES)
GENERATION_KEY = "page-cache:generation:"
MESSAGES_COOKIE = "messages"
GZIP_LEVEL = 6


def _cache():
    return caches[CACHE_ALIAS]


def enabled() -> bool:
    return getattr(settings, "LINKRETE_PAGE_CACHE", True)


# Generations -------------------------------------------------------------------------------


def _generations(scopes):
    cache = _cache()
    keys = [GENERATION_KEY + scope for scope in scopes]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            fresh = secrets.token_hex(4)
            cache.add(key, fresh, None)
            # None when the cache cannot be reached (linkrete/cache.py): a token of this request
            # alone, so the page is rendered, not read from a cache that is not there.
            token = cache.get(key) or fresh
        tokens.append(token)
    return tokens


def generation(scope: str) -> str:
    """The current generation token of ``scope``: a key holding it is read only until the next
    write to the scope's rows (``connect``), for caches of other things than pages."""
    return _generations([scope])[0]


def bump(scope: str) -> None:
    """A new generation for ``scope``: every page reading it is rendered again."""
    _cache().set(GENERATION_KEY + scope, secrets.token_hex(4), None)


def forget_all() -> None:
    for scope in SCOPES:
        bump(scope)


def connect(models, scope: str) -> None:
    """Bump ``scope`` after the commit of any save or delete of ``models`` or of a change of
    their many-to-many links (call from an ``AppConfig.ready``)."""

    def changed():
        # At once, for the code that reads back in its own transaction (and the tests, which
        # never commit), and after the commit: a page rendered meanwhile from the rows before
        # the change is then stored under a token nobody reads any more.
        bump(scope)
        transaction.on_commit(lambda: bump(scope))

    write_signals.on_write(models, changed, name=f"linkrete.page_cache.{scope}")


def cached_bytes(request, name: str, scopes, make) -> bytes:
    """What ``make()`` returns (a file drawn from the data of ``scopes``: a PDF sheet), kept
    under ``name`` with the language, scheme, host and today's date, and fresh like the pages
    (the scopes' generations in the key). Unlike ``cached_page``, for every visitor: the caller
    names the content by what it is drawn from, never by who asks."""
    if not enabled():
        return make()
    address = f"{get_language()}|{request.scheme}://{request.get_host()}|{name}"
    digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    moment = timezone.localdate().isoformat()
    key = f"bytes:{digest}:{moment}:{'.'.join(_generations(scopes))}"
    body = _cache().get(key)
    if body is None:
        body = make()
        _cache().set(key, body, TIMEOUT)
    return body


# Requests and responses --------------------------------------------------------------------


def _may_use_cache(request) -> bool:
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY
    )


def _key(request, scopes, open_now, vary_cookie=None):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = f"{get_language()}|{request.scheme}://{request.get_host()}{request.path}?{query}"
    if vary_cookie is not None:
        address += f"|{vary_cookie}={request.COOKIES.get(vary_cookie, '')[:MAX_COOKIE]}"
    now = timezone.localtime()
    moment = now.date().isoformat()
    if open_now:
        moment += f"T{now.hour:02d}:{now.minute // OPEN_NOW_MINUTES * OPEN_NOW_MINUTES:02d}"
    digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"page:{digest}:{moment}:{'.'.join(_generations(scopes))}"


def _storable(request, response) -> bool:
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not (messages is not None and getattr(messages, "_queued_messages", None))
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _serve(request, entry, state):
    body, etag, last_modified, content_type = entry
    if _accepts_gzip(request):
        response = HttpResponse(body, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(body), content_type=content_type)
    response["Content-Length"] = str(len(response.content))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    response = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
    response["X-Page-Cache"] = state
    return response


def cached_page(
    *scopes: str, open_now: bool = False, timeout: int = TIMEOUT, vary_cookie: str | None = None
):
    """Serve the view from the page cache to anonymous GET/HEAD requests (the module's rules).

    ``scopes``: the data the page shows (``SCOPES``); ``open_now``: the page says what is open
    now, so it is kept for the current five minutes only; ``timeout``: a shorter lifetime for a
    page that shows something computed apart from the rows (the home page's figures);
    ``vary_cookie``: the name of a cookie the page depends on (one copy per value).
    """
    unknown = set(scopes) - set(SCOPES)
    if unknown:
        raise ValueError(f"unknown page cache scopes: {sorted(unknown)}")

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _may_use_cache(request):
                response = view(request, *args, **kwargs)
                if settings.SESSION_COOKIE_NAME in request.COOKIES:
                    patch_cache_control(response, private=True)
                response["X-Page-Cache"] = "bypass"
                return response
            key = _key(request, scopes, open_now, vary_cookie)
            entry = _cache().get(key)
            if entry is not None:
                return _serve(request, entry, "hit")
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                response["X-Page-Cache"] = "bypass"
                return response
            content = response.content
            entry = (
                gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0),
                f'W/"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"',
                int(timezone.now().timestamp()),
                response["Content-Type"],
            )
            _cache().set(key, entry, timeout)
            return _serve(request, entry, "miss")

        return wrapper

    return decorator
