"""The rate limit counts in the database, in one statement: it holds under concurrency.

The threaded tests send simultaneous actions, each thread on its own database connection.
"""

import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse

from directory.models import ProblemReport
from directory.views.public import REPORTS_PER_HOUR
from linkrete.accounts.models import RateCounter
from linkrete.throttle import over_limit
from tests.factories import ActivityFactory

ROME = ZoneInfo("Europe/Rome")
NOW = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=ROME)


@pytest.fixture
def production_cache(settings, tmp_path):
    """The servers' default cache: files shared by every process (the suite uses memory)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


def visitor(address="203.0.113.7"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_window_starts_again_once_the_period_is_over(time_machine):
    time_machine.move_to(NOW, tick=False)
    assert [over_limit(visitor(), "report", 2, period=60) for _ in range(3)] == [
        False,
        False,
        True,
    ]
    time_machine.move_to(NOW + datetime.timedelta(seconds=59), tick=False)
    assert over_limit(visitor(), "report", 2, period=60) is True
    time_machine.move_to(NOW + datetime.timedelta(seconds=60), tick=False)
    assert over_limit(visitor(), "report", 2, period=60) is False


@pytest.mark.django_db
def test_no_address_is_stored():
    over_limit(visitor("203.0.113.7"), "report", 2)
    (key,) = RateCounter.objects.values_list("key", flat=True)
    assert "203.0.113.7" not in key and key.startswith("report:")


def _all_at_once(n, action):
    barrier = threading.Barrier(n)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("production_cache")
def test_simultaneous_actions_get_exactly_the_limit():
    results = _all_at_once(24, lambda: over_limit(visitor(), "report", 5))
    assert results.count(False) == 5
    assert RateCounter.objects.get().count == 24


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies", "production_cache")
def test_24_simultaneous_reports_store_no_more_than_the_limit():
    activity = ActivityFactory(slug="doposcuola")
    url = reverse("directory:activity_report_problem", kwargs={"slug": activity.slug})

    def report():
        return Client(REMOTE_ADDR="203.0.113.7").post(url, {"problems": ["hours"]}).status_code

    assert set(_all_at_once(24, report)) == {302}
    assert ProblemReport.objects.count() == REPORTS_PER_HOUR
