"""RUNTS-shaped files for the import tests: valid codici fiscali, XLSX and CSV."""

import csv
import io

import openpyxl
from localflavor.it.util import vat_number_check_digit

HEADINGS = [
    "Codice fiscale",
    "Denominazione",
    "Sezione",
    "Rete associativa",
    "Comune",
    "Provincia",
    "Numero di repertorio",
]


def body_tax_code(n: int) -> str:
    """The n-th valid codice fiscale of a body (11 digits, check digit included)."""
    first = f"9{n:09d}"
    return first + vat_number_check_digit(first)


def runts_xlsx(rows, headings=HEADINGS) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Enti iscritti")
    sheet.append(headings)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def runts_csv(rows, headings=HEADINGS, delimiter=";", encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headings)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
