"""How long a signed-in session lasts, by role: an idle timeout and a maximum lifetime.

=========================================  ==============  ==============================
Who                                        idle timeout    lifetime from the sign-in
=========================================  ==============  ==============================
coordinators, superusers, case teams       30 minutes      8 hours
everyone else (association staff, desk     2 hours         12 hours (``SESSION_COOKIE_AGE``)
operators, access points' referrers)
=========================================  ==============  ==============================

Coordinators see the whole network, case teams the families' files: a computer left open costs
more, so their sessions are shorter (environment: ``IDLE_SESSION_MINUTES``,
``STRICT_SESSION_HOURS``, ``STAFF_IDLE_SESSION_MINUTES``, ``SESSION_COOKIE_AGE``).

At sign-in the session gets its start and, for the strict roles, ``IDLE_KEY``; someone put on
a case after signing in gets it on their first case page (``start_idle_timeout``). On each
request of a signed-in session the middleware compares now with the last request and the
sign-in: past either limit it signs the user out and sends them to the sign-in page. It reads
the session only: no query.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

IDLE_KEY = "idle_timeout"  # the strict limits apply
SIGNED_IN_KEY = "signed_in_at"
LAST_SEEN_KEY = "last_seen"
# The last-seen time is written at most this often: not one session write per request.
WRITE_EVERY_SECONDS = 60


def limits(session) -> tuple[int, int]:
    """(idle seconds, lifetime seconds) of ``session``."""
    if session.get(IDLE_KEY):
        return (
            settings.LINKRETE_IDLE_SESSION_MINUTES * 60,
            settings.LINKRETE_STRICT_SESSION_HOURS * 3600,
        )
    return settings.LINKRETE_STAFF_IDLE_SESSION_MINUTES * 60, settings.SESSION_COOKIE_AGE


def is_strict(user) -> bool:
    from famiglie.access import works_on_cases
    from linkrete.accounts.roles import is_coordinator

    return is_coordinator(user) or works_on_cases(user)


@receiver(user_logged_in, dispatch_uid="session_lifetimes_at_sign_in")
def _start_session(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    session = request.session
    now = int(time.time())
    session[SIGNED_IN_KEY] = now
    session[LAST_SEEN_KEY] = now
    if is_strict(user):
        start_idle_timeout(session)
    else:
        session.set_expiry(limits(session)[0])


def start_idle_timeout(session) -> None:
    """The strict limits from now on (someone put on a case during their session)."""
    session[IDLE_KEY] = True
    session[LAST_SEEN_KEY] = int(time.time())
    session.setdefault(SIGNED_IN_KEY, session[LAST_SEEN_KEY])
    # The cookie too, should the browser stay open and unused.
    session.set_expiry(limits(session)[0])


def _sign_out(request, message: str):
    logout(request)
    messages.info(request, message)
    url = reverse("login")
    if request.method == "GET":
        url = f"{url}?{urlencode({'next': request.get_full_path()})}"
    return redirect(url)


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and (LAST_SEEN_KEY in session or IDLE_KEY in session):
            idle, lifetime = limits(session)
            now = int(time.time())
            last = session.get(LAST_SEEN_KEY, 0)
            if now - last > idle:
                return _sign_out(
                    request,
                    _("You were signed out after %(minutes)s minutes without activity.")
                    % {"minutes": idle // 60},
                )
            if now - session.get(SIGNED_IN_KEY, now) > lifetime:
                return _sign_out(
                    request,
                    _("You were signed out %(hours)s hours after signing in: sign in again.")
                    % {"hours": lifetime // 3600},
                )
            if now - last >= WRITE_EVERY_SECONDS:
                session[LAST_SEEN_KEY] = now
                session.set_expiry(idle)
        return self.get_response(request)
