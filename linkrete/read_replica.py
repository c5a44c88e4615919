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

A replica that cannot be reached, or that is behind by more than
``DATABASE_REPLICA_MAX_LAG`` seconds, is skipped: the search reads the primary until a later
check finds the replica usable again. Each process checks at most every
``REPLICA_CHECK_SECONDS`` (one short query on the replica, ``replica_lag()``), and at once when
a search fails on the replica's connection, which is then run again on the primary.

Without ``DATABASE_REPLICA_URL`` the decorator changes nothing and every read goes to the
primary: development, CI and a single-machine site are unaffected.
"""

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
# The apps whose tables the search reads: the directory's. Not sessions, accounts, axes or the
# rate counters, which a request may have just written.
REPLICA_APPS = frozenset({"directory"})

_reading = ContextVar("linkrete_reads_from_replica", default=False)

# Seconds between two checks of the replica by one process.
REPLICA_CHECK_SECONDS = 5
# Seconds the replica is behind the primary: 0 when it has replayed all it received and still
# receives (an idle primary sends nothing, and the last replayed commit then looks old);
# otherwise the age of the last transaction it replayed. Not a standby at all: 0.
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
        AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9)
END
"""
# This process's last verdict: (monotonic time of the check, usable). Each process judges the
# replica for itself; nothing here needs to be shared between processes.
_verdict = {"checked_at": None, "usable": False}


def configured() -> bool:
    return settings.LINKRETE_READ_REPLICA


def replica_lag() -> float:
    """Seconds the replica is behind (``LAG_SQL``); raises ``DatabaseError`` if unreachable."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(LAG_SQL)
        return float(cursor.fetchone()[0])


def _mark(usable: bool, why: str = "") -> bool:
    first = _verdict["checked_at"] is None
    if not usable and (first or _verdict["usable"]):
        logger.warning("The read replica is skipped: %s", why)
    elif usable and not first and not _verdict["usable"]:
        logger.warning("The read replica is used again")
    _verdict.update(checked_at=time.monotonic(), usable=usable)
    return usable


def usable() -> bool:
    """Whether the replica answers and is at most ``LINKRETE_REPLICA_MAX_LAG`` seconds behind."""
    checked_at = _verdict["checked_at"]
    if checked_at is not None and time.monotonic() - checked_at < REPLICA_CHECK_SECONDS:
        return _verdict["usable"]
    try:
        lag = replica_lag()
    except DatabaseError as error:
        connections[REPLICA].close_if_unusable_or_obsolete()
        return _mark(False, f"unreachable ({type(error).__name__})")
    if lag > settings.LINKRETE_REPLICA_MAX_LAG:
        return _mark(False, f"{lag:.1f} s behind")
    return _mark(True)


def forget_verdict():
    """The next search checks the replica again (tests, and after a failure on it)."""
    _verdict.update(checked_at=None, usable=False)


def read_alias() -> str:
    """The alias the directory's reads go to now."""
    return REPLICA if _reading.get() else DEFAULT_DB_ALIAS


def read_connection():
    """The connection for hand-written SQL that only reads the directory's tables."""
    return connections[read_alias()]


@contextmanager
def reading_from_replica(check=False):
    """Directory reads on the replica inside; with ``check``, only if it is ``usable()``."""
    token = _reading.set(configured() and (not check or usable()))
    try:
        yield
    finally:
        _reading.reset(token)


def reads_from_replica(view):
    """Run ``view``'s GET and HEAD requests with the directory read from the replica, when it is
    usable; a request that fails on the replica's connection is run again on the primary."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with reading_from_replica(check=True):
            if read_alias() != REPLICA:
                return view(request, *args, **kwargs)
            try:
                return view(request, *args, **kwargs)
            except DatabaseError:
                replica = connections[REPLICA]
                if replica.connection is not None and replica.is_usable():
                    raise  # not the replica's connection: the primary's error page
                replica.close()
                _mark(False, "its connection failed")
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
