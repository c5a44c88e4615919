"""linkrete.sms: text messages through the configured backend, queued after the commit and
tried again when the provider fails, as mail is."""

import datetime
import json

import pytest
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from linkrete import sms
from linkrete.mail import RETRY_DELAYS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

MESSAGE = sms.TextMessage(kind="test_sms", reference="thing 7", to="3339998888", body="Ciao")


class FailingBackend:
    def send_messages(self, messages):
        raise ConnectionError("provider down")


@pytest.fixture(autouse=True)
def through_the_queue(settings, monkeypatch):
    settings.LINKRETE_MAIL_TASK_BACKEND = "default"
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def worker_runs():
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)


def queued():
    return DBTaskResult.objects.filter(task_path=sms.deliver_sms.module_path)


def test_a_text_message_is_queued_after_the_commit_and_sent_by_the_worker(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        sms.send_after_commit(MESSAGE)
        assert not queued().exists()
    worker_runs()

    assert sms.outbox == [MESSAGE]
    assert "3339998888" not in json.dumps(queued().get().args_kwargs)


def test_a_failing_provider_is_tried_again_later(
    django_capture_on_commit_callbacks, settings, time_machine, caplog
):
    settings.SMS_BACKEND = f"{__name__}.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        sms.send_after_commit(MESSAGE)
    worker_runs()
    settings.SMS_BACKEND = "linkrete.sms.LocmemBackend"
    assert sms.outbox == [] and queued().filter(status="READY").count() == 1

    time_machine.move_to(datetime.datetime.now(datetime.UTC) + RETRY_DELAYS[0], tick=False)
    worker_runs()

    assert sms.outbox == [MESSAGE]
    assert all("3339998888" not in r.getMessage() for r in caplog.records)


def test_the_console_backend_prints_for_development(capsys, settings):
    settings.SMS_BACKEND = "linkrete.sms.ConsoleBackend"
    sms.get_backend().send_messages([MESSAGE])
    assert "3339998888" in capsys.readouterr().out
