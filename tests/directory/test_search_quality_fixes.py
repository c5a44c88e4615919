"""What families type, found first (issue 11, ``bench/search_quality.py``): the words typed
outrank the thesaurus' neighbours, and the starter list knows the everyday words the judged set
found missing."""

import pytest
from django.urls import reverse

from directory.models import Category, SearchSynonym
from directory.search import rebuild_search_index
from directory.search import starter_synonyms as starter
from directory.search.text import query_words
from tests.directory.search_world import slugs
from tests.factories import ActivityFactory, SearchSynonymFactory

URL = reverse("directory:search")


def search(client, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return slugs(response)


def activity(slug, title, description=""):
    return ActivityFactory(slug=slug, title=title, summary="", description=description)


def test_the_word_typed_outranks_an_activity_holding_many_of_its_alternatives(client, db):
    activity("mensa", "Mensa del quartiere")
    activity(
        "emporio",
        "Emporio solidale",
        "Sostegno alimentare: spesa solidale, sostegno alimentare per chi ha un pasto caldo "
        "in meno, pasto caldo e spesa, sostegno alimentare.",
    )
    rebuild_search_index()
    SearchSynonym.objects.filter(phrase="mensa").delete()  # the starter list's, if loaded
    SearchSynonymFactory(phrase="mensa", words=["sostegno alimentare", "pasto caldo"])
    assert search(client, "mensa") == ["mensa", "emporio"]


def test_without_alternatives_the_ranking_is_the_words_alone(client, db):
    activity("due", "Calcio e calcio", "calcio calcio calcio")
    activity("uno", "Pallavolo", "un po' di calcio")
    rebuild_search_index()
    assert search(client, "calcio") == ["due", "uno"]


@pytest.fixture
def starter_list(db):
    starter.load_starter(SearchSynonym, Category)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("giochi per bimbi", "Spazio gioco per bambini piccoli"),
        ("psicologo gratis", "Psicologo gratuito per ragazzi"),
        ("compiti online", "Aiuto compiti in videochiamata"),
        ("ho bisogno di parlare con qualcuno", "Centro di ascolto"),
        ("ragazzo che non studia e non lavora", "Orientamento per giovani che non studiano"),
        ("after school club", "Pre e post scuola"),
        ("free doctor", "Ambulatorio medico solidale: visite mediche gratuite"),
        ("mio figlio fa i capricci", "Consulenza per genitori: capricci e regole"),
    ],
)
def test_the_starter_list_knows_families_everyday_words(client, starter_list, query, title):
    activity("right", title)
    activity("other", "Corso di cucina per adulti")
    rebuild_search_index()
    assert search(client, query) == ["right"]


def test_free_doctor_is_a_free_clinic_not_every_medical_visit(client, starter_list):
    activity("ambulatorio", "Ambulatorio medico solidale", "Visite mediche gratuite.")
    activity("accompagnamento", "Accompagnamento alle visite mediche")
    rebuild_search_index()
    assert search(client, "free doctor") == ["ambulatorio"]


def test_verbs_of_doing_and_managing_are_filler():
    assert query_words("mio figlio fa i capricci") == ["figlio", "capricci"]
    assert query_words("non riesco a pagare le bollette") == ["pagare", "bollette"]


@pytest.mark.parametrize(
    "typed, words",
    [
        ("dove fare la spesa gratis vicino casa", ["fare", "spesa", "gratis"]),
        ("doposcuola vicino a casa mia", ["doposcuola"]),
        ("pediatra sotto casa", ["pediatra"]),
        ("food bank near my home", ["food", "bank"]),
        ("english course close to home", ["english", "course"]),
        ("sportello casa vicino", ["sportello", "casa"]),
        ("aiuto per la casa", ["aiuto", "casa"]),
        ("vicino casa", ["casa"]),
    ],
)
def test_near_home_says_where_not_what(typed, words):
    """The words "vicino casa" are the family's place, not a search for housing: only "casa"
    after a word of nearness goes; "casa" alone is still a need."""
    assert query_words(typed) == words


def test_a_word_left_by_phrases_of_different_meanings_takes_none_of_them(client, starter_list):
    """The phrases "solo in casa", "senza casa" and "vicini di casa" all shorten to "casa"
    (their other words are filler): it means none of them, so a search for a home is not one
    for company for the elderly; a phrase shortened without rivals ("vivo solo") keeps its
    meaning."""
    activity("casa", "Sportello casa", "Ricerca di un alloggio in affitto.")
    activity("compagnia", "Telefonata amica", "Compagnia al telefono per chi vive solo.")
    rebuild_search_index()
    assert search(client, "cerco casa") == ["casa"]
    assert search(client, "vivo solo") == ["compagnia"]
