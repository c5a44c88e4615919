"""What PostgreSQL's statistics say about the activities' search columns.

ANALYZE (which autovacuum runs as the table changes) keeps, for a column of arrays or text
vectors, its most common elements and the share of rows holding each (``pg_stats``). The search
reads them to decide, for each word and each tag, whether to look it up in an index or check it
on the rows read (``directory.search.text.look_up``, ``directory.search.tags.share``). Each
process keeps them for ``thresholds.SHARES_SECONDS`` (``CommonShares``): they change slowly, and
reading them again for every search cost a results page milliseconds.
"""

import math
import time

from directory.search.thresholds import SHARES_SECONDS


def most_common_sql(column: str, element_type: str) -> str:
    """SQL listing (element, share) for the most common elements of an activities' column.
    Called with the search modules' constants only; anything else is refused."""
    if not (column.isidentifier() and element_type.isidentifier()):
        raise ValueError(f"not a column and a type: {column!r}, {element_type!r}")
    return f"""SELECT e.element, e.share FROM pg_stats s,
    unnest(s.most_common_elems::text::{element_type}[], s.most_common_elem_freqs)
        AS e(element, share)
    WHERE s.schemaname = current_schema() AND s.tablename = 'directory_activity'
    AND s.attname = '{column}' AND e.element IS NOT NULL"""  # nosec B608 # identifiers, checked


class CommonShares:
    """The most common elements of one column with their shares, as this process last read
    them. Whoever reads them (``sql``) asks ``stale`` first and hands the rows to ``take``;
    tests set them (``known``) or make the next search read them (``forget``)."""

    def __init__(self, column: str, element_type: str):
        self.sql = most_common_sql(column, element_type)
        self.read_at = -math.inf
        self.by_element: dict = {}

    def stale(self) -> bool:
        return time.monotonic() - self.read_at > SHARES_SECONDS

    def take(self, pairs) -> None:
        """Keep these (element, share) pairs as read just now."""
        self.by_element = dict(pairs)
        self.read_at = time.monotonic()

    def share(self, element) -> float:
        """The share of rows holding the element; 0 for one rarer than the statistics' most
        common ones, and for all before the table's first ANALYZE."""
        return self.by_element.get(element, 0.0)

    def known(self, by_element: dict) -> None:
        self.take(by_element.items())

    def forget(self) -> None:
        self.read_at = -math.inf
