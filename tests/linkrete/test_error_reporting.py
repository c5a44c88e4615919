"""Error reports through sentry-sdk (linkrete/error_reporting.py): only with a DSN, and with
nothing of the person who made the request."""

import pytest
import sentry_sdk
from django.contrib.auth.decorators import login_not_required
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory, override_settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from sentry_sdk.transport import Transport

from linkrete import error_reporting

SECRET_VALUES = ("Zeffirino", "zeffirino@example.org", "3471112233", "sessionid", "s3ss10n")


@login_not_required
@csrf_exempt
def _fails(request):
    request.POST.get("name")
    raise ValueError("a bug")


urlpatterns = [path("fails/", _fails)]


class Captured(Transport):
    events: list = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type == "event":
                Captured.events.append(item.payload.json)


@pytest.fixture
def reporting():
    Captured.events = []
    error_reporting.init("https://public@sentry.example/1", transport=Captured)
    yield Captured.events
    sentry_sdk.init()  # no DSN: reporting off again for the rest of the suite


def test_no_reports_without_a_dsn():
    assert sentry_sdk.get_client().transport is None


def _through_wsgi(request) -> str:
    """The request served as gunicorn serves it: Django's WSGI handler, which sentry-sdk
    wraps to read the request (the test client skips it)."""
    statuses = []
    body = WSGIHandler()(request.environ, lambda status, headers: statuses.append(status))
    b"".join(body)
    return statuses[0]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_report_says_where_it_failed_and_nothing_of_who(reporting):
    request = RequestFactory().post(
        "/fails/?email=zeffirino@example.org",
        {"name": "Zeffirino", "email": "zeffirino@example.org", "phone": "3471112233"},
        HTTP_X_REQUEST_ID="request-0000001",
        HTTP_COOKIE="sessionid=s3ss10n",
        HTTP_USER_AGENT="Zeffirino's browser",
    )
    assert _through_wsgi(request).startswith("500")
    sentry_sdk.flush()

    [event] = reporting
    assert event["exception"]["values"][0]["type"] == "ValueError"
    assert event["request"]["url"] == "http://testserver/fails/"
    assert event["request"]["headers"]["X-Request-Id"] == "request-0000001"
    assert set(event["request"]) == {"url", "method", "headers"}
    assert {name.lower() for name in event["request"]["headers"]} <= error_reporting.KEPT_HEADERS
    text = repr(event)
    for value in SECRET_VALUES:
        assert value not in text, value
    assert "user" not in event


def test_the_scrubber_drops_bodies_cookies_headers_and_variables():
    event = {
        "request": {
            "url": "https://linkrete.example/cerca/",
            "data": {"name": "Zeffirino"},
            "cookies": {"sessionid": "s3ss10n"},
            "query_string": "email=zeffirino@example.org",
            "headers": {"Cookie": "sessionid=s3ss10n", "Accept-Language": "it", "Referer": "x"},
            "env": {"REMOTE_ADDR": "192.0.2.1"},
        },
        "user": {"ip_address": "192.0.2.1"},
        "exception": {"values": [{"stacktrace": {"frames": [{"vars": {"email": "z@x"}}]}}]},
    }
    scrubbed = error_reporting.scrub(event)
    assert scrubbed["request"] == {
        "url": "https://linkrete.example/cerca/",
        "headers": {"Accept-Language": "it"},
    }
    assert "user" not in scrubbed
    assert scrubbed["exception"]["values"][0]["stacktrace"]["frames"] == [{}]
