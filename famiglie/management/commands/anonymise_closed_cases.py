"""Anonymises the households whose cases are all closed, the last longer ago than the period
(``CASE_RETENTION_YEARS``, or ``--years``): who they were is taken away (famiglie/retention.py)
and the history and audit rows of their records are deleted (linkrete/history/retention.py).
``apply_retention`` does the same daily among the other rules; this runs the family part alone.
Idempotent: a second run finds nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from famiglie.retention import erase_closed_households
from linkrete.history.retention import delete_history_of_anonymised_families


class Command(BaseCommand):
    help = (
        "Anonymises households whose cases were all closed longer ago than "
        "CASE_RETENTION_YEARS (or --years), with the history and audit rows of their records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, help="The period, instead of the setting's.")

    def handle(self, *args, years=None, **options):
        if years is not None and years < 1:
            raise CommandError("--years must be 1 or more.")
        now = timezone.now()
        households = erase_closed_households(now, years)
        entries = delete_history_of_anonymised_families(now)
        # Counts only: never who.
        self.stdout.write(
            f"{households} households anonymised, {entries} history and audit rows deleted."
        )
