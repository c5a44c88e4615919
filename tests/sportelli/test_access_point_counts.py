"""The access points' counts for the indicators, against hand-computed fixtures, and the
coordinator's page of emerging needs (with its CSV)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from directory.models import LegalForm, MemberRole, NetworkCoordinator, SourceType
from linkrete.accounts import roles
from sportelli import services
from sportelli.access_point_counts import (
    AreaZoneRow,
    SourceTypeRow,
    referrals_by_source_type,
    signals_by_area_zone,
)
from sportelli.models import NeedSignal, Referral
from tests.factories import (
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    UserFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
DEC_1 = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=ROME)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def world(network, other_network, organization):
    bank = OrganizationFactory(name="Banca", legal_form=LegalForm.BANK)
    school = OrganizationFactory(name="Scuola", legal_form=LegalForm.SCHOOL)
    outsider = OrganizationFactory(name="Impresa di B", legal_form=LegalForm.COMPANY)
    for org in (bank, school):
        NetworkMembershipFactory(network=network, organization=org, role=MemberRole.ACCESS_POINT)
    NetworkMembershipFactory(
        network=other_network, organization=outsider, role=MemberRole.ACCESS_POINT
    )
    buccinasco = MunicipalityFactory()
    rozzano = MunicipalityFactory(istat_code="015189", name="Rozzano")
    elsewhere = MunicipalityFactory(istat_code="015182", name="Rho")
    north, south = ZoneFactory(name="Zona Nord"), ZoneFactory(name="Zona Sud")
    north.municipalities.add(buccinasco, rozzano)
    south.municipalities.add(rozzano)
    network.zones.add(north, south)
    return {
        "bank": bank,
        "school": school,
        "outsider": outsider,
        "buccinasco": buccinasco,
        "rozzano": rozzano,
        "rho": elsewhere,
        "north": north,
        "south": south,
    }


def _referral(sender, to, when, status="sent"):
    referral = services.referral_create(
        sent_by=None,
        from_organization=sender,
        to_organization=to,
        person_name="Persona",
        person_contact="333",
        need="Aiuto",
        consent_to_share=True,
        source_type={"Banca": "bank", "Scuola": "school"}.get(sender.name, "company"),
    )
    Referral.objects.filter(pk=referral.pk).update(created_at=when, status=status)


def _signal(network, sender, town, area, when):
    signal = services.need_signal_create(
        access_point=sender, network=network, area=area, municipality=town, age_band="30-44"
    )
    NeedSignal.objects.filter(pk=signal.pk).update(created_at=when)


def test_referrals_by_source_type_count_the_period_and_the_network_only(
    world, network, organization
):
    bank, school, outsider = world["bank"], world["school"], world["outsider"]
    _referral(bank, organization, DEC_1)
    _referral(bank, organization, DEC_1 + DAY, status="accepted")
    _referral(bank, organization, DEC_1 + 2 * DAY, status="accepted")
    _referral(school, organization, DEC_1)
    _referral(school, organization, DEC_1 - DAY)  # before the period
    _referral(outsider, organization, DEC_1)  # another network's access point
    services.referral_create(  # a member's ordinary referral: no source type
        sent_by=None,
        from_organization=organization,
        to_organization=bank,
        person_name="P",
        person_contact="3",
        need="A",
        consent_to_share=True,
    )

    rows = referrals_by_source_type(network, DEC_1.date(), DEC_1.date() + 2 * DAY)

    assert rows == [
        SourceTypeRow(SourceType.BANK, "accepted", 2),
        SourceTypeRow(SourceType.BANK, "sent", 1),
        SourceTypeRow(SourceType.SCHOOL, "sent", 1),
    ]


def test_signals_by_area_and_zone(world, network, other_network):
    bank, school = world["bank"], world["school"]
    _signal(network, bank, world["buccinasco"], "work", DEC_1)  # north
    _signal(network, school, world["rozzano"], "work", DEC_1)  # north and south
    _signal(network, school, world["rozzano"], "emergencies", DEC_1 + DAY)  # north and south
    _signal(network, bank, world["rho"], "work", DEC_1)  # in no zone of the network
    _signal(network, bank, world["buccinasco"], "work", DEC_1 + 40 * DAY)  # after the period
    _signal(other_network, world["outsider"], world["buccinasco"], "work", DEC_1)

    rows = signals_by_area_zone(network, DEC_1.date(), DEC_1.date() + 30 * DAY)

    north, south = world["north"], world["south"]
    assert rows == [
        AreaZoneRow("emergencies", north, 1),
        AreaZoneRow("emergencies", south, 1),
        AreaZoneRow("work", north, 2),
        AreaZoneRow("work", south, 1),
        AreaZoneRow("work", None, 1),
    ]


# The coordinator's page --------------------------------------------------------------------


@pytest.fixture
def signals(world, network, other_network):
    _signal(network, world["bank"], world["buccinasco"], "work", DEC_1)
    _signal(network, world["school"], world["buccinasco"], "work", DEC_1)
    _signal(network, world["school"], world["rozzano"], "emergencies", DEC_1)
    _signal(other_network, world["outsider"], world["rho"], "future", DEC_1)


def test_the_coordinator_sees_the_networks_signals_aggregated(
    client, network_coordinator, network, signals
):
    client.force_login(network_coordinator)
    page = client.get(reverse("sportelli:need_signal_list")).content.decode()
    assert "Buccinasco" in page and "Rozzano" in page
    assert "Rho" not in page  # network B's
    assert "Banca" not in page and "Scuola" not in page  # no access point named
    assert ">2</td>" in page


def test_the_csv_holds_the_same_rows(client, network_coordinator, network, signals):
    client.force_login(network_coordinator)
    response = client.get(reverse("sportelli:need_signal_export"), {"rete": network.slug})
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert len(lines) == 3
    assert any(line.endswith(",Buccinasco,30–44,2") for line in lines[1:])
    assert "Banca" not in body and "Scuola" not in body


@pytest.mark.parametrize("view", ["sportelli:need_signal_list", "sportelli:need_signal_export"])
def test_another_networks_coordinator_and_everyone_else_get_404(
    client, request, role_groups, network, other_network, signals, staff, desk_operator, view
):
    coordinator_of_b = UserFactory(username="coord-b", is_staff=True)
    coordinator_of_b.groups.add(role_groups[roles.COORDINATOR])
    NetworkCoordinator.objects.create(network=other_network, user=coordinator_of_b)
    for user in (coordinator_of_b, staff, desk_operator):
        client.force_login(user)
        assert client.get(reverse(view), {"rete": network.slug}).status_code == 404
    client.force_login(coordinator_of_b)
    assert client.get(reverse(view), {"rete": "non<esiste>"}).status_code == 404
    client.logout()
    assert client.get(reverse(view)).status_code == 302


def test_the_super_coordinator_chooses_any_network(client, coordinator, other_network, signals):
    client.force_login(coordinator)
    page = client.get(
        reverse("sportelli:need_signal_list"), {"rete": other_network.slug}
    ).content.decode()
    assert "Rho" in page


def test_the_page_costs_the_same_queries_however_many_signals(
    client, network_coordinator, network, world, django_assert_num_queries
):
    client.force_login(network_coordinator)
    url = reverse("sportelli:need_signal_list")
    _signal(network, world["bank"], world["buccinasco"], "work", DEC_1)
    client.get(url)
    with django_assert_num_queries(8):
        client.get(url)
    for area in ("work", "future", "emergencies"):
        for town in (world["rozzano"], world["rho"]):
            _signal(network, world["school"], town, area, DEC_1)
    with django_assert_num_queries(8):
        assert "Rho" in client.get(url).content.decode()
