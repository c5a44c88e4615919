"""The search page keeps the categories and languages in the cache, and drops them on change."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Category, Language, Taxonomy
from directory.search import choices as search_choices
from tests.directory.search_world import build_world

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    return build_world()


def test_a_second_page_reads_no_categories_or_languages(client, world):
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"categoria": "sport"})
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert 'FROM "directory_category"' not in tables
    assert 'FROM "directory_language"' not in tables


def test_a_renamed_category_shows_at_once(client, world):
    client.get(URL)
    sport = Category.objects.get(slug="sport")
    sport.family_name = "Sport e movimento"  # what the public pages show
    sport.save()
    html = client.get(URL).content.decode()
    assert "Sport e movimento" in html


def test_a_new_language_is_offered_and_a_deleted_one_is_not(client, world):
    client.get(URL, {"lingua": "xx"})
    Language.objects.create(code="xx", name="Lingua di prova")
    response = client.get(URL, {"lingua": "xx"})
    assert "Lingua di prova" in response.content.decode()  # its chip: a valid choice now
    Language.objects.get(code="xx").delete()
    response = client.get(URL, {"lingua": "xx"})
    assert "Lingua di prova" not in response.content.decode()


def test_a_taxonomy_change_drops_the_copy(world):
    search_choices.categories_and_languages()
    Taxonomy.objects.first().save()
    assert cache.get(search_choices.CACHE_KEY) is None


def test_the_copy_is_dropped_again_when_the_change_commits(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        Category.objects.get(slug="sport").save()
        # A page read before the commit keeps what it saw…
        search_choices.categories_and_languages()
        assert cache.get(search_choices.CACHE_KEY) is not None
    # …until the commit, when it is dropped.
    for callback in callbacks:
        callback()
    assert cache.get(search_choices.CACHE_KEY) is None
