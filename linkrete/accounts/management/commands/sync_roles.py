from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from linkrete.accounts.roles import ROLES


class Command(BaseCommand):
    help = "Create the role groups and give each the model permissions of its role. Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
        for name, (_label, grants) in ROLES.items():
            group, _created = Group.objects.get_or_create(name=name)
            permissions = Permission.objects.none()
            for app_label, models in grants.items():
                scope = Permission.objects.filter(content_type__app_label=app_label)
                if models != "all":
                    scope = scope.filter(content_type__model__in=models)
                permissions |= scope
            group.permissions.set(permissions)
        self.stdout.write(f"Roles: {len(ROLES)} groups in sync.")
