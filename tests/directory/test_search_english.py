"""English queries find the Italian listings of the demo data, through the thesaurus and the
categories' English names: every example the English home page suggests, and the words an
English-speaking family types."""

import io
import re

import pytest
from django.core.management import call_command

from tests.clock import ROME
from tests.migrated_data import restore_migrated_data

DOPOSCUOLA = ["doposcuola-primaria-", "doposcuola-medie-", "compiti-online-", "ripetizioni-"]
FOOD = ["pacchi-alimentari-", "emporio-solidale-", "mensa-solidale-"]
EXPECTED = {
    # The English home page's examples ("e.g. football, after-school, food parcel").
    "football": ["calcio-under-10-", "campus-sportivo-"],
    "after-school": DOPOSCUOLA,
    "food parcel": FOOD,
    # What English-speaking families type.
    "after school": DOPOSCUOLA,
    # The learning-difficulties support sits in the need "Doposcuola e aiuto compiti", whose
    # label its document holds: homework help for a child with DSA.
    "homework help": [*DOPOSCUOLA, "sostegno-dsa-"],
    "food bank": FOOD,
    "babysitting": ["spazio-gioco-0-3-", "ludoteca-", "conciliazione-", "italiano-mamme-"],
    # The foreigners' desk (need "Italiano e documenti", whose label its document holds) may
    # come third, after the two courses.
    "italian course": ["italiano-stranieri-", "italiano-mamme-", "sportello-stranieri-"],
    "job": ["job-club-", "cv-colloqui-", "tirocini-", "orientamento-neet-", "sportello-"],
    "rent": ["sportello-casa-", "fondo-emergenza-"],
    "psychologist": ["psicologo-adolescenti-", "supporto-psicologico-", "gruppo-genitori-"],
    "residence permit": ["sportello-stranieri-", "sportello-prossimita-"],
    "debts": ["consulenza-debiti-", "bilancio-famiglia-"],
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the module (it takes seconds)."""
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        restore_migrated_data()


def first_slugs(client, query, count=3):
    response = client.get("/en/cerca/", {"q": query})
    assert response.status_code == 200
    return re.findall(r'data-activity="([^"]+)"', response.content.decode())[:count]


@pytest.mark.parametrize("query", list(EXPECTED))
def test_english_queries_find_the_italian_listings(client, demo, db, pinned_now, query):
    found = first_slugs(client, query)
    assert found, query
    assert all(slug.startswith(tuple(EXPECTED[query])) for slug in found), (query, found)


def test_summer_camps_are_found_in_english_while_they_run(client, demo, db, time_machine):
    import datetime

    time_machine.move_to(datetime.datetime(2027, 7, 1, 10, 0, tzinfo=ROME), tick=False)
    camps = ("centro-estivo-", "campus-sportivo-", "estate-solidale-")
    for query in ("summer camp", "Summer camps"):
        found = first_slugs(client, query)
        assert found and all(slug.startswith(camps) for slug in found), (query, found)
