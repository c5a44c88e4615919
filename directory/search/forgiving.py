"""Forgiving matching: when no activity holds all the words, those holding the most of them.

A query is answered with the activities holding every meaningful word of it
(``directory.search.text.parse``), as before. When there are none (and the query has two
words or more the documents can hold), ``most_words_held`` asks, in one statement, whether some
activity holds all the words but one, all but two… down to one, with every other filter of the
search applied: one probe per number of words, tried in turn until one finds a row, each
stopping at the first row found, the rarer combinations looked up in the full-text index. The
page is then the search again with ``TextQuery.at_least(k)`` for the largest ``k`` found: its
results hold exactly ``k`` of the words (none holds more), ranked by relevance, and its facets
and total count that set, so the page stays coherent with what it shows; the page says so
(``SearchPage.forgiven``). When no word matches at all, the page is the empty one, with its
relaxations, as before.

The searches for all the words but one, then all but two, are counted first, without a probe
(``first_tries``): the first that finds activities is the page. Only when both find none are
the fewer numbers probed.

Cost: only when the search for all the words found nothing, one statement more than the empty
page took when all but one word are held (that search; it replaces the count of the
relaxations), two more when all but two are (those two searches), three when fewer are (the
two searches, the probe and the search for those), measured by ``bench/search_bench.py --only
sentences`` and ``--only english``. Of the 90 sentences and English queries of that mix at
national scale, 8 find no activity holding all the words but one, and every one of them finds
some holding all but two: counted directly, their probe is gone (up to 33 ms of SQL: the probe
built the same GIN bitmap as the search it preceded).
"""

from directory.search.plan import combine
from directory.search.text import TextQuery
from linkrete.read_replica import read_connection


def may_forgive(text_query: TextQuery | None) -> bool:
    """Whether the words can be forgiven: two or more the documents can hold, all required."""
    return text_query is not None and not text_query.forgiving and len(text_query.matchable) >= 2


def first_tries(text_query: TextQuery) -> list[int]:
    """How many words the page counts first, in turn, when no activity holds them all: all but
    one, then all but two (at least one word).

    The search with ``at_least(k)`` is itself the probe for ``k`` words: when it finds
    activities they are the page, and the probe, which looked up the same combinations in the
    full-text index a first time (150 ms of a GIN bitmap for "cerco vestiti per neonato gratis"
    at national scale, 33 ms for "basket per ragazzi under 14" at two words of four), is not
    run. At national scale every sentence of the benchmark's mix that holds no activity with
    all its words but one has some with all but two, so that number is counted directly too;
    a search finding none costs about what the probe's branch for that number would. When both
    find none, ``most_words_held`` probes the fewer."""
    matchable = len(text_query.matchable)
    return [k for k in (matchable - 1, matchable - 2) if k >= 1]


def most_words_held(
    base, conditions: dict, text_query: TextQuery, fewer_than: int | None = None
) -> int:
    """The most words (fewer than all, and fewer than ``fewer_than`` when given: that many were
    already counted in vain) some activity matching the other filters holds, 0 when none holds
    any; one statement, none when there is no smaller number left to try.

    Each probe is a materialised CTE read until its first row, not an ``EXISTS (… LIMIT 1)``:
    for a subquery asked for one row, PostgreSQL prefers reading the table in order until a
    match turns up, estimating it soon, and here the answer is often that none does (the
    search for all the words has just found nothing): at national scale "residence permit
    renewal help" read all 600,000 activities for its two-word probe (2.7 s). A CTE is planned
    for all its rows, so rarer words are looked up in the full-text index (33 ms), and read
    lazily, so common words matched on the rows (``MatchedOnRows``) still stop at the first
    match; the CASE tries its branches in order, and a CTE no branch reaches is never run."""
    most = len(text_query.matchable) - 1
    if fewer_than is not None:
        most = min(most, fewer_than - 1)
    if most < 1:
        return 0
    ctes, probes, params = [], [], []
    for required in range(most, 0, -1):
        forgiven = {**conditions, "q": text_query.at_least(required).condition}
        probe = base.filter(combine(forgiven)).order_by().values("pk")
        sql, probe_params = probe.query.sql_with_params()
        ctes.append(f"held_{required} AS MATERIALIZED ({sql})")
        probes.append(f"WHEN EXISTS (SELECT FROM held_{required}) THEN {required}")  # nosec B608 # numbers and SQL the ORM compiled
        params.extend(probe_params)
    with read_connection().cursor() as cursor:
        cursor.execute(f"WITH {', '.join(ctes)} SELECT CASE {' '.join(probes)} ELSE 0 END", params)
        return cursor.fetchone()[0]
