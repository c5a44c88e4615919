import datetime

from django.core.management.base import BaseCommand

from directory.event_reminders import send_event_reminders
from sportelli.reminders import send_booking_reminders


class Command(BaseCommand):
    help = (
        "Queue the reminders (e-mail, text message) of tomorrow's desk bookings and event "
        "sessions; each is reminded once, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--day",
            type=datetime.date.fromisoformat,
            help="Remind the appointments of this day (YYYY-MM-DD) instead of tomorrow's.",
        )

    def handle(self, *args, day=None, **options):
        bookings = send_booking_reminders(day=day)
        signups = send_event_reminders(day=day)
        self.stdout.write(f"Reminders queued: {bookings} bookings, {signups} event sign-ups.")
