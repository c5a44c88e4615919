"""Facet counts from the search tags (PostgreSQL): one statement, one pass over each set.

``directory.search.facets`` counts facet values on sets of at most ``limit + 1`` matching activities
(all the filters, and all but each active one). On SQLite it joins each set to the link tables
(categories, languages, places, slots). Here every set carries its rows' search tags
(``directory.search.tags``), so a value's count is how many rows of the set hold its tag: one
``unnest`` and ``GROUP BY`` per set, plus a few conditional counts on the rows themselves (age
bands, free of charge, the days a slot with an end date still counts, open now). The numbers
are the same as the link-table counts; ``tests/directory/test_search_facets.py`` compares both.
"""

from dataclasses import dataclass

from django.db import connection

from directory.models import AGE_BANDS, Activity
from directory.search import tags
from directory.search.filters.day import DAYS, next_date

# What a set holds of each row: the conditional counts read these columns.
SET_COLUMNS = ("id", "search_tags", "min_age", "max_age", "is_free", "status")
# The facet groups counted from tags, and the tags they count ([start, end) ranges).
TAG_RANGES = {
    "categoria": (tags.CATEGORY, tags.LANGUAGE),
    "lingua": (tags.LANGUAGE, tags.MUNICIPALITY),
    "comune": (tags.MUNICIPALITY, tags.ZONE),
    "zona": (tags.ZONE, tags.FLAG),
    "modalita": (tags.PHYSICAL, tags.VIRTUAL + 1),
    "accessibile": (tags.WHEELCHAIR, tags.WHEELCHAIR + 1),
}
# The ranked page's rows come back as (PAGE, position, activity id).
PAGE = -1
# The conditional counts, as negative keys beside the tags in the statement's rows.
SIZE, FREE, OPEN_NOW, FIRST_BAND, FIRST_DAY = -1, -2, -3, -10, -20
MODE_KEYS = {tags.PHYSICAL: "physical", tags.VIRTUAL: "virtual"}

OPEN_NOW_SQL = """count(*) FILTER (WHERE s.status = %s AND s.search_tags && %s::int[] AND (
    (EXISTS (SELECT 1 FROM directory_openingslot o WHERE o.activity_id = s.id
        AND o.weekday = %s AND o.opens_at <= %s AND o.closes_at > %s
        AND (o.valid_from IS NULL OR o.valid_from <= %s)
        AND (o.valid_to IS NULL OR o.valid_to >= %s))
     AND NOT EXISTS (SELECT 1 FROM directory_scheduleexception e
        WHERE e.activity_id = s.id AND e.date = %s))
    OR EXISTS (SELECT 1 FROM directory_scheduleexception e WHERE e.activity_id = s.id
        AND e.date = %s AND NOT e.is_closed AND e.opens_at <= %s AND e.closes_at > %s)))"""
DAY_SQL = """count(*) FILTER (WHERE s.status = %s AND (s.search_tags @> %s::int[]
    OR (s.search_tags @> %s::int[] AND EXISTS (SELECT 1 FROM directory_openingslot o
        WHERE o.activity_id = s.id AND o.weekday = %s AND o.valid_to >= %s))))"""
BAND_SQL = """count(*) FILTER (WHERE (s.min_age IS NULL OR s.min_age <= %s)
    AND (s.max_age IS NULL OR s.max_age >= %s))"""


@dataclass
class RankedPage:
    """A page of results ranked inside the set of all the filters' matches, in the statement
    that counts the facets: those matches are found once, not again for the page.

    ``columns``: expressions the set's rows also carry (the text rank), by name;
    ``order_by``: SQL over the set's columns (``c.``), ``title`` and ``id`` among them;
    ``candidates``: how many of the set's rows are ranked; positions ``start`` < p <= ``stop``.
    """

    columns: dict
    order_by: str
    candidates: int
    start: int
    stop: int


