"""Public forms that post without a CSRF token, refused when a browser says they come from
another site.

Why: the public pages are kept in a shared cache (``linkrete.page_cache``) and served to every
anonymous visitor, so they cannot carry one visitor's CSRF token. Their forms (change of
language, add to and remove from "my list", report a mistake) post to views marked
``same_origin_post`` instead of carrying a token. That is safe because:

- a CSRF attack makes the victim's browser act with the victim's cookies; the only credential
  here is the session cookie, and it is ``SameSite=Lax`` (Django's default, not changed in
  settings): a cross-site POST does not carry it, so a forged "add to my list" acts on an
  empty session of nobody, never on the victim's list or a signed-in user's session;
- the problem report and the language change need no credential at all: a forged one is what
  anyone can send directly (the report is rate-limited and has a honeypot);
- and as defence in depth, a browser's own statement is checked: a POST whose ``Origin`` is not
  this site (nor one of ``CSRF_TRUSTED_ORIGINS``), or, without ``Origin``, whose
  ``Sec-Fetch-Site`` is ``cross-site`` or ``same-site``, is refused with Django's CSRF failure
  page (403). Every current browser sends ``Origin`` with a form's POST.

Forms that act on personal data or accounts (booking, applications, sign-in, the signed-in
areas) keep Django's CSRF token: their pages are never cached.
"""

import functools

from django.conf import settings
from django.urls import get_callable
from django.views.decorators.csrf import csrf_exempt

ALLOWED_FETCH_SITES = ("same-origin", "none")


def is_cross_site(request) -> bool:
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        own = f"{request.scheme}://{request.get_host()}"
        return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    return fetch_site is not None and fetch_site not in ALLOWED_FETCH_SITES


def same_origin_post(view):
    """Exempt ``view`` from the CSRF token and refuse cross-site requests (module docstring)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE") and is_cross_site(request):
            failure = get_callable(settings.CSRF_FAILURE_VIEW)
            return failure(request, reason="Cross-site request refused (Origin/Sec-Fetch-Site).")
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)
