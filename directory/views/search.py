"""The search page of the public directory, ``/cerca/``: the search runs in
``directory.search.run_search``; the view renders what it gives. ``remember_place`` keeps or
forgets the family's municipality (``directory.home_place``)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from directory import home_place
from directory.event_search import coming_sessions
from directory.models import Municipality
from directory.search import run_search
from linkrete.page_cache import cached_page
from linkrete.read_replica import reads_from_replica


@login_not_required
@cached_page("directory", open_now=True, vary_cookie=home_place.COOKIE)
@reads_from_replica
def search_page(request):
    now = timezone.localtime()
    result = run_search(request.GET, now, remembered=home_place.remembered(request))
    # A few coming events the words name (a time, or their titles): one query, with words, on
    # the first page of results only.
    event_sessions, events_calendar_url = [], None
    if result.page is None or result.page.number == 1:
        event_sessions, events_calendar_url = coming_sessions(
            result.values.get("q") or "", now.date()
        )
    response = render(
        request,
        "directory/search.html",
        {
            "filter": result.filter,
            "values": result.values,
            "notices": result.notices,
            "also_for": result.also_for,
            "total": result.total,
            "total_more": result.total_more,
            "page_obj": result.page,
            "activities": result.activities,
            "organizations": result.organizations,
            "facets": result.facets,
            "relaxations": result.relaxations,
            "forgiven": result.forgiven,
            "chips": result.chips,
            "only_words": result.only_words,
            "clear_url": "?",
            "order": result.order,
            "order_choices": result.order_choices,
            "map_points": result.map_points,
            "tile_url": settings.LINKRETE_MAP_TILE_URL,
            "tile_attribution": settings.LINKRETE_MAP_ATTRIBUTION,
            "hidden_params": result.hidden_params,
            "ways_out": result.ways_out,
            "home": result.home,
            "nearby_first": result.nearby_first,
            "entries": result.entries,
            "carried": home_place.carried(request.GET),
            "forget_url": _remember_url(request, dimentica="1"),
            "now": now,
            "event_sessions": event_sessions,
            "events_calendar_url": events_calendar_url,
        },
    )
    home_place.keep_current(request, response, result.home)
    return response


def _remember_url(request, **extra):
    query = urlencode({**home_place.carried(request.GET), **extra})
    return f"{reverse('directory:remember_place')}?{query}"


@login_not_required
@require_safe
def remember_place(request):
    """``?casa=<ISTAT code>``: remember the family's municipality; ``?dimentica=1``: forget
    it. Back to the search with its parameters either way. A GET, so that the place search and
    its list of choices (links) work without JavaScript; it only sets a preference."""
    back = home_place.carried(request.GET)
    response = redirect(f"{reverse('directory:search')}?{urlencode(back)}")
    if request.GET.get("dimentica"):
        home_place.forget(response)
        return response
    code = request.GET.get("casa", "")
    municipality = None
    if home_place.ISTAT_CODE.fullmatch(code):
        municipality = Municipality.objects.filter(istat_code=code).first()
    if municipality is None:
        messages.warning(request, _("No municipality has this code: choose it again by name."))
        return response
    home_place.remember(response, municipality.istat_code)
    return response
