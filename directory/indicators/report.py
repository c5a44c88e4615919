"""The printable period report of a network (SpOON's final report): the dashboard's figures,
targets and charts for a period, as a PDF drawn by WeasyPrint (``directory.sheets.pdf``).

A report leaves the platform (it is printed, attached, sent to the funders), so it follows the
exports' rule rather than the page's: every count from 1 to 4 is written "<5" and drawn as no
bar, and the measures of its row go with it (``exports.suppressed_rows``). It is drawn on each
request (a few seconds for a region's network: the figures are the dashboard's queries, the rest
is WeasyPrint), for the network's coordinators only; nothing is kept.
"""

import dataclasses
from decimal import Decimal

from directory.indicators import dashboard
from directory.indicators.charts import bar_chart
from directory.indicators.exports import SUPPRESSED, THRESHOLD, suppressed_rows
from directory.indicators.rows import Row


@dataclasses.dataclass
class ReportItem:
    indicator: object
    chart: object
    rows: list[list]


def report_context(network, period) -> dict:
    found = dashboard(network, period)
    sections = [
        (name, [_item(indicator) for indicator in indicators])
        for name, indicators in found.sections.items()
        if indicators
    ]
    headlines = [(headline, _small(headline.value)) for headline in found.headlines]
    return {"network": network, "period": period, "headlines": headlines, "sections": sections}


def _small(value):
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and 0 < value < THRESHOLD:
        return SUPPRESSED
    return value


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
