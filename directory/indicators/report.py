"""The printable period report of a network (SpOON's final report): the dashboard's figures,
targets and charts for a period, needs against offer by zone and area, and the results of the
needs surveys open in the period, as a PDF drawn by WeasyPrint (``directory.sheets.pdf``).

A report leaves the platform (it is printed, attached, sent to the funders), so it follows the
exports' rule rather than the page's: every count from 1 to 4 is written "<5" and drawn as no
bar, and the measures of its row go with it (``exports.suppressed_rows``). The surveys' free
text is left out, as from their export: it is not an aggregate. It is drawn on each request (a
few seconds for a region's network: the figures are the dashboard's queries, the rest is
WeasyPrint), for the network's coordinators only; nothing is kept.
"""

import dataclasses
from decimal import Decimal

from directory.indicators import dashboard
from directory.indicators.charts import bar_chart
from directory.indicators.exports import SUPPRESSED, THRESHOLD, suppressed_rows
from directory.indicators.needs_offer import as_indicator, needs_offer
from directory.indicators.rows import Row
from directory.surveys.results import BY_ZONE, results
from linkrete.accounts.scope import scope_of_network


@dataclasses.dataclass
class ReportItem:
    indicator: object
    chart: object
    rows: list[list]


@dataclasses.dataclass
class SurveyPart:
    survey_round: object
    sent: int
    items: list[ReportItem]


def report_context(network, period) -> dict:
    scope = scope_of_network(network)
    found = dashboard(network, period, scope=scope)
    sections = [
        (name, [_item(indicator) for indicator in indicators])
        for name, indicators in found.sections.items()
        if indicators
    ]
    headlines = [(headline, _small(headline.value)) for headline in found.headlines]
    needs = needs_offer(scope, period)
    return {
        "network": network,
        "period": period,
        "headlines": headlines,
        "freshness": found.freshness,
        "sections": sections,
        "needs_gaps": needs.gaps,
        "needs_table": _table(as_indicator(needs)),
        "surveys": _surveys(network, period),
    }


def _surveys(network, period) -> list[SurveyPart]:
    """The rounds open at some time in the period, their answers counted by zone."""
    rounds = network.survey_rounds.filter(
        opens_on__lte=period.ends_on, closes_on__gte=period.starts_on
    ).order_by("opens_on", "title")
    parts = []
    for survey_round in rounds:
        found = results(survey_round, BY_ZONE)
        parts.append(
            SurveyPart(survey_round, found.sent, [_item(found_) for found_ in found.indicators])
        )
    return parts


def _small(value):
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and 0 < value < THRESHOLD:
        return SUPPRESSED
    return value


def _table(indicator) -> ReportItem:
    """A table with no chart (needs against offer: four columns side by side)."""
    return ReportItem(indicator, None, suppressed_rows(indicator))


def _item(indicator) -> ReportItem:
    """The indicator's chart with its small counts drawn as no bar and labelled "<5"."""
    drawn = dataclasses.replace(
        indicator,
        rows=[
            Row(row.label, (0 if _small(row.values[0]) == SUPPRESSED else row.values[0],))
            for row in indicator.rows
        ],
    )
    chart = bar_chart(drawn)
    bars = [
        dataclasses.replace(bar, value=SUPPRESSED) if _small(row.values[0]) == SUPPRESSED else bar
        for bar, row in zip(chart.bars, indicator.rows, strict=False)
    ]
    return ReportItem(indicator, dataclasses.replace(chart, bars=bars), suppressed_rows(indicator))
