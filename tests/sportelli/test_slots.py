"""Free slots from the desk's hours, exceptions, slot length, capacity and existing bookings."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from directory.models import Weekday
from sportelli.models import Booking
from sportelli.slots import bookable_window, desk_slots, find_bookable_slot
from tests.factories import BookingFactory, DeskExceptionFactory, DeskOpeningSlotFactory

ROME = ZoneInfo("Europe/Rome")
UTC = datetime.UTC
TUESDAY = datetime.date(2026, 3, 3)
BEFORE = datetime.datetime(2026, 3, 1, 8, 0, tzinfo=ROME)


def local(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ROME)


def local_times(slots):
    return [s.starts_at.astimezone(ROME).strftime("%d %H:%M") for s in slots]


pytestmark = pytest.mark.django_db


def test_slots_follow_weekly_hours_and_slot_length(desk):
    slots = desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE)
    assert local_times(slots) == [
        "03 09:00",
        "03 09:30",
        "03 10:00",
        "03 10:30",
        "03 11:00",
        "03 11:30",
    ]
    assert all(s.ends_at - s.starts_at == datetime.timedelta(minutes=30) for s in slots)


def test_a_slot_that_would_end_after_closing_is_not_offered(desk):
    desk.slot_minutes = 50
    desk.save()
    slots = desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE)
    assert local_times(slots) == ["03 09:00", "03 09:50", "03 10:40"]


def test_no_slots_on_days_without_hours(desk):
    wednesday = TUESDAY + datetime.timedelta(days=1)
    assert desk_slots(desk, wednesday, wednesday, now=BEFORE) == []


def test_a_closure_removes_the_day(desk):
    DeskExceptionFactory(desk=desk, date=TUESDAY, is_closed=True)
    assert desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE) == []


def test_special_hours_replace_the_weekly_ones(desk):
    DeskExceptionFactory(
        desk=desk,
        date=TUESDAY,
        is_closed=False,
        opens_at=datetime.time(15, 0),
        closes_at=datetime.time(16, 0),
    )
    assert local_times(desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE)) == ["03 15:00", "03 15:30"]


def test_special_hours_on_a_day_usually_closed(desk):
    friday = TUESDAY + datetime.timedelta(days=3)
    DeskExceptionFactory(
        desk=desk,
        date=friday,
        is_closed=False,
        opens_at=datetime.time(9),
        closes_at=datetime.time(10),
    )
    assert local_times(desk_slots(desk, friday, friday, now=BEFORE)) == ["06 09:00", "06 09:30"]


def test_capacity_minus_existing_bookings(desk):
    desk.capacity = 2
    desk.save()
    nine = local(TUESDAY, 9)
    BookingFactory(desk=desk, starts_at=nine, seat=1)
    slot = desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE)[0]
    assert (slot.starts_at, slot.capacity, slot.taken, slot.free) == (nine, 2, 1, 1)
    BookingFactory(desk=desk, starts_at=nine, seat=2)
    assert "03 09:00" not in local_times(desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE))
    full = desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE, include_full=True)[0]
    assert full.free == 0


def test_a_cancelled_booking_frees_its_place(desk):
    BookingFactory(
        desk=desk, starts_at=local(TUESDAY, 9), seat=None, status=Booking.Status.CANCELLED
    )
    assert local_times(desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE))[0] == "03 09:00"


def test_bookings_of_another_desk_do_not_count(desk, other_desk):
    BookingFactory(desk=other_desk, starts_at=local(TUESDAY, 9))
    assert local_times(desk_slots(desk, TUESDAY, TUESDAY, now=BEFORE))[0] == "03 09:00"


def test_slots_already_started_are_not_offered(desk):
    slots = desk_slots(desk, TUESDAY, TUESDAY, now=local(TUESDAY, 10, 10))
    assert local_times(slots) == ["03 10:30", "03 11:00", "03 11:30"]


def test_the_bookable_window_covers_at_least_four_weeks(desk):
    first, last = bookable_window(desk, datetime.date(2026, 3, 2))
    assert (last - first).days + 1 >= 28
    slots = desk_slots(desk, first, last, now=BEFORE)
    assert {s.starts_at.astimezone(ROME).date() for s in slots} == {
        datetime.date(2026, 3, 3),
        datetime.date(2026, 3, 10),
        datetime.date(2026, 3, 17),
        datetime.date(2026, 3, 24),
    }


def test_the_computation_asks_the_database_a_fixed_number_of_queries(
    desk, django_assert_max_num_queries
):
    for week in range(4):
        BookingFactory(desk=desk, starts_at=local(TUESDAY + datetime.timedelta(weeks=week), 9))
    with django_assert_max_num_queries(3):
        desk_slots(desk, TUESDAY, TUESDAY + datetime.timedelta(days=27), now=BEFORE)


# Daylight saving time in Europe/Rome: 29 March 2026 (02→03), 25 October 2026 (03→02)


def sunday_desk(desk, opens, closes):
    desk.opening_slots.all().delete()
    DeskOpeningSlotFactory(desk=desk, weekday=Weekday.SUNDAY, opens_at=opens, closes_at=closes)
    return desk


def test_morning_slots_keep_their_local_time_across_the_march_change(desk):
    sunday_desk(desk, datetime.time(9), datetime.time(10))
    before, change = datetime.date(2026, 3, 22), datetime.date(2026, 3, 29)
    slots = desk_slots(desk, before, change, now=local(before, 0))
    assert [s.starts_at.astimezone(UTC).strftime("%d %H:%M") for s in slots] == [
        "22 08:00",
        "22 08:30",
        "29 07:00",
        "29 07:30",
    ]
    assert local_times(slots) == ["22 09:00", "22 09:30", "29 09:00", "29 09:30"]


def test_the_hour_skipped_in_march_has_no_slots(desk):
    sunday_desk(desk, datetime.time(1), datetime.time(4))
    change = datetime.date(2026, 3, 29)
    slots = desk_slots(desk, change, change, now=local(change - datetime.timedelta(days=1), 0))
    assert local_times(slots) == ["29 01:00", "29 01:30", "29 03:00", "29 03:30"]
    # 01:30 CET lasts its real 30 minutes and ends at 03:00 CEST.
    assert slots[1].ends_at.astimezone(ROME).strftime("%H:%M") == "03:00"


def test_morning_slots_keep_their_local_time_across_the_october_change(desk):
    sunday_desk(desk, datetime.time(9), datetime.time(10))
    before, change = datetime.date(2026, 10, 18), datetime.date(2026, 10, 25)
    slots = desk_slots(desk, before, change, now=local(before, 0))
    assert [s.starts_at.astimezone(UTC).strftime("%d %H:%M") for s in slots] == [
        "18 07:00",
        "18 07:30",
        "25 08:00",
        "25 08:30",
    ]


def test_the_hour_repeated_in_october_gives_one_slot_per_wall_clock_time(desk):
    sunday_desk(desk, datetime.time(1), datetime.time(4))
    change = datetime.date(2026, 10, 25)
    slots = desk_slots(desk, change, change, now=local(change - datetime.timedelta(days=1), 0))
    assert local_times(slots) == [
        "25 01:00",
        "25 01:30",
        "25 02:00",
        "25 02:30",
        "25 03:00",
        "25 03:30",
    ]
    # 02:00 and 02:30 are the first (summer time) occurrences.
    assert slots[2].starts_at.astimezone(UTC).strftime("%H:%M") == "00:00"
    assert len({s.starts_at for s in slots}) == 6


def test_a_booking_is_found_only_for_a_slot_the_desk_really_offers(desk):
    now = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=ROME)
    assert find_bookable_slot(desk, local(TUESDAY, 9), now=now) is not None
    assert find_bookable_slot(desk, local(TUESDAY, 9, 10), now=now) is None  # forged time
    assert find_bookable_slot(desk, local(TUESDAY + datetime.timedelta(days=1), 9), now=now) is None
    assert find_bookable_slot(desk, local(datetime.date(2026, 2, 24), 9), now=now) is None  # past
    far = datetime.date(2026, 3, 2) + datetime.timedelta(weeks=8)
    assert find_bookable_slot(desk, local(far, 9), now=now) is None  # beyond the window
