"""The admin's lists of the big tables (directory/admin/big_tables.py): searches that indexes
answer, found whatever the accents, case or how much of a word is typed; estimated counts; and
query counts that stay the same at two sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.admin.big_tables import EstimatedCountPaginator
from directory.models import Activity, Location, Membership, OpeningSlot, Organization, Revision
from directory.search import rebuild_search_index
from sportelli.models import Access, Booking, Referral
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    BookingFactory,
    DeskFactory,
    LocationFactory,
    MembershipFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ReferralFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def found(client, model, term):
    response = client.get(changelist(model), {"q": term})
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def directory():
    borgo = MunicipalityFactory(istat_code="015999", name="Cantù")
    oratorio = OrganizationFactory(name="Oratorio Sant'Agnese", tax_code="80012345678")
    attivita = OrganizationFactory(name="Attività Giovanili APS")
    other = OrganizationFactory(name="Comitato Genitori")
    place = LocationFactory(
        organization=oratorio, name="Salone parrocchiale", address="Via Verdi 3", municipality=borgo
    )
    LocationFactory(organization=other, name="Palestra", address="Piazza Duomo 1")
    doposcuola = ActivityFactory(organization=oratorio, title="Doposcuola del martedì")
    doposcuola.locations.add(place)
    teatro = ActivityFactory(organization=attivita, title="Laboratorio di teatro")
    OpeningSlotFactory(activity=doposcuola)
    OpeningSlotFactory(activity=teatro)
    rebuild_search_index()
    return {
        "oratorio": oratorio,
        "attivita": attivita,
        "other": other,
        "place": place,
        "doposcuola": doposcuola,
        "teatro": teatro,
    }


@pytest.mark.parametrize("term", ["attivita", "ATTIVITÀ", "ttivit", "giovanili attiv"])
def test_organizations_are_found_by_part_of_the_name_whatever_accents_and_case(
    coordinator_client, directory, term
):
    assert found(coordinator_client, Organization, term) == {directory["attivita"]}


def test_organizations_are_found_by_tax_code_exactly(coordinator_client, directory):
    assert found(coordinator_client, Organization, "80012345678") == {directory["oratorio"]}
    assert found(coordinator_client, Organization, "8001234") == set()


def test_a_search_of_short_words_only_finds_nothing(coordinator_client, directory):
    assert found(coordinator_client, Organization, "di") == set()


@pytest.mark.parametrize("term", ["doposcuola", "DOPO", "martedi", "Martedì", "sant agnese"])
def test_activities_are_found_through_the_search_index(coordinator_client, directory, term):
    assert found(coordinator_client, Activity, term) == {directory["doposcuola"]}


def test_opening_slots_are_found_by_their_activity(coordinator_client, directory):
    slots = found(coordinator_client, OpeningSlot, "teatro")
    assert {slot.activity for slot in slots} == {directory["teatro"]}


@pytest.mark.parametrize("term", ["salone", "via verdi", "oratorio", "cantu"])
def test_locations_are_found_by_name_address_organization_and_municipality(
    coordinator_client, directory, term
):
    assert found(coordinator_client, Location, term) == {directory["place"]}


@pytest.mark.parametrize("term", ["salone cantu", "verdi oratorio", "Parrocchiale VIA"])
def test_each_word_of_a_place_search_may_be_found_in_a_different_field(
    coordinator_client, directory, term
):
    assert found(coordinator_client, Location, term) == {directory["place"]}


@pytest.mark.parametrize("term", ["salone duomo", "palestra cantu", "zzzz"])
def test_a_place_search_finds_nothing_when_a_word_is_nowhere(coordinator_client, directory, term):
    assert found(coordinator_client, Location, term) == set()


def test_a_place_found_by_several_fields_is_listed_once(coordinator_client, directory):
    # "oratorio" is in the organization's name and, here, in the place's name too.
    directory["place"].name = "Salone dell'oratorio"
    directory["place"].save()
    response = coordinator_client.get(changelist(Location), {"q": "oratorio"})
    assert list(response.context["cl"].result_list) == [directory["place"]]


def test_a_booking_is_found_by_its_code_in_any_case(coordinator_client):
    booking = BookingFactory()
    assert found(coordinator_client, Booking, booking.code.lower()) == {booking}


def test_the_autocomplete_uses_the_same_search(coordinator_client, directory):
    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "directory",
            "model_name": "activity",
            "field_name": "organization",
            "term": "attivit",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Attività Giovanili APS"]


def test_a_small_list_counts_its_rows_exactly(coordinator_client, directory):
    response = coordinator_client.get(changelist(Organization))
    assert response.context["cl"].result_count == 3
    assert "data-estimated-count" not in response.content.decode()


def test_a_big_list_shows_the_planners_estimate(coordinator_client, directory, monkeypatch):
    # Three rows stand in for 150,000: the threshold comes down instead of the data going up.
    monkeypatch.setattr(EstimatedCountPaginator, "exact_count_below", 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE directory_organization")
    response = coordinator_client.get(changelist(Organization))
    page = response.content.decode()
    assert response.context["cl"].paginator.is_estimate
    assert response.context["cl"].result_count == 3  # ANALYZE counted the rows
    assert "data-estimated-count" in page
    assert "circa 3 enti" in page
    with CaptureQueriesContext(connection) as queries:
        coordinator_client.get(changelist(Organization))
    assert not any(q["sql"].startswith("SELECT COUNT(") for q in queries.captured_queries)


# Query counts of the big tables' lists and change forms, the same at two sizes -------------

SMALL, LARGE = 2, 12


def grow(start, end):
    desk = DeskFactory()
    for _ in range(start, end):
        organization = OrganizationFactory()
        location = LocationFactory(organization=organization)
        activity = ActivityFactory(organization=organization)
        activity.locations.add(location)
        OpeningSlotFactory(activity=activity)
        MembershipFactory(organization=organization)
        Revision.objects.create(
            organization=organization, kind="organization", data={}, author=MembershipFactory().user
        )
        booking = BookingFactory(desk=desk)
        AccessFactory(desk=desk, booking=booking)
        ReferralFactory(to_organization=organization)


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


# model -> pinned queries of its list (session, user, second factor's device, permissions,
# filters' choices, estimate, count, page, prefetches). The filters of zones and desks are typed
# boxes (directory/admin/typed_filters.py): they read no table to list their choices.
# Each page reads the coordinator's role once (their scope: linkrete.accounts.scope).
LISTS = {
    Organization: 10,
    Activity: 11,
    Location: 10,
    OpeningSlot: 9,
    Membership: 9,
    # No date hierarchy (here and below): its years and bounds were two scans of the table.
    Revision: 9,
    Booking: 9,
    Access: 9,
    Referral: 9,
}


@pytest.mark.parametrize("model", list(LISTS), ids=lambda m: m.__name__)
def test_the_lists_query_count_does_not_grow(coordinator_client, model):
    grow(0, SMALL)
    small = count(coordinator_client, changelist(model))
    grow(SMALL, LARGE)
    large = count(coordinator_client, changelist(model))
    assert (small, large) == (LISTS[model], LISTS[model])


# model -> pinned queries of the change form of a record with a place and an activity (and
# hours), as the tables around it grow. Each inline row with an autocomplete still reads its
# chosen value on its own (Django's AutocompleteSelect): a record with more places or hours
# costs a query more for each.
FORMS = {Organization: 13, Activity: 18}  # the role once, as above


@pytest.mark.parametrize("model", list(FORMS), ids=lambda m: m.__name__)
def test_the_change_forms_query_count_does_not_grow_with_the_tables(coordinator_client, model):
    grow(0, 1)
    first = model.objects.order_by("pk").first()
    url = reverse(f"admin:directory_{model._meta.model_name}_change", args=[first.pk])
    coordinator_client.get(url)  # the first request also reads the content types once
    small = count(coordinator_client, url)
    grow(1, LARGE)
    large = count(coordinator_client, url)
    assert (small, large) == (FORMS[model], FORMS[model])
