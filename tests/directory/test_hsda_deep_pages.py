"""The HSDA lists' deep pages (``directory.hsds.api.paging.Boundaries``): from row ``EVERY`` on,
a page skips to a kept key of its list, and still holds exactly the rows of the plain
``OFFSET`` query, at every depth, after the directory changes between two requests."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import mapping
from directory.hsds.api import lists, paging
from directory.models import Activity
from directory.models import PublicationStatus as Status
from directory.search import rebuild_search_index
from tests.directory.hsds_world import api_world_fixture, directory_fixture  # noqa: F401
from tests.factories import ActivityFactory, LocationFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

API = "/api/hsds/"
PER_PAGE = 2


@pytest.fixture(autouse=True)
def _every_third_key(monkeypatch):
    """A key kept every 3 rows: the small lists below have many deep pages."""
    monkeypatch.setattr(paging, "EVERY", 3)


def _page(client, path, page, **query):
    response = client.get(API + path, {"per_page": str(PER_PAGE), "page": str(page), **query})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def _services():
    """What the plain ``OFFSET`` query lists: the public activities by primary key."""
    return [
        str(uuid)
        for uuid in Activity.objects.public().order_by("pk").values_list("uuid", flat=True)
    ]


def _pairs():
    pairs = lists.public_pairs().order_by("pk").select_related("activity", "location")
    return [mapping.service_at_location_id(pair.activity, pair.location) for pair in pairs]


def _every_page(client, path, expected, **query):
    """Each page (and one past the end) is the slice of ``expected`` the plain ``OFFSET``
    gives, with the standard's paging fields."""
    total_pages = -(-len(expected) // PER_PAGE)
    for number in range(1, total_pages + 2):
        page = _page(client, path, number, **query)
        start = (number - 1) * PER_PAGE
        assert [row["id"] for row in page["contents"]] == expected[start : start + PER_PAGE], (
            path,
            number,
        )
        assert page["total_items"] == len(expected)
        assert page["total_pages"] == total_pages
        assert page["page_number"] == number
        assert page["first_page"] == (number == 1)
        assert page["last_page"] == (number >= total_pages)
        assert page["empty"] == (not expected)


def _grow(organization, size, name="Laboratorio"):
    places = [LocationFactory(organization=organization) for _ in range(size)]
    for number in range(size):
        activity = ActivityFactory(organization=organization, title=f"{name} {number}")
        activity.locations.set(places[: number % 3 + 1])
    rebuild_search_index()


@pytest.fixture(name="grown")
def grown_fixture(api_world):
    organization, *_ = api_world
    _grow(organization, 14)
    # Pairs that stay out: a draft activity's, a public activity's at an unpublished
    # organization's place.
    hidden = OrganizationFactory(name="Ente sospeso", status=Status.DRAFT)
    Activity.objects.get(title="Doposcuola in bozza").locations.set(
        [LocationFactory(organization=organization)]
    )
    Activity.objects.get(title="Laboratorio 4").locations.add(LocationFactory(organization=hidden))
    return organization


@pytest.mark.parametrize(
    ("path", "expected", "query"),
    [
        ("services", _services, {}),
        ("services", _services, {"minimal": "true"}),
        ("services", _services, {"full": "true"}),
        ("service_at_locations", _pairs, {}),
        ("service_at_locations", _pairs, {"full": "true"}),
    ],
)
def test_every_page_holds_the_rows_of_the_offset_query(client, grown, path, expected, query):
    rows = expected()
    assert len(rows) > 4 * paging.EVERY
    _every_page(client, path, rows, **query)


def test_a_filtered_list_keeps_its_own_keys(client, grown):
    """The services' filters (here an organization's) have kept keys of their own."""
    organization = grown
    expected = [
        str(uuid)
        for uuid in Activity.objects.public()
        .filter(organization=organization)
        .order_by("pk")
        .values_list("uuid", flat=True)
    ]
    assert 0 < len(expected) < len(_services())
    _every_page(client, "services", expected, organization_id=str(organization.uuid))


def _deep_ids(client, path, numbers):
    return [row["id"] for n in numbers for row in _page(client, path, n)["contents"]]


@pytest.mark.parametrize(
    ("path", "expected"), [("services", _services), ("service_at_locations", _pairs)]
)
def test_the_deep_pages_follow_the_changes_between_two_requests(client, grown, path, expected):
    organization = grown
    deep = range(3, 9)
    # The keys are kept by the first deep page.
    assert _deep_ids(client, path, deep) == expected()[2 * PER_PAGE : 8 * PER_PAGE]
    early = Activity.objects.filter(title__startswith="Laboratorio").order_by("pk")
    # Hidden (a draft now), deleted, published, added, a place given: before the kept keys.
    draft = early[0]
    draft.publication_status = Status.DRAFT
    draft.save()
    assert _deep_ids(client, path, deep) == expected()[2 * PER_PAGE : 8 * PER_PAGE]
    early[1].delete()
    assert _deep_ids(client, path, deep) == expected()[2 * PER_PAGE : 8 * PER_PAGE]
    draft.publication_status = Status.PUBLISHED
    draft.save()
    assert _deep_ids(client, path, deep) == expected()[2 * PER_PAGE : 8 * PER_PAGE]
    added = ActivityFactory(organization=organization, title="Laboratorio nuovo")
    added.locations.set([LocationFactory(organization=organization)])
    assert _deep_ids(client, path, deep) == expected()[2 * PER_PAGE : 8 * PER_PAGE]
    # An organization unpublished: its activities and places leave both lists.
    organization.status = Status.DRAFT
    organization.save()
    assert _deep_ids(client, path, deep) == expected()[2 * PER_PAGE : 8 * PER_PAGE]
    organization.status = Status.PUBLISHED
    organization.save()
    _every_page(client, path, expected())


@pytest.mark.parametrize("path", ["services", "service_at_locations"])
def test_a_deep_page_costs_the_queries_of_the_first(client, grown, path):
    """The rate limit's counter, the list's count (a deep page: its kept keys, which give the
    count), the desks' count, the page; then the keys are kept."""

    def queries(page):
        with CaptureQueriesContext(connection) as context:
            _page(client, path, page)
        return len(context.captured_queries)

    for size in range(2):  # at two sizes of the data
        cache.clear()
        assert queries(1) == 4
        cache.clear()
        assert queries(6) == 4
        # Kept: the rate limit's counter, the page.
        assert queries(7) == 2
        assert queries(1) == 2
        _grow(grown, 6, name=f"Corso {size}")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("services", {"search": "laboratorio"}),
        ("services", {"search": "laboratorio", "full": "true"}),
        ("services", {"postcode": "20090"}),
        ("service_at_locations", {"search": "laboratorio"}),
    ],
)
def test_the_filtered_deep_pages_are_the_pages_of_one_long_page(client, grown, path, query):
    """A filter set's pages of 2 one after the other are its first page of 100 (read with no
    kept key)."""
    whole = client.get(API + path, {"per_page": "100", **query}).json()
    expected = [row["id"] for row in whole["contents"]]
    assert len(expected) == whole["total_items"] > 2 * paging.EVERY
    _every_page(client, path, expected, **query)
