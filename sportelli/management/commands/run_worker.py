import logging
import os
import time

from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from linkrete import daily

logger = logging.getLogger(__name__)

# Seconds between two tries to reach the database again after it failed (a restart, a
# failover): the worker waits it out instead of exiting with queued mails left unsent.
RECONNECT_SECONDS = 2


class Command(db_worker.Command):
    help = (
        "Run the background worker (db_worker, same options) and enqueue the daily jobs "
        "(settings.LINKRETE_DAILY_JOB_HOURS) once a day at their hour. With --batch: enqueue "
        "the jobs that are due, run everything queued, and stop. Without it, a database that "
        "fails (restarted, unreachable) is waited for, not the end of the worker."
    )

    def handle(self, *args, **options):
        if options["batch"]:
            daily.enqueue_due_jobs()
            return super().handle(*args, **options)
        if not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            # With --reload the parent process only watches files: its child schedules.
            daily.start_scheduler()
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                # The type only: the message names the host.
                logger.warning(
                    "The database failed (%s): the worker tries again in %s s",
                    type(error).__name__,
                    RECONNECT_SECONDS,
                )
                for connection in connections.all(initialized_only=True):
                    connection.close_if_unusable_or_obsolete()
                _wait()


def _wait():
    time.sleep(RECONNECT_SECONDS)
