"""The pairs' identifiers kept for the API (directory.hsds.pair_identifiers): rebuilt whole by
the daily publish_hsds and after an import, looked up in one query by
/api/hsds/service_at_locations/{id}, and pairs written since the last rebuild still found."""

import io
import uuid

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import mapping, pair_identifiers
from directory.hsds.export import export_directory
from directory.models import Activity, ServiceAtLocationIdentifier
from directory.models import PublicationStatus as Status
from tests.directory.hsds_world import directory_fixture  # noqa: F401
from tests.factories import ActivityFactory, LocationFactory

pytestmark = pytest.mark.django_db

API = "/api/hsds/service_at_locations/"
Pair = Activity.locations.through


def _pairs_in_table():
    return set(
        ServiceAtLocationIdentifier.objects.values_list("identifier", "activity_id", "location_id")
    )


def _expected_pairs():
    return {
        (uuid.UUID(mapping.service_at_location_id(pair.activity, pair.location)),)
        + (pair.activity_id, pair.location_id)
        for pair in Pair.objects.select_related("activity", "location")
    }


def _get(client, identifier):
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"{API}{identifier}")
    return response, len(context.captured_queries)


def test_the_rebuild_holds_every_pair_once_and_drops_the_gone(directory):
    organization, activity = directory
    draft = ActivityFactory(organization=organization, publication_status=Status.DRAFT)
    draft.locations.set([LocationFactory(organization=organization)])

    assert pair_identifiers.refresh(batch_size=2) == Pair.objects.count() > 3
    assert _pairs_in_table() == _expected_pairs()  # drafts too: the API checks

    activity.locations.remove(activity.locations.order_by("pk").first())
    pair_identifiers.refresh()
    assert _pairs_in_table() == _expected_pairs()


def test_a_pair_is_one_look_up_after_the_rebuild(client, directory):
    _, activity = directory
    place = activity.locations.order_by("pk").first()
    pair_identifiers.refresh()

    response, queries = _get(client, mapping.service_at_location_id(activity, place))

    assert response.status_code == 200
    assert response.json()["service"]["id"] == str(activity.uuid)
    assert response.json()["location"]["id"] == str(place.uuid)
    assert queries == 1 + 3  # the rate limit; the table, the pair, its hours


def test_a_pair_written_since_the_rebuild_is_found_by_its_activity(client, directory):
    organization, activity = directory
    with time_machine.travel("2026-12-01 03:00 +01:00", tick=False):
        pair_identifiers.refresh()
    with time_machine.travel("2026-12-01 10:00 +01:00", tick=False):
        newer = ActivityFactory(organization=organization, title="Sportello compiti")
        place = LocationFactory(organization=organization)
        newer.locations.set([place])

    response, _ = _get(client, mapping.service_at_location_id(newer, place))

    assert response.status_code == 200
    assert response.json()["service"]["id"] == str(newer.uuid)


def test_before_the_first_rebuild_every_pair_is_found(client, directory):
    _, activity = directory
    place = activity.locations.order_by("pk").last()
    assert not ServiceAtLocationIdentifier.objects.exists()

    response, _ = _get(client, mapping.service_at_location_id(activity, place))

    assert response.status_code == 200


def test_a_pair_no_longer_public_or_gone_is_not_found(client, directory):
    _, activity = directory
    first, second = activity.locations.order_by("pk")[:2]
    pair_identifiers.refresh()

    activity.locations.remove(first)
    assert _get(client, mapping.service_at_location_id(activity, first))[0].status_code == 404
    Activity.objects.filter(pk=activity.pk).update(publication_status=Status.DRAFT)
    assert _get(client, mapping.service_at_location_id(activity, second))[0].status_code == 404
    assert _get(client, uuid.uuid4())[0].status_code == 404


def test_publish_hsds_rebuilds_the_table(directory, settings, tmp_path):
    settings.LINKRETE_OPEN_DATA_DIR = tmp_path / "opendata"
    out = io.StringIO()

    call_command("publish_hsds", stdout=out)

    assert _pairs_in_table() == _expected_pairs()
    assert f"Identifiers of {Pair.objects.count()} activities at places" in out.getvalue()


def test_import_hsds_rebuilds_the_table(directory, tmp_path):
    export_directory(tmp_path)

    call_command("import_hsds", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())

    assert _pairs_in_table() == _expected_pairs() != set()
