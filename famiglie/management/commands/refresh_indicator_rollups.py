"""Rebuilds the rollups the network indicators read (nightly, from cron or the task worker's
schedule): the interventions' past months and the desk accesses' every month and every day
(kept exact as accesses are saved; rebuilt for what bypassed the models). Idempotent: a second run
writes the same rows."""

from django.core.management.base import BaseCommand

from famiglie.rollups import refresh_intervention_months
from sportelli.rollups import refresh_access_months


class Command(BaseCommand):
    help = (
        "Rebuilds the interventions' and desk accesses' monthly rollups read by the network "
        "indicators."
    )

    def handle(self, *args, **options):
        rows = refresh_intervention_months()
        self.stdout.write(f"Interventions by team, month and type: {rows} rows.")
        rows = refresh_access_months()
        self.stdout.write(f"Desk accesses by desk and month, and by day: {rows} rows.")
