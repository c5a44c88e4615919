"""Facet counts for the search page: how many results each filter value would give.

Standard faceting: a value of one filter is counted with all the *other* filters applied.

Bounded, like the ranking (``thresholds.count_limit``): counting every match of a very common
word (``bambini``: a third of a national directory) takes seconds, so each set counted
holds at most ``limit + 1`` matching activities: all the filters, and all but each active one.
Below the limit every number is exact; above it the total reads "more than N" and that set's
facet values are listed without numbers (the values seen among the first N, places by how
often). Each set is computed once per statement (a materialized common table expression) and
every facet lookup is narrowed to it, so the work grows with the limit, not with the directory.

One query whatever the number of values: each set carries its rows' search tags, and the
values are counted from them (``directory.search.counting``). One more, only when nothing matches,
counts the relaxations offered instead (without each filter, looser forms of some: wider
radii).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from directory.search import counting
from directory.search.filters import FACET_GROUPS, FACETS, REGISTRY
from directory.search.plan import combine
from directory.search.thresholds import count_limit
from linkrete.read_replica import read_connection


def url_with(params: QueryDict, set_values=None, drop=()) -> str:
    """The search URL's query string with some parameters changed; always back to page 1.

    What ``params.copy()``, ``pop``, ``__setitem__`` and ``urlencode()`` would give (a changed
    parameter keeps its place, a new one comes last), without copying the QueryDict: a results
    page builds about seventy of these links, each from the parameters encoded once
    (``_encoded``).
    """
    set_values = set_values or {}
    dropped = {*drop, "pagina"}
    pieces = []
    for name, encoded in _encoded(params):
        if name in dropped:
            continue
        if name in set_values:
            pieces.append(urlencode([(name, str(set_values[name]))]))
        else:
            pieces.extend(encoded)
    pieces.extend(
        urlencode([(name, str(value))])
        for name, value in set_values.items()
        if name in dropped or name not in params
    )
    return f"?{'&'.join(pieces)}" if pieces else "?"


def _encoded(params: QueryDict) -> list[tuple[str, list[str]]]:
    """[(name, ["name=value" encoded, one per value])], kept on an immutable QueryDict (the
    request's) for the page's other links."""
    encoded = getattr(params, "_linkrete_encoded", None)
    if encoded is None:
        encoded = [
            (name, [urlencode([(name, str(value))]) for value in values])
            for name, values in params.lists()
        ]
        if not getattr(params, "_mutable", True):
            params._linkrete_encoded = encoded
    return encoded


@dataclass
class Option:
    value: str
    label: str
    count: int | None  # None: more matches than were counted, so no number is shown
    active: bool
    url: str
    children: list = field(default_factory=list)
    seen: int = 0  # matches among those counted (bounded): orders and prunes the values
    lang: str = ""  # the label's language where it is not the page's (``taxonomy_names``)


@dataclass
class Group:
    name: str
    label: str
    options: list


@dataclass
class Relaxation:
    label: str
    count: int
    url: str
    more: bool = False  # more than ``count`` (the counting limit)


@dataclass
class Facets:
    total: int
    groups: list
    relaxations: list
    more: bool = False  # more than ``total`` matches (the counting limit)
    # What the counting statement ranked (``counting.RankedPage``), None when
    # it ranked nothing: the ids of the page of results in order, or, sorting by distance, of
    # the matches (all of them when few enough to sort, see ``directory.search.page``).
    page_ids: list | None = None
    counts: counting.FacetCounts | None = None  # the numbers the groups' options show


class CandidateSets:
    """Named sets of at most ``limit + 1`` activities, as common table expressions."""

    def __init__(self, base, definitions: dict, limit: int):
        self.names = {key: f"facet_set_{index}" for index, key in enumerate(definitions)}
        pieces, params = [], []
        for key, condition in definitions.items():
            bounded = base.filter(condition).order_by().values("pk")[: limit + 1]
            sql, bounded_params = bounded.query.sql_with_params()
            pieces.append(f"{self.names[key]}(id) AS MATERIALIZED ({sql})")
            params.extend(bounded_params)
        self.prefix = "WITH " + ", ".join(pieces)
        self.params = params

    def sizes(self, keys) -> list[int]:
        """How many activities each set holds (at most ``limit + 1``), in one statement."""
        counted = ", ".join(f"(SELECT count(*) FROM {self.names[key]})" for key in keys)  # nosec B608 # names made here
        with read_connection().cursor() as cursor:
            cursor.execute(f"{self.prefix} SELECT {counted}", self.params)
            return list(cursor.fetchone())


def _set_key(conditions, group):
    """Which set a facet group is counted on: without its own filter when that is active."""
    return group if group in conditions and group in FACET_GROUPS else None


def _relaxation_counts(base, conditions, filterset, limit, known=None):
    """When nothing matches: bounded counts without each filter, and with each looser form of
    the active filters (``SearchFilter.widenings``: wider radii). ``known``: {filter name:
    bounded count without it} the facets' statement already gave (``Facets.counts.sizes``:
    the same sets, bounded alike), not counted again.

    Returns ({filter name: count}, [(``Widening``, count)]), each count at most ``limit + 1``.
    """
    known = {g: n for g, n in (known or {}).items() if g in conditions}
    definitions = {
        ("without", g): combine(conditions, without=g) for g in conditions if g not in known
    }
    widenings = [
        (search_filter.name, widening)
        for search_filter in REGISTRY
        if search_filter.name in conditions
        for widening in search_filter.widenings(filterset)
    ]
    for index, (name, widening) in enumerate(widenings):
        definitions[("wider", index)] = (
            combine(conditions, without=name) & widening.condition.to_q()
        )
    if not definitions:
        return known, []
    sets = CandidateSets(base, definitions, limit)
    keys = list(definitions)
    sizes = dict(zip(keys, sets.sizes(keys), strict=True))
    return (
        {**known, **{key[1]: n for key, n in sizes.items() if key[0] == "without"}},
        [(widening, sizes[("wider", index)]) for index, (_name, widening) in enumerate(widenings)],
    )


def relaxations(base, conditions, filterset, params: QueryDict, known=None) -> list[Relaxation]:
    """What to offer when nothing matches: the counts without each filter, and with each looser
    form of the active ones (one statement; none when ``known`` gives them all). ``known``:
    {filter name: bounded count without it} already counted with the facets."""
    limit = count_limit()
    without, wider = _relaxation_counts(base, conditions, filterset, limit, known)
    relaxed = []
    for group in conditions:
        relaxed.append(
            Relaxation(
                # The label already quotes the words typed; filters are not quotations.
                _("without %(filter)s") % {"filter": filterset.chip_label(group)},
                min(without[group], limit),
                filterset.url_without(params, group),
                more=without[group] > limit,
            )
        )
    for widening, size in wider:
        relaxed.append(
            Relaxation(
                widening.label,
                min(size, limit),
                url_with(params, widening.params),
                more=size > limit,
            )
        )
    return [r for r in relaxed if r.count]


def compute(base, conditions, filterset, params: QueryDict, page=None, relax=True) -> Facets:
    """The facets of a search; also the ids of ``page`` (a
    ``counting.RankedPage``), ranked among the matches counted, when given. ``relax``: count
    the relaxations when nothing matches (``relaxations``; later, when the words may be
    forgiven first)."""
    limit = count_limit()
    definitions = {None: combine(conditions)}
    definitions.update({g: combine(conditions, without=g) for g in conditions if g in FACET_GROUPS})
    counts, page_ids = counting.facet_counts(
        base,
        definitions,
        _set_key,
        conditions,
        filterset,
        limit,
        page,
    )
    values = filterset.values

    def exact(name):
        return counts.sizes[_set_key(conditions, name)] <= limit

    def option(name, value, label, count, lang=""):
        active = str(values.get(name, "")) == value or (value == "1" and values.get(name) is True)
        url = filterset.url_without(params, name) if active else url_with(params, {name: value})
        return Option(
            value, str(label), count if exact(name) else None, active, url, seen=count, lang=lang
        )

    options = {group: [] for group in FACETS}
    for search_filter in REGISTRY:
        if search_filter.facet is not None:
            options[search_filter.facet] += search_filter.options(filterset, counts, option)
    groups = [Group(group, label, options[group]) for group, label in FACETS.items()]
    groups = [g for g in groups if g.options]

    total = counts.total
    relaxed = []
    if total == 0 and relax:  # relaxations are offered only when nothing matches
        # The facets' sets without each of their filters are the relaxations' too: each is
        # compiled and counted once (a category, an age, a town, a day and "open now" that
        # find nothing compiled ten such sets, about 60 ms of Python at national scale).
        relaxed = relaxations(base, conditions, filterset, params, known=counts.sizes)
    return Facets(
        min(total, limit),
        groups,
        relaxed,
        more=total > limit,
        page_ids=page_ids,
        counts=counts,
    )
