"""``manage.py run_worker`` outlives a database that goes away (a restart, a failover): it
waits and starts again, and the mails queued before are still sent (issue 17, found by
bench/journey.py --restart-postgres: the worker used to exit)."""

import contextlib

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from linkrete import daily
from linkrete.mail import Mail, send_after_commit
from sportelli.management.commands import run_worker
from tests.database_down import database_unreachable


@pytest.mark.django_db(transaction=True)
def test_the_worker_waits_for_the_database_then_sends_the_queued_mail(
    django_db_blocker, monkeypatch, settings
):
    settings.LINKRETE_MAIL_TASK_BACKEND = "default"  # the queue, not the immediate backend
    monkeypatch.setattr(daily, "start_scheduler", lambda: None)
    send_after_commit(Mail("test", "1", "Subject", "Body", "someone@example.invalid"))
    assert DBTaskResult.objects.get().status == "READY" and not mail.outbox
    waits = []
    with contextlib.ExitStack() as outage:
        outage.enter_context(database_unreachable(django_db_blocker))

        def database_back():
            waits.append(1)
            outage.close()

        monkeypatch.setattr(run_worker, "_wait", database_back)
        call_command("run_worker", reload=False, startup_delay=False, interval=0, max_tasks=1)

    assert waits == [1]
    assert [m.subject for m in mail.outbox] == ["Subject"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_batch_run_still_fails_when_the_database_does(django_db_blocker, monkeypatch):
    monkeypatch.setattr(run_worker, "_wait", lambda: pytest.fail("a batch does not wait"))
    with database_unreachable(django_db_blocker), pytest.raises(Exception, match="connection"):
        call_command("run_worker", batch=True, reload=False, startup_delay=False, interval=0)
