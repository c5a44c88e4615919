"""A network's indicators for its coordinators: the dashboard of a period and each indicator
as a CSV or XLSX file. A coordinator of another network, staff and anyone else: 404
(``get_network_for_coordinator``); the anonymous are sent to sign in.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from directory.indicators import dashboard, one_indicator
from directory.indicators.charts import bar_chart
from directory.indicators.exports import as_csv, as_xlsx
from directory.indicators.period import period_from
from directory.staff.access import coordinated_networks, get_network_for_coordinator

EXPORTS = {"csv": as_csv, "xlsx": as_xlsx}


def network_list(request):
    """The networks whose dashboards the coordinator reads (none for anyone else)."""
    networks = coordinated_networks(request.user).only("name", "slug", "starts_on", "ends_on")
    return render(request, "staff/network_indicator_list.html", {"networks": networks})


def network_indicators(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    form, period = period_from(request.GET)
    found = dashboard(network, period)
    query = urlencode(period.as_query())
    sections = [
        (
            name,
            [
                {
                    "indicator": indicator,
                    "chart": bar_chart(indicator),
                    "csv": _export_url(network, indicator.key, "csv", query),
                    "xlsx": _export_url(network, indicator.key, "xlsx", query),
                }
                for indicator in indicators
            ],
        )
        for name, indicators in found.sections.items()
    ]
    return render(
        request,
        "staff/network_indicators.html",
        {
            "network": network,
            "form": form,
            "period": period,
            "headlines": found.headlines,
            "freshness": found.freshness,
            "period_query": query,
            "sections": sections,
        },
    )


def _export_url(network, key, extension, query):
    url = reverse(
        "staff:network_indicator_export",
        kwargs={"slug": network.slug, "key": key, "extension": extension},
    )
    return f"{url}?{query}"


def network_indicator_export(request, slug, key, extension):
    network = get_network_for_coordinator(request.user, slug)
    export = EXPORTS.get(extension)
    _form, period = period_from(request.GET)
    indicator = one_indicator(network, key, period) if export else None
    if indicator is None:
        raise Http404
    return export(indicator, network, period)
