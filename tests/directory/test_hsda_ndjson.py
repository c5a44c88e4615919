"""``format=ndjson`` on the HSDA API's lists (directory.hsds.api.streams): every result, one
document a line, the paged list's filters and documents, streamed a batch at a time."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import batches, schemas
from tests.directory.hsds_world import api_world_fixture, directory_fixture  # noqa: F401
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

API = "/api/hsds/"


def lines(client, path, **query):
    response = client.get(API + path, {"format": "ndjson", **query})
    assert response.status_code == 200, response.content[:300]
    assert response.streaming
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert response["Access-Control-Allow-Origin"] == "*"
    text = b"".join(response.streaming_content).decode()
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def every_page(client, path, **query):
    documents, page = [], 1
    while contents := client.get(API + path, {**query, "page": page, "per_page": 7}).json()[
        "contents"
    ]:
        documents += contents
        page += 1
    return documents


@pytest.mark.parametrize(
    ("path", "query", "schema"),
    [
        ("services", {}, "service_list"),
        ("services", {"full": "true"}, "service"),
        ("services", {"minimal": "true"}, "service_list"),
        ("service_at_locations", {}, "service_at_location_list"),
        ("organizations", {}, "organization_list"),
        ("organizations", {"full": "true"}, "organization"),
        ("taxonomies", {}, "objects/taxonomy"),
        ("taxonomy_terms", {}, "objects/taxonomy_term"),
    ],
)
def test_every_result_a_line_as_the_pages_give_them(client, api_world, path, query, schema):
    streamed = lines(client, path, **query)
    assert streamed and streamed == every_page(client, path, **query)
    kind, _, name = schema.rpartition("/")
    validator = schemas.object_validator(name) if kind else schemas.validator(name)
    for document in streamed:
        assert list(validator.iter_errors(document)) == []


def test_the_filters_are_the_pages(client, api_world):
    _, activity, other = api_world
    assert [s["name"] for s in lines(client, "services", search="doposcuola")] == [activity.title]
    near_naples = lines(client, "services", postcode="80100", proximity="5000")
    assert [s["name"] for s in near_naples] == [other.title]
    assert lines(client, "services", search="xqzwvkk") == []


def test_pages_are_ignored_and_format_is_checked(client, api_world):
    assert len(lines(client, "services", page="7", per_page="1")) == 2
    assert len(lines(client, "services", format="NDJSON")) == 2
    refused = client.get(API + "services", {"format": "csv"})
    assert refused.status_code == 400 and refused.json()["parameter"] == "format"


def test_it_is_streamed_a_batch_at_a_time_with_fixed_queries_per_batch(
    client, api_world, monkeypatch
):
    organization, *_ = api_world
    for number in range(5):
        ActivityFactory(organization=organization, title=f"Laboratorio {number}")
    monkeypatch.setattr(batches, "BATCH_SIZE", 2)
    response = client.get(API + "services", {"format": "ndjson", "full": "true"})
    with CaptureQueriesContext(connection) as context:
        chunks = list(response.streaming_content)
    # 7 services: four batches of at most two, each its rows and six prefetches; then the
    # desks' first batch (none here).
    assert [chunk.count(b"\n") for chunk in chunks] == [2, 2, 2, 1]
    assert len(context.captured_queries) == 4 * batches.SERVICE_QUERIES + 1


def test_documents_are_in_italian_after_the_view_returned(client, api_world):
    organization, *_ = api_world
    [document] = [
        o for o in lines(client, "organizations", full="true") if o["id"] == str(organization.uuid)
    ]
    assert document["legal_status"] == "associazione di promozione sociale (APS)"


def test_head_streams_nothing(client, api_world):
    response = client.head(API + "services", {"format": "ndjson"})
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b""
