"""Weekly hours written in one spreadsheet cell, as a person writes them.

The format (the activities template's notes say it too): parts separated by ";", each a day
or a range of days, then one or more time ranges separated by ",":

    lun 15:00-18:00; mer 15:00-18:00
    lun-ven 9-12, 14:30-17; sab 9.30-12

Days in Italian or English, whole or the first three letters, accents and case ignored
(``lun``, ``Lunedì``, ``mon``, ``Monday``); times as ``9``, ``9:30``, ``09.30``. Each range
must open before it closes. ``parse`` returns the slots or raises ``HoursError`` with a
translated message naming the part it could not read.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from directory.onboarding.reading import normalize

DAYS = {
    1: ("lun", "lunedi", "mon", "monday"),
    2: ("mar", "martedi", "tue", "tuesday"),
    3: ("mer", "mercoledi", "wed", "wednesday"),
    4: ("gio", "giovedi", "thu", "thursday"),
    5: ("ven", "venerdi", "fri", "friday"),
    6: ("sab", "sabato", "sat", "saturday"),
    7: ("dom", "domenica", "sun", "sunday"),
}
DAY_OF = {name: day for day, names in DAYS.items() for name in names}
SHORT = {day: names[0] for day, names in DAYS.items()}
EXAMPLE = "lun 15:00-18:00; mer 15:00-18:00"

_PART = re.compile(r"^\s*([^\d]+?)\s+(\d.*)$")
_RANGE = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*-\s*(\d{1,2})(?:[:.](\d{2}))?\s*$")


class HoursError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Slot:
    weekday: int
    opens_at: datetime.time
    closes_at: datetime.time


def parse(text: str) -> list[Slot]:
    slots = []
    for part in str(text or "").split(";"):
        if not part.strip():
            continue
        match = _PART.match(part)
        if not match:
            raise _unreadable(part)
        days = _days(match.group(1), part)
        for time_range in match.group(2).split(","):
            opens_at, closes_at = _times(time_range, part)
            slots.extend(Slot(day, opens_at, closes_at) for day in days)
    return sorted(set(slots))


def render(slots) -> str:
    """The cell for ``slots`` (objects with weekday, opens_at, closes_at), one part a day."""
    by_day: dict[int, list[str]] = {}
    for slot in sorted(slots, key=lambda s: (s.weekday, s.opens_at)):
        by_day.setdefault(slot.weekday, []).append(f"{slot.opens_at:%H:%M}-{slot.closes_at:%H:%M}")
    return "; ".join(f"{SHORT[day]} {', '.join(ranges)}" for day, ranges in by_day.items())


def _days(text: str, part: str) -> list[int]:
    names = [normalize(name) for name in re.split(r"\s*-\s*", text.strip())]
    if not all(name in DAY_OF for name in names) or len(names) > 2:
        raise _unreadable(part)
    first, last = DAY_OF[names[0]], DAY_OF[names[-1]]
    if last < first:
        raise _unreadable(part)
    return list(range(first, last + 1))


def _times(text: str, part: str) -> tuple[datetime.time, datetime.time]:
    match = _RANGE.match(text)
    if not match:
        raise _unreadable(part)
    try:
        opens_at = datetime.time(int(match.group(1)), int(match.group(2) or 0))
        closes_at = datetime.time(int(match.group(3)), int(match.group(4) or 0))
    except ValueError:
        raise _unreadable(part) from None
    if opens_at >= closes_at:
        raise HoursError(
            _("“%(part)s”: a time range must open before it closes.") % {"part": part.strip()}
        )
    return opens_at, closes_at


def _unreadable(part: str) -> HoursError:
    return HoursError(
        _("“%(part)s” is not a day and its hours, such as “%(example)s”.")
        % {"part": part.strip(), "example": EXAMPLE}
    )
