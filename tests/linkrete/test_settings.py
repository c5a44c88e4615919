"""Settings read from the environment: checked in a fresh interpreter, as a deployment starts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from linkrete.env import env_bool, env_int, env_list
from tests.database_url import database_url

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import linkrete.settings as s; print(s.DEBUG, s.DATABASES)"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_start_up_stops_without_secret_key_when_debug_is_off():
    result = load_settings()
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_runs_without_secret_key():
    result = load_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True")


def test_a_database_url_other_than_postgresql_is_refused():
    result = load_settings(DEBUG="1", DATABASE_URL="mysql://u:p@db.example/rete")
    assert result.returncode != 0
    assert "DATABASE_URL must point at a PostgreSQL database" in result.stderr


def test_database_url_selects_postgresql():
    result = load_settings(DEBUG="1", DATABASE_URL="postgres://u:p@db.example:5432/rete")
    assert "'ENGINE': 'django.db.backends.postgresql'" in result.stdout
    assert "'NAME': 'rete'" in result.stdout


def test_postgresql_connections_run_without_parallel_workers_unless_told():
    url = "postgres://u:p@db.example:5432/rete"
    result = load_settings(DEBUG="1", DATABASE_URL=url)
    assert "'options': '-c max_parallel_workers_per_gather=0 " in result.stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, DB_PARALLEL_WORKERS_PER_QUERY="2")
    assert "max_parallel_workers_per_gather=2" in result.stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, DB_PARALLEL_WORKERS_PER_QUERY="")
    assert "max_parallel_workers_per_gather" not in result.stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, DB_PARALLEL_WORKERS_PER_QUERY="many")
    assert "must be a whole number" in result.stderr


def test_a_big_tables_scan_starts_at_its_first_page(db):
    # Synchronized scans made two identical bounded searches show different first matches.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronize_seqscans")
        assert cursor.fetchone() == ("off",)


def test_statements_are_cut_before_gunicorn_kills_the_worker_unless_told():
    url = "postgres://u:p@db.example:5432/rete"
    assert "-c statement_timeout=25000'" in load_settings(DEBUG="1", DATABASE_URL=url).stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, DB_STATEMENT_TIMEOUT="10")
    assert "-c statement_timeout=10000'" in result.stdout
    # A management command (manage.py names it) runs without, or with its own.
    result = load_settings(DEBUG="1", DATABASE_URL=url, LINKRETE_COMMAND="export_hsds")
    assert "-c statement_timeout=0'" in result.stdout
    result = load_settings(
        DEBUG="1",
        DATABASE_URL=url,
        LINKRETE_COMMAND="import_hsds",
        DB_COMMAND_STATEMENT_TIMEOUT="600",
    )
    assert "-c statement_timeout=600000'" in result.stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, LINKRETE_COMMAND="runserver")
    assert "-c statement_timeout=25000'" in result.stdout


def test_a_management_command_lifts_the_statement_timeout_for_its_session(db, settings):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
        assert cursor.fetchone() == (str(settings.STATEMENT_TIMEOUT_SECONDS * 1000),)
    env = {k: v for k, v in os.environ.items() if k != "LINKRETE_COMMAND"}
    env.update(DEBUG="1", DATABASE_URL=database_url())
    shown = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.db import connection\n"
            "with connection.cursor() as c:\n"
            "    c.execute('SHOW statement_timeout'); print(c.fetchone()[0])",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert shown.stdout.strip().splitlines()[-1] == "0", shown.stderr


def test_connections_are_checked_before_reuse():
    from django.conf import settings

    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_the_deployment_check_is_clean_with_production_settings(tmp_path):
    """`manage.py check --deploy --fail-level WARNING` as a deployment runs it."""
    # Not the test run's own: DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests (Playwright
    # drives the live server from an event loop) and the deploy check rightly refuses it.
    ours = {"DEBUG", "LINKRETE_COMMAND", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in ours}
    env.update(
        SECRET_KEY="k7Qz-" + "x9Lm2pR4vT8wB1nC6yH3jF5gD0sA7eK" * 2,
        FIELD_KEYS="dGVzdC1zdWl0ZS1maWVsZC1rZXktMDAwMDAwMDAwMDA=",
        ALLOWED_HOSTS="rete.example.it",
        CSRF_TRUSTED_ORIGINS="https://rete.example.it",
        DATABASE_URL="postgres://linkrete@db.example:5432/linkrete",
        TRUSTED_PROXY_COUNT="1",
        STATIC_ROOT=str(tmp_path),
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_hsts_is_a_year_with_subdomains_in_production():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import linkrete.settings as s; "
            "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)",
        ],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 60},
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["31536000", "True", "False"], result.stderr


def test_the_setting_reaches_the_connection(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)


def test_a_malformed_boolean_is_refused(monkeypatch):
    monkeypatch.setenv("EMAIL_USE_TLS", "maybe")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_USE_TLS must be a boolean"):
        env_bool("EMAIL_USE_TLS")


def test_env_readers(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    monkeypatch.setenv("X_NUMBER", "25")
    monkeypatch.setenv("X_HOSTS", "rete.example.it, www.rete.example.it,,")
    assert env_bool("X_FLAG") is True
    assert env_bool("X_MISSING", True) is True
    assert env_int("X_NUMBER", 0) == 25
    assert env_list("X_HOSTS") == ["rete.example.it", "www.rete.example.it"]
    monkeypatch.setenv("X_NUMBER", "venticinque")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("X_NUMBER", 0)
