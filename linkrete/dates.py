"""Dates written in the reader's language: the patterns come from the locale's format module
(``linkrete/formats/<lang>``, else Django's), never spelled out as "l j F", which reads right
in Italian and English only (Chinese puts the month first, Ukrainian needs the genitive month,
Spanish "de")."""

import datetime
import functools

from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.translation import get_language


def day_month(day: datetime.date) -> str:
    """2 dicembre, 2 December, 12月2日, 2 грудня."""
    return date_format(day, get_format("MONTH_DAY_FORMAT"))


def day_month_year(day: datetime.date) -> str:
    """2 dicembre 2026, 2026年12月2日, 2 de diciembre de 2026."""
    return date_format(day, get_format("DATE_FORMAT"))


def weekday_day_month(day: datetime.date, *, year: bool = False) -> str:
    """mercoledì 2 dicembre (2026), miércoles 2 de diciembre (de 2026), 星期三 12月2日."""
    return _weekday_day_month(day, year, get_language())


@functools.lru_cache(maxsize=1024)
def _weekday_day_month(day, year, language):
    # Kept by day and language: a results page writes the next opening of each of its twenty
    # cards, mostly the same few days, and Django's format engine takes a tenth of a
    # millisecond for each.
    return date_format(day, "l " + get_format("DATE_FORMAT" if year else "MONTH_DAY_FORMAT"))
