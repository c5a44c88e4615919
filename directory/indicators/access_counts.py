"""Desk accesses of a network's desks in a period, counted by one key: the period's whole months
from the monthly rollup (``sportelli.models.access_month``), its partial first and last months
(a period from the 15th) from the daily one (``sportelli.models.access_day``), both kept exact
as each access is saved. Two queries at most, whatever the number of accesses; the sum is
exact, since a month is either whole or counted by its days.
"""

import datetime
from collections import Counter

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth

from directory.indicators.period import split_months
from sportelli.models import (
    AccessDay,
    AccessMonth,
    AccessTopicDay,
    AccessTopicMonth,
    Dimension,
)

# The rollup holds the current month too: every whole month of the period comes from it.
NO_LIVE_MONTH = datetime.date.max.replace(day=1)


def rolled(model, scope, period, **filters):
    """The rollup's rows of the period's whole months (an empty queryset, asking nothing, if
    the period has none)."""
    whole, _live = split_months(period, NO_LIVE_MONTH)
    if not whole:
        return model.objects.none()
    return model.objects.filter(
        desk__in=sorted(scope.desks), month__gte=whole[0], month__lt=whole[1], **filters
    ).order_by()


def daily(model, scope, period, **filters):
    """The daily rollup's rows of the period's partial months (an empty queryset, asking
    nothing, if it has none)."""
    _whole, ranges = split_months(period, NO_LIVE_MONTH)
    if not ranges:
        return model.objects.none()
    in_days = Q(pk__in=[])
    for first, last in ranges:
        in_days |= Q(day__gte=first, day__lte=last)
    return model.objects.filter(in_days, desk__in=sorted(scope.desks), **filters).order_by()


ACCESSES = (AccessMonth, AccessDay)
TOPICS = (AccessTopicMonth, AccessTopicDay)


def _summed(scope, period, key, *, rollups=ACCESSES, daily_key=None, **filters) -> Counter:
    """Accesses summed by ``key``: the monthly rollup's rows of the whole months plus the daily
    one's of the partial months (``daily_key`` computes the key where the daily rows lack it)."""
    monthly_model, daily_model = rollups
    days = daily(daily_model, scope, period, **filters)
    if daily_key is not None:
        days = days.annotate(**{key: daily_key})
    counts = Counter()
    for rows in (rolled(monthly_model, scope, period, **filters), days):
        for value, n in rows.values_list(key).annotate(n=Sum("accesses")):
            counts[value] += n
    return counts


def by_field(scope, period, dimension: Dimension) -> Counter:
    """Accesses by their channel, age band or outcome."""
    return _summed(scope, period, "value", dimension=dimension)


def by_desk_name(scope, period) -> Counter:
    """Every access has one channel: the channel's rows of a desk are its accesses."""
    return _summed(scope, period, "desk__name", dimension=Dimension.CHANNEL)


def by_month(scope, period) -> Counter:
    """Accesses by month (its first day)."""
    return _summed(scope, period, "month", daily_key=TruncMonth("day"), dimension=Dimension.CHANNEL)


def by_topic_name(scope, period) -> Counter:
    """An access with two topics counts once under each; one without a topic nowhere."""
    counts = _summed(scope, period, "topic__name", rollups=TOPICS)
    counts.pop(None, None)
    return counts
