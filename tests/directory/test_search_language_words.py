"""Language names in the words ("arabo", "in arabo", "arabic") become the language filter,
shown as a removable chip; elsewhere ("corso di inglese") they stay words."""

import re

import pytest
from django.urls import reverse

from directory.models import Language
from directory.search.language_words import find
from tests.directory.search_world import build_world, language, slugs

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    return build_world()


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def chips(response):
    html = response.content.decode()
    return dict(re.findall(r'<span class="chip-label">([^<]*)</span><a href="([^"]*)"', html))


def test_a_language_name_is_read_as_the_language_when_it_says_so(db):
    languages = list(Language.objects.all())
    assert find("arabo", languages).code == "ar"
    assert find("ARABA", languages).code == "ar"
    assert find("in ucraino", languages).code == "uk"
    assert find("doposcuola in arabo", languages).rest == "doposcuola"
    assert find("doposcuola in lingua araba", languages).rest == "doposcuola"
    assert find("in lingua araba", languages).rest == ""
    assert find("ukrainian", languages).code == "uk"
    assert find("help in arabic", languages).code == "ar"
    assert find("inglese", languages).code == "en"


def test_elsewhere_a_language_name_stays_a_word(db):
    languages = list(Language.objects.all())
    assert find("corso di inglese", languages) is None
    assert find("ripetizioni inglese", languages) is None
    assert find("italiano", languages) is None  # never a filter
    assert find("corso di italiano", languages) is None


@pytest.mark.parametrize("words", ["arabo", "in arabo", "arabic", "Arabo?", "in lingua araba"])
def test_a_language_name_finds_the_activities_offered_in_it(client, world, words):
    response = search(client, q=words)
    assert set(slugs(response)) == {"doposcuola", "lavoro"}
    assert chips(response)["Arabo"] == "?q="  # removing it removes the name


def test_the_other_words_still_match_beside_the_language(client, world):
    response = search(client, q="doposcuola in arabo")
    assert slugs(response) == ["doposcuola"]
    found = chips(response)
    assert found["Arabo"] == "?q=doposcuola"
    assert "data-forgiving" not in response.content.decode()


def test_english_and_ukrainian_names(client, world):
    world.teatro.languages.add(language("uk"))
    from directory.search import refresh_search_document

    refresh_search_document(world.teatro)
    assert slugs(search(client, q="ucraino")) == ["teatro"]
    assert slugs(search(client, q="ukrainian")) == ["teatro"]
    assert slugs(search(client, q="inglese")) == ["lavoro"]


def test_the_language_alone_when_no_other_word_matches(client, world):
    # "calcio" is in no activity offered in Arabic: the language is the word that matches.
    response = search(client, q="calcio in arabo")
    assert set(slugs(response)) == {"doposcuola", "lavoro"}
    assert "data-forgiving" in response.content.decode()


def test_an_explicit_language_leaves_the_words_alone(client, world):
    # "arabo" is then a word, which no document holds: nothing offered in English says it.
    response = search(client, q="arabo", lingua="en")
    assert slugs(response) == []


def test_the_language_facet_shows_the_language_read_from_the_words(client, world):
    html = search(client, q="arabo").content.decode()
    active = re.search(r'<a href="([^"]*)" class="fw-bold" aria-current="true">Arabo', html)
    assert active and active.group(1) == "?q="
