"""Profile one page in-process: where the time goes outside SQL (pyinstrument), and its queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/profile_page.py "/cerca/?q=bambini" [--repeat 20] [--sql]

Same set-up as ``search_bench.py`` (``bench.settings``, Django's test client, the real database).
The page is requested once to warm up, then ``--repeat`` times under the profiler; the report
is pyinstrument's text tree. ``--sql`` lists the queries of one request with their time.
Needs the dev dependency pyinstrument (``pip install -e ".[dev]"``).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sql", action="store_true", help="list the queries of one request")
    args = parser.parse_args()

    from pyinstrument import Profiler

    client = Client()
    response = client.get(args.path)
    if response.status_code != 200:
        raise SystemExit(f"{args.path} answered {response.status_code}")
    if args.sql:
        with CaptureQueriesContext(connection) as queries:
            client.get(args.path)
        for query in queries.captured_queries:
            print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:300]}")
        print()
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    profiler.start()
    for _ in range(args.repeat):
        client.get(args.path)
    profiler.stop()
    elapsed = (time.perf_counter() - started) * 1000 / args.repeat
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(f"{elapsed:.1f} ms per request (profiled), {len(response.content)} bytes")


if __name__ == "__main__":
    main()
