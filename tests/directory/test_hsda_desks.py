"""The proximity desks in the HSDA API (directory.hsds.desks, directory.hsds.api): services
after the activities, as in the export, with the same documents; their pairs; the filters."""

import datetime
import uuid

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import mapping, overlay, pair_identifiers, schemas
from directory.hsds.export import export_directory
from directory.models import Language, PublicationStatus
from tests.directory.hsds_world import (  # noqa: F401
    api_world_fixture,
    directory_fixture,
    documents,
)
from tests.factories import (
    ActivityFactory,
    DeskExceptionFactory,
    DeskFactory,
    DeskOpeningSlotFactory,
    LocationFactory,
    category,
)

pytestmark = pytest.mark.django_db

API = "/api/hsds/"


def ok(client, path, **query):
    response = client.get(API + path, query)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def assert_valid(validator, document):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == [], errors


def _names(page):
    return [item["name"] for item in page["contents"]]


@pytest.fixture(name="desk")
def desk_fixture(api_world):
    desk = DeskFactory(
        name="Sportello Famiglie Buccinasco",
        description="Orientamento ai servizi per le famiglie.",
        phone="02 4579 7200",
        email="sportello@example.org",
    )
    desk.languages.set(Language.objects.filter(code__in=["it", "ar"]))
    DeskOpeningSlotFactory(desk=desk)
    DeskExceptionFactory(desk=desk, reason="Natale")
    DeskFactory(name="Sportello in bozza", status=PublicationStatus.DRAFT)
    return desk


def test_the_desks_follow_the_activities_in_the_services(client, api_world, desk):
    _, activity, other = api_world
    page = ok(client, "services")
    assert _names(page) == [activity.title, other.title, desk.name]
    for document in page["contents"]:
        assert_valid(schemas.validator("service_list"), document)
    [minimal] = [
        s for s in ok(client, "services", minimal="true")["contents"] if "Sport" in s["name"]
    ]
    assert set(minimal) == {"id", "name", "status", "last_modified"}
    full = ok(client, "services", full="true")["contents"][-1]
    assert_valid(schemas.validator("service"), full)
    assert_valid(overlay.validator("service"), full)


def test_a_desks_document_is_the_exports(client, desk, tmp_path):
    export_directory(tmp_path, base_url="http://testserver/")
    [exported] = [d for d in documents(tmp_path, "services") if d["id"] == str(desk.uuid)]
    assert ok(client, f"services/{desk.uuid}") == exported
    assert ok(client, "services", full="true")["contents"][-1] == exported


def test_a_page_may_hold_activities_and_desks(client, desk):
    pages = [ok(client, "services", per_page="2", page=str(n)) for n in (1, 2, 3)]
    assert [p["size"] for p in pages] == [2, 1, 0]
    assert pages[0]["total_items"] == 3 and pages[1]["last_page"]
    assert _names(pages[1]) == [desk.name]


def test_a_desk_at_its_place(client, desk):
    pair_id = mapping.service_at_location_id(desk, desk.location)
    pairs = ok(client, "service_at_locations")["contents"]
    assert pairs[-1]["id"] == pair_id and pairs[-1]["service"]["name"] == desk.name
    for pair in pairs:
        assert_valid(schemas.validator("service_at_location_list"), pair)
    full = ok(client, "service_at_locations", full="true")["contents"]
    for pair in full:
        assert_valid(schemas.validator("service_at_location"), pair)
    assert [s["byday"] for s in full[-1]["schedules"]] == ["TU"]
    pair_identifiers.refresh()  # the desks are not in the table: found all the same
    document = ok(client, f"service_at_locations/{pair_id}")
    assert_valid(schemas.validator("service_at_location"), document)
    assert document["location"]["id"] == str(desk.location.uuid)
    assert document["phones"][0]["number"] == "02 4579 7200"
    # The same as the export's pair of the desk, with the hours.
    assert full[-1] == document


def test_unpublished_desks_stay_out(client, desk):
    draft = desk.__class__.objects.get(name="Sportello in bozza")
    assert draft.name not in _names(ok(client, "services"))
    assert client.get(API + f"services/{draft.uuid}").status_code == 404
    pair_id = mapping.service_at_location_id(draft, draft.location)
    assert client.get(API + f"service_at_locations/{pair_id}").status_code == 404
    assert client.get(API + f"service_at_locations/{uuid.uuid4()}").status_code == 404


