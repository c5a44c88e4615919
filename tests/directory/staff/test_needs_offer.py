"""Needs against offer (issue 14): each zone's and area's needs beside the activities offered,
counted by hand; the gaps; the suppression of 1–4; who reaches the page; its queries whatever
the data; the map without JavaScript.

Network A (``organization``, ``desk``'s host) has two zones: Rhodense (Rho) and Legnanese
(Legnano); ``desk`` is in Rho. Network B's rows must never count. The period is 2026.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.indicators.needs_offer import map_dots, needs_offer
from directory.indicators.period import Period
from directory.models import SourceType, SurveyResponse
from linkrete.accounts.scope import scope_of_network
from sportelli.models import NeedSignal
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    AssessmentFactory,
    AssessmentScoreFactory,
    CaseFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    SurveyRoundFactory,
    TeamFactory,
    ZoneFactory,
    category,
)

YEAR = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
PERIOD = {"dal": "2026-01-01", "al": "2026-12-31"}


def at(month, day):
    return timezone.make_aware(datetime.datetime(2026, month, day, 10))


@pytest.fixture
def towns(network, desk):
    found = {}
    for zone_name, town, code, latitude, longitude in (
        ("Rhodense", "Rho", "015182", 45.53, 9.04),
        ("Legnanese", "Legnano", "015118", 45.60, 8.92),
    ):
        zone = ZoneFactory(name=zone_name)
        municipality = MunicipalityFactory(
            name=town, istat_code=code, latitude=latitude, longitude=longitude
        )
        zone.municipalities.add(municipality)
        network.zones.add(zone)
        found[town] = municipality
    found["zones"] = {zone.name: zone for zone in network.zones.all()}
    desk.municipality = found["Rho"]
    desk.save()
    return found


def _signal(network, area, town, when=None):
    made = NeedSignal.objects.create(
        network=network,
        access_point=OrganizationFactory(),
        source_type=SourceType.BANK,
        area=area,
        municipality=town,
        age_band="30-44",
    )
    if when:
        NeedSignal.objects.filter(pk=made.pk).update(created_at=when)


def _world(network, other_network, organization, desk, other_desk, towns, extra=0):
    rho, legnano = towns["Rho"], towns["Legnano"]
    in_rho = LocationFactory(organization=organization, municipality=rho)
    for slug in ["occupabilita", "inserimenti-lavorativi"] + ["sport"] * extra:
        ActivityFactory(organization=organization, categories=[category(slug)]).locations.add(
            in_rho
        )
    for _ in range(6 + extra):
        AccessFactory(desk=desk, occurred_at=at(3, 2), topics=[category("orientamento-lavoro")])
    AccessFactory(desk=desk, occurred_at=at(4, 2), topics=[category("supporto-psicologico")])
    AccessFactory(desk=other_desk, occurred_at=at(3, 2), topics=[category("orientamento-lavoro")])
    for _ in range(2 + extra):
        _signal(network, "emergencies", legnano)
    _signal(
        network, "emergencies", legnano, when=timezone.make_aware(datetime.datetime(2025, 5, 1))
    )
    _signal(other_network, "emergencies", legnano)
    team = TeamFactory(organization=organization, zone=towns["zones"]["Legnanese"])
    for level in (3, 1):
        AssessmentScoreFactory(
            assessment=AssessmentFactory(case=CaseFactory(team=team)),
            sub_area="future.schooling",
            level=level,
        )


def test_needs_and_offer_by_zone_and_area_against_hand_counts(
    network, other_network, organization, desk, other_desk, towns
):
    _world(network, other_network, organization, desk, other_desk, towns)

    found = needs_offer(scope_of_network(network), YEAR)

    table = {
        (cell.zone, cell.area): (cell.activities, cell.accesses, cell.signals, cell.families)
        for cell in found.cells
    }
    assert table == {
        ("Legnanese", "Emergenze"): (0, 0, 2, 0),
        ("Legnanese", "Seminare futuro"): (0, 0, 0, 1),
        ("Rhodense", "Sostegno alle famiglie"): (0, 1, 0, 0),
        ("Rhodense", "Inclusione lavorativa"): (2, 6, 0, 0),
    }
    assert {(cell.zone, cell.area) for cell in found.gaps} == {
        ("Legnanese", "Emergenze"),
        ("Legnanese", "Seminare futuro"),
        ("Rhodense", "Sostegno alle famiglie"),
    }
    places = {place.name: (place.needs, place.activities) for place in found.places}
    assert places == {"Rho": (7, 2), "Legnano": (2, 0)}


def test_the_survey_answers_count_in_their_bodies_zone(network, organization, towns):
    LocationFactory(organization=organization, municipality=towns["Legnano"])
    survey_round = SurveyRoundFactory(network=network)
    SurveyResponse.objects.create(
        round=survey_round, organization=organization, submitted_at=at(11, 5)
    )

    assert needs_offer(scope_of_network(network), YEAR).surveyed == {"Legnanese": 1}


def test_the_map_draws_larger_circles_for_larger_counts(
    network, other_network, organization, desk, other_desk, towns
):
    _world(network, other_network, organization, desk, other_desk, towns)

    dots = {dot.name: dot for dot in map_dots(needs_offer(scope_of_network(network), YEAR).places)}

    assert dots["Rho"].needs_radius > dots["Legnano"].needs_radius > 0
    assert dots["Legnano"].offer_radius == 0
    assert dots["Legnano"].needs == "<5"
    assert dots["Legnano"].y < dots["Rho"].y  # further north
    assert dots["Legnano"].x < dots["Rho"].x  # further west


def test_the_page_says_gaps_in_words_and_suppresses_small_counts(
    client, network_coordinator, network, other_network, organization, desk, other_desk, towns
):
    _world(network, other_network, organization, desk, other_desk, towns)
    client.force_login(network_coordinator)

    response = client.get(reverse("staff:network_needs_offer", args=[network.slug]), PERIOD)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Legnanese, Emergenze: bisogni rilevati e nessuna attività offerta." in page
    assert "<svg" in page and "<script" not in page.split("<svg")[1].split("</svg>")[0]
    assert '<td class="text-end">&lt;5</td>' in page
    assert '<td class="text-end">6</td>' in page


def test_the_csv_of_the_table_suppresses_small_counts(
    client, network_coordinator, network, other_network, organization, desk, other_desk, towns
):
    _world(network, other_network, organization, desk, other_desk, towns)
    client.force_login(network_coordinator)
    url = reverse(
        "staff:network_indicator_export",
        kwargs={"slug": network.slug, "key": "needs_against_offer", "extension": "csv"},
    )

    response = client.get(url, PERIOD)

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert ["Rhodense – Inclusione lavorativa", "<5", "6", "0", "0"] in rows
    assert ["Legnanese – Emergenze", "0", "0", "<5", "0"] in rows


@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize(
    "visitor", ["network_coordinator", "coordinator", "staff", "other_staff", "anonymous"]
)
def test_only_the_networks_coordinators_reach_the_page(
    client, request, network, other_network, side, visitor
):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))
    target = network if side == "a" else other_network

    response = client.get(reverse("staff:network_needs_offer", args=[target.slug]), PERIOD)

    if visitor == "anonymous":
        assert response.status_code == 302
    elif visitor == "coordinator" or (visitor == "network_coordinator" and side == "a"):
        assert response.status_code == 200
    else:
        assert response.status_code == 404


PINNED_QUERIES = 15


def test_the_page_costs_the_same_at_two_sizes(
    client,
    network_coordinator,
    network,
    other_network,
    organization,
    desk,
    other_desk,
    towns,
    django_assert_num_queries,
):
    client.force_login(network_coordinator)
    url = reverse("staff:network_needs_offer", args=[network.slug])
    _world(network, other_network, organization, desk, other_desk, towns)
    client.get(url, PERIOD)
    with django_assert_num_queries(PINNED_QUERIES):
        client.get(url, PERIOD)
    _world(network, other_network, organization, desk, other_desk, towns, extra=10)
    with django_assert_num_queries(PINNED_QUERIES):
        client.get(url, PERIOD)
