"""What families are told about when an activity starts and when they can enrol.

The search, the category pages and an organization's page list activities that start later
(``ActivityQuerySet.not_ended``): in December the summer camps and a course starting in January
are found, each with a badge saying when it starts ("Da giugno 2027") and, where the activity
records an enrolment period, whether enrolment is open ("Iscrizioni aperte", "Iscrizioni dal
10 gennaio"). Cards and the activity page take their words from here.
"""

import datetime
from dataclasses import dataclass

from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from linkrete.dates import day_month, day_month_year


@dataclass(frozen=True)
class Enrolment:
    """Where an activity's enrolment period stands on a day."""

    state: str  # "open", "later" (opens after that day) or "closed"
    label: str


def starts_later(activity, today: datetime.date) -> bool:
    return bool(activity.valid_from and activity.valid_from > today)


def start_label(activity, today: datetime.date) -> str:
    """ "Da giugno 2027" for an activity that starts after ``today``; empty otherwise."""
    if not starts_later(activity, today):
        return ""
    month = date_format(activity.valid_from, get_format("YEAR_MONTH_FORMAT"))
    return capfirst(gettext("from %(month)s") % {"month": month})


def _day(day: datetime.date, today: datetime.date) -> str:
    return day_month(day) if day.year == today.year else day_month_year(day)


def enrolment(activity, today: datetime.date) -> Enrolment | None:
    """The enrolment period's state on ``today``, or None when the activity records none (or
    has ended: nothing to enrol in)."""
    opens, closes = activity.enrolment_opens, activity.enrolment_closes
    if opens is None and closes is None:
        return None
    if activity.status == activity.Status.ENDED or (
        activity.valid_to and activity.valid_to < today
    ):
        return None
    if opens and opens > today:
        return Enrolment("later", gettext("Enrolment from %(day)s") % {"day": _day(opens, today)})
    if closes and closes < today:
        return Enrolment("closed", gettext("Enrolment closed"))
    if closes:
        return Enrolment(
            "open", gettext("Enrolment open until %(day)s") % {"day": _day(closes, today)}
        )
    return Enrolment("open", gettext("Enrolment open"))
