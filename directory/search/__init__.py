"""The search engine of the public directory (``/cerca/``).

``run_search(params, now) -> SearchPage`` (``page``) is the entry point: the view asks for the
page and renders it. The pipeline, and the module holding each stage:

1. parameters → filters (``filters/``: one module per filter, ``filters.REGISTRY`` lists them):
   the query string validated; a bad value is dropped with a notice, never an error;
2. filters → conditions (``conditions``): typed parts, tags looked up in the index
   (``Tagged``), tags checked on the rows (``HoldsTag``), words (``Words``: ``text``
   normalises them, drops filler (``stopwords``), ``thesaurus.expand`` widens families' words
   and phrases to the listings' words and categories, and typos of the other words are corrected
   from the vocabulary; ``text.parse`` and ``text.word_query`` are where a query's words become a
   condition; on a page in another language the words are also looked up in the listings'
   translations into it, each language with its own stemmer or fallback: ``languages``; a
   language named as such, "in arabo", becomes the language filter: ``language_words``), the
   rest as it is (``Plain``);
3. conditions → plan (``plan``): each tag and each set of words looked up in an index or
   checked on the rows read, whichever reads less, from the shares of the directory they cover
   (``statistics``, ``tags.share``) and the tuned ``thresholds``;
4. plan → counted set and ranked page (``counting``): one statement counts the bounded sets
   (all the filters, and all but each active one) and ranks the page among the matches
   (``page`` sorts by distance or by name when it cannot; ``geo`` for distances; with the
   family's municipality known, ``nearby`` puts the results near it first among those of
   comparable relevance); when no
   activity holds all the words, ``forgiving`` finds the most of them some activity holds, and
   the set is counted again with that many required;
5. counts → facets (``facets``): ``counting.FacetCounts``, each filter's options, the
   relaxations offered when nothing matches;
6. page → cards (``directory.cards``, shared with the other lists of activities), identical
   titles grouped into one entry (``grouping``).

Beside the pipeline: ``documents`` keeps each activity's search document, vector and tags
(``tags``) fresh, called by the code that changes what an activity is found by; ``choices``
keeps the categories and languages the page offers in the cache.
"""

from directory.search.documents import (
    document_for,
    rebuild_search_index,
    refresh_organization_documents,
    refresh_search_document,
    refresh_search_documents,
)
from directory.search.page import SearchPage, run_search
from directory.search.text import normalize, query_words

__all__ = [
    "document_for",
    "normalize",
    "query_words",
    "rebuild_search_index",
    "refresh_organization_documents",
    "refresh_search_document",
    "refresh_search_documents",
    "run_search",
    "SearchPage",
]
