"""Families confirming at the same instant never take more places than the session has.

The guarantee is the lock on the session's row (``select_for_update``) every sign-up takes
before counting the places: the threaded tests send real concurrent requests, each thread on
its own database connection, as the desks' booking test does."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from directory.models import Event, EventSignup
from tests.factories import EventFactory, EventSessionFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


def _post_all_at_once(session, families):
    url = reverse("directory:event_signup", args=[session.event.slug, session.uuid])
    barrier = threading.Barrier(len(families))
    results, errors = [], []

    def post(n, ages):
        # Each family from its own address: the hourly limit is per client.
        client = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")
        data = {"name": f"Famiglia {n}", "phone": f"33300000{n:02d}", "privacy_consent": "on"}
        data |= {f"age_{i}": str(age) for i, age in enumerate(ages, start=1)}
        try:
            barrier.wait(timeout=10)
            results.append(client.post(url, data))
        except Exception as error:  # surfaced below: a thread cannot fail the test itself
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n, ages)) for n, ages in enumerate(families)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


def _session(capacity):
    event = EventFactory(admission=Event.Admission.SIGN_UP, capacity=capacity)
    return EventSessionFactory(event=event)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_simultaneous_sign_ups_never_overbook_the_last_place():
    session = _session(capacity=1)
    results = _post_all_at_once(session, [[7]] * 5)
    assert all(r.status_code == 302 for r in results)
    statuses = sorted(EventSignup.objects.values_list("status", flat=True))
    assert statuses == ["confirmed"] + ["waiting"] * 4


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_simultaneous_families_fill_the_places_and_no_more():
    session = _session(capacity=5)
    results = _post_all_at_once(session, [[7, 8], [9, 10], [6, 7], [8], [9, 9, 9], [10]])
    assert all(r.status_code == 302 for r in results)
    confirmed = EventSignup.objects.filter(session=session, status="confirmed")
    assert sum(confirmed.values_list("places", flat=True)) <= 5
    assert EventSignup.objects.count() == 6
