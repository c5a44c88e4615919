from django.core.management.base import BaseCommand

from directory import duplicates, tasks


class Command(BaseCommand):
    help = (
        "Find organizations that may be the same body (same tax code or RUNTS number, or a "
        "similar name in the same municipality) and list them for coordinators. Dismissed "
        "pairs stay dismissed. Run it daily, or with --background to hand it to the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--background",
            action="store_true",
            help="Enqueue it for the worker (`manage.py run_worker`).",
        )

    def handle(self, *args, background=False, **options):
        if background:
            tasks.find_duplicates.enqueue()
            self.stdout.write("Duplicate search handed to the worker.")
            return
        found = duplicates.find_duplicates()
        by_reason = ", ".join(f"{reason} {n}" for reason, n in found.by_reason.items())
        self.stdout.write(
            f"Possible duplicates: {found.total} open ({by_reason}); {found.gone} no longer found."
        )
