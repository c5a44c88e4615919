"""The coordinator's page of a network's emerging-need signals: counts by area, municipality
and age band (no identity: signals hold none), and the same table as CSV."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from directory.models import Network
from famiglie.areas import Area
from linkrete import params
from linkrete.accounts.roles import is_coordinator
from linkrete.accounts.scope import scope_of
from linkrete.csv_export import csv_response
from sportelli.access_point_counts import signals_table
from sportelli.models import AgeBand


def _networks_and_chosen(request):
    """The networks the coordinator coordinates, and the one asked for (the first by
    default); anyone else, or a network out of scope, gets 404."""
    if not is_coordinator(request.user):
        raise Http404
    networks = list(scope_of(request.user).filter(Network.objects.all(), networks="pk"))
    if not networks:
        raise Http404
    asked = request.GET.get("rete")
    if asked is None:
        return networks, networks[0]
    slug = params.slug(asked)
    chosen = next((n for n in networks if n.slug == slug), None)
    if chosen is None:
        raise Http404
    return networks, chosen


def _labelled(rows):
    areas, bands = dict(Area.choices), dict(AgeBand.choices)
    return [
        (areas.get(r.area, r.area), r.municipality, bands.get(r.age_band, r.age_band), r.signals)
        for r in rows
    ]


def need_signal_list(request):
    networks, network = _networks_and_chosen(request)
    rows = _labelled(signals_table(network))
    return render(
        request,
        "sportelli/need_signal_list.html",
        {
            "networks": networks,
            "network": network,
            "rows": rows,
            "total": sum(r[3] for r in rows),
        },
    )


def need_signal_export(request):
    _networks, network = _networks_and_chosen(request)
    return csv_response(
        f"bisogni-emergenti-{network.slug}.csv",
        [_("area"), _("municipality"), _("age band"), _("signals")],
        _labelled(signals_table(network)),
    )
