"""The search page's coming events matched against each process's copy of the coming events'
texts (``directory.event_texts``): no query when the words name no coming event, the copy
renewed on every write of an event or a session, the database asked when the copy cannot tell
(a word it folds differently, cancelled sessions among the first ones). Now is pinned: Wednesday
2 December 2026."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory import event_search
from directory.event_search import coming_sessions
from directory.event_texts import event_texts
from tests.factories import EventFactory, EventSessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

WEDNESDAY = datetime.date(2026, 12, 2)
SATURDAY = datetime.date(2026, 12, 5)


def _titles(q, today=WEDNESDAY):
    return [s.event.title for s in coming_sessions(q, today)[0]]


def test_words_that_name_no_coming_event_ask_nothing():
    EventSessionFactory(event=EventFactory(title="Coro dei bambini"), date=SATURDAY)
    coming_sessions("coro", WEDNESDAY)  # reads the copy
    with CaptureQueriesContext(connection) as queries:
        shown, calendar_url = coming_sessions("scuola calcio", WEDNESDAY)
    assert (shown, len(queries)) == ([], 0)
    assert calendar_url  # as before: the calendar's link, no sessions
    with CaptureQueriesContext(connection) as queries:
        assert _titles("coro") == ["Coro dei bambini"]
    assert len(queries) == 1


def test_a_new_or_renamed_event_and_a_new_session_are_found_at_once():
    coro = EventSessionFactory(event=EventFactory(title="Coro dei bambini"), date=SATURDAY).event
    assert _titles("ceramica") == []
    EventSessionFactory(event=EventFactory(title="Laboratorio di ceramica"), date=SATURDAY)
    assert _titles("ceramica") == ["Laboratorio di ceramica"]
    coro.title = "Tombolata"
    coro.save()
    assert (_titles("coro"), _titles("tombolata")) == ([], ["Tombolata"])
    past = EventSessionFactory(
        event=EventFactory(title="Presepe vivente"), date=WEDNESDAY - datetime.timedelta(3)
    )
    assert _titles("presepe") == []
    EventSessionFactory(event=past.event, date=SATURDAY)
    assert _titles("presepe") == ["Presepe vivente"]


def test_the_summary_counts_and_a_word_does_not_run_from_title_to_summary():
    EventSessionFactory(
        event=EventFactory(title="Festa", summary="Musica e merenda"), date=SATURDAY
    )
    assert _titles("merenda") == ["Festa"]
    assert _titles("festamusica") == []
    assert event_texts().holding("festamusic") == frozenset()


def test_a_word_the_database_folds_otherwise_is_matched_there():
    # unaccent makes "ß" "ss": the copy does not guess, the database finds it.
    EventSessionFactory(event=EventFactory(title="Festa in Strasse"), date=SATURDAY)
    assert event_texts().holding("straß") is None
    assert _titles("straße") == ["Festa in Strasse"]


@pytest.mark.parametrize("q", ["coro", "coro sabato"])
def test_cancelled_sessions_among_the_first_ones_do_not_hide_the_next(monkeypatch, q):
    monkeypatch.setattr(event_search, "CANDIDATES", 2)
    coro = EventFactory(title="Coro dei bambini")
    for hour in (9, 10, 11):
        EventSessionFactory(
            event=coro, date=SATURDAY, starts_at=datetime.time(hour), status="cancelled"
        )
    EventSessionFactory(event=coro, date=SATURDAY, starts_at=datetime.time(15))
    EventSessionFactory(event=EventFactory(title="Tombola"), date=SATURDAY)
    shown = coming_sessions(q, WEDNESDAY)[0]
    assert [(s.event.title, s.starts_at.hour) for s in shown] == [("Coro dei bambini", 15)]


def test_a_time_and_words_whose_events_are_all_cancelled_then_show_the_times_sessions():
    EventSessionFactory(event=EventFactory(title="Coro"), date=SATURDAY, status="cancelled")
    EventSessionFactory(event=EventFactory(title="Tombola"), date=SATURDAY)
    assert _titles("coro sabato") == ["Tombola"]
