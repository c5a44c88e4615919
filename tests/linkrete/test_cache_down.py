"""Redis away (linkrete/cache.py): the public pages still answer, from the database, and
/readyz says the cache is down. The cache is pointed at a port where nothing listens, as when
Redis is stopped: no Redis server is needed to run these tests."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.urls import reverse

from linkrete.cache import RedisCache
from tests.factories import ActivityFactory, LocationFactory

pytestmark = pytest.mark.usefixtures("seeded_taxonomies")


@pytest.fixture
def redis_down(settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    location = f"redis://127.0.0.1:{closed_port}"
    settings.CACHES = {
        **settings.CACHES,  # the fragments stay in each process's memory, as in production
        "default": {"BACKEND": "linkrete.cache.RedisCache", "LOCATION": f"{location}/0"},
        "pages": {"BACKEND": "linkrete.cache.RedisCache", "LOCATION": f"{location}/1"},
    }
    settings.LINKRETE_PAGE_CACHE = True
    return caches


@pytest.fixture
def activity():
    from directory.search import rebuild_search_index

    activity = ActivityFactory(title="Doposcuola del quartiere", slug="doposcuola-quartiere")
    activity.locations.add(LocationFactory(organization=activity.organization))
    rebuild_search_index()
    return activity


def test_a_cache_out_of_reach_reads_as_empty_and_keeps_nothing(redis_down):
    cache = redis_down["default"]
    assert isinstance(cache, RedisCache)
    cache.set("k", "v")
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert cache.get_or_set("k", "computed") == "computed"
    assert cache.add("k", "v") is False
    assert cache.get_many(["k", "l"]) == {}
    assert cache.set_many({"k": 1, "l": 2}) == ["k", "l"]
    assert cache.delete("k") is False
    assert cache.has_key("k") is False
    with pytest.raises(ValueError):
        cache.incr("k")


def test_the_public_pages_answer_while_redis_is_down(redis_down, client, activity, desk):
    urls = [
        reverse("directory:home"),
        reverse("directory:search"),
        reverse("directory:search") + "?q=doposcuola",
        activity.get_absolute_url(),
        desk.get_absolute_url(),
    ]
    for url in urls:
        for _visit in range(2):  # a miss, then what would have been a hit
            response = client.get(url)
            assert response.status_code == 200, url
    assert "Doposcuola del quartiere" in client.get(urls[2]).content.decode()


def test_readyz_says_the_cache_is_down(redis_down, client, db):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "database": "ok",
        "cache": "unavailable",
    }


def test_redis_that_never_answers_holds_a_request_half_a_second_at_most(settings):
    cache = RedisCache("redis://127.0.0.1:1/0", {})
    assert cache._options["socket_connect_timeout"] == 0.5
    assert RedisCache("redis://x/0", {"OPTIONS": {"socket_timeout": 2}})._options == {
        "socket_connect_timeout": 0.5,
        "socket_timeout": 2,
    }


def test_the_page_cache_on_redis_takes_the_settings_as_they_are():
    """PAGE_CACHE_MAX_ENTRIES is for the file cache: given to Redis's client it failed every
    page (``unexpected keyword argument 'MAX_ENTRIES'``)."""
    code = (
        "import django; django.setup(); from django.core.cache import caches; "
        "print(caches['pages'].get('x', 'miss'), caches['default'].get('x', 'miss'))"
    )
    env = {
        **os.environ,
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "linkrete.settings",
        "CACHE_BACKEND": "linkrete.cache.RedisCache",
        "CACHE_LOCATION": "redis://127.0.0.1:1/0",
        "PAGE_CACHE_BACKEND": "linkrete.cache.RedisCache",
        "PAGE_CACHE_LOCATION": "redis://127.0.0.1:1/1",
    }
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["miss", "miss"], result.stderr
