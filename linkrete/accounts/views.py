from django.contrib.auth import views as auth_views
from django.shortcuts import redirect

from famiglie.access import works_on_cases
from linkrete.accounts.forms import LoginForm
from linkrete.accounts.sign_in_limits import remember_device


class SignInView(auth_views.LoginView):
    """Django's sign-in; this browser is then known for the user name (``sign_in_limits``)."""

    authentication_form = LoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_device(self.request, response, form.get_user().get_username())
        return response


def landing(request):
    """After signing in, each role lands where its work is."""
    user = request.user
    if user.desks.exists() and not user.memberships.exists():
        return redirect("sportelli:console")
    if works_on_cases(user) and not user.memberships.exists():
        return redirect("famiglie:home")
    if user.access_points.exists() and not user.memberships.exists():
        # The light role of an access point's referrer: straight to its only pages.
        return redirect("sportelli:access_point_home")
    return redirect("staff:home")
