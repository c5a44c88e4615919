"""The search's entry point: ``run_search`` gives the page of ``/cerca/`` for its parameters.

A fixed number of queries whatever the page size: categories and languages (only when the cache
holds none, ``directory.search.choices``), the thesaurus' synonyms and their categories (likewise,
``directory.search.thesaurus``), the municipality and zone asked for (or the municipality the
browser remembers, ``directory.home_place``, whose results come first: ``nearby``), the vocabulary
(typos, and how common the words are), the statement counting the facets, which also ranks the
page (a second one, for the wider radii, when nothing matches), the page of results with three
prefetches, and the matching organizations; when no activity holds all the words, one more
(which most of the words some activity holds, ``directory.search.forgiving``) and the count
again, for those; once every few minutes, the tags' statistics
(``directory.search.tags.share``). Counting and ranking are bounded (``directory.search.facets``,
``directory.search.thresholds``), so a very common word costs about what a rare one does.
"""

import datetime
import math
import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.cards import with_card_details
from directory.models import Activity, Location, Municipality
from directory.search import choices as search_choices
from directory.search import facets, forgiving, grouping, text, thesaurus, thresholds, ways_out
from directory.search.counting import FacetCounts, RankedPage
from directory.search.filters import HIDDEN_PARAMS, ActivityFilter
from directory.search.filters.places import ISTAT_CODE
from directory.search.geo import distance_km, nearness, within
from directory.search.nearby import Nearby
from directory.search.plan import combine
from directory.search.ways_out import WaysOut

PAGE_SIZE = 20


def _requested_page(raw):
    """The page number asked for, before the results are counted (1 when it is not one)."""
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return 1


def _page_number(raw, page_count, notices):
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except ValueError:
        notices.append(_("The page number was ignored: it is not a number."))
        return 1
    if not 1 <= number <= max(page_count, 1):
        notices.append(_("There is no page %(number)s: here is the first.") % {"number": number})
        return 1
    return number


def _order(filterset, notices):
    asked = filterset.values.get("ordine")
    has_text = filterset.text_query is not None
    if asked == "distanza" and filterset.point is None:
        notices.append(_("Sorting by distance needs a position: sorted otherwise."))
        asked = None
    if asked == "rilevanza" and not has_text:
        asked = None
    if asked:
        return asked
    if has_text:
        return "rilevanza"
    if filterset.point is not None:
        return "distanza"
    return "nome"


def _pageable(filterset, order, facet_data):
    """How many results can be paged through: all those counted (at most the counting limit,
    see directory.search.facets), or fewer when sorting works on a bounded set of candidates."""
    pageable = facet_data.total
    if _many(facet_data, thresholds.rank_candidates()) and order in ("rilevanza", "nome"):
        pageable = min(pageable, thresholds.rank_candidates())
    if order == "distanza" and facet_data.more:
        pageable = min(pageable, thresholds.near_candidates())
    return pageable


def _many(facet_data, limit):
    return facet_data.more or facet_data.total > limit


def _first(candidates, order_by, top, group_by=None):
    """The ids of the first ``top`` candidates in this order, as a subquery: the candidates are
    sorted on the few columns selected, and only a page's worth of rows is then read whole."""
    sql, params = candidates.query.sql_with_params()
    grouping = f" GROUP BY {group_by}" if group_by else ""
    return RawSQL(  # nosec B611 # the ORM's compiled SQL, this module's ORDER BY; values as %s
        f"SELECT c.id FROM ({sql}) AS c{grouping} ORDER BY {order_by} LIMIT %s",  # nosec B608 # as above
        (*params, top),
    )


