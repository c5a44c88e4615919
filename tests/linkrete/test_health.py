"""/healthz and /readyz (linkrete/health.py): what the load balancer and the orchestrator ask."""

import json
import time

import pytest
from django.core.cache import caches
from django.test import Client

from tests.database_down import database_unreachable


def _json(response):
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_healthz_needs_no_database_session_or_cache(django_db_blocker):
    default_cache = caches["default"]
    client = Client()
    with database_unreachable(django_db_blocker):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert _json(response) == {"status": "ok"}
    assert "Set-Cookie" not in response and not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert not default_cache._cache  # locmem: nothing written


@pytest.mark.django_db
def test_healthz_runs_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz").status_code == 200
        assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_asks_the_database_and_the_cache_in_milliseconds(client, django_assert_num_queries):
    client.get("/readyz")  # the connection opened once
    started = time.perf_counter()
    with django_assert_num_queries(1):
        response = client.get("/readyz")
    assert time.perf_counter() - started < 0.5
    assert response.status_code == 200
    assert _json(response) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "Set-Cookie" not in response
    assert "no-store" in response["Cache-Control"]
    assert not caches["default"]._cache  # the probe's entry deleted


def test_readyz_names_the_database_when_it_is_out_of_reach(django_db_blocker):
    client = Client()
    with database_unreachable(django_db_blocker) as connection:
        started = time.perf_counter()
        response = client.get("/readyz")
        elapsed = time.perf_counter() - started
        port = connection.settings_dict["PORT"]
    assert response.status_code == 503
    assert _json(response) == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert port not in response.content.decode() and "127.0.0.1" not in response.content.decode()
    assert elapsed < 1


@pytest.mark.django_db
def test_readyz_names_the_cache_when_it_fails(client, settings, tmp_path):
    # A file cache whose directory cannot be made: a file stands where it should be.
    (tmp_path / "blocked").write_text("")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "blocked" / "cache"),
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert _json(response) == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_the_probes_take_no_post_and_need_no_csrf_token(url):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url).status_code == 405
    assert client.get(url, HTTP_COOKIE="sessionid=x").status_code == 200


def test_the_probes_are_not_in_the_language_prefixes():
    client = Client()
    assert client.get("/en/healthz").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_a_probe_by_the_workers_address_over_http_is_answered(settings, url):
    """A load balancer calls the worker by its address, over plain http: no 400 for the host,
    no redirect to https."""
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get(url, HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/contatti/", HTTP_HOST="10.0.0.5:8000").status_code == 400
    assert client.get("/contatti/").status_code == 301
