"""Encryption at rest of the most sensitive free text (psychologist-only diary notes, and with
them every diary note), so that a database dump alone does not reveal it.

Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``) with the keys of
``settings.LINKRETE_FIELD_KEYS`` (the ``FIELD_KEYS`` environment variable, newest first): a
value is written with the newest key and read with whichever key of the list opens it
(``MultiFernet``). Rotating: put a new key first, run ``manage.py rotate_field_keys`` (every
value re-encrypted with it, in batches), then drop the old key.

A hand-written field of a few lines rather than a library: the encrypted-field packages either
derive their keys from ``SECRET_KEY`` (rotating the signing key would then lose the notes) or
are unmaintained; this one keeps the keys apart and rotation explicit.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

# Only for DEBUG (settings.py refuses to start without FIELD_KEYS otherwise): public, so
# nothing encrypted with it is protected.
DEVELOPMENT_KEY = "bGlua3JldGUtZGV2ZWxvcG1lbnQta2V5LTAwMDAwMDA="


def check_keys(keys: list[str]) -> list[str]:
    """The keys, each checked to be a Fernet key (32 url-safe base64 bytes)."""
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ImproperlyConfigured(
                f"FIELD_KEYS: key number {position} is not a Fernet key (make one with "
                '`python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"`).'
            ) from None
    return keys


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.LINKRETE_FIELD_KEYS))


def newest() -> Fernet:
    return Fernet(settings.LINKRETE_FIELD_KEYS[0])


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        # Never the value in the message: it may be plaintext written before encryption.
        raise ImproperlyConfigured(
            "An encrypted value opens with none of the keys of FIELD_KEYS: the key it was "
            "written with is missing (put it back after the newest, run rotate_field_keys)."
        ) from None


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; an empty text stays empty (what retention checks).
    Nothing can be searched or filtered by its content."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)
