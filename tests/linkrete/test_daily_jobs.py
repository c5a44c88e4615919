"""linkrete.daily: the worker enqueues each daily job once a day at its hour, however many
workers run, and ``manage.py run_worker --batch`` runs them."""

import datetime
import io
import threading
import uuid
from dataclasses import asdict

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from linkrete import daily
from linkrete.mail import Mail, deliver_mail
from tests.clock import PINNED_NOW, ROME
from tests.database_down import database_unreachable
from tests.factories import BookingFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.fixture(autouse=True)
def no_hourly_jobs(settings):
    settings.LINKRETE_HOURLY_JOBS = []


def runs(name=None):
    rows = DBTaskResult.objects.filter(task_path=daily.run_daily_job.module_path)
    return rows.filter(args_kwargs__args__0=name) if name else rows


@pytest.mark.django_db
def test_a_job_is_enqueued_once_a_day_at_or_after_its_hour(settings, time_machine):
    settings.LINKRETE_DAILY_JOB_HOURS = {"clearsessions": 11, "apply_retention": 9, "off": -1}

    assert daily.enqueue_due_jobs() == ["apply_retention"]  # 10:00: 9 o'clock has passed
    assert daily.enqueue_due_jobs() == []
    time_machine.move_to(PINNED_NOW.replace(hour=11), tick=False)
    assert daily.enqueue_due_jobs() == ["clearsessions"]
    time_machine.move_to(PINNED_NOW.replace(hour=23, minute=59), tick=False)
    assert daily.enqueue_due_jobs() == []
    time_machine.move_to(datetime.datetime(2026, 12, 3, 8, 59, tzinfo=ROME), tick=False)
    assert daily.enqueue_due_jobs() == []  # the next day, before the hour
    time_machine.move_to(datetime.datetime(2026, 12, 3, 9, 0, tzinfo=ROME), tick=False)
    assert daily.enqueue_due_jobs() == ["apply_retention"]

    assert runs("apply_retention").count() == 2 and runs("clearsessions").count() == 1


@pytest.mark.django_db
def test_a_mail_queued_after_the_daily_jobs_is_sent_before_them(settings):
    """At national scale the daily jobs hold the worker for minutes each (the journey found a
    booking's confirmation waiting behind four of them): they yield to what a person waits for."""
    settings.LINKRETE_DAILY_JOB_HOURS = {"apply_retention": 2, "publish_hsds": 4}
    settings.LINKRETE_MAIL_TASK_BACKEND = "default"  # the queue, as in production
    daily.enqueue_due_jobs()
    mail_task = deliver_mail.using(backend="default").enqueue(
        asdict(Mail(kind="k", reference="r", subject="s", body="b", to="a@example.org")),
        None,
        settings.EMAIL_BACKEND,
        1,
    )

    queue = DBTaskResult.objects.ready()
    assert [row.task_path for row in queue] == [
        deliver_mail.module_path,
        daily.run_daily_job.module_path,
        daily.run_daily_job.module_path,
    ]
    assert queue.get_locked().pk == uuid.UUID(mail_task.id)


@pytest.mark.django_db
def test_a_job_already_run_today_is_not_enqueued_again(settings, monkeypatch):
    settings.LINKRETE_DAILY_JOB_HOURS = {"clearsessions": 2}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    call_command("run_worker", batch=True, reload=False, startup_delay=False, interval=0)
    call_command("run_worker", batch=True, reload=False, startup_delay=False, interval=0)

    assert list(runs().values_list("status", flat=True)) == ["SUCCESSFUL"]


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_racing_enqueue_each_job_once(settings):
    settings.LINKRETE_DAILY_JOB_HOURS = {"clearsessions": 2, "send_reminders": 3}
    start = threading.Barrier(2)
    results = []

    def scheduler():
        try:
            start.wait()
            results.append(daily.enqueue_due_jobs())
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [[], ["clearsessions", "send_reminders"]]
    assert runs("clearsessions").count() == runs("send_reminders").count() == 1


@pytest.mark.django_db
def test_an_hourly_job_is_enqueued_once_an_hour(settings, time_machine):
    settings.LINKRETE_DAILY_JOB_HOURS = {}
    settings.LINKRETE_HOURLY_JOBS = ["resume_search_refreshes"]

    assert daily.enqueue_due_jobs() == ["resume_search_refreshes"]  # 10:00
    time_machine.move_to(PINNED_NOW.replace(minute=59), tick=False)
    assert daily.enqueue_due_jobs() == []
    time_machine.move_to(PINNED_NOW.replace(hour=11), tick=False)
    assert daily.enqueue_due_jobs() == ["resume_search_refreshes"]


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_thread_enqueues_the_due_jobs_until_stopped(settings):
    settings.LINKRETE_DAILY_JOB_HOURS = {"clearsessions": 2}
    stop = threading.Event()

    thread = daily.start_scheduler(every=0.01, stop=stop)
    for _ in range(500):
        if runs().exists():
            break
        stop.wait(0.01)
    stop.set()
    thread.join(timeout=5)

    assert not thread.is_alive()
    assert runs("clearsessions").count() == 1  # however many turns it took


def test_a_turn_with_the_database_down_is_one_warning_without_the_host(
    settings, django_db_blocker, caplog
):
    """PostgreSQL stopped under load (bench/journey.py): the scheduler's turn logged the whole
    traceback, naming the database's host and port."""
    settings.LINKRETE_DAILY_JOB_HOURS = {"clearsessions": 2}
    with database_unreachable(django_db_blocker) as connection:
        port = connection.settings_dict["PORT"]
        assert daily.enqueue_due_jobs_or_wait(every=60) == []

    (record,) = [r for r in caplog.records if r.name == "linkrete.daily"]
    assert (record.levelname, record.getMessage()) == (
        "WARNING",
        "Daily jobs not scheduled this time (OperationalError): trying again in 60 s",
    )
    assert record.exc_info is None and port not in caplog.text


@pytest.mark.django_db
def test_run_worker_runs_the_due_jobs(settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.LINKRETE_DAILY_JOB_HOURS = {"clearsessions": 2, "send_reminders": 10}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    Session.objects.create(
        session_key="x" * 32, session_data="", expire_date=timezone.now() - datetime.timedelta(1)
    )
    booking = BookingFactory(
        starts_at=datetime.datetime(2026, 12, 3, 9, 0, tzinfo=ROME), email="domani@example.org"
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "run_worker",
            batch=True,
            reload=False,
            startup_delay=False,
            interval=0,
            stdout=io.StringIO(),
        )

    assert not Session.objects.exists()
    assert [m.to for m in mail.outbox] == [["domani@example.org"]]
    assert runs("send_reminders").get().return_value == (
        "Reminders queued: 1 bookings, 0 event sign-ups."
    )
    booking.refresh_from_db()
    assert booking.reminder_sent_at == timezone.now()
