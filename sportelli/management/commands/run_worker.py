import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from linkrete import daily


class Command(db_worker.Command):
    help = (
        "Run the background worker (db_worker, same options) and enqueue the daily jobs "
        "(settings.LINKRETE_DAILY_JOB_HOURS) once a day at their hour. With --batch: enqueue "
        "the jobs that are due, run everything queued, and stop."
    )

    def handle(self, *args, **options):
        if options["batch"]:
            daily.enqueue_due_jobs()
        elif not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            # With --reload the parent process only watches files: its child schedules.
            daily.start_scheduler()
        super().handle(*args, **options)
