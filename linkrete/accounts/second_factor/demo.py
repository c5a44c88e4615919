"""The demo's second factor: a published key and recovery codes for the demo accounts that must
use one. ``seed_demo`` calls it with DEBUG on only; never on a real site (anyone can read them
here and in the README)."""

import base64

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkrete.accounts.second_factor.devices import AUTHENTICATOR, RECOVERY

DEMO_KEY = b"linkrete-demo-2fa-00"  # 20 bytes, as django-otp makes them
DEMO_RECOVERY_CODES = ["demo2fa2", "demo2fa3", "demo2fa4", "demo2fa5", "demo2fa6", "demo2fa7"]


def demo_key_text() -> str:
    return base64.b32encode(DEMO_KEY).decode()


@transaction.atomic
def give_demo_second_factor(user) -> None:
    """The demo key and the demo codes (all of them again, so a used one comes back)."""
    if not settings.DEBUG:
        raise RuntimeError("The demo second factor is for DEBUG sites only.")
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, key=DEMO_KEY.hex(), confirmed=True)
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=t) for t in DEMO_RECOVERY_CODES
    )
