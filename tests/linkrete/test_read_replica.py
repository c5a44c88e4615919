"""The public search reads the directory from the replica when one is configured
(linkrete/read_replica.py); everything else, and everything without a replica, reads the primary.

The test settings make ``replica`` a second connection to the test database: the rows must be
committed for it to see them, hence transactional tests."""

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
