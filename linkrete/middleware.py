"""Project middleware."""

import logging

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

# The signed-in areas: what they answer carries personal data (volunteers, applicants,
# bookings, accesses, referrals, family cases).
PRIVATE_PREFIXES = (
    "/area-enti/",
    "/sportelli/console/",
    "/sportelli/segnalazioni/",
    "/famiglie/",
)


# Pages for staff, operators, case workers and coordinators: their strings are in the Italian
# and English catalogues only (the Makefile's PUBLIC ignore list leaves their code out).
STAFF_PREFIXES = (
    "/area-enti/",
    "/sportelli/console/",
    "/famiglie/",
    "/admin/",
    "/accesso/",
    "/esci/",
    "/benvenuto/",
)
# The languages those pages are written in.
STAFF_LANGUAGES = ("it", "en")


def _without_language(path: str) -> str:
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path


def is_private_path(path: str) -> bool:
    return _without_language(path).startswith(PRIVATE_PREFIXES)


def is_staff_path(path: str) -> bool:
    return _without_language(path).startswith(STAFF_PREFIXES)


class StaffPagesLanguageMiddleware:
    """A staff page asked for in Arabic, Chinese… is shown in Italian, the language the
    network's staff share, rather than in English (gettext's msgids) under an Arabic header:
    one language per page, ``<html lang dir>`` true to it (WCAG 3.1.1). Django's own fallback
    for a missing entry is Italian too (``LANGUAGE_CODE``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # After the URL is resolved: /ar/… resolves only while Arabic is active.
        if translation.get_language() not in STAFF_LANGUAGES and is_staff_path(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE


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


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers the 503 page with ``Retry-After`` rather
    than a 500 (``linkrete.error_pages``). Django turns what middlewares raise into responses
    before this one could see it: ``error_pages.server_error`` covers those."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from linkrete import error_pages

        if isinstance(exception, error_pages.DATABASE_ERRORS):
            logger.warning(
                "Database unavailable (%s): %s answered 503",
                type(exception).__name__,
                request.path,
            )
            return error_pages.service_unavailable(request)
        return None
