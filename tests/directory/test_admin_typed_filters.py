"""The admin's filters of big tables typed in a box (directory/admin/typed_filters.py): found
whatever the accents and case, nothing for no match, a message and no error for what cannot be
used, the other filters kept, and the same number of queries at two sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Activity, Organization
from sportelli.models import Access, Booking
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    BookingFactory,
    DeskFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ZoneFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def shown(client, model, params):
    response = client.get(changelist(model), params)
    assert response.status_code == 200
    return response, set(response.context["cl"].result_list)


@pytest.fixture
def desks():
    return {
        "centro": DeskFactory(name="Sportello Città Centro"),
        "nord": DeskFactory(name="Sportello Quartiere Nord"),
    }


@pytest.mark.parametrize("typed", ["città", "CITTA", "citta centro", "  Centro "])
def test_bookings_filter_by_the_desk_typed_whatever_accents_and_case(
    coordinator_client, desks, typed
):
    mine = BookingFactory(desk=desks["centro"])
    BookingFactory(desk=desks["nord"])
    _response, rows = shown(coordinator_client, Booking, {"desk": typed})
    assert rows == {mine}


def test_a_desk_that_no_name_holds_shows_nothing(coordinator_client, desks):
    AccessFactory(desk=desks["centro"])
    response, rows = shown(coordinator_client, Access, {"desk": "Palermo"})
    assert rows == set()
    assert response.context["cl"].result_count == 0


@pytest.mark.parametrize("typed", ["ab", "x y", "\x00nord", "a" * 5000])
def test_what_cannot_be_looked_up_answers_the_page_with_a_message(coordinator_client, desks, typed):
    BookingFactory(desk=desks["nord"])
    response, rows = shown(coordinator_client, Booking, {"desk": typed})
    assert rows == set()
    if len(typed) < 100:
        assert "almeno 3 lettere" in response.content.decode()


def test_an_empty_box_filters_nothing(coordinator_client, desks):
    bookings = {BookingFactory(desk=desks["nord"]), BookingFactory(desk=desks["centro"])}
    assert shown(coordinator_client, Booking, {"desk": " "})[1] == bookings


def test_the_box_keeps_the_other_filters_and_shows_what_was_typed(coordinator_client, desks):
    response = coordinator_client.get(changelist(Booking), {"desk": "Nord", "status": "booked"})
    page = response.content.decode()
    assert '<input type="hidden" name="status" value="booked">' in page
    assert '<input type="hidden" name="status" value="b">' not in page
    assert 'name="desk" value="Nord"' in page
    assert '<label for="typed-filter-desk">' in page


def test_activities_filter_by_organization_and_by_zone_typed(coordinator_client):
    zone = ZoneFactory(name="Ambito Sud-Est Milano")
    town = MunicipalityFactory(istat_code="015999", name="San Donato Milanese")
    zone.municipalities.add(town)
    oratorio = OrganizationFactory(name="Oratorio Sant'Agnese")
    LocationFactory(organization=oratorio, municipality=town)
    LocationFactory(organization=oratorio)  # a second place: the activity still shows once
    doposcuola = ActivityFactory(organization=oratorio, title="Doposcuola")
    ActivityFactory(organization=OrganizationFactory(name="Comitato Genitori"))
    assert shown(coordinator_client, Activity, {"organization": "sant agnese"})[1] == {doposcuola}
    assert shown(coordinator_client, Activity, {"zone": "sud-est"})[1] == {doposcuola}
    assert shown(coordinator_client, Organization, {"zone": "SUD-EST"})[1] == {oratorio}
    assert shown(coordinator_client, Organization, {"zone": "Ambito Nord"})[1] == set()


# Query counts of a search and of a typed filter, the same at two sizes --------------------

SMALL, LARGE = 2, 12


def grow(start, end):
    for n in range(start, end):
        desk = DeskFactory(name=f"Sportello Centro {n}")
        organization = desk.host_organization
        ActivityFactory(organization=organization, title=f"Doposcuola {n}")
        booking = BookingFactory(desk=desk)
        AccessFactory(desk=desk, booking=booking)


def count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


# (model, query) -> pinned queries: session, user, second factor's device, permissions (2),
# the coordinator's role (their scope), the filters' choices, the estimate, the count, the page
# and its prefetches.
PAGES = {
    (Booking, "filter"): ({"desk": "centro"}, 9),
    (Access, "filter"): ({"desk": "centro"}, 9),
    (Activity, "filter"): ({"organization": "sportello"}, 10),
    (Activity, "search"): ({"q": "doposcuola"}, 10),
    (Organization, "search"): ({"q": "sportello"}, 10),
    (Booking, "search"): ({"q": "ABC123"}, 9),
}


@pytest.mark.parametrize("page", list(PAGES), ids=lambda p: f"{p[0].__name__}-{p[1]}")
def test_a_search_and_a_typed_filter_make_as_many_queries_at_two_sizes(coordinator_client, page):
    params, pinned = PAGES[page]
    url = changelist(page[0])
    grow(0, SMALL)
    small = count(coordinator_client, url, params)
    grow(SMALL, LARGE)
    large = count(coordinator_client, url, params)
    assert (small, large) == (pinned, pinned)
