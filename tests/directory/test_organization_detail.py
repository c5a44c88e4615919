import datetime

import pytest
from django.urls import reverse

from directory.models import Activity, GeneralInterestArea, PublicationStatus
from directory.views.public import ACTIVITIES_PER_PAGE
from tests.directory.helpers import count_queries, jsonld_blocks
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    VolunteeringCallFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    organization = OrganizationFactory(
        name="Oratorio San Luigi",
        slug="oratorio-san-luigi",
        social_utility="Accogliamo i ragazzi del quartiere.",
        phone="02 1234 567",
    )
    organization.general_interest_areas.add(GeneralInterestArea.objects.get(letter="t"))
    LocationFactory(organization=organization, name="Oratorio", address="Via San Luigi 3")
    return organization


def url(organization):
    return reverse("directory:organization_detail", kwargs={"slug": organization.slug})


def test_organization_page_shows_profile_areas_locations_and_contacts(client, organization):
    content = client.get(url(organization)).content.decode()
    assert "Oratorio San Luigi" in content
    assert "Associazione di promozione sociale (APS)" in content
    assert "Accogliamo i ragazzi del quartiere." in content
    assert "Attività sportive dilettantistiche" in content
    assert "Via San Luigi 3" in content
    assert 'href="tel:021234567"' in content
    assert 'data-points="45.4177,9.1113"' in content
    assert 'class="linkrete-map linkrete-map-small"' not in content


def test_organization_page_lists_only_public_current_activities(client, organization):
    ActivityFactory(organization=organization, title="Calcio", slug="calcio")
    ActivityFactory(
        organization=organization,
        title="Bozza",
        slug="bozza",
        publication_status=PublicationStatus.DRAFT,
    )
    ActivityFactory(
        organization=organization, title="Finita", slug="finita", status=Activity.Status.ENDED
    )
    ActivityFactory(title="Di un altro ente", slug="altro")

    content = client.get(url(organization)).content.decode()

    assert 'data-activity="calcio"' in content
    assert 'data-activity="bozza"' not in content
    assert 'data-activity="finita"' not in content
    assert 'data-activity="altro"' not in content


def test_draft_organization_is_not_found(client, organization):
    organization.status = PublicationStatus.DRAFT
    organization.save()
    assert client.get(url(organization)).status_code == 404


def test_jsonld_describes_the_organization(client, organization):
    [data] = jsonld_blocks(client.get(url(organization)))
    assert data["@type"] == "Organization"
    assert data["name"] == "Oratorio San Luigi"
    assert data["address"]["streetAddress"] == "Via San Luigi 3"
    assert data["address"]["addressLocality"] == "Buccinasco"


def test_query_count_does_not_grow_with_activities_and_locations(
    client, organization, django_assert_max_num_queries
):
    first = ActivityFactory(organization=organization)
    first.locations.add(organization.locations.first())
    few = count_queries(client, url(organization))
    for n in range(5):
        activity = ActivityFactory(organization=organization)
        location = LocationFactory(organization=organization, name=f"Sede {n}")
        activity.locations.add(location)
        OpeningSlotFactory(activity=activity, weekday=n + 1)
        VolunteeringCallFactory(organization=organization)
    many = count_queries(client, url(organization))
    assert few == many
    with django_assert_max_num_queries(10):
        client.get(url(organization))


def test_organization_page_links_its_open_volunteering_calls(client, organization):
    open_call = VolunteeringCallFactory(
        organization=organization, title="Aiuto compiti", deadline=datetime.date(2099, 1, 1)
    )
    VolunteeringCallFactory(
        organization=organization, title="Scaduta", deadline=datetime.date(2020, 1, 1)
    )
    VolunteeringCallFactory(organization=organization, title="Bozza", is_published=False)
    VolunteeringCallFactory(title="Di un altro ente")

    content = client.get(url(organization)).content.decode()

    assert f'href="{open_call.get_absolute_url()}"' in content
    assert "Aiuto compiti" in content
    assert "Scaduta" not in content and "Bozza" not in content
    assert "Di un altro ente" not in content


def test_organization_page_without_open_calls_has_no_calls_section(client, organization):
    assert 'id="calls-title"' not in client.get(url(organization)).content.decode()


def _titles(response):
    return [a.title for a in response.context["activities"]]


def test_a_big_organization_shows_its_activities_a_page_at_a_time(client, organization):
    page = url(organization)
    Activity.objects.filter(organization=organization).delete()
    activities = [
        ActivityFactory(organization=organization, title=f"Attività {n:03d}")
        for n in range(ACTIVITIES_PER_PAGE + 3)
    ]
    first = client.get(page)
    assert _titles(first) == [a.title for a in activities[:ACTIVITIES_PER_PAGE]]
    body = first.content.decode()
    assert f"{len(activities)} attività: qui dalla 1 alla {ACTIVITIES_PER_PAGE}." in body
    assert 'rel="next" href="?pagina=2"' in body
    second = client.get(page, {"pagina": "2"})
    assert _titles(second) == [a.title for a in activities[ACTIVITIES_PER_PAGE:]]
    assert 'rel="prev" href="?pagina=1"' in second.content.decode()
    beyond = client.get(page, {"pagina": "3"})
    assert beyond.status_code == 200
    assert _titles(beyond) == _titles(first)
    assert "La pagina 3 non esiste: ecco la prima." in beyond.content.decode()
    not_a_number = client.get(page, {"pagina": "tre"})
    assert "Il numero di pagina è stato ignorato: non è un numero." in not_a_number.content.decode()


def test_a_small_organization_shows_no_pager(client, organization):
    body = client.get(url(organization)).content.decode()
    assert "pagination" not in body and "pagina=" not in body


def test_the_page_says_of_which_network_each_role_is(client, organization):
    from tests.factories import NetworkFactory, NetworkMembershipFactory

    link = NetworkFactory(name="LINK")
    spoon = NetworkFactory(name="SpOON")
    NetworkMembershipFactory(network=link, organization=organization, role="capofila")
    NetworkMembershipFactory(network=spoon, organization=organization, role="punto_accesso")
    page = client.get(url(organization)).content.decode()
    assert f'Capofila di <a href="{link.get_absolute_url()}">LINK</a>' in page
    assert f'Punto di accesso di <a href="{spoon.get_absolute_url()}">SpOON</a>' in page
