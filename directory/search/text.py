"""The words of a search: normalised, filler dropped (``stopwords``), typos corrected from the
directory's vocabulary, and how common they are, which decides whether they are looked up in the
full-text index or matched on the rows read (``MatchedOnRows``).

Where a query's words become a condition: ``query_words`` (the text to its meaningful words),
``word_query`` (one word, with its alternatives, to a full-text query: the one place to add
more alternatives, such as synonyms), ``parse`` (all of them ANDed, the condition and its
share) and ``TextQuery.at_least`` (any ``k`` of them, for ``directory.search.forgiving``).
"""

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import models
from django.db.models.functions import Coalesce

from directory.models import Organization
from directory.search import languages, thesaurus
from directory.search.conditions import Condition, Translated, words_condition
from directory.search.statistics import CommonShares
from directory.search.stopwords import is_filler, without_near_home
from directory.search.thresholds import (
    ORGANIZATION_CANDIDATES,
    ROWS_OR_INDEX,
)
from directory.search.tsquery import TsQuery
from linkrete.read_replica import read_connection

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
    """The words to match: normalised, without repeats, filler and "near home" dropped
    (``stopwords``) unless the text holds nothing else."""
    tokens = normalize(text).split()
    tokens = without_near_home(tokens) or tokens
    words = list(dict.fromkeys(w for w in tokens if len(w) >= MIN_WORD))
    meaningful = [w for w in words if not is_filler(w)]
    return (meaningful or words)[:MAX_QUERY_WORDS]


def word_query(word: str, alternatives: list[str]) -> SearchQuery:
    """One word of a query as a full-text query: the word or any of its alternatives (the
    vocabulary's close words when it is a typo)."""
    term = TsQuery.of(word, CONFIG)
    for alternative in alternatives:
        term |= TsQuery.of(alternative, CONFIG)
    return term


@dataclass
class TextQuery:
    """A parsed query: a condition on activities, and how to rank the ones it keeps.

    ``groups``: the words as the thesaurus groups them (``thesaurus.expand``: a word, or a
    phrase it knows, with its alternatives); ``terms``: each group's full-text query
    (``word_query``); ``shares``: each group's share of the documents (None for a group with no
    lexeme); ``loads``: each group's index load (``_group_load``); ``required``: how many groups
    an activity must hold (all, or fewer: ``at_least``).
    """

    text: str
    words: list[str]
    condition: Condition
    search_query: SearchQuery
    alternatives: dict
    groups: list = field(default_factory=list)  # of ``thesaurus.Group``
    terms: list = field(default_factory=list)
    shares: list = field(default_factory=list)
    loads: list = field(default_factory=list)
    required: int = 0
    # On a page in another language: that language, each group's words as its translations'
    # vectors are searched (``translated_word_query``) and all of them (or ``at_least``).
    language: str | None = None
    translated_terms: list = field(default_factory=list)
    translated_query: SearchQuery | None = None
    selecting: list = field(default_factory=list)  # each group's term without what another
    # of its ways covers (``_lean``): what ``at_least`` selects with; ``terms`` rank

    def rank(self):
        """Relevance: how well an activity holds the query with its alternatives, plus how well
        it holds the words the family typed. The thesaurus widens a word to its neighbours
        ("mensa" to "sostegno alimentare", "casa" to "portierato sociale"); without the second
        term an activity holding many alternatives outranked the one holding the typed word,
        and precision at 3 on the judged set was 0.872 instead of 0.890
        (``bench/search_quality.py``; a weight of 0.5 or 2 for the typed words measured the
        same)."""
        # Weighting the words held by how rare they are ranked worse on the judged set
        # (bench/search_quality.py): "gratis" is rare in the listings, common in the queries.
        rank = SearchRank(models.F("search_vector"), self.search_query)
        typed = self.typed_query
        if typed is not None:
            rank = rank + SearchRank(models.F("search_vector"), typed)
        if self.translated_query is not None:
            rank = rank + self.translated_rank()
        return rank

    def translated_rank(self):
        """How well the activity's translation into the page's language holds the words (0
        without one): a subquery on its unique (activity, language) row."""
        from directory.models import ActivityTranslation

        held = ActivityTranslation.objects.filter(
            activity=models.OuterRef("pk"), language=self.language
        ).annotate(r=SearchRank(models.F("search_vector"), self.translated_query))
        return Coalesce(
            models.Subquery(held.values("r")[:1]),
            models.Value(0.0),
            output_field=models.FloatField(),
        )

    def translated(self, search_query) -> Translated | None:
        return None if search_query is None else Translated(self.language, search_query)

    @property
    def typed_query(self) -> SearchQuery | None:
        """Any group's own words (a word, or all the words of a phrase), without the thesaurus'
        alternatives or typo corrections; None when no group was widened (the same query)."""
        if not any(group.alternatives for group in self.groups):
            return None
        typed = None
        for group in self.groups:
            term = TsQuery.of(group.text, CONFIG)
            typed = term if typed is None else typed | term
        return typed

    @property
    def matchable(self) -> list[int]:
        """The positions of the groups the documents can hold: those with a lexeme (the text
        search configuration's own stop words have none, and match nothing)."""
        return [i for i, share in enumerate(self.shares) if share is not None]

    @property
    def forgiving(self) -> bool:
        """Fewer words than all are required (``at_least``)."""
        return self.required < len(self.matchable)

    def at_least(self, required: int) -> "TextQuery":
        """The activities holding at least ``required`` of the groups (a word, or a phrase of
        the thesaurus, with its alternatives): every combination of that many groups ANDed, the
        combinations ORed (at most 70, for eight groups)."""
        search_query, selecting, translated_query, share, load = None, None, None, 0.0, 0.0
        terms = self.selecting or self.terms
        for combination in itertools.combinations(self.matchable, required):
            query = _all_of([self.terms[index] for index in combination])
            search_query = query if search_query is None else search_query | query
            query = _all_of([terms[index] for index in combination])
            selecting = query if selecting is None else selecting | query
            if self.translated_terms:
                query = _all_of([self.translated_terms[index] for index in combination])
                translated_query = query if translated_query is None else translated_query | query
            share += math.prod(self.shares[i] for i in combination)
            load += min(self.loads[i] for i in combination)
        share = min(share, 1.0)
        # The combinations share their words: the index reads each word's entries once.
        load = min(load, sum(self.loads[i] for i in self.matchable))
        condition = words_condition(
            selecting,
            share,
            on_rows=on_rows(share, load),
            translated=self.translated(translated_query),
        )
        return replace(
            self,
            condition=condition,
            search_query=search_query,
            translated_query=translated_query,
            required=required,
        )