def _results(base, conditions, filterset, order, facet_data, top, matches=None):
    """The ordered queryset of results, enough of them for a page ending at result ``top``.

    Ordering every match of a common word or filter is what makes a big directory slow, so
    beyond the counting limit each order works on a bounded set of candidates: by relevance
    and by name, the first matches the indexes give (in no particular order, so no ORDER BY
    to satisfy); by distance, the matches at the nearest places, found in order by the
    places' GiST index. The page then says "more than N" anyway. Candidates are
    sorted on their ids, titles and sort keys only; the page's rows alone are then read whole.
    ``matches``: the ids of all the matches, when the statement counting them gave them.
    """
    if matches is not None:
        results = Activity.objects.filter(pk__in=matches)
    else:
        results = base.filter(combine(conditions))
    point = filterset.point
    if order == "distanza":
        # Up to the counting limit all the matches are sorted (at most a few hundred rows, their
        # ids given by the statement counting them); beyond, the places nearest first, as many
        # as ``near_candidates``: they all lie in the circle, since more matches than that do.
        # Walking the places in order is fast for common matches but reads thousands of rows
        # for a selective filter (an hour, an age), which a few hundred matches mean.
        if facet_data.more:
            pairs = (
                base.filter(combine(conditions, without="vicino"))
                .filter(within(point, filterset.radius_km, "locations__"))
                .annotate(nearness=nearness(point, prefix="locations__"))
                .order_by("nearness")
                .values_list("id", "title", "nearness")[: thresholds.near_candidates()]
            )
            first = _first(pairs, "min(c.nearness), c.title, c.id", top, "c.id, c.title")
            results = Activity.objects.filter(pk__in=first)
    elif order == "rilevanza":
        candidates = results.order_by().annotate(rank=filterset.text_query.rank())
        candidates = candidates.values_list("id", "title", "rank")
        if _many(facet_data, thresholds.rank_candidates()):
            candidates = candidates[: thresholds.rank_candidates()]
        first = _first(candidates, "c.rank DESC, c.title, c.id", top)
        results = (
            Activity.objects.filter(pk__in=first)
            .annotate(rank=filterset.text_query.rank())
            .order_by("-rank", "title", "pk")
        )
    elif conditions:
        # Without any filter, sorting by name walks the title index and stops after a page.
        candidates = results.order_by().values_list("id", "title")
        if _many(facet_data, thresholds.rank_candidates()):
            candidates = candidates[: thresholds.rank_candidates()]
        results = Activity.objects.filter(pk__in=_first(candidates, "c.title, c.id", top))
    results = _with_distance(results.for_list(), point)
    if order == "distanza":
        results = results.order_by(models.F("distance").asc(nulls_last=True), "title", "pk")
    if order == "nome":
        results = results.order_by("title", "pk")
    return results


def _with_distance(activities, point):
    """Each activity's distance from the point, in km (its nearest place), when one is given."""
    if point is None:
        return activities
    nearest = (
        Location.objects.filter(activities=models.OuterRef("pk"), latitude__isnull=False)
        .annotate(distance=distance_km(point))
        .order_by("distance")
        .values("distance")[:1]
    )
    return activities.annotate(distance=models.Subquery(nearest))


def _ranked_page(filterset, conditions, order, number, nearby=None):
    """How the statement counting the facets can also rank the page asked for
    (``directory.search.counting.RankedPage``), so the matches are found once: by relevance, and by
    name when filtering. By distance, it gives the ids of all the matches when they are all
    counted, to be sorted by distance (``_results``). None otherwise (by name through the
    whole directory). ``nearby`` (``directory.search.nearby.Nearby``): the results near it first,
    among those of comparable relevance, or before the name."""
    if order == "distanza":
        limit = thresholds.count_limit()
        return RankedPage({}, "c.id", limit, 0, limit)
    window = {}
    if order == "rilevanza":
        columns, order_by = {"rank": filterset.text_query.rank()}, "c.rank DESC, c.title, c.id"
        if nearby is not None:
            window, order_by = {"best": "max(c.rank) OVER ()"}, nearby.by_relevance()
    elif order == "nome" and conditions:
        columns, order_by = {}, "c.title, c.id"
        if nearby is not None:
            order_by = nearby.by_name()
    else:
        return None
    # The set holds one match more than the counting limit, to tell "more than": not paged.
    candidates = min(thresholds.rank_candidates(), thresholds.count_limit())
    stop = number * PAGE_SIZE
    return RankedPage(columns, order_by, candidates, stop - PAGE_SIZE, stop, window)


