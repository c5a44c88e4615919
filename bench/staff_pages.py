"""Time the coordinator's signed-in pages (the landing, the admin's big lists, searches and
change forms) on the national-scale database, signed in as a coordinator (issue 19).

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete_staff \
        .venv/bin/python bench/staff_pages.py [--repeat 10] [--only admin] [--once landing]

``LINKRETE_ROOT=/path/to/other/checkout`` times that checkout's code with this script (before
and after, same sitting). Same set-up as ``profile_page.py``: ``bench.settings`` (DEBUG off),
Django's test client, the real database; a coordinator "bench-coordinatore" is created if
missing. Prints per page the median and p95 in ms, the SQL queries and the HTML size.
``--once NAME`` requests the pages whose name contains NAME only once (a page that takes a minute).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("LINKRETE_ROOT", Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.models import Activity, Organization  # noqa: E402


def pages():
    activity = Activity.objects.order_by("pk").only("pk").first()
    organization = Organization.objects.order_by("pk").only("pk").first()
    admin = "/admin/"
    return {
        "landing": "/area-enti/",
        "landing page 500": "/area-enti/?pagina=500",
        "admin activities": f"{admin}directory/activity/",
        "admin activities q=doposcuola": f"{admin}directory/activity/?q=doposcuola",
        "admin activities no match": f"{admin}directory/activity/?q=zqxwvy",
        "admin organizations": f"{admin}directory/organization/",
        "admin organizations q=oratorio": f"{admin}directory/organization/?q=oratorio",
        "admin locations": f"{admin}directory/location/",
        "admin locations q=via roma": f"{admin}directory/location/?q=via+roma",
        "admin opening slots": f"{admin}directory/openingslot/",
        "admin opening slots q=doposcuola": f"{admin}directory/openingslot/?q=doposcuola",
        "admin revisions": f"{admin}directory/revision/",
        "admin memberships": f"{admin}directory/membership/",
        "admin bookings": f"{admin}sportelli/booking/",
        "admin accesses": f"{admin}sportelli/access/",
        "admin referrals": f"{admin}sportelli/referral/",
        "admin activity change": f"{admin}directory/activity/{activity.pk}/change/",
        "admin organization change": f"{admin}directory/organization/{organization.pk}/change/",
        "autocomplete activity": f"{admin}autocomplete/?app_label=directory"
        "&model_name=openingslot&field_name=activity&term=dopo",
        "autocomplete organization": f"{admin}autocomplete/?app_label=directory"
        "&model_name=activity&field_name=organization&term=orat",
    }


def coordinator():
    call_command("sync_roles", verbosity=0)
    user, _ = get_user_model().objects.get_or_create(
        username="bench-coordinatore", defaults={"is_staff": True}
    )
    # Every network's coordinator: the global view the figures measure.
    user.groups.add(Group.objects.get(name="supercoordinatori"))
    return user


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--only", default="", help="pages whose name contains this")
    parser.add_argument("--once", default="", help="pages whose name contains this: one request")
    args = parser.parse_args()

    client = Client()
    client.force_login(coordinator())
    print(f"code: {ROOT}")
    print(f"{'page':36} {'median':>9} {'p95':>9} {'queries':>7} {'KB':>9}")
    for name, path in pages().items():
        if args.only not in name:
            continue
        repeat = 1 if args.once and args.once in name else args.repeat
        timings = []
        for _ in range(repeat + 1):  # the first warms up, unless there is only one
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                print(f"{name:36} answered {response.status_code}")
                break
            if repeat == 1:
                break
        else:
            timings = timings[1:]
        if response.status_code != 200:
            continue
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        print(
            f"{name:36} {statistics.median(timings):7.1f}ms {p95:7.1f}ms "
            f"{len(queries.captured_queries):7d} {len(response.content) / 1024:9.1f}"
        )


if __name__ == "__main__":
    main()
