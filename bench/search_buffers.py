"""What the search reads, in pages, not milliseconds: a measure a busy machine does not disturb.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete_reads \\
        .venv/bin/python bench/search_buffers.py [--per-category 4] [--json NAME]

Takes the first ``--per-category`` URLs of each category of ``search_bench.py``'s mix, requests
each page once (``bench.settings``), and runs EXPLAIN (ANALYZE, BUFFERS) on every query it made
that reads ``directory_activity``. Sums per category: shared buffers touched (hit + read), heap
fetches of index-only scans (one per row on a page not all-visible: what VACUUM removes), and
the executor's time. Dead rows and pages no longer all-visible after a bulk refresh show here as
more buffers and heap fetches, whatever the load of the machine; the milliseconds stay noisy.
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from search_bench import build_mix  # noqa: E402


def walk(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from walk(child)


def explain(sql: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
        result = cursor.fetchone()[0]
    result = json.loads(result) if isinstance(result, str) else result
    top = result[0]
    nodes = list(walk(top["Plan"]))
    return {
        "buffers": top["Plan"]["Shared Hit Blocks"] + top["Plan"]["Shared Read Blocks"],
        "heap_fetches": sum(node.get("Heap Fetches", 0) for node in nodes),
        "ms": top["Execution Time"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-category", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", metavar="NAME", help="also write bench/results/…-NAME.json")
    args = parser.parse_args()
    picked: dict[str, list[str]] = {}
    for category, path in build_mix(args.seed):
        if len(picked.setdefault(category, [])) < args.per_category:
            picked[category].append(path)
    client = Client()
    totals = {}
    for category, paths in picked.items():
        total = {"pages": 0, "queries": 0, "buffers": 0, "heap_fetches": 0, "ms": 0.0}
        for path in paths:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == 200, path
            total["pages"] += 1
            for query in queries.captured_queries:
                sql = query["sql"]
                if "directory_activity" not in sql or not sql.lstrip().upper().startswith(
                    ("SELECT", "WITH")
                ):
                    continue
                measured = explain(sql)
                total["queries"] += 1
                for key in ("buffers", "heap_fetches", "ms"):
                    total[key] += measured[key]
        totals[category] = total
    header = ("category", "pages", "queries", "buffers", "heap fetches", "SQL ms")
    print("{:>12} {:>5} {:>7} {:>10} {:>12} {:>8}".format(*header))
    for category, t in totals.items():
        print(
            f"{category:>12} {t['pages']:>5} {t['queries']:>7} {t['buffers']:>10,} "
            f"{t['heap_fetches']:>12,} {t['ms']:>8.0f}"
        )
    all_ = {k: sum(t[k] for t in totals.values()) for k in ("buffers", "heap_fetches", "ms")}
    print(
        f"{'ALL':>12} {'':>5} {'':>7} {all_['buffers']:>10,} {all_['heap_fetches']:>12,} "
        f"{all_['ms']:>8.0f}"
    )
    if args.json:
        out = ROOT / "bench" / "results" / f"search-buffers-{args.json}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(totals, indent=2))
        print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
