import datetime

import pytest
from django.utils import timezone

from directory.models import Activity, PublicationStatus
from directory.sitemaps import ActivitySitemap
from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    DeskFactory,
    OrganizationFactory,
    VolunteeringCallFactory,
)
from tests.sitemap_reader import LOC, section_files, whole_sitemap

pytestmark = pytest.mark.django_db


def test_sitemap_lists_home_public_activities_and_organizations_with_alternates(client):
    ActivityFactory(
        slug="calcio", organization=OrganizationFactory(name="Oratorio", slug="oratorio")
    )
    ActivityFactory(slug="bozza", publication_status=PublicationStatus.DRAFT)
    ActivityFactory(slug="finita", status=Activity.Status.ENDED)
    OrganizationFactory(name="Ente in bozza", slug="ente-bozza", status=PublicationStatus.DRAFT)

    content = whole_sitemap(client)

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

    content = whole_sitemap(client)

    assert "<loc>http://testserver/sportelli/</loc>" in content
    assert "<loc>http://testserver/volontariato/</loc>" in content
    assert "<loc>http://testserver/sportelli/sportello-pagnana/</loc>" in content
    assert "<loc>http://testserver/volontariato/aiuto-compiti/</loc>" in content
    assert "sportello-chiuso" not in content
    assert "scaduta" not in content
    assert "Ginevra" not in content and "Bianchi" not in content


def test_the_sitemap_is_an_index_of_sections_read_in_pages(client, monkeypatch):
    # At national scale one file of every activity took a minute and weighed 52 MB. Four URLs
    # a file: two activities, each in two languages, by ranges of their keys.
    monkeypatch.setattr(ActivitySitemap, "limit", 4)
    for number in range(5):
        ActivityFactory(slug=f"attivita-{number}")

    files = section_files(client)

    pages = [f for f in files if f.startswith("/sitemap-activities.xml")]
    assert pages == ["/sitemap-activities.xml"] + [f"/sitemap-activities.xml?p={n}" for n in (2, 3)]
    locs = [loc for page in pages for loc in LOC.findall(client.get(page).content.decode())]
    expected = [
        f"http://testserver{prefix}/attivita/attivita-{number}/"
        for number in range(5)
        for prefix in ("", "/en")
    ]
    assert locs == expected  # each URL once, in order, across the pages
    assert client.get("/sitemap-activities.xml?p=4").status_code == 404
    assert client.get("/sitemap-nessuna.xml").status_code == 404


def test_each_file_is_a_range_of_keys_so_gaps_leave_files_shorter(client, monkeypatch):
    # Any file costs the same (an index range, no OFFSET): rows not public, or deleted, in a
    # range leave its file shorter, or empty; every public activity is still listed once.
    monkeypatch.setattr(ActivitySitemap, "limit", 4)
    activities = [ActivityFactory(slug=f"attivita-{number}") for number in range(7)]
    for hidden in activities[2:4]:
        hidden.publication_status = PublicationStatus.DRAFT
        hidden.save()
    activities[4].delete()

    pages = [f for f in section_files(client) if f.startswith("/sitemap-activities.xml")]

    per_page = [LOC.findall(client.get(page).content.decode()) for page in pages]
    assert [len(locs) for locs in per_page][-4:] == [4, 0, 2, 2]
    listed = [loc for locs in per_page for loc in locs]
    assert listed == [
        f"http://testserver{prefix}/attivita/attivita-{number}/"
        for number in (0, 1, 5, 6)
        for prefix in ("", "/en")
    ]


def test_each_address_has_its_own_date_and_the_index_none(client):
    # A section's newest change, on each of its files, said every file changed whenever one
    # activity did (and cost a scan of the section): crawlers read each address's date.
    activity = ActivityFactory(slug="calcio")

    index = client.get("/sitemap.xml").content.decode()
    section = client.get("/sitemap-activities.xml").content.decode()

    assert "<lastmod>" not in index and "Last-Modified" not in client.get("/sitemap.xml")
    day = timezone.localtime(activity.updated_at).date().isoformat()
    assert f"<loc>http://testserver/attivita/calcio/</loc><lastmod>{day}</lastmod>" in section
    assert section.startswith('<?xml version="1.0" encoding="UTF-8"?>')
