"""EXPLAIN (ANALYZE, BUFFERS) of the queries one page makes: the SQL time of a slow page.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \\
        .venv/bin/python bench/explain_page.py "/cerca/?q=playgroup+for+toddlers" [--plan]

Same set-up as ``search_bench.py`` (``bench.settings``, Django's test client, the real
database). The page is requested once to warm up, once more to capture its queries; each query
that reads ``directory_activity`` is then run ``--runs`` times under EXPLAIN (ANALYZE, BUFFERS):
its fastest execution time and its buffers, and with ``--plan`` the plan of the fastest run.
Several URLs may be given; the last line of each is the page's SQL time (sum of the fastest).
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def explain(sql: str, runs: int, plan_text: bool) -> tuple[float, int, str]:
    """(fastest execution ms, its shared buffers, its plan as text)."""
    best = None
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
            result = cursor.fetchone()[0]
            result = json.loads(result) if isinstance(result, str) else result
            ms = result[0]["Execution Time"] + result[0].get("Planning Time", 0)
            if best is None or ms < best[0]:
                best = (ms, result)
        ms, result = best
        plan = result[0]["Plan"]
        buffers = plan.get("Shared Hit Blocks", 0) + plan.get("Shared Read Blocks", 0)
        text = ""
        if plan_text:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            text = "\n".join(row[0] for row in cursor.fetchall())
    return ms, buffers, text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--plan", action="store_true", help="print the plans")
    args = parser.parse_args()
    client = Client()
    for path in args.paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        total = 0.0
        print(f"{path} ({response.status_code}, {len(queries)} queries)")
        for query in queries.captured_queries:
            sql = query["sql"]
            if "directory_activity" not in sql:
                continue
            ms, buffers, plan = explain(sql, args.runs, args.plan)
            total += ms
            print(f"  {ms:8.1f} ms {buffers:8} buffers  {sql[:110]}")
            if plan:
                print(plan)
        print(f"  {total:8.1f} ms of SQL (fastest of {args.runs}, queries on activities)")


if __name__ == "__main__":
    main()
