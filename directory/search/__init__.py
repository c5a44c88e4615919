"""The search engine of the public directory (``/cerca/``).

``run_search(params, now) -> SearchPage`` (``page``) is the entry point: the view asks for the
page and renders it. The pipeline, and the module holding each stage:

1. parameters → filters (``filters``): the query string validated, one filter per parameter
   group; a bad value is dropped with a notice, never an error;
2. filters → conditions: words (``text``: normalised, typos corrected from the vocabulary) and
   tags (``tags``: the integers every activity carries, computed with its document by
   ``documents``);
3. conditions → plan (``plan``): each tag and each set of words looked up in an index or
   checked on the rows read, whichever reads less, from the shares of the directory they
   cover (``statistics``) and the tuned ``thresholds``;
4. plan → counted set and ranked page (``counting``): one statement counts the bounded sets
   (all the filters, and all but each active one) and ranks the page among the matches;
   ``geo`` for distances;
5. counts → facets (``facets``): the options of each filter with their counts, the
   relaxations offered when nothing matches;
6. page → cards (``directory.cards``, shared with the other lists of activities).

``choices`` keeps the categories and languages the page offers in the cache. Documents and
tags are refreshed by the code that changes what an activity is found by (``documents``).
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
