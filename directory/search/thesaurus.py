"""The thesaurus: the words families type, widened to the directory's words and categories.

``expand(words) -> [Group]`` is the one point the search calls (``text.parse``): the query's
words in order, the phrases the thesaurus knows (``SearchSynonym``, longest first) joined
into one group, each group with its alternatives. A group matches what its own words match OR
what any alternative matches (a phrase alternative needs all its words); groups are then
combined as the search combines words.

A category is matched through its Italian name, which every activity of the category holds in
its search document (``documents.document_for``): the search stays one full-text query, which
the planner and the counting already know how to run. Its names in the other interface
languages (``Category.translations``: the label for families and the name) are phrases of the
table of that language only: on ``/uk/cerca/`` "Житло" finds the housing category's activities
through its Italian name, as "Housing" does on every page through the documents' English names.

Applied when a search runs, so a change in the admin needs no reindexing. The whole table
(about a thousand rows) is read in two queries and kept by each process, under a version stamp
kept in Django's cache; saving or deleting a synonym, changing its categories or renaming a
category drops the stamp, at once and after the commit (signals connected in
``DirectoryConfig.ready``), and every process reads the table again at its next search; the
stamp also expires after ``TIMEOUT``. For the drop to reach every server process the cache must
be shared by them (settings: ``CACHES``).
"""

from dataclasses import dataclass

from django.utils.translation import get_language

from directory.models import SearchSynonym
from directory.models.taxonomy_names import NAME_LANGUAGES
from linkrete.stamped_copy import StampedCopy

CACHE_KEY = "directory:search-thesaurus:stamp:2"
TIMEOUT = 600
MAX_SHOWN = 4  # alternatives named on the results page ("Results also for: …")


@dataclass(frozen=True)
class Alternative:
    """Another way to match a group: ``match``, normalised text (all its words needed);
    ``name``/``name_en``/``names``: how the page names it (a category's names, else the words;
    ``names``: (language, name) in the other interface languages)."""

    match: str
    name: str
    name_en: str = ""
    names: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        language = get_language() or "it"
        for code, name in self.names:
            if code == language:
                return name
        if self.name_en and language != "it":
            return self.name_en
        return self.name


def category_alternative(category, match: str) -> Alternative:
    """A category as an alternative: named as families read it, in each language."""
    names = tuple(
        (code, name)
        for code in NAME_LANGUAGES
        if (name := category.text_in("family_name", code) or category.text_in("name", code))
    )
    return Alternative(
        match,
        category.name,
        category.name_en,
        names,
    )


@dataclass(frozen=True)
class Group:
    """Query words matched together: one word, or a phrase of the thesaurus."""

    words: tuple[str, ...]
    alternatives: tuple[Alternative, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.words)


def expand(words: list[str]) -> list[Group]:
    """The query's words in groups, each with its alternatives (none for a word the thesaurus
    does not know). Phrases are matched on the words as ``query_words`` gives them, longest
    first."""
    tables = _table()
    table = tables.get(get_language() or "", tables[""])
    longest = max((len(key) for key in table), default=0)
    groups, start = [], 0
    while start < len(words):
        for size in range(min(longest, len(words) - start), 0, -1):
            key = tuple(words[start : start + size])
            if key in table:
                groups.append(Group(key, table[key]))
                start += size
                break
        else:
            groups.append(Group((words[start],)))
            start += 1
    return groups


@dataclass(frozen=True)
class Block:
    """Groups the search may match together: ``members``, positions in the query's groups;
    ``shared``, the alternatives all of them hold (none for a block of one group)."""

    members: tuple[int, ...]
    shared: tuple[Alternative, ...] = ()


def blocks(groups: list[Group]) -> list[Block]:
    """The groups in blocks, each alternative in one block only: a group joins the first block
    with which it shares some alternatives ("playgroup" and "toddlers" both widen to *nido*,
    *ludoteca*, *spazio gioco*…). Requiring every group of a block, ``(a | X) & (b | X)``, is
    requiring ``X | (a & b)`` (``X`` their shared alternatives), so the query names each
    alternative once, and the block's share is no longer the product of two groups taken as
    independent when both mean the same (``text.parse``)."""
    found: list[tuple[list[int], dict[str, Alternative]]] = []
    for index, group in enumerate(groups):
        own = {alternative.match: alternative for alternative in group.alternatives}
        for members, shared in found:
            common = {match: a for match, a in shared.items() if match in own}
            if common:
                members.append(index)
                shared.clear()
                shared.update(common)
                break
        else:
            found.append(([index], own))
    return [
        Block(tuple(members), tuple(shared.values()) if len(members) > 1 else ())
        for members, shared in found
    ]


