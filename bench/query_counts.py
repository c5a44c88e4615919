"""Each given page's query count and time, one request after a warm-up, at whatever scale the
database has (read-only: GETs only).

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/query_counts.py / /cerca/ /volontariato/ /sportelli/

Same set-up as ``profile_page.py`` (``bench.settings``, Django's test client, the real database).
The test that pins these counts at two small sizes is tests/linkrete/test_public_query_counts.py;
this shows the same pages at national scale.
"""

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
    client = Client()
    for path in sys.argv[1:]:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
        print(
            f"{len(queries.captured_queries):3d} queries {elapsed:8.1f} ms "
            f"{response.status_code} {len(response.content):8d} bytes  {path}",
            flush=True,
        )


if __name__ == "__main__":
    main()
