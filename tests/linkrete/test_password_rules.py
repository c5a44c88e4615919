"""Passwords of at least 12 characters, not a common one, refused with a message in the
page's language; the demo's and the factories' passwords pass."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import UserFactory


def refusal(password, language="it", user=None):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return " ".join(refused.value.messages)


def test_eleven_characters_are_too_few():
    assert "almeno 12 caratteri" in refusal("corta-12345")
    assert "at least 12 characters" in refusal("corta-12345", "en")
    validate_password("lunga-123456")


def test_a_common_password_is_refused_however_long():
    assert "troppo comune" in refusal("qwertyuiop123")
    assert "too common" in refusal("password1234", "en")


def test_a_password_like_the_user_name_is_refused(db):
    user = UserFactory(username="giulia.bianchi.rete")
    assert "troppo simile" in refusal("giulia.bianchi.rete", user=user)


def test_the_demo_and_the_factories_passwords_pass():
    validate_password(settings.LINKRETE_DEMO_PASSWORD)
    validate_password("linkrete-test-password")


def test_setting_a_short_password_on_the_reset_page_is_refused_in_italian(client, db):
    import re

    from django.core import mail
    from django.urls import reverse

    UserFactory(username="dimentica", email="dimentica@example.org")
    client.post(reverse("staff:password_reset"), {"email": "dimentica@example.org"})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "corta-1", "new_password2": "corta-1"})
    assert "almeno 12 caratteri" in response.content.decode()