def _all_of(terms: list[SearchQuery]) -> SearchQuery | None:
    query = None
    for term in terms:
        query = term if query is None else query & term
    return query


def translated_word_query(language: str, text: str) -> SearchQuery:
    """A group's words as the translations into ``language`` are searched: in its
    configuration, Chinese as pairs of characters (``directory.search.languages``); no
    thesaurus, whose alternatives are Italian words."""
    return languages.word_query(language, text)


# The lexemes of the search documents most often found, with the share of documents holding
# each, as this process last read them (``statistics.CommonShares``).
LEXEME_SHARES = CommonShares("search_vector", "text")


def forget_word_shares() -> None:
    """Read the lexemes' statistics again at the next ``look_up`` (after an ANALYZE, in
    tests)."""
    LEXEME_SHARES.forget()


@dataclass
class Vocabulary:
    """What the directory's words say about the words of a query (``look_up``)."""

    alternatives: dict  # {unknown word: [close words the documents use]}
    shares: dict  # {word: share of the documents holding it}; None for a word with no lexeme
    lexemes: dict = field(default_factory=dict)  # {word: its lexemes, a frozenset}


def look_up(words: list[str], also: list[str] = ()) -> Vocabulary:
    """In one query: close words for the query words the vocabulary does not know (typos), and
    how common each word (and each word of ``also``: the thesaurus' alternatives) is in the
    documents (its rarest lexeme's share; 0 below the statistics' most common lexemes). The
    statistics come with it when this process's copy is stale (``LEXEME_SHARES``)."""
    candidates = [w for w in words if len(w) >= MIN_VOCABULARY_WORD and w.isalpha()]
    shares_sql = ""
    if LEXEME_SHARES.stale():
        shares_sql = (
            "UNION ALL SELECT NULL, c.element, NULL, c.share "
            f"FROM ({LEXEME_SHARES.sql}) c "  # nosec B608 # a constant
        )
    with read_connection().cursor() as cursor:
        cursor.execute(
            "SELECT q.w, t.word, similarity(t.word, q.w) AS s, NULL::real "
            "FROM unnest(%s::text[]) AS q(w) "
            "JOIN directory_searchterm t ON t.word %% q.w "  # nosec B608 # constants; words as %s
            "UNION ALL "
            "SELECT q.w, array_to_string(tsvector_to_array(to_tsvector("
            f"'{CONFIG}', q.w)), ' '), NULL, NULL FROM unnest(%s::text[]) AS q(w) "
            f"{shares_sql}ORDER BY 1, 3 DESC",  # nosec B608 # constants; words as %s
            [candidates, [*words, *also]],
        )
        rows = cursor.fetchall()
    if shares_sql:
        LEXEME_SHARES.take((lexeme, share) for word, lexeme, _, share in rows if word is None)
    found: dict[str, list[tuple[str, float]]] = {}
    shares, lexemes = {}, {}
    for word, term, score, _ in rows:
        if word is None:  # the statistics
            continue
        if score is None:  # the word's lexemes
            lexemes[word] = frozenset((term or "").split())
            shares[word] = min(map(LEXEME_SHARES.share, lexemes[word]), default=None)
        else:
            found.setdefault(word, []).append((term, score))
    alternatives = {}
    for word, terms in found.items():
        if any(term == word for term, _ in terms):
            continue  # a known word: stemming does the rest
        close = [term for term, score in terms if score >= TYPO_SIMILARITY]
        if close:
            alternatives[word] = close[:TYPO_ALTERNATIVES]
    return Vocabulary(alternatives, shares, lexemes)


