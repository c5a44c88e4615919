"""Errors sent to Sentry (or a server speaking its protocol: GlitchTip, Bugsink) through
sentry-sdk, only when ``SENTRY_DSN`` is set.

No personal data leaves: ``send_default_pii`` is off (no user, no address, no cookies) and
``before_send`` drops what the SDK would still attach of the request (its body, cookies, query
string and headers other than a few harmless ones) and the local variables of the frames.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

# Request headers kept in a report: they tell browsers and proxies apart, not people.
KEPT_HEADERS = {"content-type", "content-length", "accept", "accept-language", "x-request-id"}


def scrub(event, hint=None):
    request = event.get("request")
    if request:
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers") or {}
        request["headers"] = {
            name: value for name, value in headers.items() if name.lower() in KEPT_HEADERS
        }
    event.pop("user", None)
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    return event


def init(dsn: str, *, environment: str = "", release: str = "", **options) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub,
        **options,
    )
