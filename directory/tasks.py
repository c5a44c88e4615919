"""Background work of the directory (django-tasks; the worker is ``manage.py db_worker``).

``refresh_search_later`` is what an admin save calls when a change reaches the search
documents of many activities: under ``IMMEDIATE_LIMIT`` it refreshes them at once, in the
request; above it records a ``SearchRefresh`` and, once the save is committed, enqueues
``refresh_search``, which recomputes the documents ``BATCH_SIZE`` activities at a time.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from directory import search
from directory.models import Activity, SearchRefresh

# About 1.2 ms per activity at national scale (bench/, issue 18): 200 activities cost the
# request a quarter of a second, and the coordinator sees the change on the next page.
# Above it the refresh goes to the worker, so no save comes near gunicorn's 30 s timeout.
IMMEDIATE_LIMIT = 200
# One transaction per batch: about 1.2 s of work, short enough to keep row locks and the
# work lost to a failure small, long enough that the bookkeeping is noise.
BATCH_SIZE = 1000


def refresh_search_later(scope: str, object_ids, *, label: str) -> int:
    """Refresh the documents of the activities ``scope`` and ``object_ids`` describe.

    Returns how many activities go to the background (0 when they were refreshed at once).
    Call it inside the transaction that saves the change: the task is enqueued only once that
    transaction commits, so it never runs before the change it reflects, nor for a change that
    was rolled back.
    """
    object_ids = sorted(set(object_ids))
    if not object_ids:
        return 0
    activities = Activity.objects.filter(SearchRefresh.scope_filter(scope, object_ids))
    total = activities.count()
    if total < IMMEDIATE_LIMIT:
        if total:
            search.refresh_search_documents(activities)
        return 0
    refresh = SearchRefresh.objects.create(
        scope=scope, object_ids=object_ids, label=label[:200], total=total
    )
    enqueue_refresh(refresh)
    return total


def enqueue_refresh(refresh: SearchRefresh) -> None:
    """Hand ``refresh`` to the worker once the current transaction commits."""
    transaction.on_commit(lambda: refresh_search.enqueue(refresh.pk))


@task()
def refresh_search(refresh_id: int) -> int:
    """Recompute the documents of a ``SearchRefresh``'s activities, a batch at a time.

    Each batch commits with the refresh's progress, so a failure loses at most one batch and
    running the task again (the admin's "Run again", or a second enqueue) carries on from there;
    on a finished refresh it does nothing. Returns how many activities this run refreshed.
    """
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
            if len(ids) < BATCH_SIZE:
                refresh.finished_at = timezone.now()
            refresh.save(update_fields=["done", "last_activity_id", "finished_at"])
            if refresh.finished_at is not None:
                return done_now


# An upload up to this size is imported within the request: about 800 RUNTS rows in CSV, or
# 1,400 in XLSX. 10,000 XLSX rows cost 10.5 s of CPU to check and create, 6.6 s to find them
# unchanged (2026-12-02, this 2-core machine: `time manage.py import_runts` on the workbook
# tests/directory/test_runts_import_national.py makes), so about 1.5 s here. Larger files go
# to the worker, and the batch's page shows how far it got.
IMPORT_IMMEDIATE_BYTES = 50_000


def run_import_later(batch) -> bool:
    """Run an import batch now if its file is small, else once the transaction commits in the
    worker; returns whether it went to the worker."""
    from directory.onboarding.services import import_runts

    if len(batch.source or b"") <= IMPORT_IMMEDIATE_BYTES:
        import_runts(batch=batch)
        return False
    transaction.on_commit(lambda: run_import.enqueue(batch.pk))
    return True


@task()
def run_import(batch_id: int) -> str:
    """Run a pending import batch (``directory.onboarding.services.import_runts``)."""
    from directory.models import ImportBatch
    from directory.onboarding.services import import_runts

    batch = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.PENDING).first()
    if batch is None:
        return "nothing to do"
    return import_runts(batch=batch).status
