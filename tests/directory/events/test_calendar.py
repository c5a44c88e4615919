"""The public calendar (/eventi/): its day, week and month, the filters, cancelled and moved
sessions, bad parameters. Now is pinned: Wednesday 2 December 2026 (tests/clock.py)."""

import datetime
import re

import pytest
from django.urls import reverse

from directory.models import EventSession, PublicationStatus, Zone
from tests.factories import (
    EventFactory,
    EventSessionFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    category,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

URL = reverse("directory:event_calendar")


def titles(response):
    assert response.status_code == 200
    return re.findall(
        r'<h3 class="card-title h5"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def session_on(day, title, **kwargs):
    event = EventFactory(title=title, **kwargs.pop("event", {}))
    return EventSessionFactory(event=event, date=day, **kwargs)


def test_the_week_is_monday_to_sunday_of_today(client):
    session_on(datetime.date(2026, 11, 29), "Domenica prima")
    session_on(datetime.date(2026, 11, 30), "Lunedi")
    session_on(datetime.date(2026, 12, 6), "Domenica")
    session_on(datetime.date(2026, 12, 7), "Lunedi dopo")

    assert titles(client.get(URL)) == ["Lunedi", "Domenica"]


def test_the_day_and_the_month(client):
    session_on(datetime.date(2026, 12, 2), "Oggi")
    session_on(datetime.date(2026, 12, 3), "Domani")
    session_on(datetime.date(2026, 12, 31), "San Silvestro")
    session_on(datetime.date(2027, 1, 1), "Capodanno")

    assert titles(client.get(URL, {"vista": "giorno"})) == ["Oggi"]
    assert titles(client.get(URL, {"vista": "giorno", "data": "2026-12-03"})) == ["Domani"]
    assert titles(client.get(URL, {"vista": "mese"})) == ["Oggi", "Domani", "San Silvestro"]
    assert titles(client.get(URL, {"vista": "mese", "data": "2027-01-15"})) == ["Capodanno"]


def test_sessions_are_in_order_of_day_and_time(client):
    session_on(datetime.date(2026, 12, 4), "Pomeriggio", starts_at=datetime.time(15))
    session_on(datetime.date(2026, 12, 4), "Mattina", starts_at=datetime.time(9))
    session_on(
        datetime.date(2026, 12, 3),
        "Giorno prima",
        starts_at=datetime.time(18),
        ends_at=datetime.time(19),
    )

    assert titles(client.get(URL)) == ["Giorno prima", "Mattina", "Pomeriggio"]


def test_the_links_lead_to_the_previous_and_next_period(client):
    page = client.get(URL, {"vista": "mese", "data": "2026-12-10"}).content.decode()
    assert "data=2026-11-01" in page
    assert "data=2027-01-01" in page


def test_only_published_events_of_published_organizations(client):
    session_on(datetime.date(2026, 12, 4), "Pubblico")
    session_on(
        datetime.date(2026, 12, 4),
        "Bozza",
        event={"publication_status": PublicationStatus.DRAFT},
    )
    hidden = OrganizationFactory(status=PublicationStatus.DRAFT)
    session_on(datetime.date(2026, 12, 4), "Ente nascosto", event={"organization": hidden})

    assert titles(client.get(URL)) == ["Pubblico"]


def test_cancelled_and_moved_sessions_are_shown_as_such(client):
    session_on(
        datetime.date(2026, 12, 4),
        "Laboratorio del venerdì",
        status=EventSession.Status.CANCELLED,
        note="Educatrice malata",
    )
    session_on(
        datetime.date(2026, 12, 5),
        "Spostato",
        status=EventSession.Status.MOVED,
        moved_from=datetime.date(2026, 11, 28),
    )

    page = client.get(URL).content.decode()
    assert titles(client.get(URL)) == ["Laboratorio del venerdì", "Spostato"]
    assert 'bg-danger">Annullato</span> Educatrice malata' in page
    assert "Spostato dal 28 novembre" in page


def test_the_age_band_keeps_the_events_whose_ages_overlap(client):
    session_on(datetime.date(2026, 12, 4), "Bambini", event={"min_age": 6, "max_age": 11})
    session_on(datetime.date(2026, 12, 4), "Nonni", event={"min_age": 65, "max_age": None})
    session_on(datetime.date(2026, 12, 4), "Tutti", event={"min_age": None, "max_age": None})

    assert titles(client.get(URL, {"fascia": "anziani"})) == ["Nonni", "Tutti"]
    assert titles(client.get(URL, {"fascia": "6-11"})) == ["Bambini", "Tutti"]


def test_the_category_keeps_its_events_once_each(client):
    session_on(
        datetime.date(2026, 12, 4),
        "Due categorie",
        event={"categories": [category("laboratori"), category("sport")]},
    )
    session_on(datetime.date(2026, 12, 4), "Sport", event={"categories": [category("sport")]})

    assert titles(client.get(URL, {"categoria": "laboratori"})) == ["Due categorie"]
    assert titles(client.get(URL, {"categoria": "sport"})) == ["Due categorie", "Sport"]


def test_the_municipality_and_the_zone(client):
    buccinasco = MunicipalityFactory(istat_code="015036", name="Buccinasco")
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico")
    zone = Zone.objects.create(name="Corsichese", slug="corsichese")
    zone.municipalities.add(corsico)
    here = EventFactory(title="A Buccinasco")
    EventSessionFactory(
        event=here,
        location=LocationFactory(organization=here.organization, municipality=buccinasco),
    )
    there = EventFactory(title="A Corsico")
    EventSessionFactory(
        event=there,
        location=LocationFactory(organization=there.organization, municipality=corsico),
    )
    online = EventFactory(title="Online")
    EventSessionFactory(event=online, location=None, online_url="https://meet.example.org/x")

    assert titles(client.get(URL, {"comune": "015036"})) == ["A Buccinasco"]
    assert titles(client.get(URL, {"zona": "corsichese"})) == ["A Corsico"]
    assert titles(client.get(URL)) == ["A Buccinasco", "A Corsico", "Online"]


@pytest.mark.parametrize(
    "query",
    [
        {"vista": "anno"},
        {"data": "2026-13-45"},
        {"data": "99999-01-01"},
        {"data": "1900-01-01"},
        {"data": "2099-12-31", "vista": "mese"},
        {"fascia": "marziani"},
        {"categoria": "non-esiste"},
        {"categoria": "../../"},
        {"comune": "abc"},
        {"zona": "nessuna"},
        {"pagina": "x"},
        {"pagina": "999"},
        {"data": "\x00"},
    ],
)
def test_bad_parameters_are_ignored_with_a_notice(client, query):
    session_on(datetime.date(2026, 12, 4), "Laboratorio")
    response = client.get(URL, query)
    assert response.status_code == 200
    if query != {"data": "2099-12-31", "vista": "mese"}:
        assert 'role="status"' in response.content.decode()


def test_the_calendar_is_paged(client):
    event = EventFactory(title="Lungo")
    for hour in range(8, 20):
        for day in (3, 4, 5):
            EventSessionFactory(
                event=event,
                date=datetime.date(2026, 12, day),
                starts_at=datetime.time(hour),
                ends_at=datetime.time(hour, 45),
            )
    first = client.get(URL)
    second = client.get(URL, {"pagina": "2"})
    assert len(titles(first)) == 30
    assert len(titles(second)) == 6
    assert 'rel="next"' in first.content.decode()


def test_a_new_session_renews_the_cached_calendar(client, django_capture_on_commit_callbacks):
    first = session_on(datetime.date(2026, 12, 4), "Merenda")
    assert titles(client.get(URL)) == ["Merenda"]
    assert client.get(URL)["X-Page-Cache"] == "hit"

    # Only a session is written: no organization, place or category that would renew it.
    with django_capture_on_commit_callbacks(execute=True):
        EventSession.objects.create(
            event=first.event,
            date=datetime.date(2026, 12, 5),
            starts_at=datetime.time(10),
            ends_at=datetime.time(11),
            location=first.location,
        )

    assert titles(client.get(URL)) == ["Merenda", "Merenda"]
