"""A search's full-text query written as SQL once (``directory.search.tsquery.TsQuery``): the
same statement as Django's ``SearchQuery`` tree, with nothing left for the ORM to walk."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

from directory.models import Activity
from directory.search import rebuild_search_index
from directory.search.tsquery import TsQuery
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

CONFIG = "linkrete_it"


def _trees(make):
    coro, calcio, danza = (make(word) for word in ("coro", "calcio", "danza"))
    return [coro, coro | calcio, (coro | calcio) & ~danza, danza & (calcio | coro)]


def _compiled(query):
    activities = Activity.objects.filter(search_vector=query).annotate(
        rank=SearchRank(F("search_vector"), query)
    )
    return activities.query.sql_with_params()


@pytest.mark.parametrize("config", [CONFIG, None])
def test_the_statement_is_the_one_django_writes(config):
    django_trees = _trees(lambda word: SearchQuery(word, config=config))
    ours = _trees(lambda word: TsQuery.of(word, config))
    for django_tree, tree in zip(django_trees, ours, strict=True):
        assert _compiled(tree) == _compiled(django_tree)
    raw = SearchQuery("cor:* & calc:*", config=CONFIG, search_type="raw")
    assert _compiled(TsQuery.of("cor:* & calc:*", CONFIG, "raw")) == _compiled(raw)


def test_it_names_the_texts_it_combines():
    query = (TsQuery.of("coro", CONFIG) | TsQuery.of("calcio", None)) & ~TsQuery.of("coro", CONFIG)
    assert query.texts == ("coro", "calcio", "coro")


def test_combined_with_a_django_query_it_still_compiles():
    mixed = TsQuery.of("coro", CONFIG) | SearchQuery("calcio", config=CONFIG)
    django_tree = SearchQuery("coro", config=CONFIG) | SearchQuery("calcio", config=CONFIG)
    assert _compiled(mixed) == _compiled(django_tree)


def test_it_finds_and_ranks_what_the_django_query_does():
    ActivityFactory(title="Coro dei bambini")
    ActivityFactory(title="Scuola calcio")
    ActivityFactory(title="Danza e coro")
    rebuild_search_index()
    for django_tree, tree in zip(
        _trees(lambda word: SearchQuery(word, config=CONFIG)),
        _trees(lambda word: TsQuery.of(word, CONFIG)),
        strict=True,
    ):

        def found(query):
            return list(
                Activity.objects.filter(search_vector=query)
                .annotate(rank=SearchRank(F("search_vector"), query))
                .order_by("title")
                .values_list("title", "rank")
            )

        assert found(tree) == found(django_tree)
        assert found(tree)  # each tree finds something here