def _merged(ranges):
    """[start, end) ranges, sorted, those that touch or overlap joined: fewer tests per tag."""
    merged = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _measures(groups, moment):
    """[(key, SQL, params)] of the conditional counts a set serves for these groups."""
    active = Activity.Status.ACTIVE.value
    measures = [(SIZE, "count(*)", [])]
    if "gratis" in groups:
        measures.append((FREE, "count(*) FILTER (WHERE s.is_free)", []))
    if "fascia" in groups:
        for index, band in enumerate(AGE_BANDS):
            measures.append((FIRST_BAND - index, BAND_SQL, [band.maximum, band.minimum]))
    if "giorno" in groups:
        today = moment.date()
        for weekday in DAYS.values():
            params = [
                active,
                [tags.weekday_open_ended(weekday)],
                [tags.weekday_ending(weekday)],
                weekday,
                next_date(weekday, today),
            ]
            measures.append((FIRST_DAY - weekday, DAY_SQL, params))
    if "aperto_ora" in groups:
        day, at_time = moment.date(), moment.time()
        params = [
            active,
            [tags.hour(day.isoweekday(), at_time.hour), tags.HAS_EXCEPTIONS],
            day.isoweekday(),
            at_time,
            at_time,
            day,
            day,
            day,
            day,
            at_time,
            at_time,
        ]
        measures.append((OPEN_NOW, OPEN_NOW_SQL, params))
    return measures


def count(base, definitions: dict, served: dict, moment, limit: int, page=None):
    """Count the facets on bounded sets, and rank a page of the first set (``None``'s, all
    the filters) when ``page`` (a ``RankedPage``) says how.

    ``definitions``: {set key: condition}; ``served``: {set key: facet groups counted on it}.
    Returns ({set key: {measure key or tag: n}}, {tag: (code, name)} for places, [the page's
    activity ids in order], None without ``page``).
    """
    names = {key: f"s{index}" for index, key in enumerate(definitions)}
    ctes, parts, params = [], [], []
    for key, condition in definitions.items():
        bounded = base.filter(condition).order_by()
        columns = SET_COLUMNS
        if key is None and page is not None:
            bounded = bounded.annotate(**page.columns)
            columns = (*SET_COLUMNS, "title", *page.columns)
        sql, set_params = bounded.values_list(*columns)[: limit + 1].query.sql_with_params()
        ctes.append(f"{names[key]}({', '.join(columns)}) AS MATERIALIZED ({sql})")
        params.extend(set_params)
    part_params = []
    if page is not None:
        parts.append(
            f"SELECT {PAGE} AS set_no, r.position AS key, r.id AS n FROM (SELECT c.id, "
            "row_number() OVER "
            f"(ORDER BY {page.order_by}) AS position "
            f"FROM (SELECT * FROM {names[None]} LIMIT %s) AS c) AS r "
            "WHERE r.position > %s AND r.position <= %s"
        )
        part_params.extend([page.candidates, page.start, page.stop])
    for index, key in enumerate(definitions):
        groups = served.get(key, ())
        ranges = _merged(TAG_RANGES[g] for g in groups if g in TAG_RANGES)
        if ranges:
            where = " OR ".join("(t.tag >= %s AND t.tag < %s)" for _ in ranges)
            # unnest in the select list: one pass, not a function scan for each row.
            parts.append(
                f"SELECT {index} AS set_no, t.tag AS key, count(*) AS n "
                f"FROM (SELECT unnest(s.search_tags) AS tag FROM {names[key]} s) AS t "
                f"WHERE {where} GROUP BY t.tag"
            )
            part_params.extend(bound for pair in ranges for bound in pair)
        measures = _measures(groups, moment)
        keys = ", ".join(str(measure_key) for measure_key, _sql, _params in measures)
        values = ", ".join(sql for _key, sql, _params in measures)
        parts.append(
            f"SELECT {index}, u.key, u.n FROM (SELECT ARRAY[{values}] AS ns "
            f"FROM {names[key]} s) AS c, unnest(ARRAY[{keys}], c.ns) AS u(key, n)"
        )
        part_params.extend(p for _key, _sql, measure_params in measures for p in measure_params)
    statement = (
        f"WITH {', '.join(ctes)} "
        "SELECT c.set_no, c.key, c.n, m.istat_code, m.name, z.slug, z.name "
        f"FROM ({' UNION ALL '.join(parts)}) AS c "
        f"LEFT JOIN directory_municipality m ON c.key >= {tags.MUNICIPALITY} "
        f"AND c.key < {tags.ZONE} AND m.id = c.key - {tags.MUNICIPALITY} "
        f"LEFT JOIN directory_zone z ON c.key >= {tags.ZONE} AND c.key < {tags.FLAG} "
        f"AND z.id = c.key - {tags.ZONE}"
    )
    keys = list(definitions)
    by_set = {key: {} for key in keys}
    places = {}
    ranked = []
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *part_params])
        for set_no, key, n, istat_code, municipality, slug, zone in cursor.fetchall():
            if set_no == PAGE:
                ranked.append((key, n))
                continue
            by_set[keys[set_no]][key] = n
            if istat_code is not None:
                places[key] = (istat_code, municipality)
            elif slug is not None:
                places[key] = (slug, zone)
    page_ids = None if page is None else [activity_id for _position, activity_id in sorted(ranked)]
    return by_set, places, page_ids


