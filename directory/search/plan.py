"""How a search's conditions reach the database: each tag and each set of words
looked up in an index, or checked on the rows read, whichever reads less.

The planner cannot tell on its own: it underrates what building a GIN bitmap of tens of
thousands of entries costs before the first row, and rates every row alike, although a row
read in index order costs a few microseconds and one fetched at random several times more.
``combine`` decides for each set of conditions a search counts, from the shares of the
directory its tags and words are in (the column statistics: ``directory.search.tags.share``,
``directory.search.text.look_up``). The expressions here are the two forms of a tag test
(``tagged``, looked up; ``HoldsTag``, on the rows) and ``row_by_row``, which keeps the planner
from hashing a whole related table before the first row.
"""

import math

from django.db import models
from django.db.models.lookups import IsNull

from directory.search import tags as search_tags
from directory.search.text import MatchedOnRows
from directory.search.thresholds import COMMON_TAGS_SHARE, COMMON_WORDS_SHARE_BESIDE_TAGS

LOOKUPS = ("search_tags__contains", "search_tags__overlap")


def combine(conditions: dict[str, models.Q], without: str | None = None) -> models.Q:
    """All the conditions (but one), ANDed, with their tags looked up in the index or checked
    on the rows read, whichever reads less:

    - tags held together (with the other tags and the search's common words, if any) by a
      twentieth of the directory or more (``tagged`` conditions only: a category, a language,
      a municipality…) are checked on the rows read;
    - when some condition is still looked up in the index, the tags the others check on the
      rows (``HoldsTag``: wheelchair access, a weekday…) join that index scan, which intersects
      them with the rarer tag without reading their long lists (a summer camp with wheelchair
      access on Fridays: 5,000 entries instead of 40,000 rows), and words that are not very
      common are looked up in the full-text index too (``text.MatchedOnRows``).
    """
    chosen = [condition for group, condition in conditions.items() if group != without]
    looked_up = [tag for condition in chosen for tag in _tags_looked_up(condition)]
    share = (
        math.prod(map(search_tags.share, looked_up))
        * _joining_tags_share(chosen)
        * _words_share(chosen)
    )
    if looked_up and share >= COMMON_TAGS_SHARE:
        chosen = [_with_tags_on_rows(condition) for condition in chosen]
    if any(_looks_up_tags(condition) for condition in chosen):
        chosen = [_with_tags_indexed(condition) for condition in chosen]
        chosen = [_with_words_indexed(condition) for condition in chosen]
    combined = models.Q()
    for condition in chosen:
        combined &= condition
    return combined


def _top_level(condition: models.Q):
    """The children of an ANDed condition (what ``combine`` may rewrite), else nothing."""
    if condition.connector != models.Q.AND or condition.negated:
        return []
    return condition.children


def _tags_looked_up(condition: models.Q) -> list[int]:
    """The tags of its ``tagged`` parts."""
    return [
        tag
        for child in _top_level(condition)
        if isinstance(child, tuple) and child[0] == "search_tags__contains"
        for tag in child[1]
    ]


def _looks_up_tags(condition: models.Q) -> bool:
    """A condition the tags' index answers (``tagged``, a small circle's cells)."""
    return any(isinstance(child, tuple) and child[0] in LOOKUPS for child in _top_level(condition))


def _with_tags_on_rows(condition: models.Q) -> models.Q:
    """The condition with its ``tagged`` parts checked on the rows read (``HoldsTag``)."""
    if not _tags_looked_up(condition):
        return condition
    children = []
    for child in condition.children:
        if isinstance(child, tuple) and child[0] == "search_tags__contains":
            children.extend(HoldsTag(tag) for tag in child[1])
        else:
            children.append(child)
    return models.Q(*children)


def _matched_on_rows(condition: models.Q):
    """The text condition's ``text.MatchedOnRows``, if it is one."""
    children = _top_level(condition)
    if len(children) == 1 and isinstance(children[0], MatchedOnRows):
        return children[0]
    return None


def _joining_tags_share(chosen) -> float:
    """The share of the directory holding the tags checked on the rows that would join an
    index scan (``HoldsTag.joins_index``)."""
    return math.prod(
        child.share()
        for condition in chosen
        for child in _top_level(condition)
        if isinstance(child, HoldsTag) and child.joins_index
    )


