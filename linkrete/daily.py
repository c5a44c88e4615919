"""The daily jobs, scheduled by the application itself: no cron needed.

``manage.py run_worker`` runs the background worker (django-tasks-db's ``db_worker``) and, in a
thread beside it, calls ``enqueue_due_jobs`` every minute: each job of
``settings.LINKRETE_DAILY_JOB_HOURS`` (a management command: ``apply_retention``,
``clearsessions``, ``send_reminders``, ...) is enqueued once a day, at or after its local hour,
as the task ``run_daily_job``; the worker then runs it like any other task. A worker that was
down at that hour enqueues the job when it comes back, the same day. The jobs of
``settings.LINKRETE_HOURLY_JOBS`` (``resume_search_refreshes``) are enqueued once an hour.
They are enqueued below the default priority (``PRIORITY``): a mail or a text message queued
meanwhile is sent before the next job starts (at national scale ``refresh_indicator_rollups``
and ``publish_hsds`` take minutes each; a booking's confirmation must not wait for them all).

Several workers may run at once (production runs two): the check and the enqueue happen under
one PostgreSQL transaction-level advisory lock, and a job is enqueued only if the queue holds no
run of it enqueued since today's hour; so two schedulers racing enqueue each job once. The
queue's own rows are the record (``apply_retention`` deletes them after 30 days).
"""

import datetime
import io
import logging
import threading
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock's key for the scheduler ("linkrete-daily" in a bigint, any constant).
LOCK_KEY = 7_125_031_117
# How often the scheduler thread looks (seconds): a job starts at most this late.
CHECK_EVERY = 60
# The queue takes higher priorities first (django-tasks: -100 to 100, 0 by default): the
# daily jobs yield to everything a person waits for.
PRIORITY = -10


@task()
def run_daily_job(name: str) -> str:
    """Run the management command ``name``; returns the last line it printed (its summary)."""
    out = io.StringIO()
    call_command(name, stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return lines[-1] if lines else "done"


def due_since(hour: int, now: datetime.datetime) -> datetime.datetime | None:
    """Today's instant ``hour`` o'clock (local time) if it has passed, else ``None``."""
    zone = ZoneInfo(settings.TIME_ZONE)
    local = now.astimezone(zone)
    since = datetime.datetime.combine(local.date(), datetime.time(hour), tzinfo=zone)
    return since if local >= since else None


def enqueue_due_jobs(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue the daily jobs whose hour has passed today and that were not enqueued since,
    and the hourly ones not enqueued this hour; returns their names. Safe to call from any
    number of workers at once."""
    now = now or timezone.now()
    due = {
        name: since
        for name, hour in settings.LINKRETE_DAILY_JOB_HOURS.items()
        if 0 <= hour <= 23 and (since := due_since(hour, now)) is not None
    }
    this_hour = now.replace(minute=0, second=0, microsecond=0)  # whole hours in every zone
    due |= dict.fromkeys(settings.LINKRETE_HOURLY_JOBS, this_hour)
    if not due:
        return []
    enqueued = []
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        for name, since in due.items():
            already = DBTaskResult.objects.filter(
                task_path=run_daily_job.module_path,
                args_kwargs__args__0=name,
                enqueued_at__gte=since,
            ).exists()
            if not already:
                run_daily_job.using(priority=PRIORITY).enqueue(name)
                enqueued.append(name)
    for name in enqueued:
        logger.info("Daily job %s enqueued", name)
    return enqueued


def enqueue_due_jobs_or_wait(every: float = CHECK_EVERY) -> list[str]:
    """``enqueue_due_jobs``, for the scheduler's turns: a database out of reach (restarting,
    stopped) is a warning naming the error's type only (its message names the host), and the
    next turn tries again; any other error is logged with its traceback."""
    try:
        return enqueue_due_jobs()
    except (OperationalError, InterfaceError) as error:
        logger.warning(
            "Daily jobs not scheduled this time (%s): trying again in %s s",
            type(error).__name__,
            every,
        )
    except Exception:
        logger.exception("Daily jobs not scheduled this time")
    return []


def start_scheduler(
    every: float = CHECK_EVERY, stop: threading.Event | None = None
) -> threading.Thread:
    """Call ``enqueue_due_jobs`` every ``every`` seconds in a daemon thread (its own database
    connection), until ``stop`` is set or the process ends."""
    stop = stop or threading.Event()

    def loop():
        while not stop.is_set():
            try:
                enqueue_due_jobs_or_wait(every)
            finally:
                connection.close()
            stop.wait(every)

    thread = threading.Thread(target=loop, name="daily-jobs", daemon=True)
    thread.start()
    return thread
