"""The Page envelope of the standard (``components.schemas.Page`` of ``openapi.json``), and the
count it states, kept between requests.

Counting the ~560,000 public activities at national scale reads them all (an index-only scan:
about 300 ms on a busy server, more with the search or the pairs' join), on every page of every
client walking the list; the page itself reads only its rows. So the count of each filter set
(its SQL and parameters, whatever the page, the page size or ``full``/``minimal``) is kept in
the cache under the ``directory`` generation of ``linkrete.page_cache``: any save or delete of
an organization, activity, place, category… (the rows the public pages show) draws a new one,
so the next request after the commit counts again and ``total_items`` stays exact. Writes that
send no signal (``QuerySet.update()``, raw SQL) show within ``COUNT_TIMEOUT`` seconds, as on
the cached public pages. The standard says only "the total number of entities returned".
"""

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import models

from directory.hsds.api.params import Paging
from linkrete import page_cache

# The bound on staleness after writes that send no signal: the cached pages' own.
COUNT_TIMEOUT = page_cache.TIMEOUT
COUNT_KEY = "hsda:count:"


def count(rows: models.QuerySet) -> int:
    """How many rows the queryset has: from the cache when this filter set was counted since
    the directory last changed, else one ``COUNT`` (kept)."""
    try:
        sql, params = rows.values("pk").query.sql_with_params()
    except EmptyResultSet:  # ``none()``: nothing to count, no query
        return 0
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    key = f"{COUNT_KEY}{page_cache.generation('directory')}:{digest}"
    total = cache.get(key)
    if total is None:
        total = rows.count()
        cache.set(key, total, COUNT_TIMEOUT)
    return total


def page_rows(
    rows: models.QuerySet | Sequence,
    start: int,
    size: int,
    by_keys: bool = False,
    deep: "DeepPages | None" = None,
):
    """The rows of the page starting at ``start``. Past the first page, a queryset's rows are
    those whose keys a subquery skips to (``OFFSET`` over the keys alone, which an index holds,
    then the page's ``size`` whole rows), not the whole rows before them read and dropped
    (page 1000 of the services at national scale: 340 → 30 ms). Still one query. Only where
    asked (``by_keys``): the pairs' join so written was planned far worse (seconds). From
    ``deep.start`` on, the keys are skipped to in ``deep.keys`` and the rows read by them from
    ``deep.rows`` (``DeepPages``)."""
    if deep is not None and start >= deep.start:
        keys = deep.keys.order_by("pk").values("pk")[start : start + size]
        return deep.rows.filter(pk__in=keys).order_by("pk")
    if start == 0 or not by_keys or not isinstance(rows, models.QuerySet):
        return rows[start : start + size]
    keys = rows.values("pk")[start : start + size]
    return rows.filter(pk__in=keys)


@dataclass(frozen=True)
class DeepPages:
    """How the pages from the ``start``-th row on are read when skipping the part's own rows
    costs more than once a set of what they leave out (the pairs': ``lists.listed_pairs``):
    ``keys``, the same rows written so that skipping is cheap, in primary key order; ``rows``,
    the page's rows read by those keys alone, with what its documents need and no condition
    (the keys are already the public ones): a condition there had PostgreSQL plan the page
    from the whole table (15 s)."""

    keys: models.QuerySet
    rows: models.QuerySet
    start: int


@dataclass(frozen=True)
class Part:
    """Rows of one kind and how each becomes a document: a list may chain several (the
    services: the activities, then the desks, as the export's ``services.ndjson``)."""

    rows: models.QuerySet | Sequence
    to_document: Callable
    by_keys: bool = False
    # Given each page's (or streamed batch's) rows before their documents are made: what
    # they read that a queryset's prefetch could not give, fetched for the page at once.
    page_hook: Callable | None = None
    # Deep pages read otherwise (``DeepPages``).
    deep: DeepPages | None = None

    def documents(self, rows) -> list:
        if self.page_hook is not None:
            rows = self.page_hook(list(rows))
        return [self.to_document(row) for row in rows]

    def total(self) -> int:
        return count(self.rows) if isinstance(self.rows, models.QuerySet) else len(self.rows)


def envelope(
    rows: models.QuerySet | Sequence, paging: Paging, to_document: Callable, by_keys: bool = False
) -> dict:
    """One page of ``rows`` (counted, then sliced: two queries for a queryset, whatever the
    page size, one when the count is kept), each row through ``to_document``. A page beyond
    the last is empty."""
    return chained_envelope([Part(rows, to_document, by_keys)], paging)


def chained_envelope(parts: Sequence[Part], paging: Paging) -> dict:
    """One page of the parts one after the other: each counted, and read only where the page
    overlaps it (a part the page does not reach costs its count alone)."""
    totals = [part.total() for part in parts]
    total = sum(totals)
    total_pages = math.ceil(total / paging.per_page)
    offset, wanted = (paging.page - 1) * paging.per_page, paging.per_page
    contents = []
    for part, part_total in zip(parts, totals, strict=True):
        if wanted == 0:
            break
        if offset >= part_total:
            offset -= part_total
            continue
        size = min(wanted, part_total - offset)
        contents.extend(part.documents(page_rows(part.rows, offset, size, part.by_keys, part.deep)))
        offset, wanted = 0, wanted - size
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }
