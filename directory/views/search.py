"""The search page of the public directory, ``/cerca/``: the search runs in
``directory.search.run_search``; the view renders what it gives."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import timezone

from directory.search import run_search
from linkrete.page_cache import cached_page


@login_not_required
@cached_page("directory", open_now=True)
def search_page(request):
    now = timezone.localtime()
    result = run_search(request.GET, now)
    return render(
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
            "now": now,
        },
    )
