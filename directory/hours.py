"""Opening hours worked out from weekly slots and dated exceptions, in local time (Europe/Rome).

Works on already-fetched slots and exceptions (prefetch them), so result lists and detail
pages ask the database nothing more per activity.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from directory.models import Weekday

SEARCH_HORIZON_DAYS = 28


@dataclass(frozen=True)
class Interval:
    day: datetime.date
    opens_at: datetime.time
    closes_at: datetime.time

    def contains(self, moment: datetime.datetime) -> bool:
        return self.day == moment.date() and self.opens_at <= moment.time() < self.closes_at


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    current: Interval | None
    next: Interval | None


class OpeningHours:
    def __init__(self, slots: Iterable, exceptions: Iterable = (), valid_from=None, valid_to=None):
        self.slots = sorted(slots, key=lambda s: (s.weekday, s.opens_at))
        self.exceptions: dict[datetime.date, list] = {}
        for exception in exceptions:
            self.exceptions.setdefault(exception.date, []).append(exception)
        self.valid_from = valid_from
        self.valid_to = valid_to

    @classmethod
    def for_activity(cls, activity, slots=None, exceptions=None):
        """From the activity's prefetched slots and exceptions, or those given (a card's)."""
        if activity.status != activity.Status.ACTIVE:
            return cls([])
        return cls(
            activity.opening_slots.all() if slots is None else slots,
            activity.schedule_exceptions.all() if exceptions is None else exceptions,
            activity.valid_from,
            activity.valid_to,
        )

    def is_valid_on(self, day: datetime.date) -> bool:
        """Whether the activity runs on that day: not before it starts, nor after it ends."""
        return not (
            (self.valid_from and day < self.valid_from) or (self.valid_to and day > self.valid_to)
        )

    def on(self, day: datetime.date) -> list[Interval]:
        if not self.is_valid_on(day):
            return []
        if day in self.exceptions:
            return sorted(
                Interval(day, e.opens_at, e.closes_at)
                for e in self.exceptions[day]
                if not e.is_closed
            )
        return [
            Interval(day, slot.opens_at, slot.closes_at)
            for slot in self.slots
            if slot.weekday == day.isoweekday() and slot.is_valid_on(day)
        ]

    def status(self, moment: datetime.datetime | None = None) -> OpeningStatus:
        moment = timezone.localtime(moment)
        today = moment.date()
        current = next((i for i in self.on(today) if i.contains(moment)), None)
        upcoming = None
        for offset in range(SEARCH_HORIZON_DAYS + 1):
            day = today + datetime.timedelta(days=offset)
            for interval in self.on(day):
                if offset == 0 and interval.opens_at <= moment.time():
                    continue
                upcoming = interval
                break
            if upcoming:
                break
        return OpeningStatus(is_open=current is not None, current=current, next=upcoming)

    def is_open(self, moment: datetime.datetime | None = None) -> bool:
        return self.status(moment).is_open

    def weekly(self, today: datetime.date | None = None):
        """Rows of (weekday value, label, slots valid today or later, is today) for a table.
        No row is today's while the activity has not started or has ended."""
        today = today or timezone.localdate()
        rows = []
        for value, label in Weekday.choices:
            slots = [
                s
                for s in self.slots
                if s.weekday == value and (s.valid_to is None or s.valid_to >= today)
            ]
            is_today = value == today.isoweekday() and self.is_valid_on(today)
            rows.append((value, label, sorted(slots, key=lambda s: s.opens_at), is_today))
        return rows

    def upcoming_exceptions(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return [e for day in sorted(self.exceptions) if day >= today for e in self.exceptions[day]]
