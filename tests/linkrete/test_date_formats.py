"""Dates as each language writes them: Italian month and weekday names in lower case, one
British English with the 24-hour clock."""

import datetime

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from directory.cards import opening_note
from directory.hours import Interval, OpeningStatus
from directory.models import Weekday

WEDNESDAY = datetime.datetime(2026, 12, 2, 16, 30)


def render(template, language, **context):
    with translation.override(language):
        return Template("{% load i18n site_tags %}" + template).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "it",
            "2 dicembre 2026|mercoledì 2 dicembre 2026, 16:30|16:30|02/12/2026"
            "|mercoledì 2 dicembre",
        ),
        (
            "en",
            "2 December 2026|Wednesday 2 December 2026, 16:30|16:30|02/12/2026"
            "|Wednesday 2 December",
        ),
    ],
)
def test_dates_and_times_in_each_language(language, expected):
    rendered = render(
        '{{ d|date:"DATE_FORMAT" }}|{{ d|date:"DATETIME_FORMAT" }}|{{ d|time:"TIME_FORMAT" }}'
        '|{{ d|date:"SHORT_DATE_FORMAT" }}|{{ d|date:"l j F" }}',
        language,
        d=WEDNESDAY,
    )
    assert rendered == expected


def test_every_italian_month_and_weekday_name_is_lower_case():
    days = [datetime.date(2026, month, 1) for month in range(1, 13)]
    days += [datetime.date(2026, 11, 30) + datetime.timedelta(days=n) for n in range(7)]
    for day in days:
        rendered = render('{{ d|date:"l j F E" }}', "it", d=day)
        assert rendered == rendered.lower(), rendered


def test_a_weekday_standing_alone_keeps_its_capital():
    with translation.override("it"):
        assert [str(day.label) for day in Weekday][:3] == ["Lunedì", "Martedì", "Mercoledì"]


def test_the_card_says_the_next_opening_in_lower_case_italian():
    status = OpeningStatus(
        is_open=False,
        current=None,
        next=Interval(WEDNESDAY.date(), datetime.time(16, 30), datetime.time(18, 0)),
    )
    with translation.override("it"):
        assert opening_note(status) == "prossima apertura mercoledì 2 dicembre alle 16:30"
    with translation.override("en"):
        assert opening_note(status) == "next opening Wednesday 2 December at 16:30"


def test_english_reads_day_before_month():
    field = forms.DateField(localize=True)
    with translation.override("en"):
        assert field.clean("02/12/2026") == datetime.date(2026, 12, 2)
        assert field.clean("2026-12-02") == datetime.date(2026, 12, 2)


# The new languages' month and weekday names come from their catalogues (the translators
# decide the case, as Italian does in linkrete/formats/__init__.py): compared case-folded.
@pytest.mark.parametrize(
    ("language", "date", "datetime", "weekday_day"),
    [
        ("ar", "2 ديسمبر، 2026", "2 ديسمبر، 2026، 16:30", "الأربعاء 2 ديسمبر"),
        ("sq", "2 dhjetor 2026", "2 dhjetor 2026, 16:30", "e mërkurë 2 dhjetor"),
        ("ro", "2 decembrie 2026", "2 decembrie 2026, 16:30", "miercuri 2 decembrie"),
        ("uk", "2 грудня 2026 р.", "2 грудня 2026 р., 16:30", "середа 2 грудня"),
        ("zh-hans", "2026年12月2日", "2026年12月2日 16:30", "星期三 12月2日"),
        (
            "es",
            "2 de diciembre de 2026",
            "2 de diciembre de 2026 a las 16:30",
            "miércoles 2 de diciembre",
        ),
        ("fr", "2 décembre 2026", "2 décembre 2026 16:30", "mercredi 2 décembre"),
    ],
)
def test_dates_in_the_new_languages_follow_each_locale(language, date, datetime, weekday_day):
    """No American default (Django's modules for Arabic and Albanian lack a date-and-time), the
    24-hour clock, the Ukrainian genitive month, the Chinese month before the day."""
    rendered = render(
        '{{ d|date:"DATE_FORMAT" }}|{{ d|date:"DATETIME_FORMAT" }}|{{ d|weekday_date }}',
        language,
        d=WEDNESDAY,
    )
    assert rendered.casefold() == f"{date}|{datetime}|{weekday_day}".casefold()