@dataclass(frozen=True)
class PlaceCount:
    code: str  # a municipality's ISTAT code, a zone's slug
    name: str
    count: int


@dataclass
class FacetCounts:
    """How many matches each facet value has, each counted on the bounded set it belongs to
    (all the filters, or all but that facet's own when it is active: ``filters.FACET_GROUPS``).

    Counts are of at most ``limit + 1`` matches: ``sizes`` tells which sets reached the limit.
    """

    sizes: dict  # {set key: matches in the set}; None: all the filters, "x": all but x
    bands: dict[str, int]  # age band slug → matches
    free: int
    open_now: int
    categories: dict[int, int]  # category id → matches (a root's include its children's)
    languages: dict[str, int]  # language code → matches
    municipalities: list[PlaceCount]
    zones: list[PlaceCount]
    days: dict[int, int]  # ISO weekday → matches open on it
    modes: dict[str, int]  # ``Location.Kind`` value → matches
    wheelchair: int

    @property
    def total(self) -> int:
        return self.sizes[None]


def facet_counts(base, definitions, set_key, conditions, moment, languages, limit, page=None):
    """The ``FacetCounts`` of the sets ``definitions`` names, from their tags, and the ids of the
    ranked page (``count``)."""
    served = {}
    for group in ("categoria", "lingua", "comune", "zona", "modalita", "accessibile"):
        served.setdefault(set_key(conditions, group), []).append(group)
    for group in ("fascia", "gratis", "aperto_ora", "giorno"):
        served.setdefault(set_key(conditions, group), []).append(group)
    by_set, places, page_ids = count(base, definitions, served, moment, limit, page)

    def of(group):
        return by_set[set_key(conditions, group)]

    def tagged(group):
        start, end = TAG_RANGES[group]
        return [(tag, n) for tag, n in of(group).items() if start <= tag < end]

    codes = {language.pk: language.code for language in languages}
    days = of("giorno")
    counts = FacetCounts(
        sizes={key: by_set[key][SIZE] for key in definitions},
        bands={band.slug: of("fascia")[FIRST_BAND - i] for i, band in enumerate(AGE_BANDS)},
        free=of("gratis")[FREE],
        open_now=of("aperto_ora")[OPEN_NOW],
        categories={tag - tags.CATEGORY: n for tag, n in tagged("categoria")},
        languages={
            codes[tag - tags.LANGUAGE]: n
            for tag, n in tagged("lingua")
            if tag - tags.LANGUAGE in codes
        },
        municipalities=[
            PlaceCount(*places[tag], n) for tag, n in tagged("comune") if tag in places
        ],
        zones=[PlaceCount(*places[tag], n) for tag, n in tagged("zona") if tag in places],
        days={weekday: days[FIRST_DAY - weekday] for weekday in DAYS.values()},
        modes={MODE_KEYS[tag]: n for tag, n in tagged("modalita")},
        wheelchair=sum(n for _tag, n in tagged("accessibile")),
    )
    return counts, page_ids
