"""A second factor at sign-in (TOTP, with single-use recovery codes), on django-otp.

Who must use it: everyone who can enter the admin (``is_staff``, superusers), the network
coordinators and everyone who works on family cases (``famiglie.access.works_on_cases``);
anyone else may turn it on, and is then asked for it at every sign-in.

- ``devices.py``: the user's authenticator (``TOTPDevice``) and recovery codes
  (``StaticDevice``): enrolment, confirmation, new codes, reset.
- ``middleware.py``: a signed-in user who needs the second factor and has not given it this
  session reaches only the pages below, sign-out and the language switch.
- ``views.py``, ``urls.py``: enrolment (QR code and the key as text), verification at sign-in,
  recovery codes (shown once, regenerable).
- ``manage.py reset_second_factor <username>``: a lost device (see README).

Wrong codes are throttled by django-otp (each failure doubles the wait); passwords by axes.
"""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from linkrete.accounts.roles import is_coordinator

# Set at sign-in: whether this session must give the second factor (a coordinator's group, or
# a device the user turned on), so the middleware asks the database nothing on each request.
SESSION_KEY = "second_factor_required"


def must_use_second_factor(user) -> bool:
    """Who is obliged to, whether or not they have enrolled yet."""
    from famiglie.access import works_on_cases

    return user.is_staff or user.is_superuser or is_coordinator(user) or works_on_cases(user)


def required_for_session(user) -> bool:
    from linkrete.accounts.second_factor.devices import has_device

    return must_use_second_factor(user) or has_device(user)


@receiver(user_logged_in, dispatch_uid="second_factor_at_sign_in")
def _remember_requirement(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = required_for_session(user)
