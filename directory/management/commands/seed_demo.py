import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from directory.demo.seeding import USERS, Seeder
from directory.search import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Fill the database with realistic Italian demo data: the zones and towns of the five "
        "projects behind Linkrete, about sixty organizations with their places, over 150 "
        "activities with weekly hours. Loads the ISTAT municipalities and the role groups "
        "first. With DEBUG on it also creates the demo accounts 'coordinatore', 'ente' and "
        "'sportello'. Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        call_command("load_municipalities", stdout=self.stdout)
        call_command("sync_roles", stdout=self.stdout)
        seeder = Seeder()
        with transaction.atomic():
            seeder.territories()
            seeder.organizations()
            if settings.DEBUG:
                seeder.accounts(settings.LINKRETE_DEMO_PASSWORD)
        if settings.DEBUG:
            # Volunteers, hours, board posts… are written by the demo staff accounts.
            call_command("seed_association_area", stdout=self.stdout)
        call_command("seed_desks", stdout=self.stdout)
        indexed = rebuild_search_index()
        self.stdout.write(f"Search index: {indexed} activities indexed.")
        if settings.DEBUG:
            self.stdout.write(
                f"Demo accounts (password for all: {settings.LINKRETE_DEMO_PASSWORD}):"
            )
            for username, _first, _last, _group, _staff, does in USERS:
                self.stdout.write(f"  {username:<13} {does}")
        else:
            self.stdout.write(
                "DEBUG is off: no demo accounts, and no association-area data that needs them."
            )
        self.stdout.write(f"{seeder.summary()[:-1]} in {time.monotonic() - started:.1f} s.")
