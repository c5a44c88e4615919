import pytest

from directory.models import Activity, PublicationStatus
from tests.factories import ActivityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_home_public_activities_and_organizations_with_alternates(client):
    ActivityFactory(
        slug="calcio", organization=OrganizationFactory(name="Oratorio", slug="oratorio")
    )
    ActivityFactory(slug="bozza", publication_status=PublicationStatus.DRAFT)
    ActivityFactory(slug="finita", status=Activity.Status.ENDED)
    OrganizationFactory(name="Ente in bozza", slug="ente-bozza", status=PublicationStatus.DRAFT)

    response = client.get("/sitemap.xml")
    content = response.content.decode()

    assert response.status_code == 200
    assert "<loc>http://testserver/</loc>" in content
    assert "<loc>http://testserver/attivita/calcio/</loc>" in content
    assert "<loc>http://testserver/en/attivita/calcio/</loc>" in content
    assert 'hreflang="en" href="http://testserver/en/attivita/calcio/"' in content
    assert 'hreflang="x-default"' in content
    assert "<loc>http://testserver/enti/oratorio/</loc>" in content
    assert "bozza" not in content
    assert "finita" not in content
    assert "ente-bozza" not in content
