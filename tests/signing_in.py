"""Signing a test client in as a user, the way the sign-in pages leave the session.

Staff and coordinators must give the second factor (linkrete/accounts/second_factor): the
suite's ``client`` is a ``Client`` whose ``force_login`` also verifies an authenticator for
them, as the verification page does. ``force_login(user, second_factor=False)`` leaves the
session unverified (the tests of the second factor itself).
"""

from django.test import Client as DjangoClient
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkrete.accounts.second_factor import SESSION_KEY, required_for_session


def verified_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


class Client(DjangoClient):
    def force_login(self, user, backend=None, *, second_factor=True):
        super().force_login(user, backend)
        session = self.session
        required = required_for_session(user)
        session[SESSION_KEY] = required
        if second_factor and required:
            session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
        session.save()


def sign_in(client, user) -> None:
    client.force_login(user)
