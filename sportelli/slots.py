"""Free appointment slots of a desk, from its hours, exceptions, slot length and capacity.

Times are built as local wall-clock times in Europe/Rome with zoneinfo and stored as aware
datetimes; lengths are added in UTC, so a slot lasts its real length across a change of time.
A local time that does not exist (the hour skipped in March) gives no slot; a repeated one (the
hour lived twice in October) gives one slot, at its first occurrence.
"""

import datetime
import functools
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from directory.hours import OpeningHours
from sportelli.models import Booking, Desk

UTC = datetime.UTC


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    capacity: int
    taken: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)

    @property
    def is_free(self) -> bool:
        return self.free > 0

    # Computed once: the slot page reads them several times for each of the window's slots.
    @functools.cached_property
    def key(self) -> str:
        """The slot's value in forms: its start in UTC, to the second."""
        return slot_key(self.starts_at)

    @functools.cached_property
    def local_start(self) -> datetime.datetime:
        return self.starts_at.astimezone(local_zone())


def slot_key(moment: datetime.datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_slot_key(value: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime | None:
    """The aware moment of a wall-clock time in the local zone, or None if it does not exist."""
    zone = local_zone()
    moment = datetime.datetime.combine(day, time, tzinfo=zone)  # fold=0: first occurrence
    round_trip = moment.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return None
    return moment


def candidate_starts(desk: Desk, hours: OpeningHours, day: datetime.date):
    """Wall-clock starts of the day's slots: every slot length from opening, ending by closing."""
    length = datetime.timedelta(minutes=desk.slot_minutes)
    for interval in hours.on(day):
        start = datetime.datetime.combine(day, interval.opens_at)
        close = datetime.datetime.combine(day, interval.closes_at)
        while start + length <= close:
            yield start.time()
            start += length


def desk_slots(
    desk: Desk,
    start: datetime.date,
    end: datetime.date,
    *,
    now: datetime.datetime | None = None,
    include_full: bool = False,
) -> list[Slot]:
    """Slots of ``desk`` from ``start`` to ``end`` (inclusive) that start after ``now``.

    Asks the database three things: the weekly hours, the exceptions and the places taken.
    """
    now = now or timezone.now()
    hours = OpeningHours(
        desk.opening_slots.all(), desk.exceptions.filter(date__gte=start, date__lte=end)
    )
    length = datetime.timedelta(minutes=desk.slot_minutes)
    starts: list[datetime.datetime] = []
    day = start
    while day <= end:
        seen = set()
        for wall_time in candidate_starts(desk, hours, day):
            moment = local_datetime(day, wall_time)
            if moment is None or moment <= now or wall_time in seen:
                continue
            seen.add(wall_time)
            starts.append(moment)
        day += datetime.timedelta(days=1)
    if not starts:
        return []
    taken = Counter(
        moment.astimezone(UTC)
        for moment in Booking.objects.active()
        .filter(desk=desk, starts_at__gte=starts[0], starts_at__lte=starts[-1])
        .values_list("starts_at", flat=True)
    )
    slots = []
    for moment in starts:
        begins = moment.astimezone(UTC)
        slot = Slot(
            starts_at=begins,
            ends_at=begins + length,
            capacity=desk.capacity,
            taken=taken.get(begins, 0),
        )
        if include_full or slot.is_free:
            slots.append(slot)
    return slots


def bookable_window(desk: Desk, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return today, today + datetime.timedelta(days=desk.booking_days - 1)


def find_bookable_slot(
    desk: Desk, moment: datetime.datetime, *, now: datetime.datetime | None = None
) -> Slot | None:
    """The free slot starting at ``moment``, if the desk really offers it and it is free."""
    now = now or timezone.now()
    first, last = bookable_window(desk, timezone.localdate(now))
    day = moment.astimezone(local_zone()).date()
    if not first <= day <= last:
        return None
    for slot in desk_slots(desk, day, day, now=now):
        if slot.starts_at == moment.astimezone(UTC):
            return slot
    return None


def slots_by_day(slots: list[Slot]):
    """[(local date, [slots])], in order, for templates."""
    days: dict[datetime.date, list[Slot]] = {}
    for slot in slots:
        days.setdefault(slot.local_start.date(), []).append(slot)
    return list(days.items())


def week_of(slot: Slot, first: datetime.date) -> int:
    """The booking week (0, 1, …) of ``slot`` in a window that starts on ``first``."""
    return (slot.local_start.date() - first).days // 7


def slots_of_week(slots: list[Slot], first: datetime.date, week: int) -> list[Slot]:
    return [slot for slot in slots if week_of(slot, first) == week]


def first_week_with_slots(slots: list[Slot], first: datetime.date, asked: int) -> int:
    """The week to show when ``asked`` is: the first from ``asked`` on with a free slot, or
    ``asked`` itself when none has any (the page then says so)."""
    later = [week for week in {week_of(slot, first) for slot in slots} if week >= asked]
    return min(later, default=asked)
