"""A request id in every log record written while a request is served, and in the response.

The proxy's ``X-Request-ID`` is kept when it looks like an id (letters, digits, ``-``, ``_``,
``.``, 8 to 128 of them): the proxy's access log and ours then share it. Anything else (absent,
too long, with spaces or other characters a log line could be forged with) is replaced by a
new random one. Records written outside a request carry ``-``.
"""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
VALID = re.compile(r"[A-Za-z0-9._-]{8,128}")
NONE = "-"

_current = contextvars.ContextVar("request_id", default=NONE)


def current() -> str:
    return _current.get()


def from_header(value: str | None) -> str:
    if value and VALID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = from_header(request.headers.get(HEADER))
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to each record (the handlers' formats print it). Django logs a
    4xx or 5xx answer after the middlewares have returned, with the request attached: its id
    is read from there."""

    def filter(self, record):
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current()
        return True
