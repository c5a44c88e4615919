"""Full-text queries written as SQL once, when they are made (``TsQuery``).

A search's query is a tree of words ORed with their alternatives and ANDed together (and, when
not all the words are required, every combination of them ORed: ``text.TextQuery.at_least``):
for a sentence with the thesaurus' alternatives, a few hundred ``SearchQuery`` nodes. Django
copies, resolves and compiles such a tree again in every statement that holds it, and each
results page has several (the counting statement's sets, the rank, the forgiving pass): at
national scale that was 6–9 ms of the ORM's time per statement for a sentence
(bench/README.md, issue 11). A ``TsQuery`` is the same SQL, with the same parameters, written
when the query is combined: the ORM has nothing left to walk.
"""

from django.contrib.postgres.search import SearchQuery, SearchQueryField
from django.db.models import Func


class TsQuery(SearchQuery):
    """A full-text query as its SQL and parameters: what ``SearchQuery`` and its combinations
    compile to (``plainto_tsquery(%s::regconfig, %s)``, ``(a || b)``, ``(a && b)``, ``!!(a)``),
    so a lookup on a ``SearchVectorField`` and ``SearchRank`` take it as they take those.
    ``texts``: the texts of the queries it combines, in order, repeats included."""

    def __init__(self, sql: str, params: tuple = (), texts: tuple = ()):
        Func.__init__(self, output_field=SearchQueryField())
        self.sql, self.params, self.texts = sql, tuple(params), tuple(texts)
        self.config, self.invert = None, False

    @classmethod
    def of(cls, text: str, config: str | None, search_type: str = "plain") -> "TsQuery":
        """The words of ``text`` in the text search configuration ``config`` (None: the
        database's default); ``search_type`` as ``SearchQuery``'s ("raw": ``to_tsquery``,
        its operators read)."""
        function = SearchQuery.SEARCH_TYPES[search_type]
        if config is None:
            return cls(f"{function}(%s)", (text,), (text,))
        return cls(f"{function}(%s::regconfig, %s)", (config, text), (text,))

    def get_source_expressions(self):
        return []

    def set_source_expressions(self, exprs):
        assert not exprs  # nosec B101 # a TsQuery has no parts

    def resolve_expression(self, *args, **kwargs):
        return self  # nothing in it refers to a model or a query, and it never changes

    def as_sql(self, compiler, connection, function=None, template=None):
        return self.sql, list(self.params)

    def _combine(self, other, connector, reversed):
        if not isinstance(other, TsQuery):
            return super()._combine(other, connector, reversed)
        left, right = (other, self) if reversed else (self, other)
        return TsQuery(
            f"({left.sql} {connector} {right.sql})",
            left.params + right.params,
            left.texts + right.texts,
        )

    def __invert__(self):
        return TsQuery(f"!!({self.sql})", self.params, self.texts)

    def __str__(self):
        return f"TsQuery({self.sql}, {self.params})"