def parse(text: str, language: str | None = None) -> TextQuery | None:
    """The words of ``text`` (``query_words``), all required, or None when it has none. On a
    page in another ``language`` (one the listings are translated into), an activity holding
    them in its translation into it is kept too."""
    words = query_words(text)
    if not words:
        return None
    groups = thesaurus.expand(words)
    also = {word for group in groups for a in group.alternatives for word in a.match.split()}
    vocabulary = look_up(words, sorted(also))
    alternatives = vocabulary.alternatives
    # A group the thesaurus widens is a known word: no typo to correct.
    terms = [
        word_query(
            group.text, [a.match for a in group.alternatives] or alternatives.get(group.text, [])
        )
        for group in groups
    ]
    search_query = _all_of(terms)
    if languages.config_for(language) is None:
        language = None
    translated_terms = (
        [translated_word_query(language, group.text) for group in groups] if language else []
    )
    translated_query = _all_of(translated_terms)
    # What selects and what estimates: each group without the alternatives another of its
    # ways already covers (``_lean``); the rank keeps the terms as built above.
    lean = [_lean(group, vocabulary.lexemes) for group in groups]
    lean_terms = [
        term
        if not group.alternatives
        else word_query(lean[i].text, [a.match for a in lean[i].alternatives])
        for i, (group, term) in enumerate(zip(groups, terms, strict=True))
    ]
    group_shares = [_group_share(group, vocabulary.shares) for group in lean]
    loads = [_group_load(group, vocabulary.shares) for group in lean]
    condition = _all_groups(
        lean,
        lean_terms,
        group_shares,
        loads,
        vocabulary.shares,
        translated=None if translated_query is None else Translated(language, translated_query),
    )
    return TextQuery(
        text,
        words,
        condition,
        search_query=search_query,
        alternatives=alternatives,
        groups=groups,
        terms=terms,
        shares=group_shares,
        loads=loads,
        required=len(terms),
        language=language,
        translated_terms=translated_terms,
        translated_query=translated_query,
        selecting=lean_terms,
    )


def _lean(group, lexemes) -> "thesaurus.Group":
    """The group without the alternatives its other ways already match: one whose lexemes hold
    all those of the words typed or of another alternative (``psicologo``, ``psicologa`` and
    ``supporto psicologico`` are all ``psicolog``; an activity holding ``support`` and
    ``psicolog`` holds ``psicolog``). The same activities match; the estimates no longer count
    one lexeme three times ("psychologist for teenagers" was read on 60,000 rows, 420 ms)."""
    if not group.alternatives:
        return group

    def of(words):
        found = frozenset()
        for word in words:
            found |= lexemes.get(word, frozenset())
        return found

    kept, ways = [], [of(group.words)] if of(group.words) else []
    for alternative in sorted(group.alternatives, key=lambda a: len(of(a.match.split()))):
        own = of(alternative.match.split())
        if own and any(way <= own for way in ways):
            continue
        kept.append(alternative)
        if own:
            ways.append(own)
    order = {alternative: i for i, alternative in enumerate(group.alternatives)}
    return thesaurus.Group(group.words, tuple(sorted(kept, key=order.__getitem__)))


def _all_groups(groups, terms, group_shares, loads, shares, translated=None) -> Condition:
    """The condition holding every group, each alternative named once (``thesaurus.blocks``:
    groups sharing alternatives, ``(a | X) & (b | X)``, are matched as ``(a & b) | X``). The
    query ranks with ``TextQuery.search_query`` (each group as typed, unchanged); this is what
    selects: the same activities, with a smaller query and a share that does not take two
    groups meaning the same as independent. "playgroup for toddlers", both words widened to
    the same ten alternatives, was estimated at 1 % of the directory by the product of their
    shares, looked up in the full-text index, and built a bitmap of 60,000 entries (240 ms);
    its share is 10 %, and reading rows finds the 500 counted sooner."""
    query, block_shares, block_loads = None, [], []
    for block in thesaurus.blocks(groups):
        if not block.shared:
            (index,) = block.members
            term, share, load = terms[index], group_shares[index], loads[index]
        else:
            term, share, load = _shared_block(block, groups, shares)
        query = term if query is None else query & term
        if share is not None:
            block_shares.append(share)
            block_loads.append(load)
    share = math.prod(block_shares) if block_shares else None
    # All the blocks ANDed: the index walks the entries of the lightest one and skips through
    # the others'.
    load = min(block_loads, default=0.0)
    return words_condition(
        query, share, on_rows=share is not None and on_rows(share, load), translated=translated
    )


