import datetime
import zoneinfo

import pytest

from directory.hours import Interval, OpeningHours
from directory.models import OpeningSlot, ScheduleException, Weekday

ROME = zoneinfo.ZoneInfo("Europe/Rome")


def at(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ROME)


def slot(weekday, opens, closes, **kwargs):
    return OpeningSlot(
        weekday=weekday,
        opens_at=datetime.time(*opens),
        closes_at=datetime.time(*closes),
        **kwargs,
    )


SATURDAY_MORNING = slot(Weekday.SATURDAY, (9, 0), (12, 0))
MONDAY_AFTERNOON = slot(Weekday.MONDAY, (14, 30), (17, 30))
HOURS = OpeningHours([SATURDAY_MORNING, MONDAY_AFTERNOON])


def test_open_within_a_slot_and_closed_at_its_end():
    assert HOURS.is_open(at(2026, 11, 28, 9, 0))  # a Saturday
    assert HOURS.is_open(at(2026, 11, 28, 11, 59))
    assert not HOURS.is_open(at(2026, 11, 28, 12, 0))
    assert not HOURS.is_open(at(2026, 11, 27, 10, 0))  # a Friday


def test_next_opening_is_later_today_or_on_a_following_day():
    status = HOURS.status(at(2026, 11, 23, 10, 0))  # Monday morning
    assert status.next == Interval(
        datetime.date(2026, 11, 23), datetime.time(14, 30), datetime.time(17, 30)
    )
    status = HOURS.status(at(2026, 11, 23, 15, 0))  # open now
    assert status.is_open
    assert status.next.day == datetime.date(2026, 11, 28)


def test_time_is_read_in_rome_even_when_given_in_utc():
    utc_moment = datetime.datetime(2026, 11, 28, 8, 30, tzinfo=datetime.UTC)  # 9:30 in Rome
    assert HOURS.is_open(utc_moment)


def test_daylight_saving_change_keeps_local_hours():
    # 29 March 2026: clocks go forward; Monday 30 March 14:30 is still 14:30 in Rome.
    assert HOURS.is_open(at(2026, 3, 30, 14, 30))
    summer_utc = datetime.datetime(2026, 3, 30, 12, 30, tzinfo=datetime.UTC)  # 14:30 CEST
    assert HOURS.is_open(summer_utc)


def test_a_closed_exception_closes_the_day_and_moves_the_next_opening():
    christmas = ScheduleException(date=datetime.date(2026, 12, 26), is_closed=True)
    hours = OpeningHours([SATURDAY_MORNING], [christmas])
    assert not hours.is_open(at(2026, 12, 26, 10, 0))
    assert hours.status(at(2026, 12, 25, 10, 0)).next.day == datetime.date(2027, 1, 2)


def test_special_hours_replace_the_weekly_ones():
    special = ScheduleException(
        date=datetime.date(2026, 11, 28),
        is_closed=False,
        opens_at=datetime.time(15, 0),
        closes_at=datetime.time(18, 0),
    )
    hours = OpeningHours([SATURDAY_MORNING], [special])
    assert not hours.is_open(at(2026, 11, 28, 10, 0))
    assert hours.is_open(at(2026, 11, 28, 16, 0))


def test_slots_and_activities_respect_validity_dates():
    school_year = slot(
        Weekday.MONDAY,
        (14, 30),
        (17, 30),
        valid_from=datetime.date(2026, 9, 15),
        valid_to=datetime.date(2027, 6, 10),
    )
    hours = OpeningHours([school_year])
    assert hours.is_open(at(2026, 11, 23, 15, 0))
    assert not hours.is_open(at(2027, 6, 14, 15, 0))
    ended = OpeningHours([MONDAY_AFTERNOON], valid_to=datetime.date(2026, 11, 1))
    assert ended.status(at(2026, 11, 23, 10, 0)).next is None


def test_no_slots_means_no_next_opening():
    assert OpeningHours([]).status(at(2026, 11, 23, 10)).next is None


@pytest.mark.django_db
def test_a_closed_activity_has_no_hours():
    from tests.factories import OpeningSlotFactory

    opening = OpeningSlotFactory(activity__status="temporarily_closed", activity__alert="Lavori")
    hours = OpeningHours.for_activity(opening.activity)
    assert hours.status(at(2026, 11, 28, 10)).next is None


def test_weekly_table_marks_today():
    rows = HOURS.weekly(today=datetime.date(2026, 11, 28))
    saturday = rows[5]
    assert saturday[0] == Weekday.SATURDAY and saturday[3] is True
    assert saturday[2] == [SATURDAY_MORNING]
    assert rows[1][2] == []
