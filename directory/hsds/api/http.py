"""What every endpoint of the API shares: JSON answers and errors, the rate limit, conditional
GET (ETag, 304), Cache-Control and CORS for reading.

CORS is a few headers on these views rather than django-cors-headers: the API is public and
read-only, so any origin may read it (``*``, no credentials), and nothing else on the site is
to be read across origins; a middleware for the whole site would only have to be told so.
"""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import gettext as _

from directory.hsds.api.params import BadParameter
from linkrete import throttle

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Clients revalidate with the ETag after this: the directory changes a few times a day.
MAX_AGE_SECONDS = 300
PREFLIGHT_MAX_AGE_SECONDS = 86400


def json_response(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def error(status: int, message: str, **fields) -> JsonResponse:
    """An error the standard does not shape: ``{"status": 400, "message": …}``."""
    return json_response({"status": status, "message": str(message), **fields}, status=status)


def not_found() -> JsonResponse:
    return error(404, _("No published record has this identifier."))


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
    return response


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE_SECONDS)
    response["Allow"] = ALLOWED_METHODS
    return _cors(response)


_conditional = decorator_from_middleware(ConditionalGetMiddleware)


def endpoint(view):
    """A public, read-only endpoint: other methods get 405, a preflight its answer, a client
    past ``LINKRETE_API_RATE_LIMIT`` requests a minute 429, a bad parameter 400; every answer
    is JSON in Italian (the directory's language), readable from any origin, and a GET carries
    an ETag that a conditional GET turns into a 304."""

    @_conditional
    def answered(request, *args, **kwargs):
        with translation.override("it"):
            try:
                response = view(request, *args, **kwargs)
            except BadParameter as bad:
                response = error(400, bad.message, parameter=bad.name)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
        return response

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight()
        if request.method not in ("GET", "HEAD"):
            response = error(405, _("This API only reads: use GET."))
            response["Allow"] = ALLOWED_METHODS
        elif throttle.over_limit(request, "hsda", settings.LINKRETE_API_RATE_LIMIT, 60):
            response = error(429, _("Too many requests: try again in a minute."))
            response["Retry-After"] = "60"
        else:
            # The 304 of a conditional GET too: it is a new response.
            response = answered(request, *args, **kwargs)
        return _cors(response)

    return login_not_required(wrapped)
