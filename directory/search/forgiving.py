"""Forgiving matching: when no activity holds all the words, those holding the most of them.

A query is answered with the activities holding every meaningful word of it
(``directory.search.text.parse``), as before. When there are none (and the query has two
words or more the documents can hold), ``most_words_held`` asks, in one statement, whether some
activity holds all the words but one, all but two… down to one, with every other filter of the
search applied: one ``EXISTS`` per number of words, tried in turn until one is true, each
stopping at the first row found, the rarer combinations looked up in the full-text index. The
page is then the search again with ``TextQuery.at_least(k)`` for the largest ``k`` found: its
results hold exactly ``k`` of the words (none holds more), ranked by relevance, and its facets
and total count that set, so the page stays coherent with what it shows; the page says so
(``SearchPage.forgiven``). When no word matches at all, the page is the empty one, with its
relaxations, as before.

Cost: only when the search for all the words found nothing, one statement more than the empty
page took (the probe; the second search replaces the count of the relaxations), measured by
``bench/search_bench.py --only sentences`` and ``--only english``.
"""

from directory.search.plan import combine
from directory.search.text import TextQuery
from linkrete.read_replica import read_connection


def may_forgive(text_query: TextQuery | None) -> bool:
    """Whether the words can be forgiven: two or more the documents can hold, all required."""
    return text_query is not None and not text_query.forgiving and len(text_query.matchable) >= 2


def most_words_held(base, conditions: dict, text_query: TextQuery) -> int:
    """The most words (fewer than all) some activity matching the other filters holds, 0 when
    none holds any; one statement."""
    if len(text_query.matchable) < 2:
        return 0
    probes, params = [], []
    for required in range(len(text_query.matchable) - 1, 0, -1):
        forgiven = {**conditions, "q": text_query.at_least(required).condition}
        probe = base.filter(combine(forgiven)).order_by().values("pk")[:1]
        sql, probe_params = probe.query.sql_with_params()
        probes.append(f"WHEN EXISTS ({sql}) THEN {required}")
        params.extend(probe_params)
    # CASE tries its branches in order and stops at the first true one.
    with read_connection().cursor() as cursor:
        cursor.execute(f"SELECT CASE {' '.join(probes)} ELSE 0 END", params)
        return cursor.fetchone()[0]
