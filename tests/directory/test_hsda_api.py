"""The HSDA read API (/api/hsds/, directory.hsds.api): every answer validates against the
HSDS 3.0 schemas, the filters are the search's, bad input is a 400 in JSON, never a 500."""

import datetime
import uuid

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import mapping, pair_identifiers, profile, schemas
from directory.hsds.api import lists, paging
from directory.models import Activity, Category
from directory.models import PublicationStatus as Status
from directory.search import rebuild_search_index
from tests.directory.hsds_world import api_world_fixture, directory_fixture  # noqa: F401
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MembershipFactory,
    OrganizationFactory,
    VolunteerFactory,
    category,
)

pytestmark = pytest.mark.django_db

API = "/api/hsds/"
PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def get(client, path, **query):
    response = client.get(API + path, query)
    assert response["Content-Type"] == "application/json", response.content[:200]
    return response


def ok(client, path, **query):
    response = get(client, path, **query)
    assert response.status_code == 200, response.json()
    return response.json()


def assert_valid(validator, document):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == [], errors


def assert_page(page, validator):
    assert set(page) == PAGE_KEYS
    for document in page["contents"]:
        assert_valid(validator, document)


# Validation against the schemas ------------------------------------------------------------


def test_every_list_and_document_validates(client, api_world):
    organization, activity, _ = api_world
    place = activity.locations.order_by("pk").first()

    assert_page(ok(client, "services"), schemas.validator("service_list"))
    assert_page(ok(client, "services", full="true"), schemas.validator("service"))
    assert_page(ok(client, "services", minimal="true"), schemas.validator("service_list"))
    assert_valid(schemas.validator("service"), ok(client, f"services/{activity.uuid}"))
    assert_page(ok(client, "organizations"), schemas.validator("organization_list"))
    assert_page(ok(client, "organizations", full="true"), schemas.validator("organization"))
    assert_valid(
        schemas.validator("organization"), ok(client, f"organizations/{organization.uuid}")
    )
    with_services = ok(client, f"organizations/{organization.uuid}", full_service="true")
    assert_valid(schemas.validator("organization"), with_services)
    assert with_services["services"][0]["schedules"]
    assert_valid(schemas.object_validator("location"), ok(client, f"locations/{place.uuid}"))
    pairs = ok(client, "service_at_locations")
    assert_page(pairs, schemas.validator("service_at_location_list"))
    full_pairs = ok(client, "service_at_locations", full="true")
    assert_page(full_pairs, schemas.validator("service_at_location"))
    assert any(pair.get("schedules") for pair in full_pairs["contents"])
    pair_id = mapping.service_at_location_id(activity, place)
    assert_valid(
        schemas.validator("service_at_location"), ok(client, f"service_at_locations/{pair_id}")
    )
    assert_page(ok(client, "taxonomies"), schemas.object_validator("taxonomy"))
    assert_page(ok(client, "taxonomy_terms"), schemas.object_validator("taxonomy_term"))
    term = category("laboratori")
    assert_valid(
        schemas.object_validator("taxonomy_term"), ok(client, f"taxonomy_terms/{term.uuid}")
    )
    assert_valid(
        schemas.object_validator("taxonomy"),
        ok(client, f"taxonomies/{profile.TAXONOMIES[0].id}"),
    )


def test_the_schemas_refuse_a_broken_answer(client, api_world):
    page = ok(client, "services")
    del page["contents"][0]["name"]
    assert list(schemas.validator("service_list").iter_errors(page["contents"][0]))


