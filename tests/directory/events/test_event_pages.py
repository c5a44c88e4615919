"""An event's page (schema.org Event markup), its .ics and the organization's feed, validated
by parsing them with the icalendar library; upcoming events on the organization's and the
activity's pages. Now is pinned (tests/clock.py)."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from directory.models import Event, EventSession, PublicationStatus
from tests.factories import (
    ActivityFactory,
    EventFactory,
    EventSessionFactory,
    OrganizationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]
ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def event():
    event = EventFactory(title="Laboratorio di Natale", slug="laboratorio-di-natale")
    EventSessionFactory(event=event, date=datetime.date(2026, 12, 5))
    EventSessionFactory(
        event=event,
        date=datetime.date(2026, 12, 12),
        status=EventSession.Status.CANCELLED,
        note="Sala non disponibile",
    )
    EventSessionFactory(
        event=event, date=datetime.date(2026, 12, 19), location=None, online_url="https://x.example"
    )
    return event


def _jsonld(page):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_the_event_page_has_one_schema_org_event_per_coming_session(client, event):
    EventSessionFactory(event=event, date=datetime.date(2026, 11, 28))  # past: not listed
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    items = _jsonld(response.content.decode())
    assert [item["@type"] for item in items] == ["Event"] * 3
    assert items[0]["startDate"] == "2026-12-05T15:00:00+01:00"
    assert items[0]["eventStatus"] == "https://schema.org/EventScheduled"
    assert items[0]["location"]["@type"] == "Place"
    assert items[0]["organizer"]["name"] == event.organization.name
    assert items[0]["audience"] == {
        "@type": "PeopleAudience",
        "suggestedMinAge": 6,
        "suggestedMaxAge": 11,
    }
    assert items[1]["eventStatus"] == "https://schema.org/EventCancelled"
    assert items[2]["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert items[2]["location"] == {"@type": "VirtualLocation", "url": "https://x.example"}


def test_a_draft_event_answers_404(client):
    draft = EventFactory(publication_status=PublicationStatus.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("directory:event_ics", args=[draft.slug])).status_code == 404


def test_a_cancelled_event_says_so(client, event):
    Event.objects.filter(pk=event.pk).update(status="cancelled", notice="Maltempo")
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Maltempo" in page
    assert all(item["eventStatus"] == "https://schema.org/EventCancelled" for item in _jsonld(page))


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_event_ics_holds_every_session_with_its_status(client, event):
    calendar = _parse(client.get(reverse("directory:event_ics", args=[event.slug])))
    sessions = calendar.walk("VEVENT")
    assert len(sessions) == 3
    first, cancelled, online = sessions
    assert first.decoded("DTSTART") == datetime.datetime(2026, 12, 5, 15, tzinfo=ROME)
    assert first.decoded("DTEND") == datetime.datetime(2026, 12, 5, 17, tzinfo=ROME)
    assert str(first["SUMMARY"]) == "Laboratorio di Natale"
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert "Sala non disponibile" in str(cancelled["DESCRIPTION"])
    assert str(online["LOCATION"]) == "https://x.example"
    assert len({str(s["UID"]) for s in sessions}) == 3


def test_the_organizations_feed_holds_its_public_events_only(client, event):
    organization = event.organization
    other = EventFactory(organization=organization, title="Festa, di fine anno; insieme")
    EventSessionFactory(event=other, date=datetime.date(2027, 1, 9))
    draft = EventFactory(organization=organization, publication_status=PublicationStatus.DRAFT)
    EventSessionFactory(event=draft)
    EventSessionFactory(event__title="Di un altro ente")
    old = EventFactory(organization=organization, title="Vecchio")
    EventSessionFactory(event=old, date=datetime.date(2026, 9, 1))

    url = reverse("directory:organization_events_ics", args=[organization.slug])
    calendar = _parse(client.get(url))
    summaries = [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]
    assert summaries == [
        "Laboratorio di Natale",
        "Laboratorio di Natale",
        "Laboratorio di Natale",
        "Festa, di fine anno; insieme",
    ]
    assert str(calendar["X-WR-CALNAME"]).endswith(organization.name)


def test_the_feed_of_an_unknown_or_hidden_organization_answers_404(client):
    hidden = OrganizationFactory(status=PublicationStatus.DRAFT)
    for slug in ("nessuno", hidden.slug):
        url = reverse("directory:organization_events_ics", args=[slug])
        assert client.get(url).status_code == 404


def test_the_organizations_and_the_activitys_pages_show_upcoming_events(client):
    activity = ActivityFactory()
    event = EventFactory(organization=activity.organization, activity=activity, title="Open day")
    EventSessionFactory(event=event, date=datetime.date(2026, 12, 9))
    past = EventFactory(organization=activity.organization, title="Passato")
    EventSessionFactory(event=past, date=datetime.date(2026, 11, 9))

    for url in (activity.get_absolute_url(), activity.organization.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Open day" in page, url
        assert "Passato" not in page, url
        assert event.get_absolute_url() in page


def test_the_sitemap_lists_public_events(client, event):
    draft = EventFactory(publication_status=PublicationStatus.DRAFT)
    index = client.get("/sitemap.xml").content.decode()
    section = re.search(r"<loc>https?://[^<]+(/sitemap-events\.xml[^<]*)</loc>", index).group(1)
    page = client.get(section).content.decode()
    assert event.get_absolute_url() in page
    assert draft.get_absolute_url() not in page
