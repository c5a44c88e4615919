"""linkrete.mail: mail is queued after the commit, sent by the worker, tried again with a
backoff when the server fails, its outcome recorded, and the queue keeps no address once done.

These tests use the real queue (the database backend) and run the worker in-process; the rest
of the suite sends mail through the immediate backend (linkrete/test_settings.py).
"""

import datetime
import json

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from linkrete.mail import (
    RETRY_DELAYS,
    Mail,
    MailStatus,
    Outcome,
    deliver_mail,
    send_after_commit,
    send_at_commit,
)
from sportelli.models import Booking
from tests.factories import BookingFactory
from tests.mail_backends import FAILING_BACKENDS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

ADDRESS = "persona@example.org"
MAIL = Mail(kind="test_kind", reference="thing 42", subject="Subject", body="Body", to=ADDRESS)


@pytest.fixture(autouse=True)
def through_the_queue(settings):
    settings.LINKRETE_MAIL_TASK_BACKEND = "default"


@pytest.fixture
def worker_runs(monkeypatch):
    """``manage.py db_worker`` runs what is due in the queue, then stops (inside the test's
    transaction: it must not close the connection)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)

    return run


@pytest.fixture
def booking():
    return BookingFactory(email=ADDRESS, confirmation_mail=MailStatus.PENDING)


def queued():
    return DBTaskResult.objects.filter(task_path=deliver_mail.module_path).order_by("enqueued_at")


def send(django_capture_on_commit_callbacks, outcome=None):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_after_commit(MAIL, outcome) == MailStatus.PENDING
        assert not queued().exists()  # not before the commit


def status_of(booking):
    return Booking.objects.values_list("confirmation_mail", flat=True).get(pk=booking.pk)


def test_nothing_is_queued_for_a_write_that_is_rolled_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_after_commit(MAIL)
        raise RuntimeError
    assert callbacks == [] and not queued().exists() and mail.outbox == []


def test_the_mail_is_queued_after_the_commit_and_the_worker_sends_it(
    django_capture_on_commit_callbacks, worker_runs, booking
):
    send(django_capture_on_commit_callbacks, Outcome.on(booking, "confirmation_mail"))

    assert mail.outbox == [] and queued().get().status == "READY"
    assert status_of(booking) == MailStatus.PENDING
    worker_runs()

    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    assert status_of(booking) == MailStatus.SENT
    assert queued().get().status == "SUCCESSFUL"


def test_the_queue_forgets_the_address_and_the_text_once_the_mail_is_sent(
    django_capture_on_commit_callbacks, worker_runs
):
    send(django_capture_on_commit_callbacks)
    assert ADDRESS in json.dumps(queued().get().args_kwargs)  # while it waits, it must hold it

    worker_runs()

    task = queued().get()
    assert task.args_kwargs == {
        "args": [],
        "kwargs": {"kind": "test_kind", "reference": "thing 42"},
    }
    assert task.return_value == MailStatus.SENT


def test_a_failing_server_is_tried_again_with_a_backoff_then_the_mail_is_failed(
    django_capture_on_commit_callbacks, worker_runs, booking, settings, time_machine, caplog
):
    settings.EMAIL_BACKEND = FAILING_BACKENDS["unreachable"]
    send(django_capture_on_commit_callbacks, Outcome.on(booking, "confirmation_mail"))
    now = datetime.datetime.now(datetime.UTC)

    for delay in RETRY_DELAYS:
        worker_runs()
        assert status_of(booking) == MailStatus.PENDING  # not failed while tries remain
        waiting = queued().filter(status="READY").get()
        assert waiting.run_after == now + delay
        worker_runs()  # not yet due: nothing runs
        assert queued().filter(status="READY").get() == waiting
        now += delay
        time_machine.move_to(now, tick=False)
    worker_runs()

    assert status_of(booking) == MailStatus.FAILED
    assert queued().count() == len(RETRY_DELAYS) + 1 and not queued().filter(status="READY")
    assert all(ADDRESS not in json.dumps(task.args_kwargs) for task in queued())
    records = [r for r in caplog.records if r.name == "linkrete.mail"]
    assert len(records) == len(RETRY_DELAYS) + 1 and "the last" in records[-1].getMessage()
    assert all(ADDRESS not in r.getMessage() and "thing 42" in r.getMessage() for r in records)
    assert mail.outbox == []


class RestartingBackend(locmem.EmailBackend):
    """A server down while ``down`` is set (a restart), then back."""

    down = True

    def send_messages(self, messages):
        if RestartingBackend.down:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)


def test_a_server_back_before_the_next_try_gets_the_mail(
    django_capture_on_commit_callbacks, worker_runs, booking, settings, time_machine, monkeypatch
):
    settings.EMAIL_BACKEND = f"{__name__}.RestartingBackend"
    monkeypatch.setattr(RestartingBackend, "down", True)
    send(django_capture_on_commit_callbacks, Outcome.on(booking, "confirmation_mail"))
    worker_runs()
    assert mail.outbox == []
    RestartingBackend.down = False

    time_machine.move_to(datetime.datetime.now(datetime.UTC) + RETRY_DELAYS[0], tick=False)
    worker_runs()

    assert status_of(booking) == MailStatus.SENT
    assert len(mail.outbox) == 1


def test_the_backend_in_effect_when_the_action_happened_is_used_by_every_try(
    django_capture_on_commit_callbacks, worker_runs, booking, time_machine
):
    with override_settings(EMAIL_BACKEND=FAILING_BACKENDS["unreachable"]):
        send(django_capture_on_commit_callbacks, Outcome.on(booking, "confirmation_mail"))
    worker_runs()
    time_machine.move_to(datetime.datetime.now(datetime.UTC) + RETRY_DELAYS[0], tick=False)
    worker_runs()

    assert mail.outbox == [] and status_of(booking) == MailStatus.PENDING


def test_an_address_the_server_refuses_is_not_tried_again(
    django_capture_on_commit_callbacks, worker_runs, booking, settings
):
    settings.EMAIL_BACKEND = FAILING_BACKENDS["refused"]
    send(django_capture_on_commit_callbacks, Outcome.on(booking, "confirmation_mail"))

    worker_runs()

    assert status_of(booking) == MailStatus.FAILED
    assert queued().count() == 1


def test_without_a_worker_the_immediate_backend_sends_at_once_and_fails_at_once(
    django_capture_on_commit_callbacks, booking, settings
):
    settings.LINKRETE_MAIL_TASK_BACKEND = "immediate"
    settings.EMAIL_BACKEND = FAILING_BACKENDS["unreachable"]

    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(MAIL, Outcome.on(booking, "confirmation_mail"))

    assert status_of(booking) == MailStatus.FAILED and not queued().exists()


def test_send_at_commit_sends_in_the_request_and_tells_the_outcome(
    django_capture_on_commit_callbacks, settings, caplog
):
    outcomes = []
    with django_capture_on_commit_callbacks(execute=True):
        assert send_at_commit(MAIL, outcomes.append) == MailStatus.PENDING
        assert mail.outbox == []
    settings.EMAIL_BACKEND = FAILING_BACKENDS["refused"]
    with django_capture_on_commit_callbacks(execute=True):
        send_at_commit(MAIL, outcomes.append)

    assert outcomes == [MailStatus.SENT, MailStatus.FAILED]
    assert len(mail.outbox) == 1 and not queued().exists()
    assert all(ADDRESS not in r.getMessage() for r in caplog.records)


def test_retention_deletes_mail_tasks_a_week_after_queueing_whatever_their_state(
    django_capture_on_commit_callbacks, time_machine
):
    from directory.retention import MESSAGE_TASK_DAYS, delete_old_message_tasks

    send(django_capture_on_commit_callbacks)
    DBTaskResult.objects.update(status="RUNNING")  # a worker killed mid-send
    now = datetime.datetime.now(datetime.UTC)

    assert delete_old_message_tasks(now + datetime.timedelta(days=MESSAGE_TASK_DAYS)) == 0
    assert delete_old_message_tasks(now + datetime.timedelta(days=MESSAGE_TASK_DAYS, seconds=1))
    assert not queued().exists()
