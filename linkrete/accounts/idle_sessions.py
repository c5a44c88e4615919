"""Sessions that end after a while without use: those of people who work on family cases.

At sign-in the session is marked (``IDLE_KEY``) when the user works on cases; on each request
of a marked session the middleware compares now with the last request's time: past
``LINKRETE_IDLE_SESSION_MINUTES`` (30) it signs the user out and sends them to the sign-in
page, whatever page they asked for. Other sessions are left as they are (12 hours).
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

IDLE_KEY = "idle_timeout"
LAST_SEEN_KEY = "last_seen"
# The last-seen time is written at most this often: not one session write per request.
WRITE_EVERY_SECONDS = 60


def idle_seconds() -> int:
    return settings.LINKRETE_IDLE_SESSION_MINUTES * 60


@receiver(user_logged_in, dispatch_uid="idle_sessions_at_sign_in")
def _mark_session(sender, request, user, **kwargs):
    from famiglie.access import works_on_cases

    if request is None or not hasattr(request, "session"):
        return
    if works_on_cases(user):
        start_idle_timeout(request.session)


def start_idle_timeout(session) -> None:
    session[IDLE_KEY] = True
    session[LAST_SEEN_KEY] = int(time.time())
    # The cookie too, should the browser stay open and unused.
    session.set_expiry(idle_seconds())


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(IDLE_KEY):
            now = int(time.time())
            last = session.get(LAST_SEEN_KEY, 0)
            if now - last > idle_seconds():
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)s minutes without activity.")
                    % {"minutes": settings.LINKRETE_IDLE_SESSION_MINUTES},
                )
                url = reverse("login")
                if request.method == "GET":
                    url = f"{url}?{urlencode({'next': request.get_full_path()})}"
                return redirect(url)
            if now - last >= WRITE_EVERY_SECONDS:
                session[LAST_SEEN_KEY] = now
                session.set_expiry(idle_seconds())
        return self.get_response(request)
