"""The public search reads from a replica of the database, when one is configured.

``DATABASE_REPLICA_URL`` names a PostgreSQL streaming replica of ``DATABASE_URL`` (the settings
add it as the ``replica`` alias). A view decorated with ``@reads_from_replica`` then reads the
directory's tables there for its GET and HEAD requests: its querysets through ``ReplicaRouter``
(in ``DATABASE_ROUTERS``), its hand-written SQL through ``read_connection()``. Everything else
stays on the primary: writes, every other view, and, inside the search too, the sessions,
accounts and rate counters (a visitor who has just chosen a municipality must find it in their
session, which a replica a few milliseconds behind might not have yet).

A replica is behind the primary by the time its WAL takes to arrive and be replayed
(milliseconds on a local network): a change saved by a coordinator shows in the search that much
later. The detail pages, which staff open right after saving, read the primary.

Without ``DATABASE_REPLICA_URL`` the decorator changes nothing and every read goes to the
primary: development, CI and a single-machine site are unaffected.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# The apps whose tables the search reads: the directory's. Not sessions, accounts, axes or the
# rate counters, which a request may have just written.
REPLICA_APPS = frozenset({"directory"})

_reading = ContextVar("linkrete_reads_from_replica", default=False)


def configured() -> bool:
    return settings.LINKRETE_READ_REPLICA


def read_alias() -> str:
    """The alias the directory's reads go to now."""
    return REPLICA if _reading.get() else DEFAULT_DB_ALIAS


def read_connection():
    """The connection for hand-written SQL that only reads the directory's tables."""
    return connections[read_alias()]


@contextmanager
def reading_from_replica():
    token = _reading.set(configured())
    try:
        yield
    finally:
        _reading.reset(token)


def reads_from_replica(view):
    """Run ``view``'s GET and HEAD requests with the directory read from the replica."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with reading_from_replica():
            return view(request, *args, **kwargs)

    return wrapper


class ReplicaRouter:
    """Reads of the directory's models go to the replica inside ``reading_from_replica``."""

    def db_for_read(self, model, **hints):
        if _reading.get() and model._meta.app_label in REPLICA_APPS:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The same rows on both: an object read from the replica may point at one of the primary.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary's WAL: migrations run on the primary only.
        return db != REPLICA
