"""Strict reading of query-string and form values that views use outside a form.

Whatever a browser sends (letters, non-ASCII digits such as "²", which ``str.isdigit`` accepts
and ``int`` refuses, NUL bytes, which PostgreSQL refuses in text, numbers beyond any integer
column, over-long strings) reads as ``None``: the view then falls back to its default or
answers 404, never 500.
"""

import re

# Beyond PostgreSQL's bigint: no primary key or count is ever this long.
MAX_DIGITS = 18
SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,200}")


def positive_int(value, *, minimum: int = 0, maximum: int | None = None) -> int | None:
    """A whole number written in ASCII digits, within the bounds; else ``None``."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    if len(value) > MAX_DIGITS:
        return None
    number = int(value)
    if number < minimum or (maximum is not None and number > maximum):
        return None
    return number


def year(value) -> int | None:
    """A year the registers can hold (2000–2100)."""
    return positive_int(value, minimum=2000, maximum=2100)


def text(value, *, max_length: int) -> str | None:
    """Free text such as a search box: trimmed and cut to ``max_length``; ``None`` if it holds
    a NUL byte."""
    if not isinstance(value, str) or "\x00" in value:
        return None
    return value.strip()[:max_length]


def slug(value) -> str | None:
    """A slug as Django's ``<slug:>`` converter accepts it; else ``None``."""
    if isinstance(value, str) and SLUG_RE.fullmatch(value):
        return value
    return None
