import datetime

from django.core.management.base import BaseCommand

from directory.tasks import STALL_AFTER, resume_stalled_refreshes


class Command(BaseCommand):
    help = (
        "Hand to the background worker again the search refreshes that stopped (their worker "
        "was killed or the task failed): each carries on where it stopped. Safe to run at any "
        "time: a refresh already waiting in the queue is not enqueued twice. `make run` runs it "
        "with --now before starting the worker; `manage.py run_worker` enqueues it every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help=(
                "Resume every unfinished refresh, however recent its last progress: for when "
                "no worker is running, just before starting one."
            ),
        )

    def handle(self, *args, now=False, **options):
        stalled_after = datetime.timedelta(0) if now else STALL_AFTER
        count = resume_stalled_refreshes(stalled_after=stalled_after)
        self.stdout.write(f"Search refreshes: {count} handed to the worker again.")
