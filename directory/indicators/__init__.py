"""A network's indicators for a period, for its coordinators' dashboard and its exports.

The pipeline: ``scope_of_network`` (two queries) gives the network's organizations, desks and
zones; each function of ``INDICATORS`` runs one grouped query (three for the events) and
returns an ``Indicator`` of aggregate rows, or ``None`` when its source does not exist yet (the
access points' referrals and emerging-need signals: hidden); ``headlines`` totals them and puts
the targets of the network's actions beside. The page (``directory/staff/views/indicators.py``)
draws each as an SVG bar chart with its table (``charts.py``); ``exports.py`` writes one as CSV
or XLSX with the counts under five suppressed. The number of queries is the same whatever the
data: the aggregation is PostgreSQL's.
"""

from dataclasses import dataclass

from directory.indicators import desk_figures, directory_figures, family_figures, needs_offer
from directory.indicators.freshness import Freshness, freshness
from directory.indicators.headlines import INDICATOR_OF, Headline, headlines
from directory.indicators.period import Period
from directory.indicators.rows import Indicator
from linkrete.accounts.scope import scope_of_network

# (section title's key, functions) in the order of the page.
SECTIONS = {
    "directory": (directory_figures.activities_by_area, directory_figures.activities_by_zone),
    "desks": (
        desk_figures.accesses_by_topic,
        desk_figures.accesses_by_channel,
        desk_figures.accesses_by_desk,
        desk_figures.accesses_by_month,
        desk_figures.accesses_by_age_band,
        desk_figures.accesses_by_outcome,
        desk_figures.referrals_by_state,
        desk_figures.referrals_by_source_type,
        desk_figures.emerging_need_signals,
    ),
    "families": (
        family_figures.families_by_state,
        family_figures.families_by_area,
        family_figures.minors_by_age_band,
        family_figures.interventions_by_kind,
        family_figures.objectives_by_area,
    ),
    "volunteers": (directory_figures.volunteers_by_organization,),
    "events": (directory_figures.events_by_month,),
}
INDICATORS = {
    function.__name__: function for functions in SECTIONS.values() for function in functions
}
# Exported, but on a page of its own (``staff/views/needs_offer.py``), not the dashboard's.
INDICATORS["needs_against_offer"] = needs_offer.needs_against_offer


@dataclass
class Dashboard:
    network: object
    period: Period
    headlines: list[Headline]
    sections: dict[str, list[Indicator]]
    freshness: Freshness

    def indicators(self):
        return [indicator for found in self.sections.values() for indicator in found]


def dashboard(network, period: Period, *, scope=None) -> Dashboard:
    """``scope``: what to count, the network's by default (bench/indicators_bench.py gives
    one of a read-only database that has no network)."""
    scope = scope or scope_of_network(network)
    sections = {
        name: [found for function in functions if (found := function(scope, period))]
        for name, functions in SECTIONS.items()
    }
    by_key = {indicator.key: indicator for found in sections.values() for indicator in found}
    figures = headlines(network, scope, period, by_key)
    for headline in figures:
        if headline.targets and INDICATOR_OF.get(headline.figure) in by_key:
            by_key[INDICATOR_OF[headline.figure]].targets.append(headline)
    return Dashboard(network, period, figures, sections, freshness())


def one_indicator(network, key: str, period: Period) -> Indicator | None:
    """One indicator (the exports), or ``None`` for a key that is not one."""
    function = INDICATORS.get(key)
    return function(scope_of_network(network), period) if function else None
