"""The log of a database outage: one warning a request, no traceback.

Django's ``django.request`` logger writes every answer of 500 or more at ERROR, and with the
whole traceback when a middleware raised (the session's, read before any view): with PostgreSQL
stopped 20 s under load, ``bench/journey.py`` found 248 tracebacks in gunicorn's log, each
naming the database's host and port. A 503 is an outage to wait out (the page says so with
``Retry-After``), not a bug: ``OutageFilter`` writes it at WARNING, and a database error as its
type alone, as ``linkrete.middleware.DatabaseUnavailableMiddleware`` does for the views.
"""

import logging

from linkrete.error_pages import database_error_in


class OutageFilter(logging.Filter):
    def filter(self, record):
        if getattr(record, "status_code", None) != 503:
            return True
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        error = database_error_in(record.exc_info[1] if record.exc_info else None)
        if error is not None:
            request = getattr(record, "request", None)
            record.msg = "Database unavailable (%s): %s answered 503"
            record.args = (type(error).__name__, getattr(request, "path", "?"))
            record.exc_info = record.exc_text = None
        return True
