"""The public search reads the directory from the replica when one is configured
(linkrete/read_replica.py); everything else, and everything without a replica, reads the primary.

The test settings make ``replica`` a second connection to the test database: the rows must be
committed for it to see them, hence transactional tests."""

import socket

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Activity
from directory.search import rebuild_search_index
from linkrete import read_replica
from linkrete.read_replica import ReplicaRouter, reading_from_replica
from tests.factories import ActivityFactory, LocationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
    pytest.mark.usefixtures("seeded_taxonomies"),
]


@pytest.fixture
def activity():
    activity = ActivityFactory(title="Doposcuola del quartiere", slug="doposcuola-quartiere")
    activity.locations.add(LocationFactory(organization=activity.organization))
    rebuild_search_index()
    return activity


@pytest.fixture
def replica_on(settings):
    settings.LINKRETE_READ_REPLICA = True
    settings.LINKRETE_PAGE_CACHE = False


@pytest.fixture(autouse=True)
def fresh_verdict():
    """Each test starts with no judgement of the replica (it is kept per process)."""
    read_replica.forget_verdict()
    yield
    read_replica.forget_verdict()


@pytest.fixture
def replica_down():
    """The replica's alias pointed at a port where nothing listens (a stopped standby)."""
    replica = connections["replica"]
    replica.close()
    kept = replica.settings_dict
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    # A copy: in the tests the replica shares the primary's settings (TEST MIRROR).
    replica.settings_dict = {**kept, "HOST": "127.0.0.1", "PORT": str(closed_port)}
    yield
    replica.close()
    replica.settings_dict = kept


def search(client):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(reverse("directory:search"), {"q": "doposcuola"})
    assert response.status_code == 200
    return response, primary.captured_queries, replica.captured_queries


def directory_tables(queries):
    return [q["sql"] for q in queries if "directory_" in q["sql"]]


@pytest.mark.usefixtures("replica_on")
def test_the_search_reads_the_directory_from_the_replica(client, activity):
    response, primary, replica = search(client)
    assert "Doposcuola del quartiere" in response.content.decode()
    assert directory_tables(replica)
    # The hand-written SQL (counts, facets, the vocabulary) went there too: the primary read
    # none of the directory's tables.
    assert directory_tables(primary) == []


@pytest.mark.usefixtures("replica_on")
def test_other_pages_and_the_sessions_stay_on_the_primary(client, activity):
    with CaptureQueriesContext(connections["replica"]) as replica:
        response = client.get(activity.get_absolute_url())
    assert response.status_code == 200
    assert replica.captured_queries == []
    # A visitor with a session (their list): the search reads the session on the primary.
    client.post(reverse("directory:my_list_add"), {"activity": activity.slug})
    assert client.cookies.get("sessionid")
    response, primary, replica = search(client)
    assert any("django_session" in q["sql"] for q in primary)
    assert all("django_session" not in q["sql"] for q in replica)
    assert directory_tables(replica)


def test_without_a_replica_the_search_reads_the_primary(client, settings, activity):
    settings.LINKRETE_PAGE_CACHE = False
    response, primary, replica = search(client)
    assert "Doposcuola del quartiere" in response.content.decode()
    assert replica == []
    assert directory_tables(primary)


@pytest.mark.usefixtures("replica_on")
def test_writes_go_to_the_primary_even_for_rows_read_from_the_replica(activity):
    with reading_from_replica():
        assert read_replica.read_alias() == "replica"
        read = Activity.objects.get(pk=activity.pk)
        assert read._state.db == "replica"
        read.title = "Doposcuola del rione"
        with CaptureQueriesContext(connections["default"]) as primary:
            read.save(update_fields=["title"])
    assert any(q["sql"].startswith("UPDATE") for q in primary.captured_queries)
    assert read_replica.read_alias() == "default"
    assert Activity.objects.get(pk=activity.pk).title == "Doposcuola del rione"


def test_migrations_never_run_on_the_replica():
    router = ReplicaRouter()
    assert router.allow_migrate("replica", "directory") is False
    assert router.allow_migrate("default", "directory") is True


@pytest.mark.usefixtures("replica_on", "replica_down")
def test_a_replica_that_cannot_be_reached_is_skipped(client, activity, caplog):
    with CaptureQueriesContext(connections["default"]) as primary:
        response = client.get(reverse("directory:search"), {"q": "doposcuola"})
    assert response.status_code == 200
    assert "Doposcuola del quartiere" in response.content.decode()
    assert directory_tables(primary.captured_queries)
    assert read_replica.usable() is False  # remembered: no new attempt for a few seconds
    skipped = [r.getMessage() for r in caplog.records if r.name == "linkrete.read_replica"]
    assert skipped == ["The read replica is skipped: unreachable (OperationalError)"]


@pytest.mark.usefixtures("replica_on")
def test_a_replica_lost_during_a_search_is_left_for_the_primary(client, activity):
    assert read_replica.usable() is True  # judged usable, then it stops before the search
    replica = connections["replica"]
    kept = replica.settings_dict
    replica.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        replica.settings_dict = {**kept, "HOST": "127.0.0.1", "PORT": str(s.getsockname()[1])}
    try:
        response = client.get(reverse("directory:search"), {"q": "doposcuola"})
        assert response.status_code == 200
        assert "Doposcuola del quartiere" in response.content.decode()
        assert read_replica._verdict["usable"] is False
    finally:
        replica.close()
        replica.settings_dict = kept


@pytest.mark.usefixtures("replica_on")
def test_a_replica_too_far_behind_is_skipped_until_it_catches_up(client, settings, activity):
    # The test's "replica" is the primary itself: 0 s behind. A bound below that skips it.
    assert read_replica.replica_lag() == 0
    settings.LINKRETE_REPLICA_MAX_LAG = -1
    response, primary, replica = search(client)
    assert directory_tables(replica) == []
    assert directory_tables(primary)
    settings.LINKRETE_REPLICA_MAX_LAG = 10
    read_replica.forget_verdict()  # otherwise a few seconds later
    response, primary, replica = search(client)
    assert directory_tables(replica)
    assert directory_tables(primary) == []
