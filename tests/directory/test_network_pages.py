"""The public network pages: the list, and a network's members grouped by role, its territory,
period and actions with their targets; unpublished members stay off; the sitemap lists them."""

import datetime

import pytest
from django.urls import reverse

from directory.models import PublicationStatus
from tests.factories import (
    MunicipalityFactory,
    NetworkActionFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    ZoneFactory,
)
from tests.sitemap_reader import whole_sitemap

pytestmark = pytest.mark.django_db


@pytest.fixture
def link():
    comune = OrganizationFactory(name="Comune di Buccinasco", slug="comune-di-buccinasco")
    network = NetworkFactory(
        name="LINK",
        slug="link",
        summary="Oratori e comitati in rete per le famiglie.",
        lead_organization=comune,
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2027, 8, 31),
    )
    network.zones.set([ZoneFactory(name="Ambito del Corsichese")])
    network.municipalities.set([MunicipalityFactory(istat_code="015093", name="Corsico")])
    NetworkMembershipFactory(network=network, organization=comune, role="capofila")
    NetworkMembershipFactory(network=network, organization=comune, role="firmatario")
    NetworkMembershipFactory(
        network=network, organization=OrganizationFactory(name="Oratorio San Luigi")
    )
    NetworkMembershipFactory(
        network=network,
        organization=OrganizationFactory(name="Ente in bozza", status=PublicationStatus.DRAFT),
    )
    action = NetworkActionFactory(network=network, number=1, name="Indagine conoscitiva")
    action.targets.create(name="Enti incontrati", unit="enti", value=30)
    return network


def test_the_list_shows_each_network_with_its_period_and_zones(client, link):
    NetworkFactory(name="SpOON", ends_on=None, starts_on=datetime.date(2024, 10, 1))
    page = client.get(reverse("directory:network_list")).content.decode()
    assert "LINK" in page and "SpOON" in page
    assert "Dal 1 settembre 2025 al 31 agosto 2027" in page
    assert "Dal 1 ottobre 2024" in page
    assert "Ambito del Corsichese" in page
    assert link.get_absolute_url() in page


def test_the_page_groups_members_by_role_and_shows_territory_and_targets(client, link):
    page = client.get(link.get_absolute_url()).content.decode()
    capofila = page.index('<h3 class="h5">Capofila</h3>')
    partner = page.index('<h3 class="h5">Partner</h3>')
    firmatario = page.index('<h3 class="h5">Firmatario dell&#x27;accordo</h3>')
    assert capofila < partner < firmatario
    assert page.count("Comune di Buccinasco") >= 3  # lead, capofila, signatory
    assert "Oratorio San Luigi" in page
    assert "Ambito del Corsichese, Corsico" in page
    assert "Indagine conoscitiva" in page and "30 enti" in page


def test_unpublished_members_stay_off_the_page(client, link):
    page = client.get(link.get_absolute_url()).content.decode()
    assert "Ente in bozza" not in page


def test_an_unpublished_lead_is_not_named(client, link):
    link.lead_organization.status = PublicationStatus.DRAFT
    link.lead_organization.save()
    page = client.get(link.get_absolute_url()).content.decode()
    assert "Comune di Buccinasco" not in page


def test_an_unknown_network_is_404(client, link):
    assert client.get(reverse("directory:network_detail", args=["nessuna"])).status_code == 404


def test_the_organization_page_links_to_its_networks(client, link):
    page = client.get(link.lead_organization.get_absolute_url()).content.decode()
    assert f'Capofila di <a href="{link.get_absolute_url()}">LINK</a>' in page


def test_the_sitemap_lists_the_networks(client, link):
    sitemap = whole_sitemap(client)
    assert "/reti/link/" in sitemap
    assert "/reti/</loc>" in sitemap
