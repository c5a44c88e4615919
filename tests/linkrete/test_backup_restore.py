"""The backup procedure (deploy/backup.sh, deploy/restore.sh) end to end: the demo is dumped,
restored into a fresh database, and a gunicorn started on that database serves its pages.

The scripts run as an operator would run them, with pg_dump and pg_restore of the server's own
major version: the embedded server's in the quick start and CI, the system's with DATABASE_URL.
"""

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils.html import escape

from directory.models import Activity, Organization
from tests.database_url import database_url
from tests.migrated_data import restore_migrated_data

ROOT = Path(settings.BASE_DIR)
RESTORED = "_restored"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, committed so pg_dump sees it; the database emptied again afterwards."""
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        restore_migrated_data()


def tools_folder(server_major: int) -> str:
    """The folder of pg_dump and pg_restore of the server's major version."""
    candidates = [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    candidates.append(Path(f"/usr/lib/postgresql/{server_major}/bin"))
    for folder in candidates:
        pg_dump = folder / "pg_dump"
        if pg_dump.is_file() and (folder / "pg_restore").is_file():
            version = subprocess.run(
                [pg_dump, "--version"], capture_output=True, text=True, check=True
            ).stdout
            # "pg_dump (PostgreSQL) 18.6": Debian's wrapper in /usr/bin answers for its newest.
            if version.split()[-1].split(".")[0] == str(server_major):
                return str(folder)
    pytest.fail(f"no pg_dump and pg_restore of PostgreSQL {server_major} on this machine")


def free_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]


def get(url: str, attempts: int = 100) -> tuple[int, str]:
    """The page at ``url``, waiting up to 20 s for the server to start (and up to a minute for
    its first answer: a cold page on a busy CI machine)."""
    for _attempt in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (local)
                return response.status, response.read().decode()
        except ConnectionError:
            time.sleep(0.2)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionError):
                raise
            time.sleep(0.2)
    raise AssertionError(f"nothing answered at {url}")


@pytest.fixture
def restored_database(demo, db):
    """A fresh, empty database beside the test database, dropped at the end."""
    name = connection.settings_dict["NAME"] + RESTORED
    connection.ensure_connection()
    server_major = connection.pg_version // 10000
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name, tools_folder(server_major)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_dump_of_the_demo_restored_into_a_fresh_database_serves_the_site(
    restored_database, tmp_path
):
    name, pg_bin = restored_database
    activity = Activity.objects.public().order_by("pk").first()
    organizations = Organization.objects.count()
    env = {**os.environ, "PG_BIN": pg_bin, "KEEP_DAYS": "14"}
    # The uploads' folders do not exist in the test's project folder: only the database here.
    env.update(MEDIA_ROOT=str(tmp_path / "none"), PRIVATE_MEDIA_ROOT=str(tmp_path / "none"))

    backup = subprocess.run(
        ["deploy/backup.sh", str(tmp_path / "backups")],
        cwd=ROOT,
        env={**env, "DATABASE_URL": database_url(connection.settings_dict["NAME"])},
        capture_output=True,
        text=True,
    )
    assert backup.returncode == 0, backup.stderr
    (dump,) = (tmp_path / "backups").glob("linkrete-*.dump")
    assert not list((tmp_path / "backups").glob("*.partial"))

    restored = {
        **env,
        "DATABASE_URL": database_url(name),
        "DEBUG": "1",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    restore = subprocess.run(
        ["deploy/restore.sh", str(dump)], cwd=ROOT, env=restored, capture_output=True, text=True
    )
    assert restore.returncode == 0, restore.stderr
    # Nothing left for migrate to do: the dump holds the schema and its migrations' record.
    check = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check"],
        cwd=ROOT,
        env=restored,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr

    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "linkrete.wsgi"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning"),
        ],
        cwd=ROOT,
        env={**restored, "PAGE_CACHE": "0"},
    )
    try:
        status, home = get(f"http://127.0.0.1:{port}/")
        assert status == 200
        status, page = get(f"http://127.0.0.1:{port}{activity.get_absolute_url()}")
        assert status == 200
        assert escape(activity.title) in page
    finally:
        server.terminate()
        server.wait(timeout=30)
    # The restored database holds the demo's organizations, all of them.
    counted = subprocess.run(
        [
            *(sys.executable, "manage.py", "shell", "--no-imports", "-c"),
            "from directory.models import Organization; print(Organization.objects.count())",
        ],
        cwd=ROOT,
        env=restored,
        capture_output=True,
        text=True,
    )
    assert counted.stdout.strip() == str(organizations), counted.stderr
