"""An invitation is saved when its e-mail fails, and the manager gets the link to pass on.

The invite view reads the mail's outcome right after the commit: these tests commit for real.
"""

import html
import re

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from directory.models import Invitation, Membership
from linkrete.accounts import roles
from linkrete.accounts.models import User
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded_taxonomies"),
]

EMAIL = "nuova.staff@example.org"


@pytest.fixture
def manager(role_groups, organization):
    user = UserFactory(username="responsabile", first_name="Marta", last_name="Bassi")
    user.groups.add(role_groups[roles.ORGANIZATION_STAFF])
    Membership.objects.create(user=user, organization=organization, role=Membership.Role.MANAGER)
    return user


def invite(client, organization):
    return client.post(
        reverse("staff:invite"),
        {
            "email": EMAIL,
            "first_name": "Nuova",
            "last_name": "Staff",
            "organization": organization.pk,
            "role": "editor",
        },
        follow=True,
    )


def test_a_failed_invitation_mail_keeps_the_invitation_and_shows_the_link_once(
    client, manager, organization, failing_mail, caplog
):
    client.force_login(manager)

    page = invite(client, organization)

    assert page.status_code == 200
    assert page.redirect_chain[-1][0] == reverse("staff:member_list", args=[organization.slug])
    user = User.objects.get(email=EMAIL)
    assert Invitation.objects.pending().filter(user=user, organization=organization).exists()
    assert not Membership.objects.filter(user=user, organization=organization).exists()
    errors = [m.message for m in get_messages(page.wsgi_request) if m.level == messages.ERROR]
    assert errors == [
        f"L'invito a {EMAIL} è salvato, ma non è stato possibile inviare la mail: "
        "dagli tu il link qui sotto."
    ]
    content = html.unescape(page.content.decode())
    link = re.search(r'id="unsent-invitation-url"[^>]*value="([^"]+)"', content).group(1)
    again = client.get(reverse("staff:member_list", args=[organization.slug]))
    assert "unsent-invitation-url" not in again.content.decode()
    client.logout()  # the link is the invited person's
    assert "/imposta-password/" in client.get(link, follow=True).redirect_chain[-1][0]
    records = [r for r in caplog.records if r.name == "linkrete.mail"]
    assert records and all(
        EMAIL not in r.getMessage() and "Nuova" not in r.getMessage() for r in records
    )


def test_a_sent_invitation_says_so_and_shows_no_link(client, manager, organization):
    client.force_login(manager)

    page = invite(client, organization)

    assert len(mail.outbox) == 1
    successes = [m.message for m in get_messages(page.wsgi_request) if m.level == messages.SUCCESS]
    assert successes == [f"Abbiamo inviato un invito a {EMAIL}."]
    assert "unsent-invitation-url" not in page.content.decode()
