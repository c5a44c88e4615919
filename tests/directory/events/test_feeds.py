"""The iCal feeds of a zone and of a network: the public sessions held in the zone's
municipalities / of the network's members, from today to three months ahead, validated by
parsing them with the icalendar library; linked from the calendar filtered by the zone and
from the network's page. Now is pinned (tests/clock.py)."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from directory.models import PublicationStatus
from tests.factories import (
    EventFactory,
    EventSessionFactory,
    LocationFactory,
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    ZoneFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def _summaries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]


@pytest.fixture
def zone():
    zone = ZoneFactory(name="Ambito del Visconteo", slug="visconteo")
    zone.municipalities.add(MunicipalityFactory())
    return zone


def _session(title, *, date=datetime.date(2026, 12, 5), municipality=None, **event):
    organization = event.pop("organization", None) or OrganizationFactory()
    location = LocationFactory(
        organization=organization, municipality=municipality or MunicipalityFactory()
    )
    return EventSessionFactory(
        event=EventFactory(organization=organization, title=title, **event),
        date=date,
        location=location,
    )


def test_the_zones_feed_holds_the_coming_public_sessions_held_in_it(client, zone):
    elsewhere = MunicipalityFactory(istat_code="015146", name="Milano")
    _session("Tombolata")
    _session("Coro", date=datetime.date(2027, 2, 20))
    _session("Annullato").event.sessions.update(status="cancelled")
    _session("Bozza", publication_status=PublicationStatus.DRAFT)
    _session("Passato", date=datetime.date(2026, 12, 1))
    _session("Troppo lontano", date=datetime.date(2027, 3, 10))
    _session("A Milano", municipality=elsewhere)
    EventSessionFactory(event__title="Online", location=None, online_url="https://x.example")

    calendar, summaries = _summaries(
        client.get(reverse("directory:zone_events_ics", args=[zone.slug]))
    )

    assert summaries == ["Tombolata", "Annullato", "Coro"]
    statuses = [str(item["STATUS"]) for item in calendar.walk("VEVENT")]
    assert statuses == ["CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert str(calendar["X-WR-CALNAME"]).endswith("Ambito del Visconteo")


def test_the_networks_feed_holds_the_coming_public_sessions_of_its_members(client):
    network = NetworkFactory(name="Rete LINK", slug="link")
    member = NetworkMembershipFactory(network=network).organization
    NetworkMembershipFactory(network=network, organization=member, role="firmatario")
    _session("Laboratorio delle risorse", organization=member)
    _session("Di un altro ente")
    hidden = OrganizationFactory(status=PublicationStatus.DRAFT)
    NetworkMembershipFactory(network=network, organization=hidden)
    _session("Ente non pubblicato", organization=hidden)

    calendar, summaries = _summaries(
        client.get(reverse("directory:network_events_ics", args=[network.slug]))
    )

    assert summaries == ["Laboratorio delle risorse"]
    assert str(calendar["X-WR-CALNAME"]).endswith("Rete LINK")


@pytest.mark.parametrize("name", ["zone_events_ics", "network_events_ics"])
def test_an_unknown_zone_or_network_answers_404(client, name):
    assert client.get(reverse(f"directory:{name}", args=["nessuna"])).status_code == 404


def test_the_calendar_filtered_by_a_zone_and_the_network_page_link_their_feeds(client, zone):
    network = NetworkFactory(slug="link")
    feed = reverse("directory:zone_events_ics", args=[zone.slug])
    assert (
        feed
        in client.get(reverse("directory:event_calendar"), {"zona": zone.slug}).content.decode()
    )
    assert feed not in client.get(reverse("directory:event_calendar")).content.decode()
    page = client.get(reverse("directory:network_detail", args=[network.slug])).content.decode()
    assert reverse("directory:network_events_ics", args=[network.slug]) in page


@pytest.mark.parametrize("size", [2, 20])
def test_the_feeds_read_two_queries_whatever_the_sessions(
    client, zone, size, django_assert_num_queries
):
    network = NetworkFactory(slug="link")
    member = NetworkMembershipFactory(network=network).organization
    for n in range(size):
        _session(f"Incontro {n}", organization=member, date=datetime.date(2026, 12, 3 + n))
    for url in (
        reverse("directory:zone_events_ics", args=[zone.slug]),
        reverse("directory:network_events_ics", args=[network.slug]),
    ):
        with django_assert_num_queries(2):
            _calendar, summaries = _summaries(client.get(url))
        assert len(summaries) == size
