"""The search's tuned numbers, in one place.

Each was measured at national scale (``bench/``: 150,000 organizations, 600,000 activities,
``bench/populate.py --organizations 150000 --activities 600000``) and is re-measured by the
command named beside it; ``bench/README.md`` records the figures. Only the counting limit comes
from the environment (``SEARCH_COUNT_LIMIT``); the candidates' sizes can be overridden in
settings (``LINKRETE_SEARCH_RANK_CANDIDATES``, ``LINKRETE_SEARCH_NEAR_CANDIDATES``, as the tests
do); the shares are constants, changed here after measuring.
"""

from django.conf import settings

# Bounds on the work of one results page ------------------------------------------------------

# Counting is bounded: the total and the facet counts are exact up to this many matches;
# beyond, the page says "more than N", the facets of that set show no numbers, and the results
# can be paged through up to it (25 pages). Counting every match of ``bambini`` across the
# country takes seconds; each set counted costs in proportion to the limit (at national scale,
# 1,000 instead of 500 added about 15 ms to a results page).
# Re-measure: ``SEARCH_COUNT_LIMIT=1000 bench/search_bench.py --repeat 2`` against the default.
# Override: ``SEARCH_COUNT_LIMIT`` in the environment (settings ``LINKRETE_SEARCH_COUNT_LIMIT``).
DEFAULT_COUNT_LIMIT = 500

# Ranking every match of a very common word is what makes full-text search slow: relevance is
# computed on at most this many matching activities (taken from the indexes in no particular
# order), and never more than the counting limit's: they are the matches the facets count
# (``directory.search.counting.RankedPage``).
# Re-measure: ``bench/search_bench.py --only text_common``.
# Override: settings ``LINKRETE_SEARCH_RANK_CANDIDATES``.
DEFAULT_RANK_CANDIDATES = 1000

# Sorting by distance beyond the counting limit: the matches at the places nearest the point,
# at most this many, taken in order from the places' index (``directory.search.page``).
# Re-measure: ``bench/search_bench.py --only distance``.
# Override: settings ``LINKRETE_SEARCH_NEAR_CANDIDATES``.
DEFAULT_NEAR_CANDIDATES = 300

# The organizations offered beside the results are the first names among at most this many
# matching ones: a common word is in thousands of names, and sorting them all is slow.
# Re-measure: ``bench/search_bench.py --only text_common``. No setting.
ORGANIZATION_CANDIDATES = 200


def count_limit() -> int:
    return getattr(settings, "LINKRETE_SEARCH_COUNT_LIMIT", DEFAULT_COUNT_LIMIT)


def rank_candidates() -> int:
    return getattr(settings, "LINKRETE_SEARCH_RANK_CANDIDATES", DEFAULT_RANK_CANDIDATES)


def near_candidates() -> int:
    return getattr(settings, "LINKRETE_SEARCH_NEAR_CANDIDATES", DEFAULT_NEAR_CANDIDATES)


# Index or rows (``directory.search.plan``) -----------------------------------------------------

# Words whose documents are at least this share of the directory, all together (the product
# of their shares, which underrates words found together), are matched on the rows read: see
# ``directory.search.conditions.MatchedOnRows``. Measured at national scale, counting 500 matches:
# ``corso`` (12 % of the documents) 28 ms on the rows, 45 through the index; ``centro estivo``
# (6 % by the product, 10 % in fact) 10 and 40; ``mediazione familiare`` (0.1 %) 108 and 9.
# Re-measure: ``bench/search_bench.py --only text_common`` and ``--only text_rare``;
# ``bench/profile_page.py "/cerca/?q=corso" --sql`` for one word. No setting.
COMMON_WORDS_SHARE = 0.05

# The same choice for any set of words (``directory.search.text.on_rows``): on the rows when
# their share of the documents times the share of the index entries looking them up would walk
# reaches this. For one word, from ``COMMON_WORDS_SHARE`` on. "dove fare la spesa gratis
# vicino casa" with two of its three groups (``at_least``: 1 % of the documents by the shares,
# the entries of 13 % walked for "spesa" and its phrases alone): 75 ms on the rows, 766
# through the index. Over the 243 text conditions of the natural-language mix, on a loaded
# machine: 11.7 s in all and 21 over 100 ms, against 13.7 s and 34 by the share alone (the
# best of both ways for each: 9.1 s).
# Re-measure: ``bench/rows_or_index.py``. No setting.
ROWS_OR_INDEX = COMMON_WORDS_SHARE**2

# Beside a filter the tags' index answers, only from this share on (see ``MatchedOnRows``):
# ``doposcuola`` (8 %) in Naples, 163 ms on the rows, 17 through both indexes.
# Re-measure: ``bench/profile_page.py "/cerca/?q=doposcuola&comune=063049" --sql``. No setting.
COMMON_WORDS_SHARE_BESIDE_TAGS = 0.3

# Tags that together are held by at least this share of the directory (the product of their
# shares) are checked on the rows read rather than looked up in the index, as common words are
# (``COMMON_WORDS_SHARE``): a bitmap of 75,000 entries (English, 12 %) costs more than reading
# rows until the matches counted are found (500); so does one of 50,000 for an hour of a
# weekday (9 %: 25 ms instead of 44 for Sundays at 9).
# Re-measure: ``bench/search_bench.py --only filters``. No setting.
COMMON_TAGS_SHARE = 0.05

# The share of activities holding each of the most common tags: the statistics ANALYZE keeps on
# the column (autovacuum refreshes them as the table changes), read again at most this often
# (seconds; ``directory.search.tags.share``). Not a speed measure: how stale a share may be.
SHARES_SECONDS = 300

# Distance (``directory.search.filters``, ``directory.search.tags``) ------------------------------

# The radius of "near" when none is given, and the widest one accepted (and offered as a
# relaxation), in km. Re-measure the cost of wide circles: ``bench/search_bench.py --only
# distance``. No setting.
DEFAULT_RADIUS_KM = 10
MAX_RADIUS_KM = 300

# How many cells of one grid level a search may name: the finest level with at most that many
# cells around the circle is used (``directory.search.tags.cells_around``).
# Re-measure: ``bench/search_bench.py --only distance``. No setting.
MAX_CELLS = 64

# A way out of a dead end (``directory.search.ways_out``) ----------------------------------------

# A results page with fewer matches than this offers related categories, the nearest desks and
# the national helplines, and hides the facet values that would give nothing. Not a speed
# measure: one query more (the desks), only on such pages, reading at most ``WAY_OUT_DESKS``
# rows through the desks' place (2,500 desks at national scale).
FEW_RESULTS = 3
WAY_OUT_DESKS = 3
WAY_OUT_CATEGORIES = 6

# Nearby first (``directory.search.nearby``) ------------------------------------------------------

# With a known municipality, results whose relevance is in the same band (the best rank split
# in this many) are ordered by nearness: the municipality, then these rings around it (km). Not
# speed measures: how relevance and nearness are traded (more bands: relevance counts more).
# Each ring must name at most ``MAX_CELLS`` cells of some grid level (``tags.cells_around``).
# Re-measure the cost: ``bench/profile_page.py "/cerca/?q=doposcuola" --sql`` with the cookie.
RELEVANCE_BANDS = 4
NEARBY_BANDS_KM = (5, 25, 100)
