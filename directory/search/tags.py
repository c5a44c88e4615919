"""Search tags: what the filters of ``/cerca/`` look up, as integers in one indexed array.

Every activity keeps ``Activity.search_tags``, an ``integer[]`` behind a GIN
index, computed from its categories, languages, places and opening hours. Each filter then
becomes one condition on the activity's own row (``search_tags @> '{tag}'``) that the index
answers, and several filters are intersected inside one index scan. Without them each filter
was a subquery over a link table, and a search with one rare filter among common ones tested
every activity of the common ones against every other list (seconds at national scale). The
facet counts are made from the same arrays (``directory.search.facets``): a set of at most 501
matches is counted in one pass over its rows, instead of joining it to six link tables.

A tag is ``kind + value``, the kinds a hundred million apart:

- ``CATEGORY + id`` for each category of the activity and for its parent (a parent includes
  its children, as the filter does);
- ``LANGUAGE + id``; ``MUNICIPALITY + id`` and ``ZONE + id`` of its places;
- ``FLAG + n``: a physical place, a virtual one, a physical place with wheelchair access, some
  dated exception to the hours;
- ``WEEKDAY + d`` for a weekly slot on ISO weekday ``d`` with no end date, ``WEEKDAY + 10 + d``
  for one with an end date (valid or not: the search checks the date itself);
- ``HOUR + 100 d + h``: a slot on weekday ``d`` open during some part of hour ``h``;
- ``CELL + …``: the cells of a grid (1°, 0.1° and 0.02°) holding each of its places.

Some tags decide a filter alone (category, language, municipality, zone, access, mode, a day
with an open-ended slot); the others narrow the rows that the exact condition is then tested on
(hours at a time, "open now", a slot that ends, distance), so results are exactly those of the
conditions without tags. Tags are the activity's own data, like ``search_text``: they are
recomputed by ``directory.search`` (``refresh_search_document``, ``rebuild_search_index``)
whenever the documents are, so code that changes categories, languages, places, zones or hours
must refresh the activities concerned.
"""

import math

from django.db import connection

from directory.search.statistics import CommonShares
from directory.search.thresholds import MAX_CELLS
from linkrete.read_replica import read_connection

CATEGORY = 100_000_000
LANGUAGE = 200_000_000
MUNICIPALITY = 300_000_000
ZONE = 400_000_000
FLAG = 500_000_000
WEEKDAY = 600_000_000
HOUR = 700_000_000
CELL = 800_000_000

PHYSICAL = FLAG + 1
VIRTUAL = FLAG + 2
WHEELCHAIR = FLAG + 3
HAS_EXCEPTIONS = FLAG + 4

# Grid levels (cells per degree), coarse to fine (``thresholds.MAX_CELLS``: how many cells of one
# level a search may name).
GRID_LEVELS = (1, 10, 50)
# A cell's number modulo this, per level, keeps every tag below 2^31. Two far-apart cells may
# then share a tag: that only lets a few more rows reach the exact distance test.
CELL_SPAN = 33_333_333


# The share of activities holding each of the most common tags: the statistics ANALYZE keeps on
# the column (autovacuum refreshes them as the table changes), read again every
# ``thresholds.SHARES_SECONDS``.
SHARES = CommonShares("search_tags", "int")


def share(tag: int) -> float:
    """The share of activities holding the tag (0 for one rarer than the statistics' most common
    ones, and for all before the table's first ANALYZE). One query per process every few
    minutes."""
    if SHARES.stale():
        with read_connection().cursor() as cursor:
            cursor.execute(SHARES.sql)
            SHARES.take(cursor.fetchall())
    return SHARES.share(tag)


def forget_shares() -> None:
    """Read the statistics again at the next ``share`` (after an ANALYZE, in tests)."""
    SHARES.forget()


def known_shares(by_tag: dict) -> None:
    """Take these shares as read just now (tests)."""
    SHARES.known(by_tag)


def weekday_open_ended(weekday: int) -> int:
    return WEEKDAY + weekday


def weekday_ending(weekday: int) -> int:
    return WEEKDAY + 10 + weekday


def hour(weekday: int, at_hour: int) -> int:
    return HOUR + 100 * weekday + at_hour


