"""What the search says when nothing matches: about the words, or about the filters."""

import re

import pytest
from django.urls import reverse

from tests.directory.search_world import build_world, total

URL = reverse("directory:search")
EMPOLI = "048014"


@pytest.fixture
def world(db):
    return build_world()


def no_results_box(response):
    assert total(response) == 0
    html = response.content.decode()
    return re.search(r"<div[^>]*data-no-results>(.*?)</div>", html, re.S).group(1)


def test_words_alone_that_match_nothing_are_not_called_filters(client, world):
    box = no_results_box(client.get(URL, {"q": "equitazione"}))

    assert "Nessuna attività corrisponde a “equitazione”." in box
    assert "filtri" not in box
    assert '<a href="?" data-relax-all>' in box  # the way out: everything
    assert "data-relax>" not in box


def test_filters_that_match_nothing_keep_the_filters_message_and_the_ways_out(client, world):
    box = no_results_box(client.get(URL, {"q": "calcio", "comune": EMPOLI}))

    assert "Nessuna attività corrisponde a tutti questi filtri." in box
    assert "senza “calcio”" in box
    assert "senza Empoli" in box


def test_the_words_are_quoted_once(client, world):
    html = client.get(URL, {"q": "calcio", "comune": EMPOLI}).content.decode()

    assert "““" not in html and "””" not in html
    assert '<span class="chip-label">“calcio”</span>' in html
    assert "senza “calcio”" in html


def test_in_english_too(client, world):
    box = no_results_box(client.get("/en" + URL, {"q": "riding"}))

    assert "No activity matches “riding”." in box


def test_the_relaxations_reuse_the_facets_sets(client, world):
    """Without a filter that has its own facet set (a municipality), the count is the one the
    facets' statement already made (``facets._relaxation_counts``, ``known``), not compiled
    and counted again; the numbers offered are still each search's own total."""
    from django.http import QueryDict
    from django.utils import timezone

    from directory.models import Activity
    from directory.search import choices, facets
    from directory.search.filters import ActivityFilter

    box = no_results_box(client.get(URL, {"q": "calcio", "comune": EMPOLI}))
    offered = dict(re.findall(r'<a href="\?([^"]*)" data-relax>[^:]*: (\d+) risultat', box))
    assert len(offered) == 2
    for query, count in offered.items():
        assert total(client.get(URL + "?" + query.replace("&amp;", "&"))) == int(count), query

    categories, languages = choices.categories_and_languages()
    search = ActivityFilter(
        QueryDict(f"q=calcio&comune={EMPOLI}"),
        categories=categories,
        languages=languages,
        now=timezone.localtime(),
    )
    search.resolve()
    conditions = search.conditions()
    base = Activity.objects.public().not_ended()
    without, _wider = facets._relaxation_counts(base, conditions, search, 500)
    known = {"comune": 7, None: 0}  # as the facets' sizes give them: taken as they are
    reused, _wider = facets._relaxation_counts(base, conditions, search, 500, known=known)
    assert reused == {**without, "comune": 7}
