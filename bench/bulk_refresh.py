"""A scripted bulk refresh at national scale, through the code the admin runs.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete_reads \\
        .venv/bin/python bench/bulk_refresh.py [--category ID] [--activities N] [--no-vacuum]

Renames the largest root category (or ``--category``) the way the admin's save does: in one
transaction the category is saved and ``refresh_search_later`` records a ``SearchRefresh``,
enqueued on commit; then runs the worker (``manage.py db_worker --batch``) until the queue is
empty, which refreshes every activity of the category, 1,000 per transaction. Prints the time
of the "request" part and of the worker's, and the rows refreshed. Each run toggles the name's
" (rinominata)" suffix, so it can be run again. ``--activities N`` instead refreshes the
documents of N activities chosen at random (a day of edits, one by one, as approved revisions
do). Writes to the database: run it on a copy (``linkrete_reads``), never on production. Then
``bench/table_health.py`` shows what it left behind and ``bench/search_bench.py`` what the
search pays for it.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.db.models.functions import Coalesce  # noqa: E402

from directory import search, tasks  # noqa: E402
from directory.models import Activity, Category, SearchRefresh  # noqa: E402

SUFFIX = " (rinominata)"


def largest_root() -> Category:
    """The root with most activities, its children's included (each link counted)."""
    per_root = (
        Activity.categories.through.objects.values(root=Coalesce("category__parent", "category"))
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    return Category.objects.get(pk=per_root[0]["root"])


def rename(category: Category) -> None:
    started = time.perf_counter()
    with transaction.atomic():
        if category.name.endswith(SUFFIX):
            category.name = category.name.removesuffix(SUFFIX)
        else:
            category.name = category.name + SUFFIX
        category.save()
        refresh = tasks.refresh_search_later(
            SearchRefresh.Scope.CATEGORY, [category.pk], label=f"bench: {category.name}"
        )
    saved = time.perf_counter() - started
    print(f"saved “{category.name}” in {saved * 1000:.0f} ms (the request's part)")
    if refresh is None:
        print("refreshed in the request (under IMMEDIATE_LIMIT)")
        return
    started = time.perf_counter()
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)
    worked = time.perf_counter() - started
    refresh.refresh_from_db()
    print(
        f"worker: {refresh.done:,} of {refresh.total:,} activities in {worked:.0f} s "
        f"({worked / max(refresh.done, 1) * 1000:.2f} ms each), finished: "
        f"{refresh.finished_at is not None}"
    )


def edit_activities(count: int, seed: int) -> None:
    ids = list(Activity.objects.values_list("pk", flat=True))
    chosen = random.Random(seed).sample(ids, count)
    started = time.perf_counter()
    for pk in chosen:
        with transaction.atomic():
            search.refresh_search_documents(Activity.objects.filter(Q(pk=pk)))
    print(f"{count:,} activities refreshed one by one in {time.perf_counter() - started:.0f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--category", type=int, help="a root category's id (default: largest)")
    parser.add_argument("--activities", type=int, help="refresh N random activities instead")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument(
        "--no-vacuum", action="store_true", help="skip the task's VACUUM (to measure without it)"
    )
    args = parser.parse_args()
    if args.no_vacuum:
        tasks.VACUUM_AFTER = float("inf")
    if args.activities:
        edit_activities(args.activities, args.seed)
        return
    category = Category.objects.get(pk=args.category) if args.category else largest_root()
    rename(category)


if __name__ == "__main__":
    main()
