from django.shortcuts import redirect


def landing(request):
    """After signing in, each role lands where its work is."""
    user = request.user
    if user.desks.exists() and not user.memberships.exists():
        return redirect("sportelli:console")
    return redirect("staff:home")
