"""Settings read from the environment: checked in a fresh interpreter, as a deployment starts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from linkrete.env import env_bool, env_int, env_list

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
    assert "'options': '-c max_parallel_workers_per_gather=0'" in result.stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, DB_PARALLEL_WORKERS_PER_QUERY="2")
    assert "max_parallel_workers_per_gather=2" in result.stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, DB_PARALLEL_WORKERS_PER_QUERY="")
    assert "max_parallel_workers_per_gather" not in result.stdout
    result = load_settings(DEBUG="1", DATABASE_URL=url, DB_PARALLEL_WORKERS_PER_QUERY="many")
    assert "must be a whole number" in result.stderr


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