def test_the_filters_apply_to_the_desks(client, api_world, desk):
    organization, activity, other = api_world
    assert _names(ok(client, "services", search="sportello famiglie")) == [desk.name]
    # Typos forgiven in the desk's name, as in the organizations' names.
    assert desk.name in _names(ok(client, "services", search="sportelo"))
    topic = category("digital-divide")
    assert _names(ok(client, "services", taxonomy_term_id=str(topic.uuid))) == [desk.name]
    assert desk.name in _names(ok(client, "services", taxonomy_id=str(topic.taxonomy.uuid)))
    host = str(desk.host_organization.uuid)
    assert _names(ok(client, "services", organization_id=host)) == [desk.name]
    assert desk.name not in _names(ok(client, "services", organization_id=str(organization.uuid)))
    near_milan = ok(client, "services", lat="45.42", long="9.11", proximity="20000")
    assert _names(near_milan) == [activity.title, desk.name]
    near_naples = ok(client, "services", postcode="80100", proximity="5000")
    assert _names(near_naples) == [other.title]
    assert _names(ok(client, "services", postcode="20090")) == [activity.title, desk.name]
    pairs_near_naples = ok(client, "service_at_locations", lat="40.85", long="14.27")
    assert desk.name not in [p["service"]["name"] for p in pairs_near_naples["contents"]]
    later = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
    with time_machine.travel(later, tick=False):
        desk.description = "Orientamento, anche di sabato."
        desk.save()
    assert _names(ok(client, "services", modified_after="2030-12-31")) == [desk.name]


def test_ndjson_streams_the_desks_too(client, desk):
    response = client.get(API + "services", {"format": "ndjson", "full": "true"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 3 and str(desk.uuid) in lines[-1]


# Query counts ------------------------------------------------------------------------------

# The rate limit's counter, the activities' and the desks' counts, their pages; whole
# documents: their prefetches (activities 6, desks 5; the pairs' hours one each).
QUERIES = {
    "services": ({}, 5),
    "services (full)": ({"full": "true"}, 5 + 6 + 5),
    "services (minimal)": ({"minimal": "true"}, 5),
    "service_at_locations": ({}, 5),
    "service_at_locations (full)": ({"full": "true"}, 5 + 2),
}


def _grow(api_world, size):
    organization, *_ = api_world
    place = LocationFactory(organization=organization)
    for number in range(size):
        activity = ActivityFactory(organization=organization, title=f"Laboratorio {number}")
        activity.locations.set([place])
        desk = DeskFactory(name=f"Sportello {size}-{number}")
        DeskOpeningSlotFactory(desk=desk)
        desk.languages.set(Language.objects.filter(code="it"))


def _count(client, path, query):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(API + path, query)
    assert response.status_code == 200, response.content[:300]
    return len(context.captured_queries)


@pytest.mark.parametrize("name", list(QUERIES))
def test_the_query_count_does_not_grow_with_the_desks(client, api_world, desk, name):
    query, expected = QUERIES[name]
    path = name.split(" ")[0]
    # One page holding the activities (or their pairs) and the desks.
    small = _count(client, path, {**query, "per_page": "200"})
    _grow(api_world, 12)
    large = _count(client, path, {**query, "per_page": "200"})
    assert (small, large) == (expected, expected)


def test_the_query_count_of_a_desks_documents_does_not_grow(client, api_world, desk):
    pair_identifiers.refresh()
    pair = mapping.service_at_location_id(desk, desk.location)
    # The rate limit's counter; no activity has the identifier; the desk and its prefetches.
    assert _count(client, f"services/{desk.uuid}", {}) == 1 + 1 + 6
    # The counter; the pairs' table; the desks' identifiers; the desk; its hours.
    assert _count(client, f"service_at_locations/{pair}", {}) == 1 + 1 + 1 + 1 + 1
    _grow(api_world, 12)
    pair_identifiers.refresh()
    assert _count(client, f"services/{desk.uuid}", {}) == 1 + 1 + 6
    assert _count(client, f"service_at_locations/{pair}", {}) == 1 + 1 + 1 + 1 + 1
