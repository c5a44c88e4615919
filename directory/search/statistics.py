"""What PostgreSQL's statistics say about the activities' search columns.

ANALYZE (which autovacuum runs as the table changes) keeps, for a column of arrays or text
vectors, its most common elements and the share of rows holding each (``pg_stats``). The search
reads them to decide, for each word and each tag, whether to look it up in an index or check it
on the rows read (``directory.search.text.look_up``, ``directory.search.tags.share``).
"""


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
