"""The thesaurus in the admin: coordinators edit it and the next search uses the change; nobody
else reaches it; the starter list's rows are switched off, never deleted."""

import pytest
from django.urls import reverse

from directory.models import Category, SearchSynonym
from directory.search.starter_synonyms import load_starter
from tests.directory.search_world import build_world, slugs
from tests.factories import SearchSynonymFactory, category

SEARCH = reverse("directory:search")
CHANGELIST = reverse("admin:directory_searchsynonym_changelist")
ADD = reverse("admin:directory_searchsynonym_add")


def change_url(synonym):
    return reverse("admin:directory_searchsynonym_change", args=[synonym.pk])


def delete_url(synonym):
    return reverse("admin:directory_searchsynonym_delete", args=[synonym.pk])


@pytest.fixture
def shipped(db):
    load_starter(SearchSynonym, Category)
    return SearchSynonym.objects.get(phrase="pallone", language="it")


def form_data(**values):
    data = {"phrase": "", "language": "it", "words": "", "active": "on"}
    data.update(values)
    return data


def test_a_coordinator_adds_and_edits_a_synonym_and_the_next_search_uses_it(client, coordinator):
    build_world()
    assert slugs(client.get(SEARCH, {"q": "pedata"})) == []

    client.force_login(coordinator)
    response = client.post(ADD, form_data(phrase="pedata", words="calcio, scuola calcio"))
    assert response.status_code == 302
    synonym = SearchSynonym.objects.get(phrase="pedata")
    assert (synonym.words, synonym.shipped) == (["calcio", "scuola calcio"], None)
    client.logout()
    assert slugs(client.get(SEARCH, {"q": "pedata"})) == ["calcio"]

    client.force_login(coordinator)
    response = client.post(
        change_url(synonym),
        form_data(phrase="pedata", categories=[category("musica-arte-teatro").pk]),
    )
    assert response.status_code == 302
    client.logout()
    assert slugs(client.get(SEARCH, {"q": "pedata"})) == ["teatro"]


def test_a_synonym_meaning_nothing_is_refused_and_what_was_typed_stays(client, coordinator):
    client.force_login(coordinator)
    response = client.post(ADD, form_data(phrase="pedata"))
    assert response.status_code == 200
    assert "Indica almeno una parola degli annunci o una categoria." in response.content.decode()
    assert 'value="pedata"' in response.content.decode()
    assert not SearchSynonym.objects.filter(phrase="pedata").exists()


def test_the_same_phrase_twice_is_refused_whatever_its_case(client, coordinator):
    SearchSynonymFactory(phrase="pedata", words=["calcio"])
    client.force_login(coordinator)
    response = client.post(ADD, form_data(phrase="Pedata", words="calcio"))
    assert response.status_code == 200
    assert "già nel thesaurus" in response.content.decode()
    assert SearchSynonym.objects.filter(phrase__iexact="pedata").count() == 1


def test_the_coordinator_finds_synonyms_by_phrase_and_by_word(client, coordinator, shipped):
    client.force_login(coordinator)
    by_phrase = client.get(CHANGELIST, {"q": "pallone"}).context["cl"].result_list
    assert shipped in by_phrase
    by_word = client.get(CHANGELIST, {"q": "calcio"}).context["cl"].result_list
    assert shipped in by_word
    starter_only = client.get(CHANGELIST, {"origin": "starter", "language": "en"})
    assert starter_only.status_code == 200
    assert all(s.language == "en" for s in starter_only.context["cl"].result_list)


def test_a_shipped_synonym_is_switched_off_not_deleted(client, coordinator, shipped):
    own = SearchSynonymFactory(phrase="pedata", words=["calcio"])
    client.force_login(coordinator)
    assert client.get(delete_url(shipped)).status_code == 403
    assert client.post(delete_url(own), {"post": "yes"}).status_code == 302
    assert not SearchSynonym.objects.filter(pk=own.pk).exists()

    response = client.post(
        CHANGELIST, {"action": "switch_off", "_selected_action": [shipped.pk]}, follow=True
    )
    assert response.status_code == 200
    shipped.refresh_from_db()
    assert shipped.active is False


@pytest.mark.parametrize("who", ["staff", "other_staff", "desk_operator", None])
def test_only_coordinators_reach_the_thesaurus(client, request, shipped, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    for url in (CHANGELIST, ADD, change_url(shipped)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"] or "accesso" in response["Location"]
    client.post(ADD, form_data(phrase="pedata", words="calcio"))
    assert not SearchSynonym.objects.filter(phrase="pedata").exists()
