"""The HSDA lists' pages at any depth, timed through the test client: for each URL, one
request after the cache is emptied (``cold``: the counts, and the page boundaries of the deep
pages, computed), then ``--repeat`` requests (p50 / p95 and the SQL time's p50, ms).

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete PAGE_CACHE=0 \
        CACHE_LOCATION=/tmp/hsda-bench-cache PYTHONPATH=. \
        .venv/bin/python bench/hsda_pages_bench.py [--repeat 20] [URL ...]

``bench.settings``: production settings, the API's rate limit lifted. ``CACHE_LOCATION`` of
its own: the run empties that cache.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = [
    "/api/hsds/services",
    "/api/hsds/services?page=1000",
    "/api/hsds/services?page=10000",
    "/api/hsds/services?full=true",
    "/api/hsds/service_at_locations",
    "/api/hsds/service_at_locations?page=50",
    "/api/hsds/service_at_locations?page=500",
    "/api/hsds/service_at_locations?page=10000",
    "/api/hsds/service_at_locations?full=true",
]


def timed(client, url):
    with CaptureQueriesContext(connection) as context:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    sql = sum(float(query["time"]) for query in context.captured_queries) * 1000
    return elapsed, sql, len(context.captured_queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("urls", nargs="*")
    arguments = parser.parse_args()
    client = Client()
    print("| URL | cold ms (SQL) | p50 | p95 | SQL p50 | queries |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for url in arguments.urls or URLS:
        cache.clear()
        cold, cold_sql, _ = timed(client, url)
        times, sqls, queries = [], [], 0
        for _ in range(arguments.repeat):
            elapsed, sql, queries = timed(client, url)
            times.append(elapsed)
            sqls.append(sql)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
        print(
            f"| `{url}` | {cold:.0f} ({cold_sql:.0f}) | {statistics.median(times):.0f} "
            f"| {p95:.0f} | {statistics.median(sqls):.0f} | {queries} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
