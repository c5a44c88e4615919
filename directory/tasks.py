"""Background work of the directory (django-tasks; the worker is ``manage.py db_worker``).

``refresh_search_later`` is what an admin save calls when a change reaches the search
documents of many activities: under ``IMMEDIATE_LIMIT`` it refreshes them at once, in the
request; above it records a ``SearchRefresh`` and, once the save is committed, enqueues
``refresh_search``, which counts them and recomputes their documents ``BATCH_SIZE`` at a time.
The request never counts them: it reads at most ``IMMEDIATE_LIMIT`` ids, whatever the size.

A refresh whose worker died (killed, out of memory, the machine restarted) stops getting
heartbeats; ``resume_stalled_refreshes`` (``manage.py resume_search_refreshes``, run before the
worker starts and every hour) hands it to the worker again, and it carries on where it stopped.
"""

import datetime
import logging

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from directory import duplicates, home, search
from directory.models import Activity, SearchRefresh
from linkrete import page_cache

# About 1.2 ms per activity at national scale (bench/, issue 18): 200 activities cost the
# request a quarter of a second, and the coordinator sees the change on the next page.
# Above it the refresh goes to the worker, so no save comes near gunicorn's 30 s timeout.
IMMEDIATE_LIMIT = 200
# One transaction per batch: about 1.2 s of work, short enough to keep row locks and the
# work lost to a failure small, long enough that the bookkeeping is noise.
BATCH_SIZE = 1000
# A refresh of this many activities or more ends with VACUUM (ANALYZE) of the activity table:
# its dead rows and pages no longer all-visible slowed the search until a vacuum
# (bench/README.md, "Reads after big writes"; re-measure with bench/bulk_refresh.py and
# bench/table_health.py). Smaller ones are left to autovacuum (thresholds: migration 0017).
VACUUM_AFTER = 20_000
# A batch takes about a second: a refresh with no progress for this long has lost its worker
# (or waits behind a queue that long, and then a second run is harmless: see refresh_search).
STALL_AFTER = datetime.timedelta(minutes=10)

logger = logging.getLogger(__name__)


def refresh_search_later(scope: str, object_ids, *, label: str) -> SearchRefresh | None:
    """Refresh the documents of the activities ``scope`` and ``object_ids`` describe.

    Fewer than ``IMMEDIATE_LIMIT`` are refreshed at once; otherwise returns the
    ``SearchRefresh`` handed to the worker, which counts them. Call it inside the transaction
    that saves the change: the task is enqueued only once that transaction commits, so it never
    runs before the change it reflects, nor for a change that was rolled back.
    """
    object_ids = sorted(set(object_ids))
    if not object_ids:
        return None
    # At most IMMEDIATE_LIMIT ids, never a count: a root category has 232,000 activities.
    first_ids = list(
        Activity.objects.filter(SearchRefresh.scope_filter(scope, object_ids))
        .order_by()
        .values_list("pk", flat=True)[:IMMEDIATE_LIMIT]
    )
    if len(first_ids) < IMMEDIATE_LIMIT:
        if first_ids:
            search.refresh_search_documents(Activity.objects.filter(pk__in=first_ids))
        return None
    refresh = SearchRefresh.objects.create(scope=scope, object_ids=object_ids, label=label[:200])
    enqueue_refresh(refresh)
    return refresh


def enqueue_refresh(refresh: SearchRefresh) -> None:
    """Hand ``refresh`` to the worker once the current transaction commits."""
    transaction.on_commit(lambda: refresh_search.enqueue(refresh.pk))


@task()
def refresh_search(refresh_id: int) -> int:
    """Recompute the documents of a ``SearchRefresh``'s activities, a batch at a time.

    Each batch commits with the refresh's progress, so a failure loses at most one batch and
    running the task again (the admin's "Run again", or a second enqueue) carries on from there;
    on a finished refresh it does nothing. Two runs of one refresh (a resumed one whose worker
    was only slow) take turns batch by batch under the row lock, and neither redoes the other's
    batches. Returns how many activities this run refreshed.
    """
    _count(refresh_id)
    done_now = 0
    while True:
        with transaction.atomic():
            refresh = SearchRefresh.objects.select_for_update().filter(pk=refresh_id).first()
            if refresh is None or refresh.finished_at is not None:
                return done_now
            ids = list(
                refresh.activities()
                .filter(pk__gt=refresh.last_activity_id)
                .order_by("pk")
                .values_list("pk", flat=True)[:BATCH_SIZE]
            )
            if ids:
                search.refresh_search_documents(Activity.objects.filter(Q(pk__in=ids)))
                refresh.done += len(ids)
                refresh.last_activity_id = ids[-1]
                done_now += len(ids)
            refresh.heartbeat_at = timezone.now()
            if len(ids) < BATCH_SIZE:
                refresh.finished_at = refresh.heartbeat_at
            refresh.save(update_fields=["done", "last_activity_id", "finished_at", "heartbeat_at"])
            if refresh.finished_at is not None:
                break
    # The documents were written with update(), which sends no signal: the cached public pages
    # (search results, category and zone pages) are renewed here, once the refresh is whole.
    page_cache.bump("directory")
    if refresh.done >= VACUUM_AFTER:
        vacuum_activities()
    return done_now


