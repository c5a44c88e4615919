"""Upgrading to scoped coordinators (linkrete/accounts/migrations/0003): a coordinator of no
network becomes a super-coordinator and keeps the global view; one with networks does not."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from directory.models import NetworkCoordinator
from linkrete.accounts import roles
from tests.factories import NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db

upgrade = importlib.import_module("linkrete.accounts.migrations.0003_coordinators_keep_their_view")


def coordinator():
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=roles.COORDINATOR)[0])
    return user


def test_coordinators_of_no_network_keep_the_global_view_and_the_others_their_networks():
    before, scoped, staff = coordinator(), coordinator(), UserFactory()
    NetworkCoordinator.objects.create(network=NetworkFactory(), user=scoped)

    upgrade.keep_their_view(apps, None)

    supers = set(Group.objects.get(name=roles.SUPER_COORDINATOR).user_set.all())
    assert supers == {before}
    assert roles.is_super_coordinator(before) and not roles.is_super_coordinator(scoped)
    assert not roles.is_coordinator(staff)


def test_a_new_installation_gets_no_group():
    upgrade.keep_their_view(apps, None)
    assert not Group.objects.filter(name=roles.SUPER_COORDINATOR).exists()