def _shared_block(block, groups, shares) -> tuple[SearchQuery, float | None, float]:
    """A block of groups sharing alternatives: (its query, its share, its index load)."""
    shared = thesaurus.Group((), block.shared)
    rest = []
    for index in block.members:
        group = groups[index]
        own = tuple(a for a in group.alternatives if a not in block.shared)
        rest.append(thesaurus.Group(group.words, own))
    query = None
    for group in rest:
        term = word_query(group.text, [a.match for a in group.alternatives])
        query = term if query is None else query & term
    for alternative in block.shared:
        query |= TsQuery.of(alternative.match, CONFIG)
    rest_shares = [_group_share(group, shares) for group in rest]
    known = [s for s in rest_shares if s is not None]
    parts = [_group_share(shared, shares), math.prod(known) if known else None]
    parts = [s for s in parts if s is not None]
    share = min(1.0, sum(parts)) if parts else None
    rest_load = min(
        (_group_load(g, shares) for g, s in zip(rest, rest_shares, strict=True) if s is not None),
        default=0.0,
    )
    return query, share, _group_load(shared, shares) + rest_load


def _group_share(group, shares) -> float | None:
    """The share of the documents holding a group (None when none of its words has a
    lexeme). A group is in the documents holding all its words or any alternative's (each
    estimated, as the words typed are, by the product of its words' shares): at most the sum
    of those shares."""
    parts = []
    for words in [group.words, *(a.match.split() for a in group.alternatives)]:
        known = [shares[w] for w in words if shares.get(w) is not None]
        if known:
            parts.append(math.prod(known))
    return min(1.0, sum(parts)) if parts else None


def _group_load(group, shares) -> float:
    """What looking a group up in the full-text index reads, as a share of the documents: the
    entries of its rarest word, and of each alternative's rarest word (a phrase needs all its
    words: the index skips through the commoner ones' entries). A word rarer than the
    statistics' most common ones counts as 0; one with no lexeme (a stop word) is not read."""
    total = 0.0
    for words in [group.words, *(a.match.split() for a in group.alternatives)]:
        known = [shares[w] or 0.0 for w in words if shares.get(w, 0.0) is not None]
        total += min(known, default=0.0)
    return total


def on_rows(share: float, load: float) -> bool:
    """Whether a text condition is best matched on the rows read (``MatchedOnRows``) rather than
    looked up in the full-text index: the rows read until the matches counted are found grow
    as ``1 / share``, the index entries walked as ``load``, so the rows win when
    ``share * load`` reaches ``ROWS_OR_INDEX``. For one word both are its share: the rows win
    from ``COMMON_WORDS_SHARE`` on. A widened word (the thesaurus' alternatives, or some of the
    words only: ``at_least``) weighs its load, which its share understates: "spesa" with its
    phrases ("pacchi alimentari", "emporio solidale"…) walks the entries of 13 % of the
    directory, where its share says 3 %."""
    return share * load >= ROWS_OR_INDEX


def organization_name_condition(words: list[str]) -> models.Q:
    """Organizations whose name holds each of the words (typos forgiven): the search page's
    organizations and the HSDA API's ``/organizations?search=``."""
    condition = models.Q()
    for word in words:
        condition &= models.Q(name__trigram_word_similar=word)
    return condition


def matching_organizations(text_query: TextQuery, limit: int = 5):
    """Published organizations whose name matches the words (typos forgiven), or, on a page in
    another language, whose translation into it holds them (``organization_translations``).

    Each way looks for its own candidates, and the two sets are joined (``UNION``): with the
    two conditions joined by ``OR`` in one ``WHERE``, PostgreSQL could use neither the names'
    trigram index nor the translations' and read every organization, at national scale a
    second for every search with words on a page not in Italian."""
    published = Organization.objects.published().order_by()
    candidates = published.filter(organization_name_condition(text_query.words))
    candidates = candidates.values("pk")[:ORGANIZATION_CANDIDATES]
    if text_query.language and text_query.translated_query is not None:
        from directory.search import organization_translations

        translated = published.filter(
            organization_translations.holding(text_query.language, text_query.translated_query)
        )
        candidates = candidates.union(translated.values("pk")[:ORGANIZATION_CANDIDATES])
    return list(Organization.objects.filter(pk__in=candidates).order_by("name")[:limit])
