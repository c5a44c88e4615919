"""Forgiving text search over activities (PostgreSQL full-text search).

Every activity keeps a denormalised search document (``Activity.search_text``): its title,
summary, description, organization, categories and municipalities, lower-cased and stripped of
accents in Python. On PostgreSQL ``Activity.search_vector`` holds the same text as a weighted
``tsvector`` (title A, the rest B) in the ``linkrete_it`` configuration (Italian stemming after
``unaccent``; created by migration 0005), behind a GIN index; a vocabulary of the words seen
(``SearchTerm``, GIN trigram index) turns small typos into the words the directory really uses.

The same refresh recomputes the activity's search tags (``Activity.search_tags``,
``directory.search_tags``): its categories, languages, places, zones and hours as integers, which
the filters and facets look up.

How the documents stay fresh: no signals. Code that changes what an activity is found by
(title, texts, categories, languages, places and their zones, hours, organization name) calls
``refresh_search_document`` after saving (admin ``save_related``, approved revisions, imports,
``seed_demo``); ``rebuild_search_index`` recomputes everything and is safe to run at any time
(after bulk loads, nightly).
"""

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models

from directory import search_tags
from directory.column_statistics import most_common_sql
from directory.models import Activity, Organization, SearchTerm

CONFIG = "linkrete_it"
MIN_WORD = 2
MIN_VOCABULARY_WORD = 4
TYPO_SIMILARITY = 0.4
TYPO_ALTERNATIVES = 2
MAX_QUERY_WORDS = 8
# Ranking every match of a very common word is what makes full-text search slow: relevance is
# computed on at most this many matching activities (taken from the indexes in no particular
# order), and never more than the counting limit's: they are the matches the
# facets count (``directory.tag_counts``).
DEFAULT_RANK_CANDIDATES = 1000
# Counting is bounded the same way (``directory.facets``): the total and the facet counts are
# exact up to this many matches; beyond, the page says "more than N" and the facets of that
# set show no numbers, and the results can be paged through up to it (25 pages). Counting
# every match of ``bambini`` across the country takes seconds; each set counted costs in
# proportion to the limit (at national scale, 1,000 instead of 500 added about 15 ms to a
# results page). ``SEARCH_COUNT_LIMIT`` in the environment changes it.
DEFAULT_COUNT_LIMIT = 500
# Sorting by distance beyond the counting limit: the matches at the places nearest the point,
# at most this many, taken in order from the places' index (see directory.views.search).
DEFAULT_NEAR_CANDIDATES = 300


def rank_candidates() -> int:
    return getattr(settings, "LINKRETE_SEARCH_RANK_CANDIDATES", DEFAULT_RANK_CANDIDATES)


def near_candidates() -> int:
    return getattr(settings, "LINKRETE_SEARCH_NEAR_CANDIDATES", DEFAULT_NEAR_CANDIDATES)


def count_limit() -> int:
    return getattr(settings, "LINKRETE_SEARCH_COUNT_LIMIT", DEFAULT_COUNT_LIMIT)


def normalize(text: str) -> str:
    """Lower case, no accents, only letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped.lower()))


def query_words(text: str) -> list[str]:
    words = [w for w in normalize(text).split() if len(w) >= MIN_WORD]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


# Building and refreshing the documents --------------------------------------------------------


def document_for(activity: Activity) -> str:
    """The search text of one activity; reads categories and locations (prefetch them)."""
    parts = [activity.title, activity.summary, activity.organization.name]
    for category in activity.categories.all():
        parts += [category.name, category.name_en]
        if category.parent_id:
            parts += [category.parent.name, category.parent.name_en]
    for location in activity.locations.all():
        if location.municipality_id:
            parts.append(location.municipality.name)
    parts.append(activity.description)
    return normalize(" ".join(p for p in parts if p))


def _documents_queryset():
    return Activity.objects.select_related("organization").prefetch_related(
        "categories__parent", "locations__municipality"
    )


def _vocabulary(documents: Iterable[str]) -> set[str]:
    return {
        word
        for document in documents
        for word in document.split()
        if len(word) >= MIN_VOCABULARY_WORD and word.isalpha()
    }


def _store(activities: list[Activity]) -> None:
    for activity in activities:
        activity.search_text = document_for(activity)
    Activity.objects.bulk_update(activities, ["search_text"])
    words = _vocabulary(a.search_text for a in activities)
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w[:100]) for w in sorted(words)], ignore_conflicts=True, batch_size=1000
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE directory_activity a SET search_vector = "
            f"setweight(to_tsvector('{CONFIG}', title), 'A') || "
            f"setweight(to_tsvector('{CONFIG}', search_text), 'B'), "
            f"search_tags = {search_tags.TAGS_SQL} "
            "WHERE id = ANY(%s)",
            [[a.pk for a in activities]],
        )


def refresh_search_document(activity: Activity) -> None:
    """Recompute one activity's search document after a change that affects it."""
    _store([_documents_queryset().get(pk=activity.pk)])


def refresh_organization_documents(organization: Organization) -> None:
    """An organization's name is in its activities' documents: refresh them after a rename."""
    rebuild_search_index(_documents_queryset().filter(organization=organization))


def refresh_search_documents(activities) -> int:
    """Recompute the documents of some activities (a queryset of them), e.g. after a category
    or a place they mention is renamed."""
    return rebuild_search_index(_documents_queryset().filter(pk__in=activities.values("pk")))


