"""Events on the search page: a query naming a time ("questo sabato", "domani", "weekend",
"this saturday") or an event's words shows a short block of coming sessions with a link to
the calendar, and leaves the activities' results as they were. Now is pinned (tests/clock.py):
Wednesday 2 December 2026."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory import event_search
from directory.event_search import coming_sessions, read_time
from directory.models import PublicationStatus
from directory.search import rebuild_search_index
from tests.factories import ActivityFactory, EventFactory, EventSessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

WEDNESDAY = datetime.date(2026, 12, 2)
SATURDAY = datetime.date(2026, 12, 5)


def _session(title, date, **event):
    return EventSessionFactory(event=EventFactory(title=title, **event), date=date)


def _shown(client, q):
    response = client.get(reverse("directory:search"), {"q": q})
    assert response.status_code == 200
    return [s.event.title for s in response.context["event_sessions"]], response


@pytest.fixture
def season():
    _session("Tombolata di Natale", SATURDAY)
    _session("Coro dei bambini", SATURDAY + datetime.timedelta(days=1))
    _session("Laboratorio di ceramica", WEDNESDAY + datetime.timedelta(days=1))
    _session("Laboratorio annullato", SATURDAY).event.sessions.update(status="cancelled")
    _session("Bozza", SATURDAY, publication_status=PublicationStatus.DRAFT)
    _session("Passato", WEDNESDAY - datetime.timedelta(days=3))


@pytest.mark.parametrize(
    ("q", "titles", "calendar"),
    [
        ("questo sabato", ["Tombolata di Natale"], "?vista=giorno&data=2026-12-05"),
        ("this saturday", ["Tombolata di Natale"], "?vista=giorno&data=2026-12-05"),
        ("domani", ["Laboratorio di ceramica"], "?vista=giorno&data=2026-12-03"),
        (
            "weekend",
            ["Tombolata di Natale", "Coro dei bambini"],
            "?vista=settimana&data=2026-12-05",
        ),
        (
            "cosa fare nel fine settimana",
            ["Tombolata di Natale", "Coro dei bambini"],
            "?vista=settimana&data=2026-12-05",
        ),
        ("laboratori", ["Laboratorio di ceramica"], ""),
        ("CERAMICA", ["Laboratorio di ceramica"], ""),
        ("coro sabato", ["Tombolata di Natale"], "?vista=giorno&data=2026-12-05"),
        ("ceramica sabato", ["Tombolata di Natale"], "?vista=giorno&data=2026-12-05"),
        ("coro domenica", ["Coro dei bambini"], "?vista=giorno&data=2026-12-06"),
    ],
)
def test_a_time_or_an_events_words_show_its_coming_sessions(client, season, q, titles, calendar):
    shown, response = _shown(client, q)
    assert shown == titles
    page = response.content.decode()
    if titles:
        assert reverse("directory:event_calendar") + calendar.replace("&", "&amp;") in page
        assert "Prossimi eventi per la tua ricerca" in page
    else:
        assert "Prossimi eventi per la tua ricerca" not in page


@pytest.mark.parametrize("q", ["", "doposcuola", "il la"])
def test_other_searches_show_no_events(client, season, q):
    shown, _response = _shown(client, q)
    assert shown == []


def test_the_activities_results_do_not_change(client, season):
    ActivityFactory(title="Doposcuola del sabato", slug="doposcuola-del-sabato")
    ActivityFactory(title="Tombolata", slug="tombolata")
    rebuild_search_index()
    shown, response = _shown(client, "sabato")
    assert shown == ["Tombolata di Natale"]
    assert [a.slug for a in response.context["activities"]] == ["doposcuola-del-sabato"]


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (WEDNESDAY, SATURDAY, SATURDAY + datetime.timedelta(days=1)),
        (SATURDAY, SATURDAY, SATURDAY + datetime.timedelta(days=1)),
        (SATURDAY + datetime.timedelta(days=1),) * 3,
    ],
)
def test_the_weekend_is_the_coming_one_or_what_is_left_of_it(today, first, last):
    span, rest = read_time(["weekend"], today)
    assert (span.first, span.last, rest) == (first, last, [])


def test_next_week_and_this_week():
    span, _rest = read_time(["prossima", "settimana"], WEDNESDAY)
    assert (span.first, span.last) == (datetime.date(2026, 12, 7), datetime.date(2026, 12, 13))
    span, _rest = read_time(["this", "week"], WEDNESDAY)
    assert (span.first, span.last) == (WEDNESDAY, datetime.date(2026, 12, 6))


def _titles(q, today=WEDNESDAY):
    return [s.event.title for s in coming_sessions(q, today)[0]]


def test_words_are_looked_up_in_the_folded_texts_the_indexes_hold():
    # One query when no event holds the words; when some do, their sessions' keys, then rows.
    EventSessionFactory(event=EventFactory(title="Coro dei bambini"), date=SATURDAY)
    for q, titles, count in (("scuola calcio", [], 1), ("coro", ["Coro dei bambini"], 3)):
        with CaptureQueriesContext(connection) as queries:
            shown, calendar_url = coming_sessions(q, WEDNESDAY)
        assert ([s.event.title for s in shown], len(queries)) == (titles, count)
        assert calendar_url  # the calendar's link, with or without sessions
        # A LIKE on the stored folded text: what the trigram index on the events answers.
        assert re.search(r'"folded_text"(::text)? LIKE', queries[0]["sql"])
        assert "linkrete_fold" not in queries[0]["sql"]  # nothing folded again per row


def test_the_folded_text_is_the_title_and_summary_without_accents_one_line_each():
    event = EventFactory(title="Caffè letterario", summary="Per l'università")
    event.refresh_from_db()
    assert event.folded_text == "CAFFE LETTERARIO\nPER L'UNIVERSITA"
    EventSessionFactory(event=event, date=SATURDAY)
    for q in ("caffe", "UNIVERSITÀ", "letterario universita"):
        assert [s.event.title for s in coming_sessions(q, WEDNESDAY)[0]] == [event.title], q
    # A word never matches across the title's end and the summary's start.
    assert coming_sessions("letterarioper", WEDNESDAY)[0] == []


@pytest.mark.parametrize(
    ("q", "titles", "count"),
    [
        # Sessions are read as keys, then rows (``_first_sessions``): two queries each time.
        ("questo sabato", ["Tombolata di Natale"], 2),  # a time alone: its sessions
        ("tombola sabato", ["Tombolata di Natale"], 3),  # the events, their sessions that day
        ("tombola coro domenica", ["Coro dei bambini"], 3),
        ("coro sabato", ["Tombolata di Natale"], 4),  # none of theirs that day (keys): the day's
        ("xqzwv sabato", ["Tombolata di Natale"], 3),  # no event holds it: the day's
    ],
)
def test_a_time_and_words_ask_for_the_words_sessions_then_the_times(season, q, titles, count):
    # Neither sorts all the time's sessions to put the words' first (37 ms at national scale).
    with CaptureQueriesContext(connection) as queries:
        assert _titles(q) == titles
    assert len(queries) == count
    for sql in (query["sql"] for query in queries):
        if 'FROM "directory_eventsession"' in sql:
            assert 'ORDER BY "directory_eventsession"."date" ASC' in sql


def test_many_events_holding_the_words_are_asked_for_by_a_subquery(monkeypatch):
    monkeypatch.setattr(event_search, "LISTED", 2)
    for day in range(3):
        EventSessionFactory(
            event=EventFactory(title=f"Coro {day}"), date=SATURDAY + datetime.timedelta(day)
        )
    assert _titles("coro") == ["Coro 0", "Coro 1", "Coro 2"]
    assert _titles("coro domenica") == ["Coro 1"]


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


def test_a_word_is_folded_as_the_database_folds_the_texts():
    # unaccent makes "ß" "ss" and "æ" "ae", and "Città" is found by "citta".
    EventSessionFactory(event=EventFactory(title="Festa in Strasse"), date=SATURDAY)
    EventSessionFactory(event=EventFactory(title="Festa della Città"), date=SATURDAY)
    EventSessionFactory(event=EventFactory(title="Lettura dell'Encyclopaedia"), date=SATURDAY)
    assert _titles("straße") == ["Festa in Strasse"]
    assert _titles("citta") == ["Festa della Città"]
    assert _titles("encyclopædia") == ["Lettura dell'Encyclopaedia"]


@pytest.mark.parametrize("q", ["coro", "coro sabato"])
def test_cancelled_sessions_among_the_first_ones_do_not_hide_the_next(q):
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
