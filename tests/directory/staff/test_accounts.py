import re

import pytest
from django.core import mail
from django.urls import reverse

from directory.models import Membership
from linkrete.accounts.models import User
from tests.factories import UserFactory

STRONG = "una-Password-lunga-2026"


def link_in(message):
    return re.search(r"https?://[^/]+(/\S+)", message.body).group(1)


def test_coordinator_invites_and_the_link_sets_the_password_once(
    client, coordinator, organization, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("staff:invite"),
            {
                "email": "Nuova.Staff@example.org",
                "first_name": "Nuova",
                "last_name": "Staff",
                "organization": organization.name,  # typed: coordinators choose among all
                "role": "editor",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="nuova.staff@example.org")
    assert not user.has_usable_password()
    # A member only once the invitation is accepted (test_invitations.py).
    assert not Membership.objects.filter(user=user, organization=organization).exists()
    assert len(mail.outbox) == 1
    client.logout()

    url = link_in(mail.outbox[0])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    set_url = response.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 200
    assert weak.context["form"].errors
    done = client.post(set_url, {"new_password1": STRONG, "new_password2": STRONG})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(STRONG)
    assert Membership.objects.filter(user=user, organization=organization).exists()

    client.logout()
    assert client.get(url).status_code == 404  # the invitation is used


def test_staff_editor_cannot_invite(client, staff):
    client.force_login(staff)
    assert client.get(reverse("staff:invite")).status_code == 403


def test_password_reset_sends_a_working_link(client, db):
    user = UserFactory(username="dimentica", email="dimentica@example.org")
    response = client.post(reverse("staff:password_reset"), {"email": "dimentica@example.org"})
    assert response.status_code == 302
    url = link_in(mail.outbox[0])
    set_url = client.get(url, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": STRONG, "new_password2": STRONG})
    user.refresh_from_db()
    assert user.check_password(STRONG)


def test_login_works_and_lands_in_the_staff_area(client, staff):
    response = client.post(
        reverse("login"), {"username": staff.username, "password": "linkrete-test-password"}
    )
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("staff:home")


@pytest.mark.parametrize("language", ["it", "en"])
def test_five_failures_lock_the_username_from_that_address_with_a_message(
    client, staff, language, settings
):
    prefix = "" if language == "it" else "/en"
    url = prefix + reverse("login")
    for _ in range(5):
        client.post(url, {"username": staff.username, "password": "sbagliata"})
    response = client.post(url, {"username": staff.username, "password": "linkrete-test-password"})
    assert response.status_code == 429
    assert "15" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not locked out.
    other = client.post(
        url,
        {"username": staff.username, "password": "linkrete-test-password"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 302
