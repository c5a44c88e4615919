import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Activity, Weekday
from directory.search import refresh_search_document
from directory.search.filters.day import day_condition
from directory.search.filters.open_now import open_at_condition
from tests.directory.search_world import build_world, slot, slugs
from tests.factories import ScheduleExceptionFactory

URL = reverse("directory:search")
ROME = zoneinfo.ZoneInfo("Europe/Rome")
SATURDAY_10 = datetime.datetime(2026, 11, 28, 10, 0, tzinfo=ROME)
TUESDAY_11 = datetime.datetime(2026, 11, 24, 11, 0, tzinfo=ROME)

# "Open now", a day's slots and their validity are read against today: every test is pinned.
pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.fixture
def world(db):
    return build_world()


def found(client, **params):
    return set(slugs(client.get(URL, params)))


def open_at(moment):
    return set(
        Activity.objects.public()
        .current(moment.date())
        .filter(open_at_condition(moment))
        .values_list("slug", flat=True)
    )


def test_day_finds_activities_with_a_slot_that_day(client, world):
    assert found(client, giorno="sab") == {"calcio", "teatro"}
    assert found(client, giorno="mar") == {"doposcuola", "lavoro"}
    assert found(client, giorno="dom") == set()


def test_day_and_time_find_activities_open_at_that_time(client, world):
    assert found(client, giorno="sab", ora="10:00") == {"calcio"}
    assert found(client, giorno="sab", ora="15:00") == {"teatro"}
    # A slot closes at its closing time.
    assert found(client, giorno="sab", ora="12:00") == set()


def test_temporarily_closed_activities_have_no_hours(client, world):
    # pacchi has a Wednesday slot but is temporarily closed, as directory.hours says.
    assert "pacchi" not in found(client, giorno="mer")


def test_day_ignores_slots_that_ended_before(world):
    today = datetime.date(2026, 11, 23)
    slot(world.teatro, Weekday.SUNDAY, (9, 0), (10, 0), valid_to=datetime.date(2026, 11, 1))
    activities = Activity.objects.filter(day_condition(Weekday.SUNDAY, None, today).to_q())
    assert not activities.exists()


def test_open_at_a_moment_follows_weekly_slots(world):
    assert open_at(SATURDAY_10) == {"calcio"}
    assert open_at(TUESDAY_11) == {"lavoro"}


def test_open_at_respects_a_closed_day(world):
    ScheduleExceptionFactory(activity=world.calcio, date=SATURDAY_10.date(), is_closed=True)
    assert open_at(SATURDAY_10) == set()


def test_open_at_uses_special_hours_of_an_exception(world):
    ScheduleExceptionFactory(
        activity=world.teatro,
        date=SATURDAY_10.date(),
        is_closed=False,
        opens_at=datetime.time(9, 30),
        closes_at=datetime.time(11, 0),
    )
    assert open_at(SATURDAY_10) == {"calcio", "teatro"}


def test_open_at_respects_slot_validity(world):
    world.calcio.opening_slots.update(valid_from=datetime.date(2026, 12, 1))
    assert open_at(SATURDAY_10) == set()


def test_open_now_parameter_uses_the_current_time(client, world):
    now = timezone.localtime()
    slot(world.teatro, now.isoweekday(), (0, 0), (23, 59, 59))
    refresh_search_document(world.teatro)  # hours are in the search tags, like the admin does
    assert found(client, aperto_ora="1") >= {"teatro"}
    assert "pacchi" not in found(client, aperto_ora="1")