def _counted(base, conditions, filterset, params, order, requested, nearby=None):
    """The facets of the search and its ranked page; when no activity holds all the words,
    those of the activities holding the most of them (``directory.search.forgiving``), or the
    relaxations when none holds any. Returns (the conditions applied, ``facets.Facets``,
    whether the words were forgiven)."""
    may_forgive = forgiving.may_forgive(filterset.text_query) or (
        filterset.text_query is not None and filterset.language_words is not None
    )
    facet_data = facets.compute(
        base,
        conditions,
        filterset,
        params,
        page=_ranked_page(filterset, conditions, order, requested, nearby),
        relax=not may_forgive,
    )
    if facet_data.total or not may_forgive:
        return conditions, facet_data, False
    held = 0
    if forgiving.may_forgive(filterset.text_query):
        # All the words but one, then all but two, counted at once: when some activity holds
        # that many (the usual case) this count is the page's, and no probe is needed
        # (``forgiving.first_tries``); otherwise the probe asks about fewer.
        tries = forgiving.first_tries(filterset.text_query)
        for most in tries:
            filterset.forgive(most)
            tried = filterset.conditions()
            page = _ranked_page(filterset, tried, order, requested, nearby)
            found = facets.compute(base, tried, filterset, params, page=page, relax=False)
            if found.total:
                return tried, found, True
        filterset.forgive(None)
        held = forgiving.most_words_held(
            base, conditions, filterset.text_query, fewer_than=tries[-1]
        )
    if not held and filterset.language_words is not None:
        # "attivita in arabo": the language named is a word that matches.
        without_words = {name: c for name, c in conditions.items() if name != "q"}
        page = _ranked_page(filterset, without_words, order, requested, nearby)
        in_language = facets.compute(base, without_words, filterset, params, page=page)
        if in_language.total:
            return without_words, in_language, True
    if not held:
        # Dropping another filter would find the activities holding some of the words.
        some_words = conditions
        if filterset.text_query.matchable:
            some_words = {**conditions, "q": filterset.text_query.at_least(1).condition}
        facet_data.relaxations = facets.relaxations(base, some_words, filterset, params)
        return conditions, facet_data, False
    filterset.forgive(held)
    conditions = filterset.conditions()
    page = _ranked_page(filterset, conditions, order, requested, nearby)
    return conditions, facets.compute(base, conditions, filterset, params, page=page), True


def _page_of(page_ids, filterset):
    """The activities of a ranked page, in its order, read whole (with what cards show)."""
    rows = _with_distance(Activity.objects.filter(pk__in=page_ids).for_list(), filterset.point)
    by_id = {activity.pk: activity for activity in rows}
    return [by_id[pk] for pk in page_ids if pk in by_id]


def _map_points(activities):
    points = []
    for activity in activities:
        for location in activity.card_locations:
            if location.has_coordinates:
                points.append(
                    {
                        "lat": location.latitude,
                        "lon": location.longitude,
                        "title": activity.title,
                        "url": activity.url,
                    }
                )
    return points


def _without_empty_options(groups):
    """The facet groups without the values that would give nothing (kept when active): on a
    page that finds little, a column of "(0)" only says there is nothing more to find."""
    kept = []
    for group in groups:
        options = [o for o in group.options if o.active or o.count != 0]
        for option in options:
            option.children = [c for c in option.children if c.active or c.count != 0]
        if options:
            kept.append(facets.Group(group.name, group.label, options))
    return kept


@dataclass
class SearchPage:
    """What the search page shows: the results page, its counts and facets, the active filters
    as chips, and the notices about the parameters ignored."""

    filter: ActivityFilter  # the parameters' form and valid values
    notices: list[str]
    total: int
    total_more: bool  # more than ``total`` matches (the counting limit)
    page: Page
    activities: list  # the page's activities with what their cards show
    organizations: list  # published organizations whose name matches the words
    facets: list  # of ``facets.Group``
    facet_counts: FacetCounts  # the numbers behind them
    relaxations: list  # of ``facets.Relaxation``, when nothing matches
    forgiven: bool  # the results hold some of the words, none all (``forgiving``)
    chips: list  # (label, URL without that filter) for each active filter
    only_words: bool  # the words are the only filter (what the empty-results message says)
    order: str
    order_choices: list  # (value, label) of the orders that make sense here
    hidden_params: list  # (name, value) the form does not show but must keep
    ways_out: WaysOut | None = None  # when few match (``ways_out.needed``)
    home: Municipality | None = None  # the family's municipality, named or remembered
    nearby_first: bool = False  # the results near ``home`` come first (``nearby``)

    @property
    def entries(self) -> list:
        """The page's activities with identical titles grouped (``grouping``)."""
        return grouping.by_title(self.activities)

    @property
    def values(self) -> dict:
        return self.filter.values

    @property
    def also_for(self) -> list[str]:
        """What the thesaurus added to the words typed ("Results also for: doposcuola")."""
        query = self.filter.text_query
        return thesaurus.understood(query.groups) if query is not None else []

    @property
    def map_points(self) -> list[dict]:
        return _map_points(self.activities)


