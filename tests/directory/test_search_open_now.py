"""The search's "open now" (``open_now_condition``: the hour's tags, then each candidate's own
slots and exceptions) finds exactly what ``open_at_condition`` (the activity page's rule)
finds, in every case of the rule."""

import datetime
import zoneinfo

import pytest

from directory.models import Activity, Weekday
from directory.search import rebuild_search_index
from directory.search.filters.open_now import open_at_condition, open_now_condition
from tests.directory.search_world import build_world, slot
from tests.factories import ScheduleExceptionFactory

ROME = zoneinfo.ZoneInfo("Europe/Rome")
SATURDAY_10 = datetime.datetime(2026, 11, 28, 10, 0, tzinfo=ROME)
SATURDAY_16 = datetime.datetime(2026, 11, 28, 16, 0, tzinfo=ROME)
TUESDAY_11 = datetime.datetime(2026, 11, 24, 11, 0, tzinfo=ROME)
WEDNESDAY_10 = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=ROME)

pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.fixture
def world(db):
    return build_world()


def both(moment):
    """(the page's rule, the search's condition) at ``moment``, as sets of slugs."""
    public = Activity.objects.public().current(moment.date())
    rule = public.filter(open_at_condition(moment))
    search = public.filter(open_now_condition(moment).to_q())
    return (
        set(rule.values_list("slug", flat=True)),
        set(search.values_list("slug", flat=True)),
    )


@pytest.mark.parametrize(
    "moment, expected",
    [
        (SATURDAY_10, {"calcio"}),
        (SATURDAY_16, {"teatro"}),
        (TUESDAY_11, {"lavoro"}),
        # pacchi has a Wednesday slot but is temporarily closed.
        (WEDNESDAY_10, set()),
    ],
)
def test_weekly_slots(world, moment, expected):
    assert both(moment) == (expected, expected)


def test_a_closed_day(world):
    ScheduleExceptionFactory(activity=world.calcio, date=SATURDAY_10.date(), is_closed=True)
    rebuild_search_index()
    assert both(SATURDAY_10) == (set(), set())


def test_special_hours_replace_the_weekly_slots(world):
    # teatro opens at 15 on Saturdays; that Saturday it opens in the morning instead.
    ScheduleExceptionFactory(
        activity=world.teatro,
        date=SATURDAY_10.date(),
        is_closed=False,
        opens_at=datetime.time(9, 30),
        closes_at=datetime.time(11, 0),
    )
    rebuild_search_index()
    assert both(SATURDAY_10) == ({"calcio", "teatro"}, {"calcio", "teatro"})
    assert both(SATURDAY_16) == (set(), set())


def test_slot_validity_and_activities_not_started(world):
    world.calcio.opening_slots.update(valid_from=datetime.date(2026, 12, 1))
    slot(world.teatro, Weekday.SATURDAY, (9, 0), (11, 0))
    Activity.objects.filter(pk=world.teatro.pk).update(valid_from=datetime.date(2026, 12, 5))
    rebuild_search_index()
    assert both(SATURDAY_10) == (set(), set())
