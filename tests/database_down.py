"""The database really out of reach: the default connection pointed at a closed port.

No mock: PostgreSQL's client library tries the port, the kernel refuses the connection, and
Django raises ``OperationalError`` as it would with the server stopped. Used outside a
``django_db`` test (whose transaction would be lost); the connection is closed and its port put
back afterwards.
"""

import contextlib
import socket

from django.db import connections


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # freed when the socket closes: nobody listens there


@contextlib.contextmanager
def database_unreachable(django_db_blocker, alias="default"):
    connection = connections[alias]
    with django_db_blocker.unblock():
        connection.close()
        saved = {key: connection.settings_dict.get(key) for key in ("HOST", "PORT")}
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
        try:
            yield connection
        finally:
            connection.close()
            connection.settings_dict.update(saved)