def test_the_root_and_the_openapi_document(client):
    root = ok(client, "")
    assert root["version"] == "3.0"
    assert root["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    described = ok(client, "openapi.json")
    assert described["servers"] == [{"url": "http://testserver/api/hsds"}]
    assert "/locations/{id}" in described["paths"] and "/services" in described["paths"]
    assert "REQUIRED" not in described["info"]["title"]


# Only what is published ---------------------------------------------------------------------


def test_only_published_data_is_listed(client, api_world):
    organization, activity, other = api_world
    names = {s["name"] for s in ok(client, "services")["contents"]}
    assert names == {activity.title, other.title}
    organizations = {o["name"] for o in ok(client, "organizations")["contents"]}
    assert "Ente in bozza" not in organizations and organization.name in organizations


def test_unpublished_and_unknown_ids_answer_404_in_json(client, api_world):
    draft = Activity.objects.get(title="Doposcuola in bozza")
    hidden = Activity.objects.get(title="Doposcuola nascosto")
    for path in [
        f"services/{draft.uuid}",
        f"services/{hidden.uuid}",
        f"organizations/{hidden.organization.uuid}",
        f"locations/{uuid.uuid4()}",
        f"service_at_locations/{uuid.uuid4()}",
        f"taxonomies/{uuid.uuid4()}",
        f"taxonomy_terms/{uuid.uuid4()}",
        "services/not-a-uuid",
        "organizations/%00",
    ]:
        response = get(client, path)
        assert response.status_code == 404, path
        assert response.json()["status"] == 404


def test_personal_data_stays_out(client, api_world):
    organization, activity, _ = api_world
    volunteer = VolunteerFactory(
        organization=organization,
        first_name="Ottavia",
        last_name="Volontarissima",
        tax_code="VLNTTV80A41F205X",
    )
    member = MembershipFactory(organization=organization, user__email="redattrice@example.org")
    place = activity.locations.order_by("pk").first()
    pair = mapping.service_at_location_id(activity, place)
    text = " ".join(
        client.get(API + path, query).content.decode()
        for path, query in [
            ("services", {"full": "true"}),
            ("organizations", {"full": "true"}),
            (f"organizations/{organization.uuid}", {}),
            (f"services/{activity.uuid}", {}),
            (f"service_at_locations/{pair}", {}),
            ("service_at_locations", {}),
        ]
    )
    for personal in [
        volunteer.first_name,
        volunteer.last_name,
        volunteer.email,
        volunteer.tax_code,
    ]:
        assert personal not in text
    assert member.user.email not in text and member.user.last_name not in text
    assert organization.email in text  # the organization's public contact


def test_head_is_answered_like_get(client, api_world):
    response = client.head(API + "services")
    assert response.status_code == 200 and response.content == b""


def test_a_place_of_an_unpublished_organization_is_not_served(client, api_world):
    place = LocationFactory(
        organization=Activity.objects.get(title="Doposcuola nascosto").organization
    )
    assert get(client, f"locations/{place.uuid}").status_code == 404


# Filters: the search's ---------------------------------------------------------------------


def _names(page):
    return sorted(item["name"] for item in page["contents"])


def test_search_finds_as_the_search_page_does(client, api_world):
    _, activity, other = api_world
    assert _names(ok(client, "services", search="doposcuola")) == [activity.title]
    # The search's typo correction and stemming come with it.
    assert _names(ok(client, "services", search="italiano adulti")) == [other.title]
    assert _names(ok(client, "services", search="xqzwvkk")) == []


def test_taxonomy_term_and_taxonomy_filters(client, api_world):
    _, activity, other = api_world
    other.categories.set(
        [category("italiano-per-stranieri")]
        if Category.objects.filter(slug="italiano-per-stranieri").exists()
        else []
    )
    rebuild_search_index()
    laboratori = category("laboratori")
    assert _names(ok(client, "services", taxonomy_term_id=str(laboratori.uuid))) == [activity.title]
    taxonomy = laboratori.taxonomy
    page = ok(client, "services", taxonomy_id=str(taxonomy.uuid))
    assert activity.title in _names(page)
    assert ok(client, "services", taxonomy_term_id=str(uuid.uuid4()))["total_items"] == 0
    assert ok(client, "services", taxonomy_id=str(uuid.uuid4()))["total_items"] == 0


def test_organization_filter(client, api_world):
    organization, activity, _ = api_world
    page = ok(client, "services", organization_id=str(organization.uuid))
    assert _names(page) == [activity.title]


def test_proximity_around_a_point_and_a_postcode(client, api_world):
    _, activity, other = api_world
    near_milan = ok(client, "services", lat="45.42", long="9.11", proximity="20000")
    assert _names(near_milan) == [activity.title]
    near_naples = ok(client, "services", postcode="80100", proximity="5000")
    assert _names(near_naples) == [other.title]
    in_postcode = ok(client, "services", postcode="80100")
    assert _names(in_postcode) == [other.title]
    pairs = ok(client, "service_at_locations", lat="40.85", long="14.27", proximity="1000")
    assert [p["location"]["name"] for p in pairs["contents"]] == ["Sede di Napoli"]


def test_modified_after(client, api_world):
    _, activity, other = api_world
    later = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
    with time_machine.travel(later, tick=False):
        other.title = "Corso di italiano per adulti, sera"
        other.save()
    page = ok(client, "services", modified_after="2030-12-31T00:00:00+01:00")
    assert _names(page) == [other.title]
    assert ok(client, "services", modified_after="2030-12-31")["total_items"] == 1


def test_taxonomy_terms_filters(client, api_world):
    laboratori = category("laboratori")
    page = ok(client, "taxonomy_terms", taxonomy_id=str(laboratori.taxonomy.uuid), per_page="200")
    assert str(laboratori.uuid) in {t["id"] for t in page["contents"]}
    assert all(t["taxonomy_id"] == str(laboratori.taxonomy.uuid) for t in page["contents"])
    top = ok(client, "taxonomy_terms", top_only="true", per_page="200")
    assert all("parent_id" not in t for t in top["contents"])
    profile_terms = ok(client, "taxonomy_terms", taxonomy_id=profile.TAXONOMIES[0].id)
    assert profile_terms["total_items"] > 0


# Pages --------------------------------------------------------------------------------------


def test_the_page_envelope(client, api_world):
    organization, _, _ = api_world
    for number in range(3):
        ActivityFactory(organization=organization, title=f"Laboratorio {number}")
    first = ok(client, "services", per_page="2")
    assert (first["total_items"], first["total_pages"], first["size"]) == (5, 3, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    last = ok(client, "services", per_page="2", page="3")
    assert last["size"] == 1 and last["last_page"] and not last["first_page"]
    beyond = ok(client, "services", per_page="2", page="9")
    assert beyond["contents"] == [] and beyond["size"] == 0
    seen = [
        s["id"]
        for p in (1, 2, 3)
        for s in ok(client, "services", per_page="2", page=str(p))["contents"]
    ]
    assert len(set(seen)) == 5


def test_an_empty_result(client, db):
    page = ok(client, "services")
    assert page["empty"] and page["total_items"] == 0 and page["total_pages"] == 0


# Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name", "value"),
    [
        ("services", "page", "0"),
        ("services", "page", "abc"),
        ("services", "page", "²"),
        ("services", "per_page", "100000"),
        ("services", "per_page", "-1"),
        ("services", "taxonomy_term_id", "laboratori"),
        ("services", "taxonomy_id", "x" * 300),
        ("services", "organization_id", "\x00"),
        ("services", "modified_after", "ieri"),
        ("services", "modified_after", "2026-13-45"),
        ("services", "full", "forse"),
        ("services", "minimal", "2"),
        ("services", "lat", "45"),
        ("services", "lat", "95"),
        ("services", "proximity", "1000"),
        ("services", "format", "xml"),
        ("services", "search", "bimbi\x00"),
        ("service_at_locations", "proximity", "nan"),
        ("service_at_locations", "postcode", "20090; DROP"),
        ("organizations", "full_service", "boh"),
        ("taxonomies", "per_page", "1e3"),
        ("taxonomy_terms", "parent_id", "radice"),
        ("taxonomy_terms", "top_only", "si"),
    ],
)
def test_bad_parameters_answer_400_naming_them(client, path, name, value):
    response = get(client, path, **{name: value})
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["message"]
    assert body["parameter"] in {name, "lat"}


def test_odd_but_harmless_input_is_read(client, api_world):
    assert ok(client, "services", search="   ")["total_items"] == 2
    assert ok(client, "services", search="a")["total_items"] == 2
    assert ok(client, "services", search="é" * 500)["total_items"] == 0
    assert ok(client, "services", lat="45.42", long="9.11")["total_items"] == 1
    assert ok(client, "services", unknown="x")["total_items"] == 2


def test_writing_is_refused(client):
    for method in (client.post, client.put, client.delete, client.patch):
        response = method(API + "services")
        assert response.status_code == 405
        assert "GET" in response["Allow"]


# HTTP: caching, CORS, rate limit -----------------------------------------------------------


def test_conditional_get_answers_304_while_nothing_changes(client, api_world):
    _, activity, _ = api_world
    first = get(client, "services")
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    etag = first["ETag"]
    again = client.get(API + "services", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    activity.title = "Doposcuola del Ponte, nuovo orario"
    activity.save()
    changed = client.get(API + "services", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_conditional_get_works_through_gzip(client, api_world):
    gzipped = client.get(API + "services", HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"
    again = client.get(
        API + "services", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=gzipped["ETag"]
    )
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_any_origin_may_read(client, api_world):
    response = client.get(API + "services", HTTP_ORIGIN="https://comune.example.it")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        API + "services",
        HTTP_ORIGIN="https://comune.example.it",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert get(client, "services/nope")["Access-Control-Allow-Origin"] == "*"


def test_the_rest_of_the_site_is_not_opened_to_other_origins(client, db):
    response = client.get("/dati-aperti/", HTTP_ORIGIN="https://comune.example.it")
    assert "Access-Control-Allow-Origin" not in response


def test_a_client_past_the_rate_limit_gets_429(client, settings, db, pinned_now):
    settings.LINKRETE_API_RATE_LIMIT = 3
    for _ in range(3):
        assert get(client, "taxonomies").status_code == 200
    refused = get(client, "taxonomies")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Another address has its own count.
    assert client.get(API + "taxonomies", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_documents_are_in_italian_whatever_the_language_asked(client, api_world):
    organization, *_ = api_world
    document = client.get(
        API + f"organizations/{organization.uuid}", HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    assert document["legal_status"] == "associazione di promozione sociale (APS)"


# Query counts -------------------------------------------------------------------------------

# The rate limit's counter (one statement), then per endpoint: the count and the page, and
# for whole documents their prefetches (directory.hsds.batches); the search's look-ups. The
# services and their pairs count the desks too (one more; their page is read only where the
# page reaches them: none here, see test_hsda_desks.py).
QUERIES = {
    "services": ({}, 4),
    "services (full)": ({"full": "true"}, 4 + 6),
    "services (minimal)": ({"minimal": "true"}, 4),
    # The vocabulary; with the cache emptied, the thesaurus' table (two queries) and the
    # categories' and languages' names, which it matches in the page's language (two).
    "services (search)": ({"search": "laboratorio"}, 4 + 5),
    "services (term)": ({"taxonomy_term_id": "TERM"}, 4 + 1),
    "services (taxonomy)": ({"taxonomy_id": "TAXONOMY"}, 4 + 1),
    "services (postcode near)": ({"postcode": "20090", "proximity": "5000"}, 4 + 1),
    "services (point)": ({"lat": "45.42", "long": "9.11", "proximity": "5000"}, 4),
    "services (organization, modified)": (
        {"organization_id": "ORGANIZATION", "modified_after": "2020-01-01"},
        4,
    ),
    "service_at_locations": ({}, 4),
    # The page's activities' weekly hours at once.
    "service_at_locations (full)": ({"full": "true"}, 4 + 1),
    "organizations": ({}, 3),
    "organizations (full)": ({"full": "true"}, 3 + 4),
    "organizations (search)": ({"search": "associazione"}, 3),
    "taxonomies": ({}, 2),
    "taxonomy_terms": ({}, 2),
}


def _grow(organization, size):
    places = [LocationFactory(organization=organization) for _ in range(size)]
    for number in range(size):
        activity = ActivityFactory(organization=organization, title=f"Laboratorio {size}-{number}")
        activity.locations.set(places[: number % 3 + 1])
    rebuild_search_index()


def _count(client, path, query):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(API + path, query)
    assert response.status_code == 200, response.content[:300]
    return len(context.captured_queries)


@pytest.mark.parametrize("name", list(QUERIES))
def test_the_query_count_does_not_grow_with_the_data_or_the_page(client, api_world, name):
    organization, activity, _ = api_world
    query, expected = QUERIES[name]
    laboratori = category("laboratori")
    values = {
        "TERM": str(laboratori.uuid),
        "TAXONOMY": str(laboratori.taxonomy.uuid),
        "ORGANIZATION": str(organization.uuid),
    }
    query = {key: values.get(value, value) for key, value in query.items()}
    path = name.split(" ")[0]
    small = _count(client, path, query)
    _grow(organization, 12)
    large = _count(client, path, {**query, "per_page": "200"})
    assert (small, large) == (expected, expected)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("services/SERVICE", 1 + 7),
        ("organizations/ORGANIZATION", 1 + 5),
        ("organizations/ORGANIZATION?full_service=true", 1 + 5 + 7),
        ("locations/LOCATION", 1 + 1),
        ("service_at_locations/PAIR", 1 + 3),
        ("taxonomy_terms/TERM", 1 + 1),
    ],
)
def test_the_query_count_of_a_document_does_not_grow(client, api_world, path, expected):
    organization, activity, _ = api_world
    place = activity.locations.order_by("pk").first()
    values = {
        "SERVICE": str(activity.uuid),
        "ORGANIZATION": str(organization.uuid),
        "LOCATION": str(place.uuid),
        "PAIR": mapping.service_at_location_id(activity, place),
        "TERM": str(category("laboratori").uuid),
    }
    path, _, query = path.partition("?")
    name, key = path.split("/")
    query = dict([query.split("=")]) if query else {}
    pair_identifiers.refresh()  # as the daily publish_hsds does
    small = _count(client, f"{name}/{values[key]}", query)
    _grow(organization, 12)
    pair_identifiers.refresh()
    large = _count(client, f"{name}/{values[key]}", query)
    assert (small, large) == (expected, expected)


# The count kept between requests (directory.hsds.api.paging.count) ------------------------


def test_the_count_is_kept_until_the_directory_changes(client, api_world):
    organization, activity, _ = api_world
    total = ok(client, "services")["total_items"]
    with CaptureQueriesContext(connection) as context:
        again = ok(client, "services", per_page="1")
    # The rate limit's counter and the page: the count of this filter set was kept.
    assert len(context.captured_queries) == 2
    assert again["total_items"] == total
    # A write to the directory draws a new generation: the next request counts again, exactly.
    ActivityFactory(organization=organization, title="Laboratorio nuovo")
    assert ok(client, "services")["total_items"] == total + 1
    # Another filter set is counted on its own.
    assert ok(client, "services", search="nessunaparolacosi")["total_items"] == 0


def test_a_deep_page_reads_the_same_rows_as_an_offset(client, api_world):
    organization, *_ = api_world
    _grow(organization, 7)
    every = [row["id"] for row in ok(client, "services", per_page="100")["contents"]]
    paged = [
        row["id"]
        for page in ("1", "2", "3", "4")
        for row in ok(client, "services", per_page="3", page=page)["contents"]
    ]
    assert paged == every[:12]
    # Still one query for the page: the rate limit's counter, the counts (the activities,
    # the desks), the page.
    assert _count(client, "services", {"per_page": "3", "page": "3"}) == 4


def test_the_pairs_deep_pages_skip_by_the_keys_of_the_public_pairs(client, api_world, monkeypatch):
    organization, *_ = api_world
    # The first two pages of 3 walk the public pairs from the first, the next ones from a key
    # kept from ``listed_pairs`` (one every 4 pairs, not every 250).
    monkeypatch.setattr(paging, "EVERY", 4)
    _grow(organization, 7)
    hidden = OrganizationFactory(name="Ente sospeso", status=Status.DRAFT)
    draft = Activity.objects.get(title="Doposcuola in bozza")
    draft.locations.set([LocationFactory(organization=organization)])
    # A public activity at a place of an unpublished organization: the pair stays out.
    Activity.objects.get(title="Laboratorio 7-0").locations.add(
        LocationFactory(organization=hidden)
    )
    assert set(lists.listed_pairs().values_list("pk", flat=True)) == set(
        lists.public_pairs().values_list("pk", flat=True)
    )
    every = [row["id"] for row in ok(client, "service_at_locations", per_page="100")["contents"]]
    # Every page to the end, past the hidden pairs (the last written): the same pairs.
    paged = [
        row["id"]
        for page in range(1, len(every) // 3 + 3)
        for row in ok(client, "service_at_locations", per_page="3", page=str(page))["contents"]
    ]
    assert paged == every and len(set(every)) == len(every) > 6
    # The rate limit's counter, the counts (the pairs, the desks; on a deep page the kept keys
    # give the pairs'), the page: before and past the deep pages' start.
    for page in ("2", "4"):
        assert _count(client, "service_at_locations", {"per_page": "3", "page": page}) == 4
