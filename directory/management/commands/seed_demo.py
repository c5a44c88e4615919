import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from directory.demo.seeding import USERS, Seeder
from directory.search import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Fill the database with realistic Italian demo data: the zones and towns of the five "
        "projects behind Linkrete, about sixty organizations with their places, over 150 "
        "activities with weekly hours, a season of events from this week on, LINK's open needs "
        "survey with its bodies' answers. Loads the ISTAT "
        "municipalities and the role groups first. With DEBUG on it also creates the demo "
        "accounts 'coordinatore' (every network), a coordinator per network, 'ente' and "
        "'sportello', and 'equipe' with the demo family cases. Idempotent: a second run "
        "changes nothing."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        call_command("load_municipalities", stdout=self.stdout)
        call_command("sync_roles", stdout=self.stdout)
        seeder = Seeder()
        with transaction.atomic():
            seeder.territories()
            seeder.organizations()
            seeder.networks()
            seeder.events(timezone.localdate())
            seeder.survey(timezone.localdate())
            if settings.DEBUG:
                seeder.accounts(settings.LINKRETE_DEMO_PASSWORD)
        if settings.DEBUG:
            # Volunteers, hours, board posts… are written by the demo staff accounts.
            call_command("seed_association_area", stdout=self.stdout)
        call_command("seed_desks", stdout=self.stdout)
        call_command("seed_cases", stdout=self.stdout)
        # The network dashboards read the past months' interventions from the rollup.
        call_command("refresh_indicator_rollups", stdout=self.stdout)
        indexed = rebuild_search_index()
        self.stdout.write(f"Search index: {indexed} activities indexed.")
        if settings.DEBUG:
            self.stdout.write(
                f"Demo accounts (password for all: {settings.LINKRETE_DEMO_PASSWORD}):"
            )
            for username, _first, _last, _group, _staff, does in USERS:
                self.stdout.write(f"  {username:<22} {does}")
            self._demo_second_factor()
        else:
            self.stdout.write(
                "DEBUG is off: no demo accounts, and no association-area data that needs them."
            )
        self.stdout.write(f"{seeder.summary()[:-1]} in {time.monotonic() - started:.1f} s.")

    def _demo_second_factor(self):
        from django.contrib.auth import get_user_model

        from linkrete.accounts.second_factor import must_use_second_factor
        from linkrete.accounts.second_factor.demo import (
            DEMO_RECOVERY_CODES,
            demo_key_text,
            give_demo_second_factor,
        )

        names = [u[0] for u in USERS]
        users = get_user_model().objects.filter(username__in=names).order_by("username")
        staff = [u for u in users if must_use_second_factor(u)]
        for user in staff:
            give_demo_second_factor(user)
        self.stdout.write(
            f"Second factor of {', '.join(u.username for u in staff)} (demo only): "
            f"key {demo_key_text()} in an authenticator app, or a recovery code among "
            f"{', '.join(DEMO_RECOVERY_CODES)}."
        )