def _home(filterset, remembered):
    """The family's municipality: the one the search names, else the one remembered (its ISTAT
    code, from the cookie; one query), else None."""
    if filterset.municipality is not None:
        return filterset.municipality
    if remembered and re.fullmatch(ISTAT_CODE, remembered):
        return Municipality.objects.filter(istat_code=remembered).first()
    return None


def _nearby(filterset, home, order) -> Nearby | None:
    """What orders the results near the family, when it does: by relevance, or by name when
    no order was asked for (``ordine=nome`` keeps the plain alphabetical order)."""
    if home is None or order == "distanza":
        return None
    if order == "nome" and filterset.values.get("ordine") == "nome":
        return None
    return Nearby(home)


def run_search(
    params: QueryDict, now: datetime.datetime, remembered: str | None = None
) -> SearchPage:
    """The search page for these query parameters at this moment (local time). ``remembered``:
    the ISTAT code of the family's municipality, kept by the browser (``directory.home_place``):
    it orders the results, never filters them."""
    now = timezone.localtime(now)
    categories, languages = search_choices.categories_and_languages()
    filterset = ActivityFilter(params, categories=categories, languages=languages, now=now)
    filterset.resolve()
    conditions = filterset.conditions()
    notices = [str(n) for n in filterset.notices()]

    base = Activity.objects.public().not_ended()
    order = _order(filterset, notices)
    home = _home(filterset, remembered)
    nearby = _nearby(filterset, home, order)
    requested = _requested_page(params.get("pagina"))
    conditions, facet_data, forgiven = _counted(
        base, conditions, filterset, params, order, requested, nearby
    )
    pageable = _pageable(filterset, order, facet_data)
    number = _page_number(params.get("pagina"), math.ceil(pageable / PAGE_SIZE), notices)
    if (
        nearby is not None
        and facet_data.page_ids is not None
        and number != requested
        and order != "distanza"
    ):
        # A page beyond the last: the first, ranked the same way (one statement more, only then).
        page_ids = facets.compute(
            base,
            conditions,
            filterset,
            params,
            page=_ranked_page(filterset, conditions, order, number, nearby),
        ).page_ids
        facet_data.page_ids, requested = page_ids, number
    if facet_data.page_ids is not None and number == requested and order != "distanza":
        paginator = Paginator([], PAGE_SIZE)
        paginator.count = pageable
        page = Page(_page_of(facet_data.page_ids, filterset), number, paginator)
    else:
        matches = facet_data.page_ids if order == "distanza" else None
        results = _results(
            base, conditions, filterset, order, facet_data, top=number * PAGE_SIZE, matches=matches
        )
        paginator = Paginator(results, PAGE_SIZE)
        paginator.count = pageable  # already counted with the facets
        page = paginator.page(number)
    activities = with_card_details(page.object_list, now, today=now.date())

    organizations = []
    if filterset.text_query is not None:
        organizations = text.matching_organizations(filterset.text_query)

    groups, way_out = facet_data.groups, None
    if ways_out.needed(facet_data.total, facet_data.more):
        way_out = ways_out.find(filterset, home)
        groups = _without_empty_options(groups)

    return SearchPage(
        filter=filterset,
        notices=notices,
        total=facet_data.total,
        total_more=facet_data.more,
        page=page,
        activities=activities,
        organizations=organizations,
        facets=groups,
        facet_counts=facet_data.counts,
        relaxations=facet_data.relaxations,
        chips=[
            (filterset.chip_label(group), filterset.url_without(params, group))
            for group in conditions
        ],
        forgiven=forgiven,
        only_words=list(conditions) == ["q"],
        order=order,
        order_choices=[
            (value, label)
            for value, label in filterset.filters["ordine"].extra["choices"]
            if value != "distanza" or filterset.point is not None
            if value != "rilevanza" or filterset.text_query is not None
        ],
        hidden_params=[
            (name, value) for name, value in params.items() if name in HIDDEN_PARAMS and value
        ],
        ways_out=way_out,
        home=home,
        nearby_first=(
            nearby is not None
            and "comune" not in conditions
            and (order == "rilevanza" or bool(conditions))
        ),
    )
