"""The test database's address as a ``DATABASE_URL``, for a subprocess (a server, a command)
that must reach the same database: the embedded server's host is its socket directory, which
the URL carries percent-encoded."""

from urllib.parse import quote

from django.db import connection


def database_url(name: str | None = None) -> str:
    params = connection.settings_dict
    host = quote(params["HOST"] or "localhost", safe="")
    password = f":{quote(params['PASSWORD'], safe='')}" if params["PASSWORD"] else ""
    port = f":{params['PORT']}" if params["PORT"] else ""
    user = quote(params["USER"], safe="")
    return f"postgres://{user}{password}@{host}{port}/{name or params['NAME']}"
