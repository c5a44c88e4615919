from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from linkrete.accounts.second_factor import SESSION_KEY
from linkrete.accounts.second_factor.devices import has_device

# What a signed-in user who still owes the second factor may reach.
OPEN_URL_NAMES = {"logout", "set_language", "login"}
OPEN_NAMESPACE = "second_factor"


class SecondFactorMiddleware:
    """Sends a signed-in user who must give the second factor, and has not this session, to
    verification (or to enrolment, with no device yet): every page, the admin included.

    Asks the database nothing for other users: who must is read from the user (``is_staff``)
    and the session (set at sign-in); whether they did, from django-otp's middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        match = request.resolver_match
        if match and (OPEN_NAMESPACE in match.namespaces or match.url_name in OPEN_URL_NAMES):
            return None
        required = user.is_staff or user.is_superuser or request.session.get(SESSION_KEY)
        if not required or user.is_verified():
            return None
        return redirect_to_second_factor(request)


def redirect_to_second_factor(request):
    """To verification (or enrolment, with no device yet), back to this page after a GET."""
    name = "second_factor:verify" if has_device(request.user) else "second_factor:enrol"
    url = reverse(name)
    if request.method == "GET":
        url = f"{url}?{urlencode({'next': request.get_full_path()})}"
    return redirect(url)
