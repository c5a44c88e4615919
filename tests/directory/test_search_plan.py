"""The planner reads typed conditions: which parts it moves between index and rows, and which
it leaves alone."""

from django.contrib.postgres.search import SearchQuery
from django.db import models

from directory.search import tags
from directory.search.conditions import (
    HoldsTag,
    MatchedOnRows,
    holds,
    tagged,
    tagged_any,
    where,
    words_condition,
)
from directory.search.plan import combine

RARE, COMMON, ACCESS = tags.CATEGORY + 1, tags.CATEGORY + 2, tags.WHEELCHAIR
QUERY = SearchQuery("corso", config="linkrete_it")


def test_a_condition_is_the_q_of_its_parts_in_order():
    condition = where(models.Q(is_free=True)) & tagged(RARE) & holds(ACCESS)
    children = condition.to_q().children
    assert children[:2] == [("is_free", True), ("search_tags__contains", [RARE])]
    assert isinstance(children[2], HoldsTag) and not children[2].indexed


def test_common_tags_go_to_the_rows_rare_ones_stay_in_the_index():
    tags.known_shares({COMMON: 0.2})
    (on_rows,) = combine({"categoria": tagged(COMMON)}).children
    assert isinstance(on_rows, HoldsTag) and on_rows.tag == COMMON and not on_rows.indexed
    assert combine({"categoria": tagged(RARE)}).children == [("search_tags__contains", [RARE])]


def test_tags_on_the_rows_join_the_index_scan_of_a_rarer_tag():
    tags.known_shares({ACCESS: 0.4})
    alone = combine({"accessibile": holds(ACCESS)}).children
    assert not alone[0].indexed
    both = combine({"categoria": tagged(RARE), "accessibile": holds(ACCESS)}).children
    assert both[0] == ("search_tags__contains", [RARE]) and both[1].indexed
    # A set counted without the rarer tag (its facet) keeps reading rows.
    without = combine({"categoria": tagged(RARE), "accessibile": holds(ACCESS)}, "categoria")
    assert not without.children[0].indexed
    # Any of some tags looked up (a small circle's cells) is an index scan too.
    near = combine({"vicino": tagged_any([RARE]), "accessibile": holds(ACCESS)}).children
    assert near[0] == ("search_tags__overlap", [RARE]) and near[1].indexed


def test_common_words_are_looked_up_beside_a_tag_unless_very_common():
    tags.known_shares({})

    def beside_a_tag(share):
        words = words_condition(QUERY, share, on_rows=True)
        return combine({"q": words, "comune": tagged(RARE)}).children[0]

    assert isinstance(combine({"q": words_condition(QUERY, 0.1, True)}).children[0], MatchedOnRows)
    assert beside_a_tag(0.1) == ("search_vector", QUERY)
    assert isinstance(beside_a_tag(0.5), MatchedOnRows)


def test_plain_parts_are_never_rewritten():
    # The planner reads the parts' types, not the shape of a Q: a lookup on the tags given as
    # a plain Q is left as it is, however common the tag.
    tags.known_shares({COMMON: 0.9})
    plain = where(models.Q(search_tags__contains=[COMMON]))
    assert combine({"x": plain}).children == [("search_tags__contains", [COMMON])]
    assert isinstance(combine({"x": tagged(COMMON)}).children[0], HoldsTag)
