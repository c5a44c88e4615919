import datetime

import pytest

from directory.models import Activity, PublicationStatus
from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    DeskFactory,
    OrganizationFactory,
    VolunteeringCallFactory,
)

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


def test_sitemap_lists_public_desks_and_open_volunteering_calls_but_no_applicant(client):
    DeskFactory(slug="sportello-pagnana")
    DeskFactory(slug="sportello-chiuso", status=PublicationStatus.DRAFT)
    call = VolunteeringCallFactory(slug="aiuto-compiti")
    ApplicationFactory(call=call, first_name="Ginevra", last_name="Bianchi")
    VolunteeringCallFactory(slug="scaduta", deadline=datetime.date(2000, 1, 1))

    content = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/sportelli/</loc>" in content
    assert "<loc>http://testserver/volontariato/</loc>" in content
    assert "<loc>http://testserver/sportelli/sportello-pagnana/</loc>" in content
    assert "<loc>http://testserver/volontariato/aiuto-compiti/</loc>" in content
    assert "sportello-chiuso" not in content
    assert "scaduta" not in content
    assert "Ginevra" not in content and "Bianchi" not in content
