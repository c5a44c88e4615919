"""CSV files the staff download: streamed a chunk of rows at a time, each cell safe to open in
a spreadsheet.

Spreadsheets run a cell starting with = + - @ (or a tab or carriage return before one) as a
formula; such a cell gets a leading apostrophe, which they show as text (OWASP's advice).
"""

import csv
from collections.abc import Iterable

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def csv_lines(header: Iterable, rows: Iterable[Iterable]):
    """The lines of the file: a byte-order mark first (spreadsheets then read UTF-8), the
    header, and every row's cells made safe."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(label) for label in header])
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]):
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
