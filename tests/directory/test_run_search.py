"""The search's entry point, called directly: parameters and a moment in, the page out."""

import datetime

import pytest
from django.http import QueryDict

from directory.search import SearchPage, run_search
from directory.search.filters import REGISTRY
from linkrete.paging import page_numbers
from tests.clock import ROME
from tests.directory.search_world import build_world


@pytest.fixture
def world(db):
    return build_world()


def slugs_of(result: SearchPage):
    return {activity.slug for activity in result.activities}


def test_it_gives_the_page_of_the_filters(world, pinned_now):
    result = run_search(QueryDict("eta=8"), pinned_now)
    assert slugs_of(result) == {"calcio", "doposcuola", "pacchi"}
    assert (result.total, result.total_more) == (3, False)
    assert result.order == "nome"
    assert [url for _label, url in result.chips] == ["?"]
    assert result.page.number == 1 and page_numbers(result.page) == [1]
    assert not result.notices


def test_open_now_is_decided_at_the_moment_given(world, pinned_now):
    # Wednesday 10:00: nothing (the food parcels, Wednesday 9-12, are temporarily closed); at
    # 15:00 the after-school club (weekdays 14:30-17:30).
    assert slugs_of(run_search(QueryDict("aperto_ora=1"), pinned_now)) == set()
    afternoon = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=ROME)
    assert slugs_of(run_search(QueryDict("aperto_ora=1"), afternoon)) == {"doposcuola"}


def test_words_rank_the_page_and_offer_organizations(world, pinned_now):
    result = run_search(QueryDict("q=calcio"), pinned_now)
    assert [a.slug for a in result.activities] == ["calcio"]
    assert result.order == "rilevanza"
    assert result.only_words
    assert [value for value, _label in result.order_choices] == ["rilevanza", "nome"]


def test_bad_parameters_are_dropped_with_a_notice(world, pinned_now):
    result = run_search(QueryDict("eta=tanti&comune=999999&pagina=7"), pinned_now)
    assert result.total == 5  # no filter left: every public activity
    assert result.chips == []
    assert len(result.notices) == 3


def test_nothing_found_offers_relaxations(world, pinned_now):
    result = run_search(QueryDict("comune=048014&gratis=1"), pinned_now)
    assert result.total == 0
    assert {r.url for r in result.relaxations} == {"?gratis=1", "?comune=048014"}


def test_the_map_lists_the_places_with_coordinates(world, pinned_now):
    result = run_search(QueryDict("vicino=45.4177,9.1113&raggio=1"), pinned_now)
    assert result.order == "distanza"
    assert {point["title"] for point in result.map_points} == {
        activity.title for activity in result.activities
    }
    assert result.hidden_params == [("vicino", "45.4177,9.1113"), ("raggio", "1")]


def test_facet_counts_are_typed_and_count_each_value_with_the_other_filters(world, pinned_now):
    from directory.models import Category

    counts = run_search(QueryDict("eta=8&comune=015036"), pinned_now).facet_counts
    # Age 8 in Buccinasco: calcio and pacchi; the municipalities are counted without their own
    # filter (Corsico's after-school club too).
    assert counts.sizes == {None: 2, "comune": 3}
    assert {(p.code, p.count) for p in counts["comune"]} == {("015036", 2), ("015093", 1)}
    assert counts["categoria"][Category.objects.get(slug="sport").pk] == 1
    assert counts["categoria"][Category.objects.get(slug="socialita").pk] == 1  # its child's
    assert counts["gratis"] == 2
    assert counts["giorno"][6] == 1  # calcio, on Saturdays
    assert counts["accessibile"] == 2
    assert counts["fascia"]["adulti"] == 1  # pacchi: any age
    assert set(counts.by_filter) == {f.name for f in REGISTRY if f.facet is not None}
