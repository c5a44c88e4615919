"""Project middleware."""

from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

# The signed-in areas: what they answer carries personal data (volunteers, applicants,
# bookings, accesses, referrals, family cases).
PRIVATE_PREFIXES = (
    "/area-enti/",
    "/sportelli/console/",
    "/sportelli/segnalazioni/",
    "/famiglie/",
)


def is_private_path(path: str) -> bool:
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        path = path[len(language) + 1 :]
    return path.startswith(PRIVATE_PREFIXES)


class PrivatePagesMiddleware:
    """Answers to signed-in users in the private areas say ``Cache-Control: private,
    no-store``: no shared cache (proxy, CDN) keeps them, and the browser neither stores them
    nor shows them again from its back-forward cache after signing out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and is_private_path(request.path_info):
            patch_cache_control(response, private=True, no_store=True)
        return response
