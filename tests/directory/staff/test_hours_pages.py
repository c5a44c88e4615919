"""The volunteers' hours log a page at a time, newest first, and the year's totals from one
grouped query: neither grows in queries with the entries (an organization of bench/ has
19,200 of them, the network 1.6 million)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import VolunteerHours
from tests.factories import ActivityFactory, VolunteerFactory, VolunteerHoursFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

SIZE = 3


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("linkrete.paging.PAGE_SIZE", SIZE)


def _log(organization, count, *, activity=None, year=2026):
    volunteer = VolunteerFactory(organization=organization, start_date=datetime.date(2020, 1, 1))
    VolunteerHours.objects.bulk_create(
        VolunteerHours(
            volunteer=volunteer,
            activity=activity,
            date=datetime.date(year, 1 + n % 12, 1 + n % 28),
            hours=Decimal("1.5"),
        )
        for n in range(count)
    )
    return volunteer


def _queries(client, url, **params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.mark.usefixtures("small_pages")
def test_the_log_shows_a_page_newest_first_then_the_next(client, staff, organization):
    volunteer = VolunteerFactory(organization=organization, last_name="Neri")
    days = [datetime.date(2026, 11, d) for d in (3, 9, 1, 20)]
    for day in days:
        VolunteerHoursFactory(volunteer=volunteer, date=day, hours=1)
    client.force_login(staff)
    url = reverse("staff:hours_log", args=[organization.slug])

    first, second = client.get(url), client.get(url, {"pagina": 2})

    assert [e.date.day for e in first.context["entries"]] == [20, 9, 3]
    assert [e.date.day for e in second.context["entries"]] == [1]
    assert "pagina=2" in first.content.decode()
    assert client.get(url, {"pagina": 3}).status_code == 404
    assert client.get(url, {"pagina": "x"}).status_code == 404


def test_a_bad_entry_keeps_what_was_typed(client, staff, organization):
    volunteer = VolunteerFactory(organization=organization)
    client.force_login(staff)

    response = client.post(
        reverse("staff:hours_log", args=[organization.slug]),
        {"volunteer": volunteer.pk, "date": "2026-02-03", "hours": "30", "description": "Turno"},
    )

    assert response.status_code == 200 and "hours" in response.context["form"].errors
    assert 'value="Turno"' in response.content.decode()
    assert not VolunteerHours.objects.exists()


@pytest.mark.usefixtures("small_pages")
def test_the_log_query_count_does_not_grow_with_the_entries(client, staff, organization):
    client.force_login(staff)
    url = reverse("staff:hours_log", args=[organization.slug])
    _log(organization, 2)
    small, _response = _queries(client, url)
    for _ in range(5):
        _log(organization, 40, activity=ActivityFactory(organization=organization))
    large, response = _queries(client, url, pagina=2)
    # Session, user, the membership, the form's volunteers and activities, the count, the page.
    assert (small, large) == (7, 7)
    assert len(response.context["entries"]) == SIZE


def test_the_totals_sum_every_entry_of_the_year(client, staff, organization):
    doposcuola = ActivityFactory(organization=organization, title="Doposcuola")
    anna = _log(organization, 24, activity=doposcuola)  # two a month, 1.5 h each
    _log(organization, 12)  # no activity
    _log(organization, 5, year=2025)  # another year
    client.force_login(staff)

    response = client.get(reverse("staff:hours_totals", args=[organization.slug]), {"anno": 2026})

    by_volunteer = {row["label"]: row for row in response.context["by_volunteer"]}
    assert by_volunteer[f"{anna.last_name} {anna.first_name}"]["months"] == [Decimal("3")] * 12
    assert len(by_volunteer) == 2
    by_activity = [(row["label"], row["total"]) for row in response.context["by_activity"]]
    assert by_activity == [("Doposcuola", Decimal("36")), ("nessuna attività", Decimal("18"))]
    assert response.context["grand_total"] == Decimal("54")


def test_the_totals_query_count_does_not_grow_with_the_entries(client, staff, organization):
    client.force_login(staff)
    url = reverse("staff:hours_totals", args=[organization.slug])
    _log(organization, 2, activity=ActivityFactory(organization=organization))
    small, _response = _queries(client, url)
    for _ in range(10):
        _log(organization, 50, activity=ActivityFactory(organization=organization))
    large, response = _queries(client, url)
    # Session, user, the membership, the grouped sums, the volunteers' and activities' names.
    assert (small, large) == (6, 6)
    assert len(response.context["by_volunteer"]) == 11
