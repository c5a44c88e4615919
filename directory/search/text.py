"""The words of a search: normalised, typos corrected from the directory's vocabulary, and how
common they are, which decides whether they are looked up in the full-text index or matched on
the rows read (``MatchedOnRows``)."""

import math
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models

from directory.models import Organization
from directory.search import thesaurus
from directory.search.conditions import Condition, words_condition
from directory.search.statistics import most_common_sql
from directory.search.thresholds import (
    COMMON_WORDS_SHARE,
    ORGANIZATION_CANDIDATES,
)

CONFIG = "linkrete_it"
MIN_WORD = 2
MIN_VOCABULARY_WORD = 4
TYPO_SIMILARITY = 0.4
TYPO_ALTERNATIVES = 2
MAX_QUERY_WORDS = 8


def normalize(text: str) -> str:
    """Lower case, no accents, only letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped.lower()))


def query_words(text: str) -> list[str]:
    words = [w for w in normalize(text).split() if len(w) >= MIN_WORD]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


@dataclass
class TextQuery:
    """A parsed query: a condition on activities, and how to rank the ones it keeps."""

    text: str
    words: list[str]
    condition: Condition
    search_query: SearchQuery
    alternatives: dict
    groups: list = field(default_factory=list)  # of ``thesaurus.Group``

    def rank(self):
        return SearchRank(models.F("search_vector"), self.search_query)


# The lexemes of the search documents most often found, with the share of documents holding
# each.
COMMON_LEXEMES_SQL = most_common_sql("search_vector", "text")


@dataclass
class Vocabulary:
    """What the directory's words say about the words of a query (``look_up``)."""

    alternatives: dict  # {unknown word: [close words the documents use]}
    shares: dict  # {word: share of the documents holding it}; None for a word with no lexeme


def look_up(words: list[str], also: list[str] = ()) -> Vocabulary:
    """In one query: close words for the query words the vocabulary does not know (typos), and
    how common each word (and each word of ``also``: the thesaurus' alternatives) is in the
    documents (its rarest lexeme's share; 0 below the statistics' most common lexemes)."""
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
            [candidates, [*words, *also]],
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


def parse(text: str) -> TextQuery | None:
    words = query_words(text)
    if not words:
        return None
    groups = thesaurus.expand(words)
    also = {word for group in groups for a in group.alternatives for word in a.match.split()}
    vocabulary = look_up(words, sorted(also))
    alternatives = vocabulary.alternatives
    search_query = None
    for group in groups:
        # A group the thesaurus widens is a known word: no typo to correct.
        matches = [a.match for a in group.alternatives] or alternatives.get(group.text, [])
        term = SearchQuery(group.text, config=CONFIG)
        for match in matches:
            term |= SearchQuery(match, config=CONFIG)
        search_query = term if search_query is None else search_query & term
    share = _share(groups, vocabulary.shares)
    # Common words are matched on the rows read (``conditions.MatchedOnRows``).
    condition = words_condition(
        search_query, share, on_rows=share is not None and share >= COMMON_WORDS_SHARE
    )
    return TextQuery(
        text, words, condition, search_query=search_query, alternatives=alternatives, groups=groups
    )


def _share(groups, shares) -> float | None:
    """The share of the documents holding all the groups (the product of their shares, None
    when no word has a lexeme). A group is in the documents holding all its words or any
    alternative's (each estimated, as the words typed are, by the product of its words'
    shares): at most the sum of those shares."""
    found = []
    for group in groups:
        parts = []
        for words in [group.words, *(a.match.split() for a in group.alternatives)]:
            known = [shares[w] for w in words if shares.get(w) is not None]
            if known:
                parts.append(math.prod(known))
        if parts:
            found.append(min(1.0, sum(parts)))
    return math.prod(found) if found else None


def matching_organizations(text_query: TextQuery, limit: int = 5):
    """Published organizations whose name matches the words (typos forgiven)."""
    condition = models.Q()
    for word in text_query.words:
        condition &= models.Q(name__trigram_word_similar=word)
    candidates = Organization.objects.published().filter(condition).order_by()
    candidates = candidates.values("pk")[:ORGANIZATION_CANDIDATES]
    return list(Organization.objects.filter(pk__in=candidates).order_by("name")[:limit])
