"""Adding someone to an organization is an invitation they accept: no membership before, the
same answer to the manager whether the e-mail has an account or not."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from directory.models import Invitation, Membership
from linkrete.accounts import roles
from linkrete.accounts.models import User
from tests.factories import UserFactory

ROME = ZoneInfo("Europe/Rome")
NOW = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=ROME)
STRONG = "una-Password-lunga-2026"


@pytest.fixture(autouse=True)
def _now(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def manager(role_groups, organization):
    user = UserFactory(username="responsabile", first_name="Marta", last_name="Bassi")
    user.groups.add(role_groups[roles.ORGANIZATION_STAFF])
    Membership.objects.create(user=user, organization=organization, role=Membership.Role.MANAGER)
    return user


@pytest.fixture
def existing(db):
    """Someone with an account, working for no organization yet (or for another one)."""
    return UserFactory(username="giorgio", email="giorgio.neri@example.org", first_name="Giorgio")


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Post the invitation form; its e-mail leaves on commit, as in production."""

    def post(client, organization, email, role="editor"):
        with django_capture_on_commit_callbacks(execute=True):
            return _post_invitation(client, organization, email, role)

    return post


def _post_invitation(client, organization, email, role):
    return client.post(
        reverse("staff:invite"),
        {
            "email": email,
            "first_name": "Nome",
            "last_name": "Scritto",
            "organization": organization.pk,
            "role": role,
        },
        follow=True,
    )


def link_in(message):
    return re.search(r"https?://[^/]+(/\S+)", message.body).group(1)


def test_the_manager_gets_the_same_answer_whether_the_email_has_an_account_or_not(
    client, manager, organization, existing, invite
):
    client.force_login(manager)
    known = invite(client, organization, "Giorgio.Neri@example.org")
    unknown = invite(client, organization, "nessuno@example.org")

    def answer(response):
        page = response.content.decode()
        return (
            response.status_code,
            response.redirect_chain,
            page.count("Abbiamo inviato un invito a"),
            page.count('class="alert'),
        )

    assert (
        answer(known)[:2]
        == answer(unknown)[:2]
        == (
            200,
            [(reverse("staff:member_list", args=[organization.slug]), 302)],
        )
    )
    assert answer(known)[2:] == answer(unknown)[2:] == (1, 1)
    # Neither is a member; both are waiting, and the page names neither account.
    assert not Membership.objects.filter(organization=organization).exclude(user=manager)
    assert Invitation.objects.filter(organization=organization).count() == 2
    assert "Giorgio" not in known.content.decode()
    assert len(mail.outbox) == 2


def test_an_existing_account_is_not_added_before_accepting(
    client, manager, organization, existing, invite
):
    client.force_login(manager)
    invite(client, organization, existing.email, role="manager")
    assert not Membership.objects.filter(user=existing).exists()
    existing.refresh_from_db()
    assert not existing.groups.exists()  # no staff permissions either

    url = link_in(mail.outbox[0])
    assert mail.outbox[0].to == [existing.email]
    client.logout()
    # Signed out: the link asks to sign in, then comes back.
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login")) and "next=" in response.url

    client.force_login(existing)
    page = client.get(url)
    assert page.status_code == 200
    assert "Oratorio San Luigi" in page.content.decode()
    assert not Membership.objects.filter(user=existing).exists()  # a GET accepts nothing

    client.post(url)
    membership = Membership.objects.get(user=existing, organization=organization)
    assert membership.role == Membership.Role.MANAGER
    assert existing.groups.filter(name=roles.ORGANIZATION_STAFF).exists()
    assert Invitation.objects.get().accepted_at == NOW
    # The link works once.
    assert client.get(url).status_code == 404


def test_accepting_while_signed_in_as_another_account_is_refused(
    client, manager, organization, existing, other_staff, invite
):
    client.force_login(manager)
    invite(client, organization, existing.email)
    url = link_in(mail.outbox[0])

    client.force_login(other_staff)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Membership.objects.filter(organization=organization, user=other_staff).exists()
    assert not Membership.objects.filter(user=existing).exists()
    assert Invitation.objects.get().accepted_at is None


def test_a_new_account_joins_by_choosing_its_password(client, manager, organization, invite):
    client.force_login(manager)
    invite(client, organization, "nuova@example.org")
    user = User.objects.get(email="nuova@example.org")
    assert not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()
    client.logout()

    response = client.get(link_in(mail.outbox[0]), follow=True)
    set_url = response.redirect_chain[-1][0]
    client.post(set_url, {"new_password1": STRONG, "new_password2": STRONG})

    assert Membership.objects.get(user=user, organization=organization).role == "editor"
    assert user.groups.filter(name=roles.ORGANIZATION_STAFF).exists()


def test_an_expired_invitation_is_refused(
    client, manager, organization, existing, settings, invite
):
    settings.LINKRETE_INVITATION_DAYS = 7
    client.force_login(manager)
    invite(client, organization, existing.email)
    url = link_in(mail.outbox[0])
    client.force_login(existing)
    assert client.get(url).status_code == 200

    Invitation.objects.update(expires_at=NOW)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Membership.objects.filter(user=existing).exists()


def test_inviting_again_replaces_the_old_link(client, manager, organization, existing, invite):
    client.force_login(manager)
    invite(client, organization, existing.email)
    invite(client, organization, existing.email, role="manager")
    first, second = (link_in(message) for message in mail.outbox)
    assert Invitation.objects.get().role == "manager"

    client.force_login(existing)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_the_members_page_lists_waiting_invitations_by_email_only(
    client, manager, organization, existing, invite
):
    client.force_login(manager)
    invite(client, organization, existing.email)
    page = client.get(reverse("staff:member_list", args=[organization.slug])).content.decode()
    assert existing.email in page
    assert "Giorgio" not in page


def test_the_waiting_invitations_cost_the_same_queries_however_many(
    client, manager, organization, django_assert_max_num_queries, invite
):
    client.force_login(manager)
    url = reverse("staff:member_list", args=[organization.slug])
    invite(client, organization, "prima@example.org")
    with django_assert_max_num_queries(11) as few:
        assert client.get(url).status_code == 200
    one = len(few.captured_queries)  # now: each request empties the query log
    for n in range(5):
        invite(client, organization, f"altra{n}@example.org")
    with django_assert_max_num_queries(one):
        page = client.get(url).content.decode()
    assert page.count("@example.org, ") == 6
