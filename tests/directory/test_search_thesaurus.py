"""The thesaurus of families' words (``directory.search.thesaurus``): applied when a search runs,
edited by coordinators in the admin, shipped with a starter list."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from directory.models import Category, SearchSynonym
from directory.search import rebuild_search_index
from directory.search import starter_synonyms as starter
from tests.directory.search_world import build_world, slugs, total
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    OrganizationFactory,
    SearchSynonymFactory,
    category,
)

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    # The migration loads the starter list; a flushing test (seed_demo's) may have emptied it.
    starter.load_starter(SearchSynonym, Category)
    return build_world()


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


# Applied at query time ------------------------------------------------------------------------


def test_a_synonym_finds_what_its_words_find(client, world):
    assert slugs(search(client, q="pedata")) == []
    SearchSynonymFactory(phrase="pedata", words=["calcio"])
    # No reindexing: the next search (the cached table and the cached page dropped) uses it.
    assert slugs(search(client, q="pedata")) == ["calcio"]


def test_each_synonym_is_an_alternative_and_the_other_words_still_count(client, world):
    SearchSynonymFactory(phrase="svago", words=["calcio", "teatro"])
    assert set(slugs(search(client, q="svago"))) == {"calcio", "teatro"}
    assert slugs(search(client, q="svago empoli")) == ["teatro"]
    # No activity holds both: the forgiving search shows those holding either, and says so.
    response = search(client, q="svago corsico")
    assert "data-forgiving" in response.content.decode()
    assert set(slugs(response)) == {"calcio", "teatro", "doposcuola"}


def test_the_word_typed_keeps_matching_beside_its_synonyms(client, world):
    SearchSynonymFactory(phrase="doposcuola", words=["calcio"])
    assert set(slugs(search(client, q="doposcuola"))) == {"doposcuola", "calcio"}


def test_a_phrase_synonym_applies_to_the_whole_phrase_only(client, world):
    SearchSynonymFactory(phrase="Cesta del buon vicino", words=["pacchi alimentari"])
    assert slugs(search(client, q="cesta del buon vicino")) == ["pacchi"]
    assert slugs(search(client, q="CESTA DEL BUON VICINO, buccinasco")) == ["pacchi"]
    assert slugs(search(client, q="cesta")) == []


def test_a_phrase_among_the_alternatives_needs_all_its_words(client, world):
    SearchSynonymFactory(phrase="svago", words=["corso calcio"])
    SearchSynonymFactory(phrase="ozio", words=["corso pallanuoto"])
    assert slugs(search(client, q="svago")) == ["calcio"]
    assert slugs(search(client, q="ozio")) == []


def test_a_synonym_finds_the_activities_of_its_categories(client, world):
    SearchSynonymFactory(phrase="recita", categories=[category("musica-arte-teatro")])
    assert slugs(search(client, q="recita")) == ["teatro"]


def test_a_synonym_switched_off_is_not_applied(client, world):
    SearchSynonymFactory(phrase="pedata", words=["calcio"], active=False)
    assert slugs(search(client, q="pedata")) == []


def test_the_page_says_what_else_was_searched(client, world):
    SearchSynonymFactory(
        phrase="recita", words=["teatro"], categories=[category("musica-arte-teatro")]
    )
    html = search(client, q="recita").content.decode()
    assert "Risultati anche per: teatro, Musica, arte e teatro" in html
    english = client.get("/en/cerca/", {"q": "recita"}).content.decode()
    assert "Results also for: teatro, Music, art and theatre" in english
    assert "data-also-for" not in search(client, q="teatro").content.decode()


def test_a_category_renamed_is_matched_by_its_new_name(client, world):
    SearchSynonymFactory(phrase="recita", categories=[category("musica-arte-teatro")])
    assert slugs(search(client, q="recita")) == ["teatro"]
    music = category("musica-arte-teatro")
    music.name = "Arti sceniche"
    music.save()
    rebuild_search_index()
    response = search(client, q="recita")
    assert slugs(response) == ["teatro"]
    assert "Risultati anche per: Arti sceniche" in response.content.decode()


# The starter list -----------------------------------------------------------------------------


def test_the_starter_list_ships_at_least_300_phrases_in_both_languages(world):
    assert SearchSynonym.objects.filter(shipped__isnull=False).count() >= 300
    assert SearchSynonym.objects.filter(language="en").count() >= 100
    slugs_named = {slug for *_, categories in starter.GROUPS for slug in categories}
    assert slugs_named <= set(Category.objects.values_list("slug", flat=True))
    assert not SearchSynonym.objects.filter(words=[], categories=None).exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("compiti", {"doposcuola"}),
        ("pallone", {"calcio"}),
        ("cerco lavoro", {"lavoro"}),
        ("pacco viveri", {"pacchi"}),
        ("football", {"calcio"}),
        ("homework help", {"doposcuola"}),
        ("food bank", {"pacchi"}),
        ("job", {"lavoro"}),
        ("drama", {"teatro"}),
    ],
)
def test_the_starter_list_finds_families_words(client, world, query, expected):
    assert set(slugs(search(client, q=query))) == expected


def test_english_names_of_the_categories_are_searched(client, world):
    # "Job guidance" is the English name of the category of the job desk; no synonym needed.
    assert not SearchSynonym.objects.filter(phrase__icontains="guidance").exists()
    assert slugs(search(client, q="guidance")) == ["lavoro"]


def test_loading_a_newer_starter_list_keeps_what_coordinators_changed(db, monkeypatch):
    starter.load_starter(SearchSynonym, Category)
    edited = SearchSynonym.objects.get(phrase="compiti", language="it")
    edited.words = ["doposcuola"]
    edited.save()
    switched_off = SearchSynonym.objects.get(phrase="calcetto", language="it")
    switched_off.active = False
    switched_off.save()
    own = SearchSynonymFactory(phrase="pedata", words=["calcio"])
    newer = [
        (starter.IT, ["compiti", "calcetto", "pallone"], ["calcio a 5"], ["sport"]),
        (starter.IT, ["pedata"], ["pallone"], []),
        (starter.EN, ["five a side"], ["calcetto"], []),
    ]
    monkeypatch.setattr(starter, "GROUPS", newer)
    out = io.StringIO()
    call_command("load_search_synonyms", stdout=out)
    assert out.getvalue().strip() == (
        "Search synonyms: 1 added, 2 updated, 0 unchanged, 2 kept as coordinators left them."
    )
    edited.refresh_from_db()
    assert edited.words == ["doposcuola"]
    switched_off.refresh_from_db()
    assert (switched_off.words, switched_off.active) == (["calcio a 5"], False)
    assert list(switched_off.categories.values_list("slug", flat=True)) == ["sport"]
    assert SearchSynonym.objects.get(phrase="pallone").words == ["calcio a 5"]
    own.refresh_from_db()
    assert (own.words, own.shipped) == (["calcio"], None)
    assert SearchSynonym.objects.get(phrase="five a side").shipped is not None
    # Run again: nothing changes.
    call_command("load_search_synonyms", stdout=out)
    assert (
        out.getvalue()
        .strip()
        .endswith(
            "Search synonyms: 0 added, 0 updated, 3 unchanged, 2 kept as coordinators left them."
        )
    )


# Queries ----------------------------------------------------------------------------------


def doposcuole(count):
    organization = OrganizationFactory(name="Oratorio San Luigi", slug="oratorio")
    location = LocationFactory(organization=organization)
    for n in range(count):
        activity = ActivityFactory(
            organization=organization,
            title=f"Doposcuola {n:02d}",
            summary="Merenda e giochi.",
            categories=[category("diritto-istruzione")],
        )
        activity.locations.set([location])
    SearchSynonymFactory(
        phrase="aiutino scuola",
        words=["doposcuola", "aiuto compiti", "ripetizioni"],
        categories=[category("diritto-istruzione")],
    )
    rebuild_search_index()


@pytest.mark.parametrize("count", [5, 40])
def test_query_count_with_synonyms_does_not_grow(client, world, count, django_assert_num_queries):
    doposcuole(count)
    # The first page reads the thesaurus (its rows and their categories: 2 queries) and the
    # categories and languages (2); the next pages find them in the cache, and the words cost
    # what they cost without synonyms (the vocabulary, one query for all the words). The first
    # search names a municipality, which the browser then remembers: the next pages look it up
    # (one query) to put the nearby results first; with 5 there is no page 2, and the first is
    # ranked again, nearby first (one statement). With words, one more: the coming sessions
    # of the events they name (directory/event_search.py), none here.
    with django_assert_num_queries(13):
        response = client.get(URL, {"q": "aiutino scuola compiti", "comune": "015036"})
    assert total(response) == count
    # (with 5, the first page again, its coming sessions asked for again: one query.)
    with django_assert_num_queries({5: 10, 40: 8}[count]):
        response = client.get(URL, {"q": "aiutino scuola compiti", "pagina": "2"})
    assert total(response) == count + 1  # and the world's own doposcuola
    assert len(slugs(response)) == {5: 6, 40: 20}[count]  # (no page 2 of 6: the first)
