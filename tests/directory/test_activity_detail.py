import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Activity, Language, PublicationStatus, TargetGroup, Weekday
from tests.directory.helpers import count_queries, jsonld_blocks
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ScheduleExceptionFactory,
    category,
)

# Today's row, the next opening, past and coming exceptions depend on the day: pinned.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


@pytest.fixture
def activity():
    organization = OrganizationFactory(
        name="Oratorio San Luigi", slug="oratorio-san-luigi", phone="02 1234 567"
    )
    activity = ActivityFactory(
        organization=organization,
        title="Doposcuola",
        slug="doposcuola",
        min_age=11,
        max_age=14,
        required_documents="Modulo di iscrizione\n\nTessera sanitaria\n",
        eligibility="Ragazzi delle medie.",
        is_free=False,
        fee_description="20 euro al mese.",
        categories=[category("diritto-istruzione")],
    )
    activity.target_groups.set(TargetGroup.objects.filter(slug="ragazzi"))
    activity.languages.set(Language.objects.filter(code="ar"))
    activity.locations.add(
        LocationFactory(
            organization=organization,
            name="Oratorio",
            address="Via San Luigi 3",
            wheelchair_accessible=True,
            transport_notes="Autobus 321.",
        )
    )
    OpeningSlotFactory(activity=activity, weekday=Weekday.SATURDAY)
    return activity


def url(activity):
    return reverse("directory:activity_detail", kwargs={"slug": activity.slug})


def test_activity_page_shows_the_sections_of_a_service_page(client, activity):
    response = client.get(url(activity))
    content = response.content.decode()
    assert response.status_code == 200
    for section in [
        "for-whom",
        "description",
        "how-to-access",
        "what-you-need",
        "cost",
        "when",
        "where",
        "contacts",
        "organization",
        "share",
        "report",
    ]:
        assert f'id="{section}"' in content
    assert "11–14 anni" in content
    assert "Ragazzi delle medie." in content
    assert "<li>Modulo di iscrizione</li>" in content
    assert "<li>Tessera sanitaria</li>" in content
    assert "20 euro al mese." in content
    assert "Via San Luigi 3" in content
    assert "Accessibile in sedia a rotelle" in content
    assert "Autobus 321." in content


def test_weekly_hours_highlight_today(client, activity):
    content = client.get(url(activity)).content.decode()
    today_label = Weekday(timezone.localdate().isoweekday()).label
    assert f'<tr class="linkrete-today">\n        <th scope="row">{today_label}' in content
    assert content.count('class="linkrete-today"') == 1
    assert "09:00–12:00" in content


def test_page_says_when_it_opens_next(client, activity):
    response = client.get(url(activity))
    assert response.context["opening"].next.opens_at == datetime.time(9, 0)


def test_upcoming_exceptions_are_listed_and_past_ones_are_not(client, activity):
    today = timezone.localdate()
    ScheduleExceptionFactory(
        activity=activity, date=today + datetime.timedelta(days=3), reason="Festa patronale"
    )
    ScheduleExceptionFactory(
        activity=activity, date=today - datetime.timedelta(days=3), reason="Gita passata"
    )
    content = client.get(url(activity)).content.decode()
    assert "Festa patronale" in content
    assert "Gita passata" not in content


def test_contacts_fall_back_to_the_organization(client, activity):
    content = client.get(url(activity)).content.decode()
    assert 'href="tel:021234567"' in content
    assert 'href="mailto:info@oratorio-san-luigi.example.org"' in content
    activity.phone = "333 111 2222"
    activity.save()
    assert 'href="tel:3331112222"' in client.get(url(activity)).content.decode()


def test_location_without_javascript_shows_an_openstreetmap_link(client, activity):
    content = client.get(url(activity)).content.decode()
    assert "https://www.openstreetmap.org/?mlat=45.4177&amp;mlon=9.1113" in content
    assert 'data-points="45.4177,9.1113"' in content


def test_draft_activity_is_not_found(client, activity):
    activity.publication_status = PublicationStatus.DRAFT
    activity.save()
    assert client.get(url(activity)).status_code == 404


def test_activity_of_a_draft_organization_is_not_found(client, activity):
    activity.organization.status = PublicationStatus.DRAFT
    activity.organization.save()
    assert client.get(url(activity)).status_code == 404


