"""The instants the suite is pinned to and proved under (see tests/conftest.py).

A test whose result depends on "now" asks for the ``pinned_now`` fixture (or moves the
``time_machine`` fixture itself); ``LINKRETE_TEST_NOW`` travels the whole test process to an
instant, to find the tests that still depend on the day they run; ``tests/run_instants.py`` runs
the whole suite under each of ``INSTANTS``.
"""

import datetime
from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")

# An ordinary Wednesday morning: the factory desk (Tuesday 9-12) has its first free slot next
# Tuesday, inside the first week of booking; no holiday, no change of time in the next weeks.
PINNED_NOW = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=ROME)

# Where the suite must pass, whatever day it runs: name -> ISO instant with its UTC offset
# (the offset tells the two 02:30 of the night the clocks go back apart).
INSTANTS = {
    "tuesday-2140-rome": "2026-12-08T21:40:00+01:00",
    "tuesday-2140-utc": "2026-12-08T21:40:00+00:00",
    "sunday-2359": "2026-12-06T23:59:00+01:00",
    "spring-forward-before": "2027-03-28T01:59:00+01:00",
    "spring-forward-after": "2027-03-28T03:01:00+02:00",
    "fall-back-first-0230": "2026-10-25T02:30:00+02:00",
    "fall-back-repeated-0230": "2026-10-25T02:30:00+01:00",
    "new-years-eve-2330": "2026-12-31T23:30:00+01:00",
    "leap-day": "2028-02-29T12:00:00+01:00",
}


def parse_instant(value: str) -> datetime.datetime:
    """An ISO instant with its offset (or a name of ``INSTANTS``); a naive one is refused."""
    moment = datetime.datetime.fromisoformat(INSTANTS.get(value, value))
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset: write e.g. 2026-12-08T21:40:00+01:00")
    return moment
