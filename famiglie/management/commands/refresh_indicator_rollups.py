"""Rebuilds the monthly rollups the network indicators read for past months (nightly, from
cron or the task worker's schedule). Idempotent: a second run writes the same rows."""

from django.core.management.base import BaseCommand

from famiglie.rollups import refresh_intervention_months


class Command(BaseCommand):
    help = "Rebuilds the interventions' monthly rollup read by the network indicators."

    def handle(self, *args, **options):
        rows = refresh_intervention_months()
        self.stdout.write(f"Interventions by team, month and type: {rows} rows.")