def test_temporarily_closed_activity_shows_the_notice(client, activity):
    activity.status = Activity.Status.TEMPORARILY_CLOSED
    activity.alert = "Chiuso per lavori fino a gennaio."
    activity.save()
    content = client.get(url(activity)).content.decode()
    assert "Temporaneamente chiusa." in content
    assert "Chiuso per lavori fino a gennaio." in content
    assert "Open now" not in content


def test_ended_activity_says_so(client, activity):
    activity.valid_to = timezone.localdate() - datetime.timedelta(days=1)
    activity.valid_from = None
    activity.save()
    response = client.get(url(activity))
    assert response.status_code == 200
    assert "Questa attività è conclusa." in response.content.decode()


def test_information_verified_date_falls_back_to_the_organization(client, activity):
    response = client.get(url(activity))
    assert response.context["last_verified"] == activity.organization.last_verified
    assert "Informazioni verificate il" in response.content.decode()
    activity.last_verified = datetime.date(2026, 10, 5)
    activity.save()
    assert client.get(url(activity)).context["last_verified"] == datetime.date(2026, 10, 5)


def test_jsonld_describes_a_service_with_provider_area_and_hours(client, activity):
    [data] = jsonld_blocks(client.get(url(activity)))
    assert data["@type"] == "Service"
    assert data["name"] == "Doposcuola"
    assert data["provider"]["name"] == "Oratorio San Luigi"
    assert data["areaServed"] == [{"@type": "City", "name": "Buccinasco"}]
    assert data["hoursAvailable"][0]["dayOfWeek"] == "https://schema.org/Saturday"
    assert data["hoursAvailable"][0]["opens"] == "09:00"


def test_jsonld_cannot_break_out_of_its_script_element(client, activity):
    activity.summary = "</script><script>alert(1)</script>"
    activity.save()
    content = client.get(url(activity)).content.decode()
    assert "</script><script>alert(1)" not in content
    [data] = jsonld_blocks(client.get(url(activity)))
    assert data["description"] == "</script><script>alert(1)</script>"


def test_opengraph_canonical_and_hreflang(client, activity):
    content = client.get(url(activity)).content.decode()
    assert '<meta property="og:title" content="Doposcuola">' in content
    assert '<link rel="canonical" href="http://testserver/attivita/doposcuola/">' in content
    assert 'hreflang="en" href="http://testserver/en/attivita/doposcuola/"' in content


def test_english_page_is_served_under_the_prefix(client, activity):
    response = client.get("/en/attivita/doposcuola/")
    assert response.status_code == 200
    assert "For whom" in response.content.decode()


def test_share_links_and_qr_code(client, activity):
    content = client.get(url(activity)).content.decode()
    assert (
        "https://wa.me/?text=Doposcuola%20http%3A%2F%2Ftestserver%2Fattivita%2Fdoposcuola%2F"
        in (content)
    )
    assert "mailto:?subject=Doposcuola&amp;body=http%3A%2F%2Ftestserver" in content
    qr = client.get(reverse("directory:activity_qr", kwargs={"slug": "doposcuola"}))
    assert qr.status_code == 200
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg") or b"<svg" in qr.content[:200]


def test_qr_code_of_a_draft_is_not_found(client, activity):
    activity.publication_status = PublicationStatus.DRAFT
    activity.save()
    assert (
        client.get(reverse("directory:activity_qr", kwargs={"slug": "doposcuola"})).status_code
        == 404
    )


def test_page_offers_add_to_my_list(client, activity):
    content = client.get(url(activity)).content.decode()
    assert f'action="{reverse("directory:my_list_add")}"' in content


def test_query_count_is_small_and_does_not_grow_with_slots_locations_categories(
    client, activity, django_assert_max_num_queries
):
    few = count_queries(client, url(activity))
    other = MunicipalityFactory(istat_code="015093", name="Corsico")
    for n in range(4):
        activity.locations.add(
            LocationFactory(
                organization=activity.organization, name=f"Sede {n}", municipality=other
            )
        )
        OpeningSlotFactory(activity=activity, weekday=n + 1)
        ScheduleExceptionFactory(
            activity=activity, date=timezone.localdate() + datetime.timedelta(days=n + 1)
        )
    activity.categories.add(category("sport"), category("laboratori"), category("genitorialita"))
    activity.target_groups.set(TargetGroup.objects.all())
    activity.languages.set(Language.objects.all())
    many = count_queries(client, url(activity))
    assert few == many
    with django_assert_max_num_queries(12):
        client.get(url(activity))
