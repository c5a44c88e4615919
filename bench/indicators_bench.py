"""A network's indicators dashboard timed on a regional database (issue 14's target: p95 ≤
300 ms): the figures of every indicator and the page's template, for a scope made of every
organization, desk and zone of the database (its worst case: one network holding all of it).

    DATABASE_URL=postgres://postgres@127.0.0.1:54330/casesbench \
        .venv/bin/python bench/indicators_bench.py [--repeat 20] [--year 2026] \
        [--days 2025-12-15:2026-11-20]

Read-only: the bench database (bench/populate_cases.py: 50,000 households, 2,000,000 rows) has
no network, so the dashboard counts for a network that is not saved (no target) and the scope
is built here. Prints each indicator's median and the whole page's p50 and p95. The desk
accesses are read from their monthly rollup: run ``manage.py refresh_indicator_rollups`` after
``populate_cases.py --add-accesses`` (bulk rows bypass the recount on save).
"""

import argparse
import datetime
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

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from directory.indicators import INDICATORS, dashboard  # noqa: E402
from directory.indicators.charts import bar_chart  # noqa: E402
from directory.indicators.period import Period, PeriodForm  # noqa: E402
from directory.models import Network, Organization, Zone  # noqa: E402
from linkrete.accounts.scope import Scope  # noqa: E402
from sportelli.models import Desk  # noqa: E402


def whole_database() -> Scope:
    return Scope(
        organizations=frozenset(Organization.objects.values_list("pk", flat=True)),
        desks=frozenset(Desk.objects.values_list("pk", flat=True)),
        zones=frozenset(Zone.objects.values_list("pk", flat=True)),
    )


def page(network, period, scope, request):
    found = dashboard(network, period, scope=scope)
    sections = [
        (
            name,
            [{"indicator": i, "chart": bar_chart(i), "csv": "#", "xlsx": "#"} for i in indicators],
        )
        for name, indicators in found.sections.items()
    ]
    return render_to_string(
        "staff/network_indicators.html",
        {
            "network": network,
            "form": PeriodForm(initial=period.as_query()),
            "period": period,
            "headlines": found.headlines,
            "freshness": found.freshness,
            "sections": sections,
        },
        request=request,
    )


def percentile(times, share):
    times = sorted(times)
    return times[min(len(times) - 1, round(share * (len(times) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--year", type=int, default=datetime.date.today().year)
    parser.add_argument(
        "--days",
        metavar="FROM:TO",
        help="another period, e.g. 2025-12-15:2026-11-20 (partial months counted live)",
    )
    args = parser.parse_args()
    translation.activate("it")
    period = Period(datetime.date(args.year, 1, 1), datetime.date(args.year, 12, 31))
    if args.days:
        starts_on, ends_on = (datetime.date.fromisoformat(d) for d in args.days.split(":"))
        period = Period(starts_on, ends_on)
    scope = whole_database()
    network = Network(pk=0, name="Rete di prova", slug="rete-di-prova")
    request = RequestFactory().get("/area-enti/reti/rete-di-prova/indicatori/")
    request.user = AnonymousUser()
    print(
        f"scope: {len(scope.organizations)} organizations, {len(scope.desks)} desks, "
        f"{len(scope.zones)} zones; period {period.starts_on} – {period.ends_on}"
    )
    for key, function in INDICATORS.items():
        times = []
        for _ in range(max(3, args.repeat // 4)):
            started = time.perf_counter()
            function(scope, period)
            times.append((time.perf_counter() - started) * 1000)
        print(f"  {key:32} median {statistics.median(times):7.1f} ms")
    page(network, period, scope, request)  # warm-up
    times = []
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            page(network, period, scope, request)
            times.append((time.perf_counter() - started) * 1000)
    print(
        f"page: {len(queries)} queries, p50 {percentile(times, 0.5):.0f} ms, "
        f"p95 {percentile(times, 0.95):.0f} ms, max {max(times):.0f} ms (target ≤ 300 ms)"
    )


if __name__ == "__main__":
    main()
