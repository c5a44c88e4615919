"""How the listings' translations (``ActivityTranslation``) are indexed and searched, language by
language: each with its own PostgreSQL text search configuration, where PostgreSQL has a
stemmer for it, else ``simple`` (the words whole).

The configurations are the built-in ones both servers ship (the embedded PostgreSQL 18 and
PostgreSQL 15 list the same Snowball stemmers: ``english``, ``spanish``, ``french``,
``romanian``, ``arabic``; none for Ukrainian, Albanian or Chinese). The text is normalised in
Python first, as the Italian documents are (``text.normalize``: lower case, accents and
Arabic short vowels dropped), so ``simple`` is the unaccented simple dictionary and a query
typed without accents finds a text written with them.

Chinese is written without spaces: the parser would take a whole sentence for one word. Its
text is indexed as its characters and their overlapping pairs (``学校`` is in ``小学校园``), and a
query's words as their pairs, all required (a single character as itself): a character-bigram
index, which finds a word anywhere inside the sentence without a segmenter.

Ukrainian and Albanian inflect their words, and PostgreSQL has no stemmer for them: a query's
word there matches the words of the text beginning as it does, but for its last letter (at
least four kept): "набори" finds "наборів", "qira" "qiranë" (a prefix query, which the GIN index
answers). Dropping two letters found more inflections and more wrong words: "молоко" (milk)
found "молодшої" (younger) first (``bench/search_quality.py``).
"""

import re

from django.contrib.postgres.search import SearchQuery

from directory.search.tsquery import TsQuery

CONFIGS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "ro": "romanian",
    "ar": "arabic",
    "uk": "simple",
    "sq": "simple",
    "zh-hans": "simple",
}

# The languages written without spaces between words: indexed as character pairs.
CHARACTER_PAIRS = frozenset({"zh-hans"})

# The inflected languages without a stemmer: words matched by their beginning.
PREFIXES = frozenset({"uk", "sq"})
PREFIX_KEEPS = 4  # letters at least
PREFIX_DROPS = 1  # letters dropped from the end of a longer word

# Han ideographs (CJK Unified Ideographs, with extension A and the compatibility block).
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def config_for(language: str | None) -> str | None:
    """The text search configuration of a translation language, None for the Italian (and any
    language the listings are not translated into)."""
    return CONFIGS.get(language or "")


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)] or [run]


def indexed_text(language: str, text: str) -> str:
    """A translation's text (normalised: ``text.normalize``) as it is indexed: in Chinese, each
    run of ideographs as its characters and their pairs."""
    if language not in CHARACTER_PAIRS:
        return text
    return _HAN.sub(lambda run: " ".join([*run.group(0), *_pairs(run.group(0))]), text)


def word_query(language: str, text: str) -> SearchQuery:
    """A query's words (normalised) as the translations into ``language`` are searched, all
    required: stemmed by its configuration, or as pairs of characters (Chinese), or by their
    beginnings (``PREFIXES``)."""
    config = config_for(language)
    if language not in PREFIXES:
        return TsQuery.of(query_text(language, text), config)
    prefixes = [
        f"{word[: max(PREFIX_KEEPS, len(word) - PREFIX_DROPS)]}:*"
        if len(word) >= PREFIX_KEEPS
        else word
        for word in re.findall(r"[^\W_]+", text)
    ]
    return TsQuery.of(" & ".join(prefixes), config, search_type="raw")


def query_text(language: str, word: str) -> str:
    """A query's word as it is looked up in a translation's vector: in Chinese, its pairs of
    characters (all required: ``plainto_tsquery`` ANDs them), else the word."""
    if language not in CHARACTER_PAIRS:
        return word
    return _HAN.sub(lambda run: " ".join(_pairs(run.group(0))), word)
