"""The coming events' titles and summaries, kept by each process: which events a search's words
can name, found in memory (``directory.event_search``).

Matching the words in the database read every event's title and summary through ``unaccent``
(a sequential scan: some 100 ms at national scale, 15,000 events) on every results page, and
most queries name no event. The copy holds, for each event with a session from the day it was
read (less a day), its title and summary as the database folds them for ``unaccent__icontains``
(``UPPER(UNACCENT(…))``); a word of ASCII letters and digits (what ``normalize`` leaves of
Italian and English) is then in a text exactly when the database's ``LIKE`` would find it.
No status is tested here: the query that fetches the sessions still applies them, so the copy
only needs to hold every event that could be shown.

Saving or deleting an event or a session drops the copy's stamp (``linkrete.stamped_copy``,
connected in ``DirectoryConfig.ready``); a ``QuerySet.update()`` sends no signal, so the stamp
also expires after ``TIMEOUT`` seconds.
"""

import bisect
import datetime
import itertools
import re
from dataclasses import dataclass, field

from django.contrib.postgres.lookups import Unaccent
from django.db.models.functions import Upper
from django.utils import timezone

from directory.models import EventSession
from linkrete.stamped_copy import StampedCopy

CACHE_KEY = "directory:event-texts:stamp:1"
TIMEOUT = 300
# The stems looked up are remembered (common words come back on page after page), up to this.
REMEMBERED = 2000
SEPARATOR = "\n"  # never in a word (``normalize`` leaves letters and digits)
_FOLDABLE = re.compile(r"[A-Za-z0-9_]+")


@dataclass
class EventTexts:
    since: datetime.date  # every event with a session on or after this day is here
    ids: list[int]
    starts: list[int]  # where each event's text begins in ``text``
    text: str
    # Their sessions from that day, (date, starts_at, pk, event) in the calendar's order, and
    # by event: which sessions to ask the database about, a few keys instead of thousands.
    sessions: list[tuple]
    by_event: dict[int, list[tuple]]
    _found: dict[str, frozenset[int]] = field(default_factory=dict)

    def first_sessions(self, events, first, last, count: int) -> tuple[list[int], bool]:
        """The keys of the first ``count`` sessions from ``first`` to ``last`` of these events,
        in the calendar's order (any status: the query tests it), and whether there are more."""
        if len(events) <= count * 10:  # few events: their own sessions
            found = sorted(
                session
                for event in events
                for session in self.by_event.get(event, ())
                if first <= session[0] <= last
            )
        else:  # many: the calendar's order, until enough
            found = []
            start = bisect.bisect_left(self.sessions, (first,))
            for session in itertools.islice(self.sessions, start, None):
                if session[0] > last or len(found) > count:
                    break
                if session[3] in events:
                    found.append(session)
        return [session[2] for session in found[:count]], len(found) > count

    def holding(self, stem: str) -> frozenset[int] | None:
        """The events whose title or summary holds ``stem`` (accents and case aside); None
        when the copy cannot tell (a word the database would fold differently)."""
        if not _FOLDABLE.fullmatch(stem):
            return None
        found = self._found.get(stem)
        if found is None:
            positions = (m.start() for m in re.finditer(re.escape(stem.upper()), self.text))
            found = frozenset(self.ids[bisect.bisect(self.starts, p) - 1] for p in positions)
            if len(self._found) >= REMEMBERED:
                self._found.clear()
            self._found[stem] = found
        return found


def _read() -> EventTexts:
    """One query: the sessions from the day before today, each with its event's folded texts."""
    since = timezone.localdate() - datetime.timedelta(days=1)
    rows = (
        EventSession.objects.filter(date__gte=since)
        .annotate(
            folded_title=Upper(Unaccent("event__title")),
            folded_summary=Upper(Unaccent("event__summary")),
        )
        .order_by("date", "starts_at", "pk")
        .values_list("date", "starts_at", "pk", "event_id", "folded_title", "folded_summary")
    )
    sessions, by_event, folded = [], {}, {}
    for day, starts_at, pk, event, title, summary in rows:
        session = (day, starts_at, pk, event)
        sessions.append(session)
        by_event.setdefault(event, []).append(session)
        folded[event] = f"{title}{SEPARATOR}{summary}{SEPARATOR}"
    ids, starts, offset = sorted(folded), [], 0
    for event in ids:
        starts.append(offset)
        offset += len(folded[event])
    text = "".join(folded[event] for event in ids)
    return EventTexts(since, ids, starts, text, sessions, by_event)


_copy = StampedCopy(CACHE_KEY, TIMEOUT, _read)


def event_texts() -> EventTexts:
    """Shared by the process's requests, not to be changed."""
    return _copy.get()


def forget(**kwargs):
    """Every process reads them again (a signal receiver: takes the signal's arguments)."""
    _copy.forget()
