"""Needs against offer for a network's coordinators: the table by zone and area, with the gaps
said in words, and the map of its towns drawn on the server (no JavaScript). Someone who does
not coordinate the network: 404."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from directory.indicators.needs_offer import MAP_HEIGHT, MAP_WIDTH, map_dots, needs_offer
from directory.indicators.period import period_from
from directory.staff.access import get_network_for_coordinator
from linkrete.accounts.scope import scope_of_network


def network_needs_offer(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form, period = period_from(request.GET)
    found = needs_offer(scope_of_network(network), period)
    query = urlencode(period.as_query())
    export = reverse(
        "staff:network_indicator_export",
        kwargs={"slug": network.slug, "key": "needs_against_offer", "extension": "csv"},
    )
    return render(
        request,
        "staff/network_needs_offer.html",
        {
            "network": network,
            "form": form,
            "period": period,
            "found": found,
            "dots": map_dots(found.places),
            "map_width": MAP_WIDTH,
            "map_height": MAP_HEIGHT,
            "csv": f"{export}?{query}",
        },
    )
