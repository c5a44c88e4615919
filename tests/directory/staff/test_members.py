"""Members page: managers change roles and remove members; the last manager stays."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext

from directory.models import Membership
from directory.staff import services
from linkrete.accounts import roles
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory


@pytest.fixture
def manager(role_groups, organization):
    user = UserFactory(username="responsabile", first_name="Marta", last_name="Bassi")
    user.groups.add(role_groups[roles.ORGANIZATION_STAFF])
    Membership.objects.create(user=user, organization=organization, role=Membership.Role.MANAGER)
    return user


def _membership(user, organization):
    return Membership.objects.get(user=user, organization=organization)


def _list_url(organization):
    return reverse("staff:member_list", args=[organization.slug])


def test_manager_sees_members_with_roles_and_the_invite_link(client, manager, staff, organization):
    client.force_login(manager)
    page = client.get(_list_url(organization)).content.decode()
    assert "Marta Bassi" in page and staff.email in page
    assert (
        reverse("staff:member_role", args=[organization.slug, _membership(staff, organization).pk])
        in page
    )
    assert reverse("staff:invite") + f"?ente={organization.slug}" in page


def test_editor_sees_the_members_read_only(client, manager, staff, organization):
    client.force_login(staff)
    page = client.get(_list_url(organization)).content.decode()
    assert "Marta Bassi" in page
    assert (
        reverse(
            "staff:member_role", args=[organization.slug, _membership(manager, organization).pk]
        )
        not in page
    )
    assert reverse("staff:invite") not in page


def test_members_of_another_organization_are_not_listed(client, manager, organization, other_staff):
    client.force_login(manager)
    assert other_staff.email not in client.get(_list_url(organization)).content.decode()


def test_member_list_query_count_does_not_grow(
    client, manager, organization, django_assert_max_num_queries
):
    client.force_login(manager)
    with django_assert_max_num_queries(10) as few:
        client.get(_list_url(organization))
    for _ in range(15):
        MembershipFactory(organization=organization)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(_list_url(organization)).status_code == 200


def test_manager_promotes_an_editor(client, manager, staff, organization):
    client.force_login(manager)
    membership = _membership(staff, organization)
    response = client.post(
        reverse("staff:member_role", args=[organization.slug, membership.pk]), {"role": "manager"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MANAGER


def test_manager_cannot_change_a_membership_of_another_organization(
    client, manager, organization, other_staff, other_organization
):
    client.force_login(manager)
    membership = _membership(other_staff, other_organization)
    for url in (
        reverse("staff:member_role", args=[organization.slug, membership.pk]),
        reverse("staff:member_remove", args=[organization.slug, membership.pk]),
    ):
        assert client.post(url, {"role": "editor"}).status_code == 404
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MANAGER


def test_last_manager_cannot_demote_themselves(client, manager, staff, organization):
    client.force_login(manager)
    membership = _membership(manager, organization)
    response = client.post(
        reverse("staff:member_role", args=[organization.slug, membership.pk]),
        {"role": "editor"},
        follow=True,
    )
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MANAGER
    [message] = [str(m) for m in response.context["messages"]]
    assert message == gettext(
        "You are the organization's only manager: make another member a manager "
        "before you step down or leave."
    )


def test_last_manager_cannot_leave(client, manager, staff, organization):
    client.force_login(manager)
    membership = _membership(manager, organization)
    response = client.post(
        reverse("staff:member_remove", args=[organization.slug, membership.pk]), follow=True
    )
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert len(list(response.context["messages"])) == 1


def test_a_manager_steps_down_when_another_manager_remains(client, manager, staff, organization):
    services.membership_change_role(
        membership=_membership(staff, organization), role="manager", changed_by=manager
    )
    client.force_login(manager)
    membership = _membership(manager, organization)
    client.post(
        reverse("staff:member_role", args=[organization.slug, membership.pk]), {"role": "editor"}
    )
    membership.refresh_from_db()
    assert membership.role == Membership.Role.EDITOR


def test_remove_asks_for_confirmation_then_removes(client, manager, staff, organization):
    client.force_login(manager)
    membership = _membership(staff, organization)
    url = reverse("staff:member_remove", args=[organization.slug, membership.pk])
    page = client.get(url)
    assert page.status_code == 200 and Membership.objects.filter(pk=membership.pk).exists()
    assert client.post(url)["Location"] == _list_url(organization)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    # Without organizations left, the account loses the staff group, not its history.
    assert not staff.groups.filter(name=roles.ORGANIZATION_STAFF).exists()
    client.force_login(staff)
    assert client.get(_list_url(organization)).status_code == 404


def test_removed_member_keeps_the_staff_group_while_in_another_organization(
    manager, staff, organization
):
    MembershipFactory(user=staff, organization=OrganizationFactory())
    services.membership_remove(membership=_membership(staff, organization), removed_by=manager)
    assert staff.groups.filter(name=roles.ORGANIZATION_STAFF).exists()


def test_manager_leaving_goes_back_home(client, manager, staff, organization):
    services.membership_change_role(
        membership=_membership(staff, organization), role="manager", changed_by=manager
    )
    client.force_login(manager)
    membership = _membership(manager, organization)
    response = client.post(reverse("staff:member_remove", args=[organization.slug, membership.pk]))
    assert response["Location"] == reverse("staff:home")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_coordinator_may_remove_the_last_manager(coordinator, manager, organization):
    services.membership_remove(
        membership=_membership(manager, organization), removed_by=coordinator
    )
    assert not organization.memberships.filter(role=Membership.Role.MANAGER).exists()


def test_invite_cannot_demote_the_last_manager(client, manager, organization):
    client.force_login(manager)
    response = client.post(
        reverse("staff:invite"),
        {
            "email": manager.email,
            "first_name": "Marta",
            "last_name": "Bassi",
            "organization": organization.pk,
            "role": "editor",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert _membership(manager, organization).role == Membership.Role.MANAGER


def test_invite_from_the_members_page_preselects_the_organization(client, manager, organization):
    client.force_login(manager)
    response = client.get(reverse("staff:invite") + f"?ente={organization.slug}")
    assert response.context["form"].initial["organization"] == organization


def test_service_refuses_demoting_the_last_manager_by_name(staff, manager, organization):
    other = UserFactory(username="altro")
    Membership.objects.create(user=other, organization=organization, role="editor")
    with pytest.raises(ValidationError, match="Marta Bassi"):
        services.membership_change_role(
            membership=_membership(manager, organization), role="editor", changed_by=other
        )
