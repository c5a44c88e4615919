"""``giorno`` and ``ora``: open on a day of the week (at a time, if given); ``ora`` alone means
today at that time."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.models import Activity, OpeningSlot
from directory.search import tags
from directory.search.conditions import HoldsTag, holds_any, row_by_row, tagged, where
from directory.search.counting import Measure
from directory.search.filters.base import ChoiceParameterFilter, SearchFilter, TimeFilter

DAYS = {"lun": 1, "mar": 2, "mer": 3, "gio": 4, "ven": 5, "sab": 6, "dom": 7}
DAY_CHOICES = [
    ("lun", pgettext_lazy("weekday", "Monday")),
    ("mar", pgettext_lazy("weekday", "Tuesday")),
    ("mer", pgettext_lazy("weekday", "Wednesday")),
    ("gio", pgettext_lazy("weekday", "Thursday")),
    ("ven", pgettext_lazy("weekday", "Friday")),
    ("sab", pgettext_lazy("weekday", "Saturday")),
    ("dom", pgettext_lazy("weekday", "Sunday")),
]

DAY_SQL = """count(*) FILTER (WHERE s.status = %s AND (s.search_tags @> %s::int[]
    OR (s.search_tags @> %s::int[] AND EXISTS (SELECT 1 FROM directory_openingslot o
        WHERE o.activity_id = s.id AND o.weekday = %s AND o.valid_to >= %s))))"""


def next_date(weekday: int, today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=(weekday - today.isoweekday()) % 7)


def valid_on(day, prefix=""):
    return (
        models.Q(**{f"{prefix}valid_from__isnull": True})
        | models.Q(**{f"{prefix}valid_from__lte": day})
    ) & (
        models.Q(**{f"{prefix}valid_to__isnull": True})
        | models.Q(**{f"{prefix}valid_to__gte": day})
    )


def day_condition(weekday: int, at_time, today: datetime.date):
    """Open on that day of the week from its next occurrence on (at that time, if given).

    Like ``directory.hours``: only active activities have hours; weekly slots count from the
    next such day on (a slot that ended before does not). Dated exceptions are not weekly, so
    they do not change the answer for "on Saturdays".

    The search tags decide for the activities with an open-ended slot that day
    and narrow the others to those with a slot that day (or at that hour), which alone are
    looked up in the slots.
    """
    slots = OpeningSlot.objects.filter(weekday=weekday).filter(
        models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=next_date(weekday, today))
    )
    if at_time is not None:
        slots = slots.filter(opens_at__lte=at_time, closes_at__gt=at_time)
    active = where(models.Q(status=Activity.Status.ACTIVE))
    if at_time is not None:
        return (
            active
            & tagged(tags.hour(weekday, at_time.hour))
            & where(models.Q(row_by_row(slots.filter(activity=models.OuterRef("pk")))))
        )
    ending_slots = slots.filter(valid_to__isnull=False, activity=models.OuterRef("pk"))
    open_ended = tags.weekday_open_ended(weekday)
    ending = tags.weekday_ending(weekday)
    # The first part only narrows (beside a rarer tag, in the index: ``plan.combine``); inside
    # the OR the tags stay on the rows.
    exact = models.Q(HoldsTag(open_ended)) | (
        models.Q(HoldsTag(ending)) & models.Q(row_by_row(ending_slots))
    )
    return active & holds_any([open_ended, ending]) & where(exact)


class Day(SearchFilter):
    """Counted on the rows (``DAY_SQL``): a slot with an end date counts only up to its next
    such day, as in ``day_condition``."""

    name = "giorno"
    params = ("giorno", "ora")
    label = _("Day")
    facet = "giorno"
    own_set = True
    hidden = False

    def parameters(self):
        return {
            "giorno": ChoiceParameterFilter(label=self.label, choices=DAY_CHOICES),
            "ora": TimeFilter(label=_("Time"), input_formats=["%H:%M"]),
        }

    def active(self, search):
        return "giorno" in search.values or "ora" in search.values

    def condition(self, search):
        values, now = search.values, search.now
        weekday = DAYS[values["giorno"]] if "giorno" in values else now.isoweekday()
        return day_condition(weekday, values.get("ora"), now.date())

    def chip_label(self, search):
        values = search.values
        day = dict(DAY_CHOICES)[values["giorno"]] if "giorno" in values else _("today")
        if "ora" in values:
            return _("%(day)s at %(time)s") % {"day": day, "time": f"{values['ora']:%H:%M}"}
        return day

    def measures(self, search):
        today, active = search.now.date(), Activity.Status.ACTIVE.value
        return [
            Measure(
                DAY_SQL,
                (
                    active,
                    [tags.weekday_open_ended(weekday)],
                    [tags.weekday_ending(weekday)],
                    weekday,
                    next_date(weekday, today),
                ),
            )
            for weekday in DAYS.values()
        ]

    def counts(self, counted, search):
        """{ISO weekday: matches open on it}"""
        return dict(zip(DAYS.values(), counted.measures, strict=True))

    def options(self, search, counts, option):
        days = counts[self.name]
        return [option(self.name, code, label, days[DAYS[code]]) for code, label in DAY_CHOICES]
