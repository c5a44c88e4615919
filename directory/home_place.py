"""The family's municipality, remembered by the browser so the search puts nearby results first.

A cookie holds the municipality's ISTAT code and nothing else (no personal data, no
identifier): set when a family searches with a municipality (``comune``) or answers "Where do you
live?", cleared by "Forget" (``directory.views.search.remember_place``), and described in the
privacy notice. It orders the results, never filters them (``directory.search.nearby``).

The page cache keeps one copy of a results page per remembered municipality, beside the copy for
visitors without one (``cached_page(vary_cookie=COOKIE)``); a response that sets or clears the
cookie is never kept.
"""

import re

from django.conf import settings

from directory.search.filters import REGISTRY

COOKIE = "linkrete_comune"
# How long the browser keeps it without a new search (the privacy notice says so).
MAX_AGE_DAYS = 180
ISTAT_CODE = re.compile(r"[0-9]{6}")
# What the "Where do you live?" form, the place search and this module carry back to the
# search: its own parameters, and nothing else (the page is always the search's).
SEARCH_PARAMS = tuple(dict.fromkeys(p for f in REGISTRY for p in f.params)) + ("ordine",)


def remembered(request) -> str | None:
    """The ISTAT code the browser keeps, when it is one."""
    value = request.COOKIES.get(COOKIE, "")
    return value if ISTAT_CODE.fullmatch(value) else None


def remember(response, istat_code: str) -> None:
    response.set_cookie(
        COOKIE,
        istat_code,
        max_age=MAX_AGE_DAYS * 24 * 3600,
        samesite="Lax",
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
    )


def forget(response) -> None:
    response.delete_cookie(COOKIE, samesite="Lax")


def keep_current(request, response, home) -> None:
    """After a search: remember the municipality it used (named or remembered), or forget a
    cookie that names none. Sets nothing when the cookie already says it, so the page can be
    kept in the cache."""
    kept = request.COOKIES.get(COOKIE)
    if home is None:
        if kept is not None:
            forget(response)
    elif kept != home.istat_code:
        remember(response, home.istat_code)


def carried(query) -> dict:
    """The search's parameters in ``query`` (a QueryDict), without the page number."""
    return {name: query[name] for name in SEARCH_PARAMS if query.get(name)}
