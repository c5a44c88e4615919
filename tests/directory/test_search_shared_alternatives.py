"""Groups the thesaurus widens to the same alternatives ("giocobimbi per cuccioli": both words
to *nido*, *ludoteca*, *spazio gioco*…) are matched as one block (``thesaurus.blocks``,
``text._all_groups``): each alternative named once in the query, the same activities found."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db.models import Value
from django.urls import reverse

from directory.models import Activity, Category, SearchSynonym
from directory.search import starter_synonyms as starter
from directory.search import text, thesaurus
from directory.search.tsquery import TsQuery
from tests.directory.search_world import build_world, slugs
from tests.factories import SearchSynonymFactory

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    starter.load_starter(SearchSynonym, Category)
    return build_world()


def leaves(expression) -> list[str]:
    """The texts of the full-text queries an expression combines, repeats included."""
    if isinstance(expression, TsQuery):
        return list(expression.texts)
    if isinstance(expression, SearchQuery):
        return [
            value.value
            for value in expression.get_source_expressions()
            if isinstance(value, Value) and isinstance(value.value, str)
        ]
    found = []
    for child in expression.get_source_expressions():
        found += leaves(child)
    return found


def condition_query(text_query):
    (part,) = text_query.condition.parts
    return part.query


def test_the_query_names_each_distinct_alternative_once(world):
    SearchSynonymFactory(phrase="giocobimbi", words=["calcio", "teatro", "ludoteca"])
    SearchSynonymFactory(phrase="cuccioli", words=["calcio", "teatro", "pacchi alimentari"])
    query = text.parse("giocobimbi per cuccioli")
    names = leaves(condition_query(query))
    assert sorted(names) == sorted(
        ["giocobimbi", "ludoteca", "cuccioli", "pacchi alimentari", "calcio", "teatro"]
    )
    # The rank keeps each group as typed, alternatives and all.
    assert leaves(query.search_query).count("calcio") == 2


def test_the_block_finds_the_same_activities(client, world):
    SearchSynonymFactory(phrase="giocobimbi", words=["calcio", "teatro", "ludoteca"])
    SearchSynonymFactory(phrase="cuccioli", words=["calcio", "teatro", "pacchi alimentari"])
    query = text.parse("giocobimbi per cuccioli")
    unfactored = Activity.objects.public().filter(search_vector=query.search_query)
    factored = Activity.objects.public().filter(search_vector=condition_query(query))
    found = set(factored.values_list("slug", flat=True))
    assert found == set(unfactored.values_list("slug", flat=True))
    assert found >= {"calcio", "teatro"}  # and the ended one, which the page leaves out
    response = client.get(URL, {"q": "giocobimbi per cuccioli"})
    assert set(slugs(response)) == {"calcio", "teatro"}
    assert "data-forgiving" not in response.content.decode()


def test_a_block_is_as_common_as_its_shared_alternatives(world):
    SearchSynonymFactory(phrase="giocobimbi", words=["calcio", "teatro"])
    SearchSynonymFactory(phrase="cuccioli", words=["calcio", "teatro"])
    shares = {"giocobimbi": 0.0, "cuccioli": 0.0, "calcio": 0.1, "teatro": 0.02}
    groups = thesaurus.expand(["giocobimbi", "cuccioli"])
    (block,) = thesaurus.blocks(groups)
    assert block.members == (0, 1)
    _query, share, load = text._shared_block(block, groups, shares)
    # Not 0.12 * 0.12, as two independent groups would be.
    assert share == pytest.approx(0.12)
    assert load == pytest.approx(0.12)


def test_groups_without_shared_alternatives_stay_apart(world):
    SearchSynonymFactory(phrase="giocobimbi", words=["calcio"])
    SearchSynonymFactory(phrase="cuccioli", words=["teatro"])
    groups = thesaurus.expand(["giocobimbi", "cuccioli", "buccinasco"])
    assert thesaurus.blocks(groups) == [
        thesaurus.Block((0,)),
        thesaurus.Block((1,)),
        thesaurus.Block((2,)),
    ]
    query = text.parse("giocobimbi cuccioli buccinasco")
    assert sorted(leaves(condition_query(query))) == sorted(leaves(query.search_query))


def test_alternatives_another_way_covers_are_left_out_of_the_selection(world):
    # "psicologo", "psicologa" and "supporto psicologico" all hold the lexeme of "psicologo".
    SearchSynonymFactory(
        phrase="giocobimbi", words=["psicologo", "psicologa", "supporto psicologico", "calcio"]
    )
    query = text.parse("giocobimbi")
    assert sorted(leaves(condition_query(query))) == ["calcio", "giocobimbi", "psicologo"]
    # The rank keeps every alternative.
    assert len(leaves(query.search_query)) == 5
    # So does the forgiving pass's selection (``at_least``), its rank keeping them all.
    some = text.parse("giocobimbi teatro").at_least(1)
    assert sorted(leaves(condition_query(some))) == ["calcio", "giocobimbi", "psicologo", "teatro"]
    assert len(leaves(some.search_query)) == 6
