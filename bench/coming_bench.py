"""Per-call cost of the search page's coming events (``directory.event_search.coming_sessions``)
over the queries of the search mix (``search_bench.build_mix``): CPU time, wall time, queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/coming_bench.py [--repeat 5]

Each distinct ``q`` of the mix's first results pages is asked once to warm up, then ``--repeat``
times; prints the mean, median and p95 per call of CPU time (``time.process_time``: Python, the
driver) and wall time (with the SQL), the queries per call and how many queries show sessions.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.search_bench import build_mix  # noqa: E402
from directory.event_search import coming_sessions  # noqa: E402


def p95(values):
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    texts = []
    for _category, url in build_mix(args.seed):
        params = parse_qs(urlsplit(url).query)
        if "pagina" in params or "page" in params:
            continue
        q = params.get("q", [""])[0]
        if q and q not in texts:
            texts.append(q)
    today = timezone.localdate()
    shown = sum(1 for q in texts if coming_sessions(q, today)[0])  # warm-up
    with CaptureQueriesContext(connection) as queries:
        for q in texts:
            coming_sessions(q, today)
    cpu, wall = [], []
    for _ in range(args.repeat):
        for q in texts:
            c, w = time.process_time(), time.perf_counter()
            coming_sessions(q, today)
            cpu.append((time.process_time() - c) * 1000)
            wall.append((time.perf_counter() - w) * 1000)
    print(f"{len(texts)} queries × {args.repeat}: {shown} show sessions")
    for name, values in (("cpu ", cpu), ("wall", wall)):
        print(
            f"{name} ms/call: mean {statistics.mean(values):.2f}  "
            f"median {statistics.median(values):.2f}  p95 {p95(values):.2f}"
        )
    print(f"queries/call: {len(queries) / len(texts):.2f}")


if __name__ == "__main__":
    main()
