"""Text conditions on the rows read or in the full-text index: both timed, and the rules compared.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/rows_or_index.py [--only sentences]

For each query of ``search_bench.py``'s natural-language mix (sentences, English, synonyms), every
text condition a results page may run: all the words, and, for the forgiving pass
(``directory.search.forgiving``), each "at least k of them". Each is timed both ways (EXPLAIN
ANALYZE, best of two) as the counting statement uses it: the first 501 public, not ended
matches with their rank, in no order. Then the total time and the conditions over 100 ms for
each rule: the one ``text.on_rows`` applies (share × index load, ``ROWS_OR_INDEX``), the share
alone (``COMMON_WORDS_SHARE``, the rule before), always the index, and the best of the two
for each condition (no rule can do better). Writes the rows as JSON to bench/results/.
"""

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, models  # noqa: E402

from bench import search_bench  # noqa: E402
from directory.models import Activity  # noqa: E402
from directory.search.conditions import MatchedOnRows  # noqa: E402
from directory.search.text import parse  # noqa: E402
from directory.search.thresholds import COMMON_WORDS_SHARE  # noqa: E402

MIXES = {
    "sentences": search_bench.SENTENCES,
    "english": search_bench.ENGLISH + search_bench.ENGLISH_QUERIES,
    "synonyms": search_bench.SYNONYM_QUERIES,
}


def explain_ms(queryset) -> float:
    sql, params = queryset.query.sql_with_params()
    best = float("inf")
    for _ in range(2):
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = plan if isinstance(plan, list) else json.loads(plan)
            best = min(best, plan[0]["Execution Time"])
    return best


def conditions(text):
    """(k, TextQuery) for all the words and each forgiving "at least k"."""
    query = parse(text)
    if query is None or not query.matchable:
        return []
    found = [(len(query.matchable), query)]
    if len(query.matchable) >= 2:
        found += [(k, query.at_least(k)) for k in range(len(query.matchable) - 1, 0, -1)]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(MIXES))
    args = parser.parse_args()
    base = Activity.objects.public().not_ended().order_by()
    rows = []
    for mix, texts in MIXES.items():
        if args.only and mix != args.only:
            continue
        for text in texts:
            for k, query in conditions(text):
                words = query.condition.parts[0]
                first = {
                    "index": models.Q(search_vector=query.search_query),
                    "rows": MatchedOnRows(query.search_query, words.share),
                }
                timed = {
                    way: explain_ms(
                        base.filter(condition)
                        .annotate(rank=query.rank())
                        .values("id", "rank")[:501]
                    )
                    for way, condition in first.items()
                }
                rows.append(
                    {
                        "mix": mix,
                        "text": text,
                        "k": k,
                        "share": words.share,
                        "chosen": "rows" if words.on_rows else "index",
                        **timed,
                    }
                )
                print(
                    f"{timed['index']:8.1f} {timed['rows']:8.1f}  {rows[-1]['chosen']:5s} "
                    f"k={k} {text}",
                    flush=True,
                )
    rules = {
        "text.on_rows (share x load)": lambda r: r["chosen"] == "rows",
        "share >= COMMON_WORDS_SHARE": lambda r: (r["share"] or 0) >= COMMON_WORDS_SHARE,
        "always the index": lambda r: False,
        "best of the two": lambda r: r["rows"] < r["index"],
    }
    print(f"\n{len(rows)} conditions")
    for name, rule in rules.items():
        spent = [r["rows"] if rule(r) else r["index"] for r in rows]
        over = sum(ms > 100 for ms in spent)
        print(f"{name:30s} total {sum(spent):8.0f} ms, over 100 ms: {over}")
    out = ROOT / "bench" / "results" / f"rows-or-index-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=1))
    print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
