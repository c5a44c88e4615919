"""The search page of the public directory, ``/cerca/``.

A fixed number of queries whatever the page size: categories, languages, (the municipality and
zone asked for), the typo vocabulary (PostgreSQL), two facet queries (a third for the wider
radii when nothing matches), the page of results with three prefetches, and the matching
organizations. Counting and ranking are bounded (``directory.facets``, ``directory.search``), so
a very common word costs about what a rare one does.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory import facets, search
from directory.cards import with_card_details
from directory.filters import GROUPS, ActivityFilter, combine
from directory.geo import distance_km, near, nearness
from directory.models import Activity, Category, Language, Location, Municipality, Zone

PAGE_SIZE = 20
# Parameters the search form does not show but must keep.
HIDDEN_PARAMS = {
    "categoria",
    "comune",
    "zona",
    "fascia",
    "lingua",
    "modalita",
    "vicino",
    "raggio",
    "aperto_ora",
    "gratis",
    "accessibile",
    "ordine",
}


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


def _check_places(filterset):
    """Unknown municipality or zone: drop the filter and say so (one query each, when given)."""
    values = filterset.values
    if "comune" in values:
        municipality = Municipality.objects.filter(istat_code=values["comune"]).first()
        if municipality is None:
            filterset.reject("comune", _("no municipality has this code."))
        else:
            filterset.place_names["comune"] = municipality.name
            filterset.place_ids["comune"] = municipality.pk
    if "zona" in values:
        zone = Zone.objects.filter(slug=values["zona"]).first()
        if zone is None:
            filterset.reject("zona", _("there is no such zone."))
        else:
            filterset.place_names["zona"] = zone.name
            filterset.place_ids["zona"] = zone.pk


def _results(base, conditions, filterset, order, facet_data):
    """The ordered queryset of results, and how many of them can be paged through.

    Ordering every match of a common word or filter is what makes a big directory slow, so
    beyond the counting limit each order works on a bounded set of candidates: by relevance
    and by name, the first matches the indexes give (in no particular order, so no ORDER BY
    to satisfy); by distance, the matches at the nearest places, found in order by the
    places' GiST index on PostgreSQL. The page then says "more than N" anyway.
    """
    results = base.filter(combine(conditions))
    pageable = facet_data.total  # at most the counting limit (see directory.facets)
    many = facet_data.more or facet_data.total > search.rank_candidates()
    point = filterset.point
    if order == "distanza" and (facet_data.more or facet_data.total > search.near_candidates()):
        limit = search.near_candidates()
        nearest_places_first = (
            base.filter(combine(conditions, without="vicino"))
            .filter(near(point, filterset.radius_km, prefix="locations__"))
            .alias(nearness=nearness(point, prefix="locations__"))
            .order_by("nearness")
            .values("pk")[:limit]
        )
        results = Activity.objects.filter(pk__in=nearest_places_first)
        pageable = min(pageable, limit)
    elif many and (order == "rilevanza" or (order == "nome" and conditions)):
        # Without any filter, sorting by name walks the title index and stops after a page.
        limit = search.rank_candidates()
        results = Activity.objects.filter(pk__in=results.order_by().values("pk")[:limit])
        pageable = min(pageable, limit)
    if order == "rilevanza":
        results = results.annotate(rank=filterset.text_query.rank()).order_by(
            "-rank", "title", "pk"
        )
    results = results.for_list(filterset.now.date())
    if point is not None:
        nearest = (
            Location.objects.filter(activities=models.OuterRef("pk"), latitude__isnull=False)
            .annotate(distance=distance_km(point))
            .order_by("distance")
            .values("distance")[:1]
        )
        results = results.annotate(distance=models.Subquery(nearest))
        if order == "distanza":
            results = results.order_by(models.F("distance").asc(nulls_last=True), "title", "pk")
    if order == "nome":
        results = results.order_by("title", "pk")
    return results, pageable


def _map_points(activities):
    points = []
    for activity in activities:
        for location in activity.locations.all():
            if location.has_coordinates:
                points.append(
                    {
                        "lat": location.latitude,
                        "lon": location.longitude,
                        "title": activity.title,
                        "url": activity.get_absolute_url(),
                    }
                )
    return points


@login_not_required
def search_page(request):
    now = timezone.localtime()
    categories = list(Category.objects.select_related("parent"))
    languages = list(Language.objects.all())
    filterset = ActivityFilter(request.GET, categories=categories, languages=languages, now=now)
    _check_places(filterset)
    conditions = filterset.conditions()
    notices = [str(n) for n in filterset.notices()]

    base = Activity.objects.public().current()
    facet_data = facets.compute(base, conditions, filterset, categories, languages, request.GET)
    total = facet_data.total
    order = _order(filterset, notices)
    results, pageable = _results(base, conditions, filterset, order, facet_data)

    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = pageable  # already counted with the facets
    page = paginator.page(_page_number(request.GET.get("pagina"), paginator.num_pages, notices))
    activities = with_card_details(page.object_list, now)

    organizations = []
    if filterset.text_query is not None:
        organizations = search.matching_organizations(filterset.text_query)

    chips = [
        (filterset.chip_label(group), facets.url_with(request.GET, drop=GROUPS[group]))
        for group in conditions
    ]
    return render(
        request,
        "directory/search.html",
        {
            "filter": filterset,
            "values": filterset.values,
            "notices": notices,
            "total": total,
            "total_more": facet_data.more,
            "page_obj": page,
            "activities": activities,
            "organizations": organizations,
            "facets": facet_data.groups,
            "relaxations": facet_data.relaxations,
            "chips": chips,
            "clear_url": "?",
            "order": order,
            "order_choices": [
                (value, label)
                for value, label in filterset.filters["ordine"].extra["choices"]
                if value != "distanza" or filterset.point is not None
                if value != "rilevanza" or filterset.text_query is not None
            ],
            "map_points": _map_points(activities),
            "tile_url": settings.LINKRETE_MAP_TILE_URL,
            "tile_attribution": settings.LINKRETE_MAP_ATTRIBUTION,
            "hidden_params": [
                (name, value)
                for name, value in request.GET.items()
                if name in HIDDEN_PARAMS and value
            ],
            "now": now,
        },
    )
