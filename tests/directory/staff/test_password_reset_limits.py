"""Password reset sends a few mails an hour at most, and says so without telling whether the
e-mail has an account."""

import pytest
from django.core import mail
from django.urls import reverse

from linkrete.accounts.sign_in_limits import RESETS_PER_ADDRESS, RESETS_PER_EMAIL
from tests.factories import UserFactory


@pytest.fixture
def account(db):
    return UserFactory(username="dimentica", email="dimentica@example.org")


def ask(client, email, address="203.0.113.5"):
    return client.post(reverse("staff:password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_twenty_requests_for_one_email_send_three_mails(client, account):
    answers = [
        ask(client, "dimentica@example.org", f"203.0.113.{n}").status_code for n in range(20)
    ]
    assert len(mail.outbox) == RESETS_PER_EMAIL
    assert answers == [302] * RESETS_PER_EMAIL + [200] * (20 - RESETS_PER_EMAIL)


def test_one_address_asking_for_many_emails_is_stopped(client, account):
    for number in range(RESETS_PER_ADDRESS):
        ask(client, f"altro-{number}@example.org")
    response = ask(client, "dimentica@example.org")
    assert response.status_code == 200
    assert "Troppe richieste" in response.content.decode()
    assert mail.outbox == []
    assert ask(client, "dimentica@example.org", "203.0.113.99").status_code == 302
    assert len(mail.outbox) == 1


def test_the_refusal_reads_the_same_whether_the_account_exists_or_not(client, account):
    def refusal(email, address):
        for _ in range(RESETS_PER_EMAIL):
            ask(client, email, address)
        response = ask(client, email, address)
        return response.status_code, response.context["form"].non_field_errors()

    assert refusal("dimentica@example.org", "203.0.113.1") == refusal(
        "nessuno@example.org", "203.0.113.2"
    )


def test_the_refusal_is_translated(client, db):
    for _ in range(RESETS_PER_EMAIL):
        ask(client, "nessuno@example.org")
    response = client.post(
        "/en" + reverse("staff:password_reset"),
        {"email": "nessuno@example.org"},
        REMOTE_ADDR="203.0.113.5",
    )
    assert "Too many requests for a new password" in response.content.decode()
