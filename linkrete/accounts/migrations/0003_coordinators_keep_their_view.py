"""Upgrading to coordinators scoped to their networks (directory.NetworkCoordinator): a member
of the coordinators' group who coordinates no network would see nothing the day after. Each
becomes a super-coordinator too, keeping the global view they had; the platform's
administrators then give each their networks and take the super group back where it is not
due. A new installation has no coordinator yet: nothing to do."""

from django.db import migrations

COORDINATOR = "coordinatori"
SUPER_COORDINATOR = "supercoordinatori"


def keep_their_view(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    NetworkCoordinator = apps.get_model("directory", "NetworkCoordinator")
    coordinators = Group.objects.filter(name=COORDINATOR).first()
    if coordinators is None:
        return
    unscoped = coordinators.user_set.exclude(
        pk__in=NetworkCoordinator.objects.values("user_id")
    )
    if not unscoped.exists():
        return
    # Its permissions are the coordinators' (``sync_roles`` writes them); until then the
    # members keep the coordinators' group and its permissions.
    supers, _created = Group.objects.get_or_create(name=SUPER_COORDINATOR)
    supers.user_set.add(*unscoped)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_rate_counter"),
        ("directory", "0033_network_coordinators"),
    ]

    operations = [migrations.RunPython(keep_their_view, migrations.RunPython.noop)]
