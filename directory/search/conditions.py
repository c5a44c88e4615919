"""Typed conditions: what each filter asks of activities, in parts the planner may place.

A filter's condition (``Condition``) is a conjunction of parts, and the type of each part says
what the planner (``directory.search.plan``) may do with it:

- ``Tagged``: activities holding all these search tags, looked up in the tags' GIN index
  (a category, a language, a municipality…); the planner checks them on the rows read instead
  (``HoldsTag``) when, together, they cover a good part of the directory;
- ``TaggedAny``: any of these tags, looked up in the index (a small circle's cells, the hour of
  "open now"); never moved;
- ``HoldsTag`` / ``HoldsAnyTag``: tags checked on each row read (a weekday, wheelchair access);
  beside a condition the index answers, the planner has them join that index scan
  (``as_indexed``), unless ``joins_index`` is false;
- ``Words``: the text match, on the rows read for common words (``MatchedOnRows``) or in the
  full-text index; beside a tag looked up, only very common words stay on the rows;
- ``Plain``: anything else (an age range, a subquery on the slots), kept as it is.

The invariant the planner keeps: each rewrite of a part is an equivalent test, so results are
the same whichever form is chosen; only the work to find them changes. ``to_q`` gives the ``Q``
of the parts in their order.
"""

from dataclasses import dataclass, replace

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery
from django.db import models
from django.db.models.lookups import IsNull

from directory.search import tags as search_tags


@dataclass(frozen=True)
class Tagged:
    tags: tuple[int, ...]

    def child(self):
        return ("search_tags__contains", list(self.tags))


@dataclass(frozen=True)
class TaggedAny:
    tags: tuple[int, ...]

    def child(self):
        return ("search_tags__overlap", list(self.tags))


@dataclass(frozen=True)
class Translated:
    """The words of a search in the page's language, looked up in the vectors of the listings'
    translations into it (``ActivityTranslation.search_vector``, ``directory.search.languages``):
    the activities holding them, listed once by their own GIN index (``IsAnyOf``)."""

    language: str
    query: SearchQuery

    def q(self, indexed: bool) -> models.Q:
        """``indexed``: beside the Italian words looked up in the full-text index, the list
        looked up in the activities' (``IsAnyOf``); else tested on each row read, in a hashed
        subplan."""
        from directory.models import ActivityTranslation

        held = ActivityTranslation.objects.filter(language=self.language, search_vector=self.query)
        held = held.order_by().values("activity_id")
        if indexed:
            return models.Q(IsAnyOf(models.F("pk"), ArraySubquery(held)))
        return models.Q(pk__in=held)


class IsAnyOf(models.Expression):
    """``column = ANY(ARRAY(subquery))``: the subquery run once, before the rows are read, and
    its list looked up in the column's index. Beside the Italian words' full-text condition
    (``Words``: either holds), PostgreSQL joins both index scans (a ``BitmapOr``); with
    ``IN (subquery)`` it could not, and read the whole directory: at national scale every
    search with words on a page not in Italian took one to two seconds ("cours de italien"
    on ``/fr/cerca/``: 1.8 s, now 7 ms). Tested on each row read, though, the list is walked
    for every row: there ``IN`` (a hashed subplan) stays."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, column, array):
        super().__init__()
        self.column, self.array = column, array

    def get_source_expressions(self):
        return [self.column, self.array]

    def set_source_expressions(self, exprs):
        self.column, self.array = exprs

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.column)
        array, array_params = compiler.compile(self.array)
        return f"{column} = ANY({array})", [*column_params, *array_params]


@dataclass(frozen=True)
class Words:
    """The words of a search (``text.parse``). ``share``: of the directory holding them all
    (the product of their shares); ``on_rows``: matched on the rows read (common words);
    ``translated``: on a page in another language, the same words looked up in the
    translations into it too (an activity holding them in either is kept)."""

    query: SearchQuery
    share: float | None
    on_rows: bool
    translated: Translated | None = None

    def child(self):
        if self.on_rows:
            italian = MatchedOnRows(self.query, self.share)
        else:
            italian = ("search_vector", self.query)
        if self.translated is None:
            return italian
        return models.Q(italian) | self.translated.q(indexed=not self.on_rows)

    def indexed(self) -> "Words":
        return replace(self, on_rows=False)


@dataclass(frozen=True)
class Plain:
    """A part of a ``Q`` (a lookup, an expression, a nested ``Q``) the planner leaves alone."""

    q_child: object

    def child(self):
        return self.q_child


@dataclass(frozen=True)
class Condition:
    """A filter's condition: its parts, ANDed."""

    parts: tuple = ()

    def __and__(self, other: "Condition | models.Q") -> "Condition":
        return Condition(self.parts + where(other).parts)

    def to_q(self) -> models.Q:
        return models.Q(*(part.child() for part in self.parts))


def where(condition: "Condition | models.Q") -> Condition:
    """A condition from a ``Q``: the children of an AND (tag tests typed), else the whole."""
    if isinstance(condition, Condition):
        return condition
    if condition.connector != models.Q.AND or condition.negated:
        return Condition((Plain(condition),))
    return Condition(
        tuple(
            child if isinstance(child, HoldsTag) else Plain(child) for child in condition.children
        )
    )


