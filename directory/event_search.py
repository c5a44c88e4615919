"""Events on the search page: a query that names a time ("questo sabato", "domani", "weekend",
"this saturday") or words of an event's title or summary shows a few coming sessions above the
activities, with a link to the calendar for that time. The activities' results are the
search's business and do not change (``directory.search``).

The sessions taking place in the time named (from today to ``WINDOW_DAYS`` ahead when none), of
the events whose title or summary holds the other words (accents and case aside; with a time,
of those holding one of them, or all the time's sessions when none does). Each word is a
``LIKE`` on ``Event.folded_text`` (the title and the summary through ``linkrete_fold``, stored
by PostgreSQL), which the events' trigram index answers (``Event.Meta``); folding both fields
again for each row the index gave, or each session walked by date, cost about 10 µs a row
(``sport ragazzi``: 23 ms of SQL, 2026-12-04). The events holding the words are
asked for first (``_events_holding``), then their sessions only when there are some (and, with
a time, the time's sessions when none of theirs falls in it). Most searches name no coming
event and stop at the first, short query (about 1 ms to plan); the sessions' statement (eight
tables) took 5–11 ms to plan on every search, and a time with words sorted all the time's
sessions to put the words' first (37 ms for "letture ad alta voce il sabato mattina"). At
national scale (15,000 events; ``bench/coming_bench.py``, the mix's 165 queries): 2 ms a call
in the median, 7 on average, against 15–19 and 16–20 with one query for all. Matching through
``unaccent`` read every event (~100 ms); a per-process copy of the coming events' texts
answered without a query but was read again, inside a request, after any write of an event or a
session (230–390 ms): bench/README.md, issue 11.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, Q, Value
from django.db.models.lookups import Contains
from django.urls import reverse

from directory.models import Event, EventSession
from directory.search.stopwords import is_filler
from directory.search.text import normalize
from linkrete.folding import Folded, fold

SESSIONS_SHOWN = 5
ORDER = ("date", "starts_at", "pk")  # as ``EventSessionQuerySet.between``
WINDOW_DAYS = 60
# The events holding the words are asked for by key up to this many (``_events_holding``).
LISTED = 100
# Words that only say which one ("questo sabato", "next week"): dropped with the time words.
MODIFIERS = {"questo", "questa", "prossimo", "prossima", "this", "next", "coming", "il", "la"}
WEEKDAYS = {
    **dict.fromkeys(["lunedi", "monday"], 0),
    **dict.fromkeys(["martedi", "tuesday"], 1),
    **dict.fromkeys(["mercoledi", "wednesday"], 2),
    **dict.fromkeys(["giovedi", "thursday"], 3),
    **dict.fromkeys(["venerdi", "friday"], 4),
    **dict.fromkeys(["sabato", "saturday"], 5),
    **dict.fromkeys(["domenica", "sunday"], 6),
}
DAYS_FROM_TODAY = {
    "oggi": 0,
    "stasera": 0,
    "stamattina": 0,
    "today": 0,
    "tonight": 0,
    "domani": 1,
    "tomorrow": 1,
    "dopodomani": 2,
}
WEEKEND = {"weekend", "finesettimana"}
WEEK = {"settimana", "week"}
# Words shorter than this are not matched against the events (articles left by the filler; and
# a trigram index cannot answer a shorter one).
MIN_WORD = 3
# A word this long matches without its last letter too ("laboratori" finds "laboratorio").
STEM_FROM = 5


@dataclass
class Span:
    first: datetime.date
    last: datetime.date

    @property
    def calendar_url(self) -> str:
        view = "giorno" if self.first == self.last else "settimana"
        return f"{reverse('directory:event_calendar')}?vista={view}&data={self.first.isoformat()}"


def _joined(words: list[str]) -> list[str]:
    """The words, with "fine settimana" read as one."""
    text = " ".join(words).replace("fine settimana", "finesettimana")
    return text.split()


def read_time(words: list[str], today: datetime.date) -> tuple[Span | None, list[str]]:
    """The days the words name (the first time word wins) and the words left over."""
    span = None
    rest = []
    next_week = any(w in ("prossima", "next") for w in words)
    for word in words:
        found = None
        if word in DAYS_FROM_TODAY:
            day = today + datetime.timedelta(days=DAYS_FROM_TODAY[word])
            found = Span(day, day)
        elif word in WEEKDAYS:
            day = today + datetime.timedelta(days=(WEEKDAYS[word] - today.weekday()) % 7)
            found = Span(day, day)
        elif word in WEEKEND:
            if today.weekday() == 6:  # Sunday: what is left of it
                found = Span(today, today)
            else:
                saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7)
                found = Span(saturday, saturday + datetime.timedelta(days=1))
        elif word in WEEK:
            monday = today - datetime.timedelta(days=today.weekday())
            if next_week:
                monday += datetime.timedelta(days=7)
            found = Span(max(monday, today), monday + datetime.timedelta(days=6))
        if found is not None:
            span = span or found
        elif word not in MODIFIERS:
            rest.append(word)
    return span, rest


def _stem(word: str) -> str:
    return word[:-1] if len(word) >= STEM_FROM else word


def _folded(stem: str):
    """The stem as ``linkrete_fold`` makes it: ``fold()`` for letters and digits in ASCII (a
    constant, whose share of the events the planner estimates); the database's own function
    for a letter ``unaccent`` expands (``æ`` → ``AE``), which ``fold()`` does not."""
    return fold(stem) if stem.isascii() else Folded(Value(stem))


def _holds(word: str) -> Q:
    """The event's title or summary holds the word's stem, accents and case aside: a LIKE on
    their folded text, which the trigram index on it answers (``Event.Meta``). A stem holds no
    line break, so it cannot match across the two."""
    return Q(Contains(F("folded_text"), _folded(_stem(word))))


def _events_holding(words: list[str], combine):
    """The events whose title or summary holds the words (``combine``: all or any of them):
    their keys when at most ``LISTED``, else the condition itself (a subquery); None when no
    event holds them. A short query of its own, planned in a millisecond where the sessions'
    statement took 5–11: most searches name no event, and end here."""
    condition = _holds(words[0])
    for word in words[1:]:
        condition = combine(condition, _holds(word))
    events = Event.objects.filter(condition).order_by().values("pk")
    keys = [row["pk"] for row in events[: LISTED + 1]]
    if not keys:
        return None
    return events if len(keys) > LISTED else keys


def coming_sessions(text: str, today: datetime.date):
    """(the sessions to show, the calendar link for them); ([], None) when the query names
    neither a time nor a word to match."""
    words = _joined(normalize(text).split())
    span, rest = read_time(words, today)
    rest = [w for w in rest if len(w) >= MIN_WORD and not is_filler(w)]
    if span is None and not rest:
        return [], None
    first, last = (
        (span.first, span.last) if span else (today, today + datetime.timedelta(WINDOW_DAYS))
    )
    calendar_url = span.calendar_url if span else reverse("directory:event_calendar")
    if span is None:
        # No time: the events whose title or summary holds every word.
        events = _events_holding(rest, Q.__and__)
        if events is None:
            return [], calendar_url
        return _first_sessions(first, last, events), calendar_url
    if rest and (events := _events_holding(rest, Q.__or__)) is not None:
        # A time and words ("coro domenica"): the sessions of that time whose event holds one
        # of the words; when none does, the words were about something else ("cosa fare nel
        # weekend") and the time's sessions are shown.
        shown = _first_sessions(first, last, events)
        if shown:
            return shown, calendar_url
    return _first_sessions(first, last), calendar_url


def _first_sessions(first, last, events=None):
    """The first sessions from ``first`` to ``last`` (of ``events``' when given): their keys,
    then their rows with what a line shows. In one statement, its eight tables took 5–11 ms to
    plan at national scale against 1.5 for the keys and 0.7 for the rows by key. Built only
    when asked for: the queryset alone costs about 3 ms of the ORM's time."""
    sessions = EventSession.objects.taking_place()
    if events is not None:
        sessions = sessions.filter(event__in=events)
    keys = list(sessions.between(first, last).values_list("pk", flat=True)[:SESSIONS_SHOWN])
    if not keys:
        return []
    return list(EventSession.objects.filter(pk__in=keys).for_list().order_by(*ORDER))