def rebuild_search_index(queryset=None, batch_size: int = 1000) -> int:
    """Recompute the documents of all activities (or of ``queryset``); returns how many."""
    queryset = (queryset if queryset is not None else _documents_queryset()).order_by("pk")
    done, last_pk = 0, 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return done
        _store(batch)
        done += len(batch)
        last_pk = batch[-1].pk


# Querying -------------------------------------------------------------------------------------


@dataclass
class TextQuery:
    """A parsed query: a condition on activities, and how to rank the ones it keeps."""

    text: str
    words: list[str]
    condition: models.Q
    search_query: SearchQuery
    alternatives: dict

    def rank(self):
        return SearchRank(models.F("search_vector"), self.search_query)


# Words whose documents are at least this share of the directory, all together (the product
# of their shares, which underrates words found together), are matched on the rows read: see
# ``MatchedOnRows``. Measured at national scale, counting 500 matches: ``corso`` (12 % of the
# documents) 28 ms on the rows, 45 through the index; ``centro estivo`` (6 % by the product,
# 10 % in fact) 10 and 40; ``mediazione familiare`` (0.1 %) 108 and 9.
COMMON_WORDS_SHARE = 0.05
# Beside a filter the tags' index answers, only from this share on (see ``MatchedOnRows``):
# ``doposcuola`` (8 %) in Naples, 163 ms on the rows, 17 through both indexes.
COMMON_WORDS_SHARE_BESIDE_TAGS = 0.3

# The lexemes of the search documents most often found, with the share of documents holding
# each.
COMMON_LEXEMES_SQL = most_common_sql("search_vector", "text")


@dataclass
class Vocabulary:
    """What the directory's words say about the words of a query (``look_up``)."""

    alternatives: dict  # {unknown word: [close words the documents use]}
    shares: dict  # {word: share of the documents holding it}; None for a word with no lexeme


def look_up(words: list[str]) -> Vocabulary:
    """In one query: close words for the query words the vocabulary does not know (typos), and
    how common each word is in the documents (its rarest lexeme's share; 0 below the
    statistics' most common lexemes)."""
    candidates = [w for w in words if len(w) >= MIN_VOCABULARY_WORD and w.isalpha()]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH common AS ({COMMON_LEXEMES_SQL}) "
            "SELECT q.w, t.word, similarity(t.word, q.w) AS s, NULL::real "
            "FROM unnest(%s::text[]) AS q(w) "
            "JOIN directory_searchterm t ON t.word %% q.w "
            "UNION ALL "
            "SELECT q.w, NULL, NULL, (SELECT min(coalesce(c.share, 0)) "
            f"FROM unnest(tsvector_to_array(to_tsvector('{CONFIG}', q.w))) AS l(lexeme) "
            "LEFT JOIN common c ON c.element = l.lexeme) "
            "FROM unnest(%s::text[]) AS q(w) "
            "ORDER BY 1, 3 DESC",
            [candidates, words],
        )
        rows = cursor.fetchall()
    found: dict[str, list[tuple[str, float]]] = {}
    shares = {}
    for word, term, score, share in rows:
        if term is None:
            shares[word] = share
        else:
            found.setdefault(word, []).append((term, score))
    alternatives = {}
    for word, terms in found.items():
        if any(term == word for term, _ in terms):
            continue  # a known word: stemming does the rest
        close = [term for term, score in terms if score >= TYPO_SIMILARITY]
        if close:
            alternatives[word] = close[:TYPO_ALTERNATIVES]
    return Vocabulary(alternatives, shares)


class MatchedOnRows(models.Expression):
    """``(search_vector @@ query) IS TRUE``: the text match, tested on each row read, never
    looked up in the full-text index (the planner still estimates it from the statistics).

    For a query of common words (``aiuto``, ``bambini``, ``centro estivo``: in a twentieth of
    the directory or more): the index would build a bitmap of hundreds of thousands of entries
    (50 ms for ``aiuto``) before the first row, where the 500 matches counted are found within
    the first few thousand rows read. Beside a filter the tags' index answers (a municipality,
    a small circle), the rows are read in a random order, each costing several times more:
    there only the words of a third of the directory or more are best tested on the rows
    (``aiuto``), and ``directory.search_plan.combine`` looks the others up (``as_indexed``).
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


def parse(text: str) -> TextQuery | None:
    words = query_words(text)
    if not words:
        return None
    vocabulary = look_up(words)
    alternatives = vocabulary.alternatives
    search_query = None
    for word in words:
        term = SearchQuery(word, config=CONFIG)
        for alternative in alternatives.get(word, []):
            term |= SearchQuery(alternative, config=CONFIG)
        search_query = term if search_query is None else search_query & term
    shares = [share for share in vocabulary.shares.values() if share is not None]
    if shares and math.prod(shares) >= COMMON_WORDS_SHARE:
        condition = models.Q(MatchedOnRows(search_query, math.prod(shares)))
    else:
        condition = models.Q(search_vector=search_query)
    return TextQuery(text, words, condition, search_query=search_query, alternatives=alternatives)


# The organizations offered beside the results are the first names among at most this many
# matching ones: a common word is in thousands of names, and sorting them all is slow.
ORGANIZATION_CANDIDATES = 200


def matching_organizations(text_query: TextQuery, limit: int = 5):
    """Published organizations whose name matches the words (typos forgiven)."""
    condition = models.Q()
    for word in text_query.words:
        condition &= models.Q(name__trigram_word_similar=word)
    candidates = Organization.objects.published().filter(condition).order_by()
    candidates = candidates.values("pk")[:ORGANIZATION_CANDIDATES]
    return list(Organization.objects.filter(pk__in=candidates).order_by("name")[:limit])
