"""Reads an uploaded spreadsheet (XLSX or CSV) into rows of cells keyed by normalized heading.

tablib (django-import-export's reader) does the formats: XLSX through openpyxl, CSV in UTF-8
(with or without BOM) or Windows-1252, comma- or semicolon-separated, as Excel saves it.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

import tablib
from django.utils.translation import gettext as _


class UnreadableFile(ValueError):
    """The file is not a spreadsheet we can read; the message says why, translated."""


def normalize(text) -> str:
    """Lower case, no accents, punctuation as one space: "N° Repertorio" -> "n repertorio"."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@dataclass(frozen=True)
class Sheet:
    headings: list[str]  # as written in the file
    rows: list[tuple[int, tuple]]  # (the spreadsheet's row number, its cells), blank rows left out


def read_sheet(content: bytes, file_name: str) -> Sheet:
    if file_name.lower().endswith(".xlsx"):
        try:
            data = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise UnreadableFile(
                _("This is not an Excel (.xlsx) file we can read: save it again as .xlsx or CSV.")
            ) from error
    elif file_name.lower().endswith(".csv"):
        text = _decode(content)
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            delimiter = dialect.delimiter
        except csv.Error:
            delimiter = ","
        data = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    else:
        raise UnreadableFile(_("Upload an Excel (.xlsx) or CSV (.csv) file."))
    headings = [str(h or "").strip() for h in (data.headers or [])]
    if not any(headings):
        raise UnreadableFile(_("The file is empty: its first row should hold the headings."))
    rows = [
        (number, tuple(row))
        for number, row in enumerate(data, start=2)
        if any(cell not in (None, "") for cell in row)
    ]
    return Sheet(headings=headings, rows=rows)


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")
