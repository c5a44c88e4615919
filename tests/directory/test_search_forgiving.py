"""Forgiving matching: filler dropped, all the words first, else those holding the most of them,
said plainly; zero results only when no meaningful word matches."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.search import query_words, rebuild_search_index
from tests.directory.search_world import build_world, slugs, total
from tests.factories import ActivityFactory, LocationFactory, OrganizationFactory

URL = reverse("directory:search")
NOTICE_IT = "Nessun risultato con tutte le parole; ecco quelli che ne contengono alcune"


@pytest.fixture
def world(db):
    return build_world()


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def forgiven(response):
    return "data-forgiving" in response.content.decode()


def test_filler_words_are_dropped_in_italian_and_english():
    assert query_words("Cerco un corso di calcio per il mio bambino") == [
        "corso",
        "calcio",
        "bambino",
    ]
    assert query_words("dove posso trovare aiuto con i compiti?") == ["aiuto", "compiti"]
    assert query_words("where can I find help for my kids") == ["help", "kids"]
    assert query_words("bambino di 8 anni") == ["bambino"]


def test_a_query_of_filler_only_keeps_its_words():
    assert query_words("come") == ["come"]
    assert query_words("per il") == ["per", "il"]


def test_filler_does_not_turn_a_good_query_into_no_results(client, world):
    response = search(client, q="dove posso trovare il calcio per mio figlio")
    # "figlio" is in no document: the words held are found, and the page says so.
    assert slugs(response) == ["calcio"]
    response = search(client, q="vorrei un corso di calcio")
    assert slugs(response) == ["calcio"]
    assert not forgiven(response)  # every meaningful word matched


def test_all_the_words_first_without_notice(client, world):
    response = search(client, q="calcio bambini")
    assert slugs(response) == ["calcio"]
    assert not forgiven(response)


def test_when_no_activity_holds_all_the_words_those_holding_some_are_shown(client, world):
    response = search(client, q="calcio teatro")
    assert set(slugs(response)) == {"calcio", "teatro"}
    assert total(response) == 2
    html = response.content.decode()
    assert NOTICE_IT in html
    assert "data-no-results" not in html


def test_the_most_words_held_come_first_and_alone(client, world):
    # "calcio" and "bambini" are both in the football course; "teatro" in the lab only:
    # the course holds two of the three words, nothing holds three.
    response = search(client, q="calcio bambini teatro")
    assert slugs(response) == ["calcio"]
    assert forgiven(response)
    # Holding one word each, ranked by relevance: the title's word first.
    response = search(client, q="compiti curriculum")
    assert slugs(response) == ["doposcuola", "lavoro"]


def test_an_activity_holding_more_words_ranks_above_one_holding_fewer(client, world):
    organization = OrganizationFactory(name="Circolo Aurora", slug="aurora")
    location = LocationFactory(organization=organization)
    for slug, title in (
        ("uno", "Merenda insieme"),
        ("due", "Merenda e giochi"),
        ("tre", "Giochi in cortile"),
    ):
        ActivityFactory(organization=organization, slug=slug, title=title).locations.set([location])
    rebuild_search_index()
    # "merenda giochi cortile": "due" and "tre" hold two words, "uno" only one.
    response = search(client, q="merenda giochi cortile")
    assert set(slugs(response)) == {"due", "tre"}
    assert forgiven(response)


def test_zero_results_only_when_no_meaningful_word_matches(client, world):
    response = search(client, q="calcio xqzwv")
    assert slugs(response) == ["calcio"]
    assert forgiven(response)
    response = search(client, q="xqzwv pkjhg")
    assert slugs(response) == []
    html = response.content.decode()
    assert "data-no-results" in html
    assert not forgiven(response)


def test_typos_are_still_corrected_in_the_forgiving_pass(client, world):
    response = search(client, q="calco teatro")
    assert set(slugs(response)) == {"calcio", "teatro"}
    assert forgiven(response)


def test_the_other_filters_still_apply_to_the_forgiving_pass(client, world):
    # Both on Saturday: found; on Wednesday neither word is held by an activity.
    response = search(client, q="calcio teatro", giorno="sab")
    assert set(slugs(response)) == {"calcio", "teatro"}
    response = search(client, q="calcio teatro", giorno="mer")
    assert slugs(response) == []
    relaxations = dict(
        re.findall(r'<a href="([^"]*)" data-relax>([^<]*)</a>', response.content.decode())
    )
    assert "?q=calcio+teatro" in relaxations  # without the day


def test_facets_count_what_the_forgiving_pass_shows(client, world):
    html = search(client, q="calcio teatro").content.decode()
    sport = re.search(r'categoria=sport">[^<]*</a> <span class="text-muted">\((\d+)\)</span>', html)
    assert sport and sport.group(1) == "1"
    assert 'data-total="2"' in html


@pytest.mark.parametrize("count", [3, 30])
def test_query_count_of_the_forgiving_pass_does_not_grow(
    client, db, count, django_assert_max_num_queries
):
    organization = OrganizationFactory(name="Oratorio San Luigi", slug="oratorio")
    location = LocationFactory(organization=organization)
    for n in range(count):
        ActivityFactory(
            organization=organization, title=f"Laboratorio di ceramica {n:02d}"
        ).locations.set([location])
        ActivityFactory(organization=organization, title=f"Corso di scacchi {n:02d}").locations.set(
            [location]
        )
    rebuild_search_index()
    # No activity holds both words (words the thesaurus does not widen: its "pittura" also
    # finds every creative workshop): the search, then the search for one of them (no probe:
    # ``forgiving.first_tries``); the thesaurus's table read once (two queries: a test starts
    # with an empty cache). With words, one more: the coming events they name
    # (directory/event_search.py).
    with django_assert_max_num_queries(13):
        response = client.get(URL, {"q": "ceramica scacchi"})
    assert total(response) == 2 * count
    assert forgiven(response)
    with django_assert_max_num_queries(13):
        response = client.get(URL, {"q": "ceramica scacchi", "ordine": "nome"})
    assert len(slugs(response)) == min(2 * count, 20)
    assert slugs(response)[0].startswith("corso-di-scacchi")


def test_the_probe_plans_each_number_of_words_for_all_its_rows(client, world):
    """The probe asks no subquery for one row (``LIMIT 1``): PostgreSQL would read the table
    until a match turns up, and when none holds that many words (the usual case: the search
    for all of them has just found nothing) it read every activity at national scale. Each
    number of words is a materialised CTE, read until its first row (``forgiving.py``)."""
    # Five words, none held by any activity with another: all but one (4) and all but two (3)
    # are counted first in vain, then the probe asks about 2 and 1.
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="calcio teatro xqzwv pkjhg wvbnm")
    assert set(slugs(response)) == {"calcio", "teatro"}
    assert forgiven(response)
    probes = [q["sql"] for q in queries.captured_queries if "held_2 AS MATERIALIZED" in q["sql"]]
    assert len(probes) == 1
    assert "held_1 AS MATERIALIZED" in probes[0]
    assert "held_3" not in probes[0]
    assert "held_4" not in probes[0]
    assert "LIMIT 1) THEN" not in probes[0]
    assert "CASE WHEN EXISTS (SELECT FROM held_2) THEN 2" in probes[0]


def test_no_probe_when_all_the_words_but_one_are_held(client, world):
    """The search for all the words but one is the probe for that many (``first_tries``): when
    it finds activities, they are the page and no probe statement runs."""
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="calcio bambini teatro")
    assert slugs(response) == ["calcio"]
    assert forgiven(response)
    assert not [q for q in queries.captured_queries if "held_" in q["sql"]]
    # Two words, neither with the other: the search for one of them is the page, no probe.
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="calcio teatro")
    assert set(slugs(response)) == {"calcio", "teatro"}
    assert not [q for q in queries.captured_queries if "held_" in q["sql"]]


def test_no_probe_when_all_the_words_but_two_are_held(client, world):
    """All the words but two are counted directly too (``first_tries``): when the search for
    all but one finds nothing and the one for all but two finds activities, they are the page,
    with no probe statement, and the page is the one the probe led to before."""
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="calcio bambini xqzwv pkjhg")
    assert slugs(response) == ["calcio"]
    assert total(response) == 1
    assert forgiven(response)
    assert not [q for q in queries.captured_queries if "held_" in q["sql"]]
    # Fewer than all but two: the probe asks only about those.
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="calcio teatro xqzwv pkjhg")
    assert set(slugs(response)) == {"calcio", "teatro"}
    probes = [q["sql"] for q in queries.captured_queries if "held_" in q["sql"]]
    assert len(probes) == 1
    assert "held_1 AS MATERIALIZED" in probes[0]
    assert "held_2" not in probes[0]


def test_no_word_held_asks_no_probe_for_two_words(client, world):
    """Two words, none held: the search for one of them found nothing, and there is no
    smaller number to probe; the relaxations are offered as before."""
    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="xqzwv pkjhg")
    assert slugs(response) == []
    assert "data-no-results" in response.content.decode()
    assert not [q for q in queries.captured_queries if "held_" in q["sql"]]