def _words_share(chosen) -> float:
    """The share of the directory the common words of the search are in (1 without any)."""
    matches = [m for m in map(_matched_on_rows, chosen) if m is not None]
    return math.prod(m.share for m in matches)


def _with_words_indexed(condition: models.Q) -> models.Q:
    """The text condition looked up in the full-text index, beside a tag looked up in its own,
    unless its words are very common (``directory.search.text.MatchedOnRows``)."""
    matched = _matched_on_rows(condition)
    if matched is not None and matched.share < COMMON_WORDS_SHARE_BESIDE_TAGS:
        return matched.as_indexed()
    return condition


def _with_tags_indexed(condition: models.Q) -> models.Q:
    """The condition with its own ANDed ``HoldsTag`` (not those inside an OR) indexable."""
    if not _top_level(condition):
        return condition
    children = [
        child.as_indexed() if isinstance(child, HoldsTag) and child.joins_index else child
        for child in condition.children
    ]
    return models.Q(*children)


def tagged(*tags) -> models.Q:
    """Activities with all these search tags (one GIN-indexed condition)."""
    return models.Q(search_tags__contains=list(tags))


class HoldsTag(models.Expression):
    """``tag = ANY(search_tags)``: the tag tested on each row read, never looked up in the
    index. For the tags a good part of the directory holds (a weekday, a physical place,
    wheelchair access): the planner underrates what a GIN scan of a hundred thousand entries
    costs (it builds the whole bitmap before the first row), and would prefer it to reading
    the table until the matches counted are found, a few thousand rows.

    Beside a condition the index answers, though, such a tag is best looked up in the same
    index scan (``combine``): ``as_indexed`` gives ``search_tags @> '{tag}'``, which that scan
    intersects with the rarer tag's short list, skipping through the long one.
    """

    conditional = True
    output_field = models.BooleanField()
    joins_index = True  # may be looked up with a rarer tag (``combine``)

    def __init__(self, tag, indexed=False):
        super().__init__()
        self.tag = tag
        self.indexed = indexed
        self.column = models.F("search_tags")

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def share(self) -> float:
        """The share of the directory holding the tag (``search_tags.share``)."""
        return search_tags.share(self.tag)

    def as_indexed(self):
        return type(self)(self.tag, indexed=True)

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        if self.indexed:
            return f"{sql} @> %s::integer[]", [*params, [self.tag]]
        return f"%s = ANY({sql})", [self.tag, *params]


def holds(tag) -> models.Q:
    return models.Q(HoldsTag(tag))


class HoldsAnyTag(HoldsTag):
    """``search_tags && tags``: any of the tags, tested on each row read (as ``HoldsTag``);
    ``as_indexed`` gives the indexable form, unless ``joins_index`` is false."""

    def __init__(self, tags, indexed=False, joins_index=True):
        super().__init__(None, indexed)
        self.tags = list(tags)
        self.joins_index = joins_index

    def share(self) -> float:
        return min(1.0, sum(map(search_tags.share, self.tags)))

    def as_indexed(self):
        return type(self)(self.tags, indexed=True, joins_index=self.joins_index)

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        if self.indexed:
            return f"{sql} && %s::integer[]", [*params, self.tags]
        return f"({sql} && %s::integer[]) IS TRUE", [*params, self.tags]


def row_by_row(related):
    """True when the row has one of these related rows (``related`` refers to the activity
    with ``OuterRef("pk")``), tested on each row it is asked about, never by first
    listing every related row.

    The planner estimates the places in a circle by multiplying the selectivities of latitude
    and longitude; places cluster in cities, so it guesses a few hundred where Naples has ten
    thousand, and then either joins all of them to their activities (40,000 links) or builds a
    hash of them, before the first match can be returned; for the slots with an end date on a
    weekday it hashes all 5,000 of them (10 ms) to test the few activities that have one. An
    EXISTS inside a CASE is not turned into a join, and one that also tests the outer row
    otherwise than by equality is not hashed: it runs as a subplan for each candidate row,
    using the index on the activity, and stops with the page.
    """
    exact = models.Exists(related.filter(IsNull(models.OuterRef("pk"), False)))
    return models.Case(
        models.When(exact, then=models.Value(True)),
        default=models.Value(False),
        output_field=models.BooleanField(),
    )
