"""``aperto_ora``: open at this moment, exactly as the activity's page says
(``directory.hours``)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Activity, OpeningSlot, ScheduleException
from directory.search import tags
from directory.search.conditions import row_by_row, tagged_any, where
from directory.search.counting import Measure
from directory.search.filters.base import FlagFilter, SearchFilter
from directory.search.filters.day import valid_on

OPEN_NOW_SQL = """count(*) FILTER (WHERE s.status = %s AND s.search_tags && %s::int[]
    AND (s.valid_from IS NULL OR s.valid_from <= %s) AND (
    (EXISTS (SELECT 1 FROM directory_openingslot o WHERE o.activity_id = s.id
        AND o.weekday = %s AND o.opens_at <= %s AND o.closes_at > %s
        AND (o.valid_from IS NULL OR o.valid_from <= %s)
        AND (o.valid_to IS NULL OR o.valid_to >= %s))
     AND NOT EXISTS (SELECT 1 FROM directory_scheduleexception e
        WHERE e.activity_id = s.id AND e.date = %s))
    OR EXISTS (SELECT 1 FROM directory_scheduleexception e WHERE e.activity_id = s.id
        AND e.date = %s AND NOT e.is_closed AND e.opens_at <= %s AND e.closes_at > %s)))"""


def open_at_condition(moment: datetime.datetime, among=None):
    """Open at this moment, exactly as ``OpeningHours.is_open`` decides.

    A dated exception replaces the weekly slots of its day: closed all day, or special hours.
    An activity that starts later is not open, whatever its hours say (the search lists it).
    ``among`` (activity ids: a subquery) narrows the inner lookups when the caller knows the
    activities asked about are few (the facets), so they need not read every slot of the day.
    """
    day, at_time = moment.date(), moment.time()
    weekly = OpeningSlot.objects.filter(
        valid_on(day), weekday=day.isoweekday(), opens_at__lte=at_time, closes_at__gt=at_time
    )
    exceptions_today = ScheduleException.objects.filter(date=day)
    if among is not None:
        weekly = weekly.filter(activity_id__in=among)
        exceptions_today = exceptions_today.filter(activity_id__in=among)
    special = exceptions_today.filter(is_closed=False, opens_at__lte=at_time, closes_at__gt=at_time)
    # One ``IN`` (a union) rather than an OR of two: the database can then start from the few
    # activities open now instead of testing every activity against both lists.
    open_now = (
        weekly.exclude(activity_id__in=exceptions_today.values("activity_id"))
        .order_by()
        .values("activity_id")
        .union(special.order_by().values("activity_id"))
    )
    started = models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)
    return models.Q(status=Activity.Status.ACTIVE, pk__in=open_now) & started


def open_now_condition(moment: datetime.datetime):
    """``open_at_condition`` for the search: only the activities tagged with a slot in that
    hour of that weekday, or with dated exceptions, are tested, each on its own slots and
    exceptions (``row_by_row``).

    The tags leave a few hundred candidates beside a category or a municipality; the ``IN`` of
    ``open_at_condition`` would first list every slot open at this moment across the directory
    (36,000 on a Thursday at 10 at national scale) and hash them, once for each set a results
    page counts (the search, and the search without each active filter): 70–160 ms each,
    400 ms for "open now" with a category, an age and a day. Looked up for each candidate
    through the slots' and exceptions' activity index, the same test stops with the page.
    """
    day, at_time = moment.date(), moment.time()
    activity = models.OuterRef("pk")
    weekly = OpeningSlot.objects.filter(
        valid_on(day),
        weekday=day.isoweekday(),
        opens_at__lte=at_time,
        closes_at__gt=at_time,
        activity=activity,
    )
    exceptions_today = ScheduleException.objects.filter(date=day, activity=activity)
    special = exceptions_today.filter(is_closed=False, opens_at__lte=at_time, closes_at__gt=at_time)
    is_open = (models.Q(row_by_row(weekly)) & ~models.Q(row_by_row(exceptions_today))) | models.Q(
        row_by_row(special)
    )
    started = models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)
    hour_tag = tags.hour(moment.isoweekday(), moment.hour)
    return (
        tagged_any([hour_tag, tags.HAS_EXCEPTIONS])
        & where(models.Q(status=Activity.Status.ACTIVE))
        & where(started)
        & where(is_open)
    )


class OpenNow(SearchFilter):
    name = "aperto_ora"
    label = _("Open now")
    facet = "other"

    def parameters(self):
        return {"aperto_ora": FlagFilter(label=self.label)}

    def condition(self, search):
        return open_now_condition(search.now)

    def measures(self, search):
        day, at_time = search.now.date(), search.now.time()
        hour_tags = [tags.hour(day.isoweekday(), at_time.hour), tags.HAS_EXCEPTIONS]
        params = (Activity.Status.ACTIVE.value, hour_tags, day, day.isoweekday(), at_time, at_time)
        return [Measure(OPEN_NOW_SQL, (*params, day, day, day, day, at_time, at_time))]

    def counts(self, counted, search):
        """matches open now"""
        return counted.measures[0]

    def options(self, search, counts, option):
        return [option(self.name, "1", self.label, counts[self.name])]
