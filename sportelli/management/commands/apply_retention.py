"""Erase or delete personal data past its retention period: the desks' rules
(sportelli/retention.py), the network's (directory/retention.py) and the rate-limit counters."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from directory import retention as directory_retention
from famiglie import retention as famiglie_retention
from linkrete import throttle
from linkrete.accounts import retention as accounts_retention
from linkrete.history import retention as history_retention
from sportelli import retention as sportelli_retention


class Command(BaseCommand):
    help = (
        "Erase the personal data of bookings, referrals, volunteering applications, former "
        "volunteers, closed family households and problem reports past their retention period; "
        "delete expired "
        "invitations, old sign-in records and rate-limit counters. Idempotent: run it daily."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        rules = [
            *sportelli_retention.rules(),
            *famiglie_retention.rules(),
            *directory_retention.rules(),
            *accounts_retention.rules(),
            *throttle.rules(),
            # Last: it deletes the history of what the rules above have just erased.
            *history_retention.rules(),
        ]
        total = 0
        for rule in rules:
            done = rule.apply(now)
            total += done
            # Counts only: never who.
            self.stdout.write(f"{rule.table}: {done} {rule.verb} ({rule.period}).")
        self.stdout.write(f"Retention applied: {total} rows in {len(rules)} tables.")
