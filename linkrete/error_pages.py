"""The pages of errors: 400, 403, 404, 429, 500 and 503, in the visitor's language.

They need no database: rendered without the request (so no context processor runs, nor the
session or the user is read) from ``errors/page.html``, which uses only translations, static
files and ``{% url %}``. ``linkrete.urls`` names them as Django's handlers. A 500 caused by a
database that cannot be reached (raised by a view or by a middleware) becomes the 503 page with
``Retry-After``: the database being down is an outage to wait out, not a bug.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from linkrete.helplines import HELPLINES

TEXTS = {
    400: (
        _("Bad request"),
        _("The address or the form sent could not be understood. Go back and try again."),
    ),
    403: (
        _("Access denied"),
        _("You do not have permission to see this page."),
    ),
    404: (
        _("Page not found"),
        _("The page you are looking for does not exist or has been moved."),
    ),
    429: (
        _("Too many requests"),
        _("Many requests came from here in a short time: please wait a minute and try again."),
    ),
    500: (
        _("Something went wrong"),
        _("An error on our side stopped this page. It has been reported: please try again later."),
    ),
    503: (
        _("Service temporarily unavailable"),
        _("The site is under maintenance or overloaded: please try again in a few minutes."),
    ),
}

DATABASE_ERRORS = (OperationalError, InterfaceError)


def _home_url() -> str:
    try:
        return reverse("directory:home")
    except NoReverseMatch:  # a language that resolves nothing: the site's own
        return "/"


def error_response(status: int) -> HttpResponse:
    title, message = TEXTS[status]
    context = {
        "status": status,
        "title": title,
        "message": message,
        "site_name": settings.LINKRETE_SITE_NAME,
        "home_url": _home_url(),
        "helplines": HELPLINES,
    }
    response = HttpResponse(loader.render_to_string("errors/page.html", context), status=status)
    if status == 503:
        response["Retry-After"] = str(settings.LINKRETE_RETRY_AFTER_SECONDS)
    # Never kept by a shared cache: the next request may well succeed.
    response["Cache-Control"] = "no-store"
    return response


def database_error_in(exception: BaseException | None) -> BaseException | None:
    """The database error ``exception`` is, or was raised from or while handling, if any."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, DATABASE_ERRORS):
            return exception
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return None


def bad_request(request, exception=None):
    # The session could not be saved because the database went away during the request:
    # Django calls it "interrupted" (a 400); it is the outage's 503.
    if database_error_in(exception) is not None:
        return error_response(503)
    return error_response(400)


def permission_denied(request, exception=None):
    return error_response(403)


def page_not_found(request, exception=None):
    return error_response(404)


def too_many_requests(request, exception=None):
    return error_response(429)


def service_unavailable(request, exception=None):
    return error_response(503)


def server_error(request):
    # Django calls the handler inside its ``except``: the exception is still at hand, whether a
    # view or a middleware (the session's, the user's) raised it.
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return error_response(503)
    return error_response(500)
