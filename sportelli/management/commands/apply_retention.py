"""Erase who old bookings and finished referrals were about (see sportelli/retention.py)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from sportelli import retention


class Command(BaseCommand):
    help = "Erase the personal data of bookings and referrals past their retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        bookings = retention.erase_old_bookings(now)
        referrals = retention.erase_old_referrals(now)
        # Counts only: never who.
        self.stdout.write(f"Erased: {bookings} bookings, {referrals} referrals.")
