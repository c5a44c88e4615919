from django.shortcuts import redirect

from famiglie.access import works_on_cases


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
