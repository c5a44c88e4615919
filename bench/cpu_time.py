"""Python CPU time of a few results pages (``time.process_time`` around ``client.get``).

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/cpu_time.py [--repeat 10]

Same set-up as ``search_bench.py`` (``bench.settings``, the test client, the real database).
CPU time, unlike wall time, leaves out the waits for the database and, mostly, for the other
processes of a shared machine; the median and the minimum of ``--repeat`` requests per URL.
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = [
    "/cerca/",
    "/cerca/?q=bambini",
    "/cerca/?categoria=centri-estivi",
    "/cerca/?eta=8&giorno=sab",
    "/cerca/?vicino=45.4178,9.1119&raggio=10",
    "/cerca/?q=corso&pagina=3",
    "/cerca/?comune=015146",
    "/cerca/?gratis=1&lingua=en",
    "/cerca/?q=robotica",
    "/cerca/?zona=ambito-ag-1&aperto_ora=1",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    client = Client()
    medians = []
    for url in URLS:
        client.get(url)  # warm up
        times = []
        for _ in range(args.repeat):
            started = time.process_time()
            client.get(url)
            times.append((time.process_time() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        medians.append(statistics.median(times))
        print(
            f"{medians[-1]:6.1f} ms median {min(times):6.1f} ms min "
            f"{len(queries):3d} queries  {url}"
        )
    print(f"{statistics.median(medians):6.1f} ms: median of the medians")


if __name__ == "__main__":
    main()
