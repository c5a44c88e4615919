"""Prometheus metrics (linkrete/metrics.py, django-prometheus): off by default, behind a token
if one is set, counting requests by view and status, timing views and queries, reading the
task queue, and adding up several worker processes."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from directory.tasks import recompute_home_figures
from tests.database_url import database_url

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_MIDDLEWARE = (
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def metrics_on(settings):
    settings.LINKRETE_METRICS_ENABLED = True
    settings.MIDDLEWARE = [PROMETHEUS_MIDDLEWARE[0], *settings.MIDDLEWARE, PROMETHEUS_MIDDLEWARE[1]]
    return settings


def test_the_metrics_are_off_by_default():
    assert Client().get("/metrics").status_code == 404


def test_requests_by_view_and_status_latency_and_the_task_queue(metrics_on):
    recompute_home_figures.enqueue()
    recompute_home_figures.enqueue()
    client = Client()
    assert client.get("/sportelli/").status_code == 200
    assert client.get("/pagina-che-non-esiste/").status_code == 404

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert (
        'django_http_responses_total_by_status_view_method_total{method="GET",status="200",'
        'view="sportelli:desk_list"}' in text
    )
    assert 'django_http_responses_total_by_status_view_method_total{method="GET",status="404"' in (
        text
    )
    assert 'django_http_requests_latency_seconds_by_view_method_bucket{le="0.01"' in text
    assert 'linkrete_tasks_ready{queue="default"} 2.0' in text
    assert "Set-Cookie" not in response


@pytest.mark.parametrize(
    ("authorization", "status"),
    [(None, 403), ("Bearer wrong", 403), ("s3cret-token", 403), ("Bearer s3cret-token", 200)],
)
def test_a_token_protects_the_metrics(metrics_on, authorization, status):
    metrics_on.LINKRETE_METRICS_TOKEN = "s3cret-token"
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    assert Client().get("/metrics", **headers).status_code == status


def _run(code: str, **env) -> str:
    url = database_url()
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "linkrete.test_settings",
            "DATABASE_URL": url,
            "METRICS_ENABLED": "1",
            **env,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_metrics_enabled_time_every_query():
    """The settings put django-prometheus's PostgreSQL backend in place (psycopg 3)."""
    out = _run(
        "import django, prometheus_client; django.setup();"
        "from django.db import connection;"
        "cursor = connection.cursor(); cursor.execute('SELECT 1'); cursor.execute('SELECT 2');"
        "print(prometheus_client.generate_latest().decode())"
    )
    counted = re.search(
        r'^django_db_query_duration_seconds_count\{alias="default",vendor="postgresql"\} (\S+)$',
        out,
        flags=re.MULTILINE,
    )
    # The two, and the connection's own set-up statements.
    assert counted and float(counted.group(1)) >= 2


def test_several_worker_processes_are_added_up(metrics_on, monkeypatch, tmp_path):
    """gunicorn's workers each write their figures under PROMETHEUS_MULTIPROC_DIR; the worker
    that answers the scrape reads them all."""
    serve_three = (
        "import django; django.setup();"
        "from django.test.utils import setup_test_environment; setup_test_environment();"
        "from django.test import Client; client = Client();"
        "[client.get('/contatti/') for _ in range(3)]"
    )
    for _worker in range(2):
        _run(serve_three, PROMETHEUS_MULTIPROC_DIR=str(tmp_path))
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))

    text = Client().get("/metrics").content.decode()

    assert (
        'django_http_responses_total_by_status_view_method_total{method="GET",status="200",'
        'view="pages:contacts"} 6.0' in text
    )
    assert 'linkrete_tasks_ready{queue="default"}' not in text  # no task waiting: no sample
    assert "linkrete_tasks_ready" in text


def test_prometheus_scrapes_a_worker_by_its_address(metrics_on):
    metrics_on.SECURE_SSL_REDIRECT = True
    assert Client().get("/metrics", HTTP_HOST="10.0.0.5:8000").status_code == 200
