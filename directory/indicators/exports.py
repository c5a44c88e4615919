"""One indicator as a CSV or XLSX file: aggregates only, with small numbers suppressed.

Suppression: a count from 1 to 4 is written "<5" (a zero stays: it tells no one apart), and a
row whose first count is under 5 has its measures (hours, euros, days) suppressed with it,
since an amount of one family's interventions is that family's. The file says so above the
table. Every text cell goes through ``csv_safe`` in both formats: a leading = + - @ tab or
carriage return gets an apostrophe, so that no spreadsheet runs it as a formula, and the XLSX
cells are written as strings, never as formulas.
"""

import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

from directory.indicators.rows import COUNT, Indicator
from linkrete.csv_export import csv_response, csv_safe

THRESHOLD = 5
SUPPRESSED = "<5"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def suppressed_rows(indicator: Indicator) -> list[list]:
    rows = []
    for row in indicator.rows:
        small = _is_small(row.values[0])
        cells = [row.label]
        for column, value in zip(indicator.columns, row.values, strict=True):
            if column.kind == COUNT and _is_small(value) or column.kind != COUNT and small:
                cells.append(SUPPRESSED)
            else:
                cells.append("" if value is None else value)
        rows.append(cells)
    return rows


def _is_small(value) -> bool:
    return isinstance(value, int | Decimal) and 0 < value < THRESHOLD


def suppression_note() -> str:
    return _(
        "Aggregate figures only. Counts from 1 to 4 are shown as <5, and so are the "
        "amounts, hours and days of their rows."
    )


def preamble(indicator: Indicator, network, period) -> list[list[str]]:
    lines = [
        [str(indicator.title)],
        [_("Network: %(name)s") % {"name": network.name}],
        [
            _("Period: from %(start)s to %(end)s")
            % {"start": period.starts_on.isoformat(), "end": period.ends_on.isoformat()}
        ],
        [suppression_note()],
    ]
    if indicator.note:
        lines.append([str(indicator.note)])
    return [*lines, []]


def filename(indicator: Indicator, network, period, extension: str) -> str:
    return (
        f"{network.slug}-{indicator.key}-{period.starts_on.isoformat()}-"
        f"{period.ends_on.isoformat()}.{extension}"
    )


def as_csv(indicator: Indicator, network, period):
    lines = preamble(indicator, network, period)
    return csv_response(
        filename(indicator, network, period, "csv"),
        lines[0],
        [*lines[1:], indicator.header, *suppressed_rows(indicator)],
    )


def as_xlsx(indicator: Indicator, network, period) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    sheet.title = indicator.key[:31]
    for line in [
        *preamble(indicator, network, period),
        indicator.header,
        *suppressed_rows(indicator),
    ]:
        sheet.append([_xlsx_cell(value) for value in line])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(indicator, network, period, "xlsx")}"'
    )
    return response


def _xlsx_cell(value):
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    return csv_safe(value)
