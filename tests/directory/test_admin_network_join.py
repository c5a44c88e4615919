"""An organization a network coordinator adds in the admin joins one of their networks
(directory/admin/network_join.py): they keep seeing it once saved. A super-coordinator, who sees
every organization, is asked nothing."""

import pytest
from django.urls import reverse

from directory.models import MemberRole, NetworkCoordinator, NetworkMembership, Organization
from tests.directory.test_search_refresh import changeform_data
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:directory_organization_add")


def _add(client, **fields):
    data = changeform_data(client.get(ADD))
    data.update(name="Circolo Le Querce", slug="circolo-le-querce", legal_form="aps", **fields)
    data.setdefault("description", "Circolo ricreativo per le famiglie del quartiere.")
    return client.post(ADD, data)


def test_with_one_network_the_new_organization_joins_it_as_signatory(
    client, network_coordinator, network
):
    client.force_login(network_coordinator)
    form = client.get(ADD).context["adminform"].form
    assert form["join_network"].value() == network.pk
    assert form["join_role"].value() == MemberRole.SIGNATORY

    response = _add(client)

    assert response.status_code == 302
    made = Organization.objects.get(slug="circolo-le-querce")
    membership = NetworkMembership.objects.get(organization=made)
    assert (membership.network, membership.role) == (network, MemberRole.SIGNATORY)
    assert membership.joined_on is not None
    # Still theirs: in their list and its page opens.
    listed = client.get(reverse("admin:directory_organization_changelist"), {"q": "Querce"})
    assert made in listed.context["cl"].result_list
    change = reverse("admin:directory_organization_change", args=[made.pk])
    assert client.get(change).status_code == 200


@pytest.fixture
def second_network(network_coordinator):
    second = NetworkFactory(name="Rete Ticino")
    NetworkCoordinator.objects.create(network=second, user=network_coordinator)
    return second


def test_with_several_networks_one_must_be_chosen(
    client, network_coordinator, network, second_network, other_network
):
    client.force_login(network_coordinator)
    offered = client.get(ADD).context["adminform"].form.fields["join_network"].queryset
    assert set(offered) == {network, second_network}

    response = _add(client, join_network="")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["join_network"]
    assert 'value="Circolo Le Querce"' in response.content.decode()  # nothing typed is lost
    assert not Organization.objects.filter(slug="circolo-le-querce").exists()

    response = _add(client, join_network=second_network.pk, join_role=MemberRole.PARTNER)

    assert response.status_code == 302
    membership = NetworkMembership.objects.get(organization__slug="circolo-le-querce")
    assert (membership.network, membership.role) == (second_network, MemberRole.PARTNER)


def test_another_coordinators_network_cannot_be_joined(client, network_coordinator, other_network):
    client.force_login(network_coordinator)

    response = _add(client, join_network=other_network.pk)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["join_network"]
    assert not Organization.objects.filter(slug="circolo-le-querce").exists()


def test_a_super_coordinator_is_asked_no_network(client, coordinator, network):
    client.force_login(coordinator)
    assert "join_network" not in client.get(ADD).context["adminform"].form.fields

    assert _add(client).status_code == 302

    made = Organization.objects.get(slug="circolo-le-querce")
    assert not NetworkMembership.objects.filter(organization=made).exists()


def test_changing_an_organization_asks_no_network(client, network_coordinator, organization):
    client.force_login(network_coordinator)
    change = reverse("admin:directory_organization_change", args=[organization.pk])
    assert "join_network" not in client.get(change).context["adminform"].form.fields
