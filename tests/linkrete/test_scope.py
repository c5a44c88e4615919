"""A coordinator's scope (linkrete.accounts.scope): the networks they coordinate, the
organizations in them, the desks those host and the zones of their territory."""

import pytest
from django.contrib.auth.models import AnonymousUser

from directory.models import NetworkCoordinator
from linkrete.accounts import roles
from linkrete.accounts.scope import EVERYTHING, NOTHING, scope_of
from tests.factories import (
    DeskFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    UserFactory,
    ZoneFactory,
)


def test_a_network_coordinator_has_the_members_their_desks_and_the_zones(
    network_coordinator, network, organization, desk, other_organization, other_desk
):
    zone = ZoneFactory()
    network.zones.add(zone)

    scope = scope_of(network_coordinator)

    assert scope.networks == {network.pk}
    assert scope.organizations == {organization.pk, desk.host_organization_id}
    assert other_organization.pk not in scope.organizations
    assert scope.desks == {desk.pk}
    assert scope.zones == {zone.pk}


def test_an_organization_in_two_networks_counts_once_and_both_networks_add_up(
    network_coordinator, network, other_network, other_organization
):
    NetworkCoordinator.objects.create(network=other_network, user=network_coordinator)
    NetworkMembershipFactory(network=network, organization=other_organization, role="firmatario")

    scope = scope_of(network_coordinator)

    assert scope.networks == {network.pk, other_network.pk}
    assert other_organization.pk in scope.organizations


def test_the_lead_organization_is_in_the_scope_without_a_member_row(network_coordinator, network):
    lead = OrganizationFactory()
    network.lead_organization = lead
    network.save()
    assert lead.pk in scope_of(network_coordinator).organizations


def test_a_coordinator_of_no_network_sees_nothing(role_groups):
    user = UserFactory()
    user.groups.add(role_groups[roles.COORDINATOR])
    assert scope_of(user) == NOTHING


def test_super_coordinators_and_superusers_see_everything(coordinator):
    assert scope_of(coordinator) is EVERYTHING
    assert scope_of(UserFactory(is_superuser=True)) is EVERYTHING


def test_staff_operators_and_visitors_have_no_scope(staff, desk_operator):
    assert scope_of(staff) == NOTHING
    assert scope_of(desk_operator) == NOTHING
    assert scope_of(AnonymousUser()) == NOTHING


def test_it_is_read_once_per_user_object(network_coordinator, django_assert_num_queries):
    # The role (1), the networks with their members and zones (1), the desks (1).
    with django_assert_num_queries(3):
        scope_of(network_coordinator)
    with django_assert_num_queries(0):
        scope_of(network_coordinator)
        roles.is_coordinator(network_coordinator)


def test_a_desk_of_a_member_joins_the_scope_with_its_host(network_coordinator, network):
    member = OrganizationFactory()
    NetworkMembershipFactory(network=network, organization=member)
    hosted = DeskFactory(host_organization=member)
    assert hosted.pk in scope_of(network_coordinator).desks


@pytest.mark.parametrize("kind", ["organizations", "desks"])
def test_the_filter_keeps_only_the_scope(network_coordinator, desk, other_desk, kind):
    from sportelli.models import Desk

    scope = scope_of(network_coordinator)
    lookup = {"organizations": "host_organization", "desks": "pk"}[kind]
    assert list(scope.filter(Desk.objects.all(), **{kind: lookup})) == [desk]
    assert set(EVERYTHING.filter(Desk.objects.all(), **{kind: lookup})) == {desk, other_desk}
    assert not NOTHING.filter(Desk.objects.all(), **{kind: lookup}).exists()