def tagged(*tags) -> Condition:
    """Activities with all these search tags (one GIN-indexed condition)."""
    return Condition((Tagged(tuple(tags)),))


def tagged_any(tags) -> Condition:
    """Activities with any of these search tags, looked up in the index."""
    return Condition((TaggedAny(tuple(tags)),))


def holds(tag) -> Condition:
    """Activities with this tag, checked on the rows read (``HoldsTag``)."""
    return Condition((HoldsTag(tag),))


def holds_any(tags, joins_index=True) -> Condition:
    return Condition((HoldsAnyTag(tags, joins_index=joins_index),))


def words_condition(
    query: SearchQuery, share: float | None, on_rows: bool, translated: Translated | None = None
) -> Condition:
    return Condition((Words(query, share, on_rows, translated),))


class HoldsTag(models.Expression):
    """``tag = ANY(search_tags)``: the tag tested on each row read, never looked up in the
    index. For the tags a good part of the directory holds (a weekday, a physical place,
    wheelchair access): the planner underrates what a GIN scan of a hundred thousand entries
    costs (it builds the whole bitmap before the first row), and would prefer it to reading
    the table until the matches counted are found, a few thousand rows.

    Beside a condition the index answers, though, such a tag is best looked up in the same
    index scan (``plan.combine``): ``as_indexed`` gives ``search_tags @> '{tag}'``, which that scan
    intersects with the rarer tag's short list, skipping through the long one.
    """

    conditional = True
    output_field = models.BooleanField()
    joins_index = True  # may be looked up with a rarer tag (``plan.combine``)

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

    def child(self):
        return self

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        if self.indexed:
            return f"{sql} @> %s::integer[]", [*params, [self.tag]]
        return f"%s = ANY({sql})", [self.tag, *params]


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


class MatchedOnRows(models.Expression):
    """``(search_vector @@ query) IS TRUE``: the text match, tested on each row read, never
    looked up in the full-text index (the planner still estimates it from the statistics).

    For a query of common words (``aiuto``, ``bambini``, ``centro estivo``: in a twentieth of
    the directory or more): the index would build a bitmap of hundreds of thousands of entries
    (50 ms for ``aiuto``) before the first row, where the 500 matches counted are found within
    the first few thousand rows read. Beside a filter the tags' index answers (a municipality,
    a small circle), the rows are read in a random order, each costing several times more:
    there only the words of a third of the directory or more are best tested on the rows
    (``aiuto``), and the planner (``directory.search.plan``) looks the others up.
    """

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, query, share):
        super().__init__()
        self.vector = models.F("search_vector")
        self.query = query
        self.share = share  # of the directory holding all the words (the product of shares)

    def as_indexed(self) -> models.Q:
        return models.Q(search_vector=self.query)

    def get_source_expressions(self):
        return [self.vector, self.query]

    def set_source_expressions(self, exprs):
        self.vector, self.query = exprs

    def as_sql(self, compiler, connection):
        vector_sql, vector_params = compiler.compile(self.vector)
        query_sql, query_params = compiler.compile(self.query)
        return f"({vector_sql} @@ {query_sql}) IS TRUE", [*vector_params, *query_params]


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
    return CompiledOnce(
        models.Case(
            models.When(exact, then=models.Value(True)),
            default=models.Value(False),
            output_field=models.BooleanField(),
        )
    )


class CompiledOnce(models.Expression):
    """A condition resolved and compiled once for all the statements of the same shape that
    test it, its SQL then reused: the sets a results page counts (``directory.search.facets``)
    each hold the same filters but one, and each compiled the same subqueries again. "Open
    now" with a category and a day, three sets of three subqueries each, spent about 20 ms of
    its page resolving and compiling them at national scale.

    Statements of the same shape: their outer table under the same alias and the same prefix
    for their subqueries' aliases (``Query.alias_prefix``), so that the condition's SQL reads
    the same in each. Relabelled (its statement made a subquery of another), its resolved
    condition is relabelled and compiled again, as any expression is. The copies
    ``resolve_expression`` makes share ``compiled``: {shape: (the resolved condition, its SQL,
    its parameters)}.
    """

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, condition):
        super().__init__()
        self.condition = condition
        self.compiled = {}
        self.shape = None

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        clone = self.copy()
        clone.shape = None if query is None else (query.alias_prefix, query.get_initial_alias())
        if clone.shape not in self.compiled:
            clone.condition = self.condition.resolve_expression(
                query, allow_joins, reuse, summarize, for_save
            )
        return clone

    def relabeled_clone(self, change_map):
        resolved = self.compiled[self.shape][0] if self.shape in self.compiled else self.condition
        return CompiledOnce(resolved.relabeled_clone(change_map))

    def as_sql(self, compiler, connection):
        if self.shape is None:
            return compiler.compile(self.condition)
        if self.shape not in self.compiled:
            sql, params = compiler.compile(self.condition)
            self.compiled[self.shape] = (self.condition, sql, tuple(params))
        _, sql, params = self.compiled[self.shape]
        return sql, list(params)
