"""The desks' console, accesses and referrals for a network's coordinator: the desks hosted by
the organizations of the networks they coordinate, and the referrals those desks and
organizations sent or received; everything else is a 404 (issue 14's scope matrix).

Network A holds ``organization`` and the host of ``desk``; network B ``other_organization`` and
the host of ``other_desk``. ``network_coordinator`` coordinates A only.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sportelli import services
from tests.factories import AccessFactory, BookingFactory, DeskExceptionFactory, UserFactory
from tests.sportelli.test_permissions import request_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

# The views of one desk or one referral: what a coordinator of its network gets (as the
# super-coordinator in test_permissions.py); a coordinator of another network gets 404.
OBJECT_VIEWS = {
    "agenda_of_desk": 200,
    "booking_status": 302,
    "access_create": 200,
    "access_create_for_booking": 200,
    "desk_closures": 200,
    "desk_closure_delete": 302,
    "referral_detail": 200,
    # Read, not worked on: the receiving side does that.
    "referral_transition": 403,
}


def _world(desk, organization, person):
    operator = UserFactory()
    desk.operators.add(operator)
    referral = services.referral_create(
        sent_by=operator,
        from_desk=desk,
        to_organization=organization,
        person_name=person,
        person_contact="333",
        need="Aiuto",
        consent_to_share=True,
    )
    return {
        "desk": desk,
        "booking": BookingFactory(desk=desk, name=f"Prenota {person}"),
        "access": AccessFactory(desk=desk, minutes=17),
        "referral": referral,
        "closure": DeskExceptionFactory(
            desk=desk, date=datetime.date.today() + datetime.timedelta(30)
        ),
    }


@pytest.fixture
def worlds(desk, organization, other_desk, other_organization, network, other_network):
    return {
        "a": _world(desk, organization, "Persona Rete A"),
        "b": _world(other_desk, other_organization, "Persona Rete B"),
    }


@pytest.mark.parametrize("view", OBJECT_VIEWS)
@pytest.mark.parametrize("side", ["a", "b"])
def test_a_network_coordinator_opens_their_networks_desks_and_referrals_only(
    client, network_coordinator, worlds, view, side
):
    client.force_login(network_coordinator)
    method, url, data = request_for(view, worlds[side])
    response = getattr(client, method)(url, data or {})
    assert response.status_code == (OBJECT_VIEWS[view] if side == "a" else 404)


@pytest.mark.parametrize("view", OBJECT_VIEWS)
@pytest.mark.parametrize("side", ["a", "b"])
def test_a_super_coordinator_opens_every_networks(client, coordinator, worlds, view, side):
    client.force_login(coordinator)
    method, url, data = request_for(view, worlds[side])
    response = getattr(client, method)(url, data or {})
    assert response.status_code == OBJECT_VIEWS[view]


@pytest.mark.parametrize("view", ["agenda", "access_list", "access_export", "referral_list"])
def test_the_lists_show_their_networks_and_nothing_of_the_others(
    client, network_coordinator, worlds, view
):
    client.force_login(network_coordinator)
    method, url, _ = request_for(view, worlds["a"])
    response = client.get(url)
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    for secret in ("Persona Rete B", "Prenota Persona Rete B", worlds["b"]["desk"].slug):
        assert secret not in body


def test_the_referral_list_holds_their_networks_referrals(client, network_coordinator, worlds):
    client.force_login(network_coordinator)
    referrals = client.get(reverse("sportelli:referral_list")).context["referrals"]
    assert [r.pk for r in referrals] == [worlds["a"]["referral"].pk]


def test_a_referral_between_networks_is_seen_by_both_coordinators(
    client, network_coordinator, worlds, other_organization
):
    """Sent by network A's desk to network B's organization: A's coordinator follows it."""
    operator = worlds["a"]["desk"].operators.get()
    crossing = services.referral_create(
        sent_by=operator,
        from_desk=worlds["a"]["desk"],
        to_organization=other_organization,
        person_name="Persona di confine",
        person_contact="333",
        need="Aiuto",
        consent_to_share=True,
    )
    client.force_login(network_coordinator)
    assert client.get(crossing.get_absolute_url()).status_code == 200


def test_the_access_list_counts_their_networks_accesses(client, network_coordinator, worlds):
    client.force_login(network_coordinator)
    accesses = client.get(reverse("sportelli:access_list")).context["page"]
    assert [a.pk for a in accesses] == [worlds["a"]["access"].pk]


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# page -> (the network coordinator's queries, the super-coordinator's): the scope's two queries
# once a page (networks with their members and zones, desks); the referral list also reads the
# coordinator's own desks and organizations, as it does for any operator or staff member.
PAGES = {
    "sportelli:access_list": (12, 10),
    "sportelli:referral_list": (13, 9),
    "sportelli:console": (10, 8),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_a_network_coordinators_console_costs_the_same_at_two_sizes(
    client, network_coordinator, coordinator, worlds, page
):
    url = reverse(page)
    client.force_login(network_coordinator)
    small = _count(client, url)
    for side in ("a", "b"):
        for n in range(6):
            _world(worlds[side]["desk"], worlds[side]["referral"].to_organization, f"P{n}")
    large = _count(client, url)
    client.force_login(coordinator)
    assert (small, large, _count(client, url)) == (PAGES[page][0], PAGES[page][0], PAGES[page][1])