def understood(groups: list[Group]) -> list[str]:
    """What the page says the search also looked for, at most ``MAX_SHOWN`` names."""
    labels = []
    for group in groups:
        for alternative in group.alternatives:
            if alternative.label not in labels:
                labels.append(alternative.label)
    return labels[:MAX_SHOWN]


def _table() -> dict[str, dict[tuple[str, ...], tuple[Alternative, ...]]]:
    """The table, read from the database at most once per process and per change: the cache
    holds only a stamp of the current version (unpickling the whole table on every search cost
    several milliseconds; ``linkrete.stamped_copy``)."""
    return _copy.get()


def _read_table() -> dict[str, dict[tuple[str, ...], tuple[Alternative, ...]]]:
    """{page's language: {phrase's query words: alternatives}}: under "" the active synonyms of
    both languages (a family may type English on the Italian page), for every page; under
    another interface language the same with the categories' names in it
    (``_category_names``)."""
    # Imported here: ``text`` imports this module to expand the words it parses.
    from directory.search.text import normalize, query_words

    found: dict[tuple[str, ...], list[Alternative]] = {}
    shortened: dict[tuple[str, ...], dict[tuple, list[Alternative]]] = {}
    synonyms = SearchSynonym.objects.filter(active=True).prefetch_related("categories")
    for synonym in synonyms.order_by("pk"):
        key = tuple(query_words(synonym.phrase))
        if not key:
            continue
        typed = " ".join(key)
        alternatives = []
        for word in synonym.words:
            match = normalize(word)
            if match and match != typed:
                alternatives.append(Alternative(match, " ".join(word.split())))
        for category in synonym.categories.all():
            match = normalize(category.name)
            if match and match != typed:
                alternatives.append(category_alternative(category, match))
        if len(normalize(synonym.phrase).split()) > len(key) == 1:
            meaning = tuple(alternative.match for alternative in alternatives)
            shortened.setdefault(key, {}).setdefault(meaning, alternatives)
        else:
            found.setdefault(key, []).extend(alternatives)
    # A phrase whose filler goes ("solo in casa", "senza casa", "vicini di casa": "casa") means
    # its one word left only when no other phrase so shortened means something else: "casa"
    # took lonely elderly people, the homeless and neighbours' help together, and every search
    # with "casa" looked for all of them.
    for key, meanings in shortened.items():
        if len(meanings) == 1:
            found.setdefault(key, []).extend(*meanings.values())
    tables = {"": _deduplicated(found)}
    for language, names in _category_names().items():
        merged = {key: list(alternatives) for key, alternatives in found.items()}
        for key, alternatives in names.items():
            typed = " ".join(key)
            merged.setdefault(key, []).extend(a for a in alternatives if a.match != typed)
        tables[language] = _deduplicated(merged)
    return tables


def _deduplicated(found) -> dict[tuple[str, ...], tuple[Alternative, ...]]:
    table = {}
    for key, alternatives in found.items():
        first = {}
        for alternative in alternatives:
            first.setdefault(alternative.match, alternative)
        if first:
            table[key] = tuple(first.values())
    return table


def _category_names() -> dict[str, dict[tuple[str, ...], list[Alternative]]]:
    """{language: {a category's name in it, as query words: [the category]}}: its label for
    families and its name, in each interface language beyond Italian and English (English
    names are in the activities' documents)."""
    # Imported here: ``choices`` and ``text`` import the search package, which imports this.
    from directory.search.choices import categories_and_languages
    from directory.search.text import normalize, query_words

    tables: dict[str, dict[tuple[str, ...], list[Alternative]]] = {}
    # The search page's categories, cached between requests: no query when the cache is warm.
    for category in sorted(categories_and_languages()[0], key=lambda c: c.pk):
        match = normalize(category.name)
        if not match:
            continue
        alternative = category_alternative(category, match)
        for language in NAME_LANGUAGES:
            for field in ("family_name", "name"):
                key = tuple(query_words(category.text_in(field, language)))
                if key:
                    tables.setdefault(language, {}).setdefault(key, []).append(alternative)
    return tables


_copy = StampedCopy(CACHE_KEY, TIMEOUT, _read_table)


def forget(**kwargs):
    """Drop the table's stamp: every process reads it again (a signal receiver: takes the
    signal's arguments)."""
    if str(kwargs.get("action", "")).startswith("pre_"):
        return
    _copy.forget()
