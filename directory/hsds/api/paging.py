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

A deep page read with ``OFFSET`` walks every key before it (page 10000 of the pairs at 50 a
page: 500,000 of them, about 250 ms on a quiet server). So each list that may be walked deep
keeps, beside its count and under the same generation, every ``EVERY``-th key of its order
(``Boundaries``, one statement that walks the keys once and gives the count too): page N reads
the rows from the last kept key at or before its first row, with an ``OFFSET`` under
``EVERY``, and costs about what the first pages cost, at any depth. Same rows in the same order as
the plain ``OFFSET``: the kept keys are the list's own, from the same data (the generation
changes with it), and a key need not still exist (``pk >= key``). A write that sends no
signal shifts the deep pages by the rows it adds or hides until the entry expires, as it leaves
the count stale. Like the count, the kept keys are read again at the latest every
``COUNT_TIMEOUT`` seconds (one statement: about 0.9 s for the services, 1.1 s for the pairs at
national scale on the loaded server).
"""

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection, models

from directory.hsds.api.params import Paging
from linkrete import page_cache

# The bound on staleness after writes that send no signal: the cached pages' own.
COUNT_TIMEOUT = page_cache.TIMEOUT
COUNT_KEY = "hsda:count:"
BOUNDARIES_KEY = "hsda:boundaries:"
# One key kept every ``EVERY`` rows of a list (``Boundaries``): a deep page walks fewer rows than
# this before its own (each pair walked is joined: ~0.1 ms on the loaded server). At national
# scale 5,590 keys for the services, 5,765 for the pairs (a few tens of KB in the cache).
EVERY = 100


def _digest(rows: models.QuerySet) -> str | None:
    """What identifies a filter set whatever is read of its rows (None: ``none()``)."""
    try:
        sql, params = rows.values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None
    return hashlib.sha256(repr((sql, params)).encode()).hexdigest()


def _count_key(digest: str) -> str:
    return f"{COUNT_KEY}{page_cache.generation('directory')}:{digest}"


def count(rows: models.QuerySet) -> int:
    """How many rows the queryset has: from the cache when this filter set was counted since
    the directory last changed, else one ``COUNT`` (kept)."""
    digest = _digest(rows)
    if digest is None:  # ``none()``: nothing to count, no query
        return 0
    key = _count_key(digest)
    total = cache.get(key)
    if total is None:
        total = rows.count()
        cache.set(key, total, COUNT_TIMEOUT)
    return total


@dataclass(frozen=True)
class Boundaries:
    """A list's size and every ``EVERY``-th key of it in primary key order (``keys[j]``: the
    key of its row ``j * EVERY``, counting from 0)."""

    total: int
    keys: tuple[int, ...]

    def skip(self, rows: models.QuerySet, start: int) -> tuple[models.QuerySet, int]:
        """``rows`` from the last kept key at or before its row ``start``, and where ``start``
        is among them."""
        index = start // EVERY
        if index >= len(self.keys):  # past the end: nothing to skip to
            return rows, start
        return rows.filter(pk__gte=self.keys[index]), start - index * EVERY


def boundaries(keys: models.QuerySet, rows: models.QuerySet) -> Boundaries | None:
    """The ``Boundaries`` of ``rows`` (their filter set), read from ``keys`` (the same rows,
    written so that reading them all is cheap): kept in the cache like the count, under the
    ``directory`` generation, so any save or delete of what the lists show has the next deep
    page compute them again (one statement walking every key, which also gives the count, kept
    as ``count`` keeps it). None for ``none()``."""
    digest, keys_digest = _digest(rows), _digest(keys)
    if digest is None or keys_digest is None:
        return None
    key = f"{BOUNDARIES_KEY}{page_cache.generation('directory')}:{EVERY}:{digest}"
    found = cache.get(key)
    if found is not None:
        return found
    sql, params = keys.order_by("pk").values("pk").query.sql_with_params()
    statement = (
        "SELECT count(*), array_agg(pk ORDER BY pk) FILTER (WHERE rank %% %s = 0) "  # nosec B608 # the ORM's own SQL, its values as parameters
        "FROM (SELECT listed.pk, row_number() OVER (ORDER BY listed.pk) - 1 AS rank "
        f"FROM ({sql}) AS listed (pk)) AS ranked"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, (EVERY, *params))
        total, kept = cursor.fetchone()
    found = Boundaries(total, tuple(kept or ()))
    cache.set(key, found, COUNT_TIMEOUT)
    cache.set(_count_key(digest), total, COUNT_TIMEOUT)
    return found


def page_rows(
    rows: models.QuerySet | Sequence,
    start: int,
    size: int,
    by_keys: bool = False,
    bounds: Boundaries | None = None,
):
    """The rows of the page starting at ``start``. With ``bounds``, the rows from the last
    kept key before the page on (at most ``EVERY`` rows walked before it, whatever the page).
    Past the first page, a queryset's rows are those whose keys a subquery skips to (``OFFSET``
    over the keys alone, which an index holds, then the page's ``size`` whole rows), not the
    whole rows before them read and dropped (page 1000 of the services at national scale:
    340 → 30 ms). Still one query. Only where asked (``by_keys``): the pairs' join so written
    was planned far worse (seconds)."""
    if bounds is not None:
        rows, start = bounds.skip(rows, start)
    if start == 0 or not by_keys or not isinstance(rows, models.QuerySet):
        return rows[start : start + size]
    keys = rows.values("pk")[start : start + size]
    return rows.filter(pk__in=keys)


@dataclass(frozen=True)
class Part:
    """Rows of one kind and how each becomes a document: a list may chain several (the
    services: the activities, then the desks, as the export's ``services.ndjson``)."""

    rows: models.QuerySet | Sequence
    to_document: Callable
    by_keys: bool = False
    # Deep pages (from row ``EVERY`` on) skip to the last kept key before them
    # (``Boundaries``), read from this queryset: ``rows``' own rows, written so that reading
    # them all is cheap (``rows`` itself will do). None: the rows before the page are walked.
    boundaries: models.QuerySet | None = None
    # The kept keys read even for the first pages when the count is not kept: where reading
    # ``boundaries`` costs less than counting ``rows`` (the whole list of pairs at national
    # scale: 1.1 s against 2.2 s, on a loaded server), the count comes from them.
    counted_by_boundaries: bool = False
    # Given each page's (or streamed batch's) rows before their documents are made: what
    # they read that a queryset's prefetch could not give, fetched for the page at once.
    page_hook: Callable | None = None

    def documents(self, rows) -> list:
        if self.page_hook is not None:
            rows = self.page_hook(list(rows))
        return [self.to_document(row) for row in rows]

    def total(self) -> int:
        return count(self.rows) if isinstance(self.rows, models.QuerySet) else len(self.rows)

    def located(self, start: int) -> tuple[int, Boundaries | None]:
        """The part's size, and its ``Boundaries`` when a page starting at its row ``start``
        is deep enough to skip by them, or they give the count (one statement gives both)."""
        if self.boundaries is not None and (start >= EVERY or self.counted_by_boundaries):
            found = boundaries(self.boundaries, self.rows)
            if found is not None:
                return found.total, found
        return self.total(), None


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
    offset, wanted = (paging.page - 1) * paging.per_page, paging.per_page
    located, remaining = [], offset
    for part in parts:
        part_total, bounds = part.located(remaining)
        located.append((part, part_total, bounds))
        remaining = max(remaining - part_total, 0)
    total = sum(part_total for _, part_total, _ in located)
    total_pages = math.ceil(total / paging.per_page)
    contents = []
    for part, part_total, bounds in located:
        if wanted == 0:
            break
        if offset >= part_total:
            offset -= part_total
            continue
        size = min(wanted, part_total - offset)
        rows = page_rows(part.rows, offset, size, part.by_keys, bounds)
        contents.extend(part.documents(rows))
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
