"""Cells a spreadsheet would run as a formula are written as text, in CSV and XLSX alike."""

import csv
import io

import pytest

from directory.indicators.exports import _xlsx_cell
from linkrete.csv_export import csv_lines, csv_safe

FORMULAS = [
    '=HYPERLINK("http://x.example")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\tcmd|' /C calc'!A0",
    "\r\n=1",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_that_starts_a_formula_gets_an_apostrophe(value):
    assert csv_safe(value) == "'" + value
    assert _xlsx_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Centro d'ascolto", "3 posti", "", None, "a=b", " tab\t"])
def test_ordinary_text_is_left_as_it_is(value):
    assert csv_safe(value) == ("" if value is None else value)


def test_numbers_stay_numbers_in_the_workbook():
    assert _xlsx_cell(-3) == -3
    assert _xlsx_cell(2.5) == 2.5


def test_every_row_of_the_file_is_escaped_and_reads_back():
    text = "".join(csv_lines(["nome", "note"], [["\tcmd", "\r=1"], ["Anna", "ok"]]))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows == [["nome", "note"], ["'\tcmd", "'\r=1"], ["Anna", "ok"]]
