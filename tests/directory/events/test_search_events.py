"""Events on the search page: a query naming a time ("questo sabato", "domani", "weekend",
"this saturday") or an event's words shows a short block of coming sessions with a link to
the calendar, and leaves the activities' results as they were. Now is pinned (tests/clock.py):
Wednesday 2 December 2026."""

import datetime

import pytest
from django.urls import reverse

from directory.event_search import read_time
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