def _grid(per_degree: int, latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor((latitude + 90) * per_degree), math.floor((longitude + 180) * per_degree)


def _cell_tag(level_index: int, row: int, column: int) -> int:
    number = row * 360 * GRID_LEVELS[level_index] + column
    return CELL + level_index * CELL_SPAN + number % CELL_SPAN


def cell(level_index: int, latitude: float, longitude: float) -> int:
    """The tag of the cell holding a point, at one level of the grid."""
    return _cell_tag(level_index, *_grid(GRID_LEVELS[level_index], latitude, longitude))


def cells_around(south: float, west: float, north: float, east: float) -> list[int]:
    """The cell tags covering a latitude/longitude box, at the finest level that needs at most
    ``MAX_CELLS`` of them (the coarsest one otherwise)."""
    for level_index in reversed(range(len(GRID_LEVELS))):
        first_row, first_column = _grid(GRID_LEVELS[level_index], south, west)
        last_row, last_column = _grid(GRID_LEVELS[level_index], north, east)
        rows, columns = range(first_row, last_row + 1), range(first_column, last_column + 1)
        if len(rows) * len(columns) <= MAX_CELLS or level_index == 0:
            return sorted({_cell_tag(level_index, r, c) for r in rows for c in columns})
    return []


def coarse(cells) -> bool:
    """Cells of the coarsest level (1°): each holds a good part of a region's activities."""
    return bool(cells) and cells[0] < CELL + CELL_SPAN


def _cell_sql(level_index: int) -> str:
    per_degree = GRID_LEVELS[level_index]
    return (
        f"{CELL + level_index * CELL_SPAN} + mod(floor((l.latitude + 90) * {per_degree})::bigint"
        f" * {360 * per_degree} + floor((l.longitude + 180) * {per_degree})::bigint, "
        f"{CELL_SPAN})::int"
    )


# The tags of the activity ``a`` (an alias in the surrounding statement), sorted and distinct.
# Python's ``math.floor`` and PostgreSQL's ``floor`` of the same float8 product agree, so
# ``cell`` and this SQL name the same cells.
TAGS_SQL = f"""ARRAY(SELECT DISTINCT tag FROM (
    SELECT {CATEGORY} + ac.category_id::int AS tag
    FROM directory_activity_categories ac WHERE ac.activity_id = a.id
  UNION ALL
    SELECT {CATEGORY} + c.parent_id::int
    FROM directory_activity_categories ac JOIN directory_category c ON c.id = ac.category_id
    WHERE ac.activity_id = a.id AND c.parent_id IS NOT NULL
  UNION ALL
    SELECT {LANGUAGE} + al.language_id::int
    FROM directory_activity_languages al WHERE al.activity_id = a.id
  UNION ALL
    SELECT unnest(ARRAY[
        {MUNICIPALITY} + l.municipality_id::int,
        CASE l.kind WHEN 'physical' THEN {PHYSICAL} WHEN 'virtual' THEN {VIRTUAL} END,
        CASE WHEN l.kind = 'physical' AND l.wheelchair_accessible THEN {WHEELCHAIR} END,
        {_cell_sql(0)}, {_cell_sql(1)}, {_cell_sql(2)}])
    FROM directory_activity_locations x JOIN directory_location l ON l.id = x.location_id
    WHERE x.activity_id = a.id
  UNION ALL
    SELECT {ZONE} + zm.zone_id::int
    FROM directory_activity_locations x JOIN directory_location l ON l.id = x.location_id
    JOIN directory_zone_municipalities zm ON zm.municipality_id = l.municipality_id
    WHERE x.activity_id = a.id
  UNION ALL
    SELECT {WEEKDAY} + s.weekday + CASE WHEN s.valid_to IS NULL THEN 0 ELSE 10 END
    FROM directory_openingslot s WHERE s.activity_id = a.id
  UNION ALL
    SELECT {HOUR} + 100 * s.weekday + h
    FROM directory_openingslot s, generate_series(
        extract(hour FROM s.opens_at)::int,
        extract(hour FROM s.closes_at - interval '1 microsecond')::int) AS h
    WHERE s.activity_id = a.id
  UNION ALL
    SELECT {HAS_EXCEPTIONS} FROM directory_scheduleexception e WHERE e.activity_id = a.id
) AS tags WHERE tag IS NOT NULL ORDER BY tag)"""  # nosec B608 # integer constants only


def store(activity_ids=None) -> None:
    """Recompute the tags of these activities (all when None)."""
    with connection.cursor() as cursor:
        if activity_ids is None:
            cursor.execute(f"UPDATE directory_activity a SET search_tags = {TAGS_SQL}")  # nosec B608 # constant SQL
        else:
            cursor.execute(
                f"UPDATE directory_activity a SET search_tags = {TAGS_SQL} WHERE a.id = ANY(%s)",  # nosec B608 # constant SQL; ids as %s
                [list(activity_ids)],
            )
