"""Profile one page in-process: where the time goes outside SQL (pyinstrument), and its queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/profile_page.py "/cerca/?q=bambini" [--repeat 20] [--sql]
        .venv/bin/python bench/profile_page.py /admin/directory/location/ --user bench-coordinatore

Same set-up as ``search_bench.py`` (``bench.settings``, Django's test client, the real database).
The page is requested once to warm up, then ``--repeat`` times under the profiler; the report
is pyinstrument's text tree. ``--sql`` lists the queries of one request with their time.
``--user`` signs that user in first, with the second factor verified as ``staff_bench.py`` does,
inside a transaction rolled back at the end (the device and session never reach the database).
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

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import update_last_login  # noqa: E402
from django.contrib.auth.signals import user_logged_in  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tests.signing_in import Client  # noqa: E402  (signs in with the second factor verified)


def main():
    # As in staff_bench.py: no last_login update, whose row lock would hold other runs back.
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    with transaction.atomic():
        profile()
        transaction.set_rollback(True)


def profile():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sql", action="store_true", help="list the queries of one request")
    parser.add_argument("--user", help="username to sign in as (second factor verified)")
    args = parser.parse_args()

    from pyinstrument import Profiler

    client = Client()
    if args.user:
        client.force_login(get_user_model().objects.get(username=args.user))
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
