"""Limits on guessing passwords and on password reset mails, beside django-axes.

django-axes locks a (user name, address) pair after 5 failures in 15 minutes (settings). Here,
counted in the rate counters (``linkrete.throttle``, hashed keys, no address or name kept):

- failed sign-ins per address, whatever the user names (one machine trying many accounts);
- failed sign-ins per user name, from every address (a botnet trying one account).

Past either limit the sign-in form refuses without checking the password, for the rest of the
hour. A limit per user name alone would let anyone lock any account, a coordinator's included,
by failing on purpose: so a browser that signed that user in before (a signed "device cookie",
OWASP's defence against this lockout) is let through both limits. The pair lock still applies.

The password reset form sends at most a few mails an hour per address and per e-mail; past
either it says so, the same whether an account has that e-mail or not.
"""

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core import signing
from django.dispatch import receiver
from django.utils.translation import gettext as _

from linkrete import throttle
from linkrete.client_address import client_address

# Failed sign-ins an hour from one address, whatever the user names: an office behind one
# public address where a few people mistype their password stays far below.
FAILURES_PER_ADDRESS = 20
# Failed sign-ins an hour for one user name, from every address: 10 tries an hour (240 a day)
# against a 12-character password not in the common list, and a second factor for staff.
FAILURES_PER_USERNAME = 10
# Password reset mails an hour per address and per e-mail typed.
RESETS_PER_ADDRESS = 5
RESETS_PER_EMAIL = 3
PERIOD = 3600

DEVICE_COOKIE = "linkrete_device"
DEVICE_COOKIE_SALT = "linkrete.accounts.sign_in_limits.device"
DEVICE_COOKIE_DAYS = 180
# The user names a browser remembers (a computer shared by a desk's operators).
DEVICE_COOKIE_NAMES = 5


def _name(username: str) -> str:
    return (username or "").strip().lower()


def _digest(username: str) -> str:
    """The user name as the cookie holds it: not readable, tied to the secret key."""
    return throttle.counter_key("device", _name(username)).split(":", 1)[1]


def _known_names(request) -> list[str]:
    raw = request.COOKIES.get(DEVICE_COOKIE, "")
    try:
        names = signing.loads(raw, salt=DEVICE_COOKIE_SALT, max_age=DEVICE_COOKIE_DAYS * 86400)
    except signing.BadSignature:
        return []
    return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []


def known_device(request, username: str) -> bool:
    return _digest(username) in _known_names(request)


def remember_device(request, response, username: str) -> None:
    """After a successful sign-in: this browser may sign ``username`` in past the limits."""
    digest = _digest(username)
    names = [digest] + [n for n in _known_names(request) if n != digest]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(names[:DEVICE_COOKIE_NAMES], salt=DEVICE_COOKIE_SALT),
        max_age=DEVICE_COOKIE_DAYS * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def sign_in_refused(request, username: str) -> str | None:
    """Why signing ``username`` in from this request is refused now, or None."""
    if known_device(request, username):
        return None
    if (
        throttle.current("sign-in-address", client_address(request)) >= FAILURES_PER_ADDRESS
        or throttle.current("sign-in-username", _name(username)) >= FAILURES_PER_USERNAME
    ):
        return _(
            "Too many failed sign-ins: signing in is paused for up to an hour. Try again "
            "later, or ask for a new password."
        )
    return None


@receiver(user_login_failed, dispatch_uid="sign_in_limits_count_failure")
def _count_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    throttle.count("sign-in-address", client_address(request), PERIOD)
    throttle.count("sign-in-username", _name(credentials.get("username", "")), PERIOD)


def password_reset_refused(request, email: str) -> str | None:
    """Count one reset request; why it sends no mail, or None. Counted alike whether the
    e-mail belongs to an account or not, so the answer tells nothing about it."""
    by_address = throttle.count("password-reset-address", client_address(request), PERIOD)
    by_email = throttle.count("password-reset-email", _name(email), PERIOD)
    if by_address > RESETS_PER_ADDRESS or by_email > RESETS_PER_EMAIL:
        return _(
            "Too many requests for a new password: no e-mail was sent. Try again in an hour; "
            "a link already received stays valid."
        )
    return None