def vacuum_activities() -> bool:
    """VACUUM (ANALYZE) the activity table, if not inside a transaction (VACUUM cannot run in
    one): the worker runs tasks outside any. Returns whether it ran."""
    if connection.in_atomic_block:
        logger.warning("VACUUM of the activities skipped: inside a transaction")
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {Activity._meta.db_table}")
    return True


def _count(refresh_id: int) -> None:
    """Count the refresh's activities once (seconds for a root category), outside the lock."""
    refresh = SearchRefresh.objects.filter(pk=refresh_id, total__isnull=True).first()
    if refresh is not None:
        total = refresh.activities().count()
        SearchRefresh.objects.filter(pk=refresh_id, total__isnull=True).update(
            total=total, heartbeat_at=timezone.now()
        )


def resume_stalled_refreshes(*, stalled_after: datetime.timedelta = STALL_AFTER) -> int:
    """Hand to the worker again the unfinished refreshes with no progress for ``stalled_after``
    and no task waiting in the queue; returns how many. A worker killed mid-refresh leaves its
    task "running" for ever: this is what picks the refresh up again."""
    before = timezone.now() - stalled_after
    waiting = set(
        DBTaskResult.objects.ready()
        .filter(task_path=refresh_search.module_path)
        .values_list("args_kwargs__args__0", flat=True)
    )
    resumed = [r for r in SearchRefresh.objects.stalled(before=before) if r.pk not in waiting]
    for refresh in resumed:
        refresh_search.enqueue(refresh.pk)
    return len(resumed)


@task()
def recompute_home_figures() -> int:
    """Store the home page's figures anew (``directory.home``); returns the activities counted."""
    return home.store_figures()["activity_count"]


@task()
def find_duplicates() -> dict[str, int]:
    """Search the whole directory for possible duplicates (``directory/duplicates.py``)."""
    return duplicates.find_duplicates().by_reason


# An upload up to this size is imported within the request: about 800 RUNTS rows in CSV, or
# 1,400 in XLSX. 10,000 XLSX rows cost 10.5 s of CPU to check and create, 6.6 s to find them
# unchanged (2026-12-02, this 2-core machine: `time manage.py import_runts` on the workbook
# tests/directory/test_runts_import_national.py makes), so about 1.5 s here. Larger files go
# to the worker, and the batch's page shows how far it got.
IMPORT_IMMEDIATE_BYTES = 50_000
# An activity costs far more than a body (its categories, places and weekly hours: about 25
# queries a row): 1,000 activities, a 48 KB CSV, took 141 s on this machine under load
# (bench/import_activities.py). Above 10 KB, about 200 rows, the worker imports them.
IMMEDIATE_BYTES_BY_KIND = {"activities": 10_000}


def import_immediate_bytes(kind: str) -> int:
    """The largest file of this kind of import (``ImportBatch.kind``) run within the request."""
    return IMMEDIATE_BYTES_BY_KIND.get(kind, IMPORT_IMMEDIATE_BYTES)


def run_import_later(batch) -> bool:
    """Run an import batch now if its file is small, else once the transaction commits in the
    worker; returns whether it went to the worker."""
    from directory.onboarding.services import import_batch

    if len(batch.source or b"") <= import_immediate_bytes(batch.kind):
        import_batch(batch=batch)
        return False
    transaction.on_commit(lambda: run_import.enqueue(batch.pk))
    return True


@task()
def run_import(batch_id: int) -> str:
    """Run a pending import batch (``directory.onboarding.services.import_batch``): the RUNTS
    list, or a spreadsheet of organizations, places or activities too large for the request."""
    from directory.models import ImportBatch
    from directory.onboarding.services import import_batch

    batch = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.PENDING).first()
    if batch is None:
        return "nothing to do"
    return import_batch(batch=batch).status
