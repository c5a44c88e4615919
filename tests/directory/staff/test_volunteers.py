import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from directory.models import Attendance, VolunteerHours
from directory.staff import services
from tests.factories import (
    ActivityFactory,
    CourseFactory,
    OrganizationFactory,
    VolunteerFactory,
    VolunteerHoursFactory,
)


def fill_register(organization, volunteers, hours):
    from directory.models import Volunteer

    Volunteer.objects.bulk_create(
        Volunteer(
            organization=organization,
            first_name="V",
            last_name=f"Volontario{i:04d}",
            start_date=datetime.date(2020, 1, 1),
        )
        for i in range(volunteers)
    )
    ids = list(organization.volunteers.values_list("pk", flat=True))
    VolunteerHours.objects.bulk_create(
        VolunteerHours(
            volunteer_id=ids[i % len(ids)],
            date=datetime.date(2026, 1 + i % 12, 1 + i % 28),
            hours=Decimal("1.5"),
        )
        for i in range(hours)
    )


def count_queries(client, url, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["volunteer_list", "volunteer_print", "volunteer_export"])
def test_register_costs_the_same_queries_for_5_and_500_volunteers(
    client, staff, organization, name, django_assert_num_queries
):
    big = OrganizationFactory(slug="grande")
    from directory.models import Membership

    Membership.objects.create(user=staff, organization=big)
    fill_register(organization, 5, 20)
    fill_register(big, 500, 20_000)
    client.force_login(staff)
    small_count = count_queries(
        client, reverse(f"staff:{name}", args=[organization.slug]), django_assert_num_queries
    )
    big_count = count_queries(
        client, reverse(f"staff:{name}", args=[big.slug]), django_assert_num_queries
    )
    assert small_count == big_count
    assert big_count <= 8


def test_totals_per_month_and_year_per_volunteer_and_activity(client, staff, organization):
    activity = ActivityFactory(organization=organization, title="Doposcuola")
    anna = VolunteerFactory(organization=organization, first_name="Anna", last_name="Neri")
    VolunteerHoursFactory(
        volunteer=anna, activity=activity, date=datetime.date(2026, 3, 2), hours=2
    )
    VolunteerHoursFactory(
        volunteer=anna, activity=activity, date=datetime.date(2026, 3, 9), hours=3
    )
    VolunteerHoursFactory(volunteer=anna, date=datetime.date(2026, 5, 1), hours=1)
    VolunteerHoursFactory(volunteer=anna, date=datetime.date(2025, 5, 1), hours=7)
    client.force_login(staff)
    response = client.get(reverse("staff:hours_totals", args=[organization.slug]) + "?anno=2026")
    (row,) = response.context["by_volunteer"]
    assert row["months"][2] == 5 and row["months"][4] == 1 and row["total"] == 6
    by_activity = {r["label"]: r["total"] for r in response.context["by_activity"]}
    assert by_activity["Doposcuola"] == 5
    assert response.context["grand_total"] == 6


def test_logging_hours_through_the_form(client, staff, organization):
    volunteer = VolunteerFactory(organization=organization)
    activity = ActivityFactory(organization=organization)
    client.force_login(staff)
    response = client.post(
        reverse("staff:hours_log", args=[organization.slug]),
        {"volunteer": volunteer.pk, "activity": activity.pk, "date": "2026-02-03", "hours": "2.5"},
    )
    assert response.status_code == 302
    entry = VolunteerHours.objects.get()
    assert entry.hours == Decimal("2.5") and entry.logged_by == staff


def test_hours_for_another_organizations_volunteer_are_refused(
    client, staff, organization, other_organization
):
    stranger = VolunteerFactory(organization=other_organization)
    client.force_login(staff)
    response = client.post(
        reverse("staff:hours_log", args=[organization.slug]),
        {"volunteer": stranger.pk, "date": "2026-02-03", "hours": "2"},
    )
    assert response.status_code == 200
    assert not VolunteerHours.objects.exists()


def test_a_volunteer_who_leaves_keeps_their_history(organization):
    volunteer = VolunteerFactory(organization=organization)
    VolunteerHoursFactory(volunteer=volunteer, hours=4)
    services.volunteer_leave(volunteer=volunteer, on=datetime.date(2026, 6, 30))
    assert not organization.volunteers.active(on=datetime.date(2026, 7, 1)).exists()
    kept = organization.volunteers.with_totals(year=2026).get()
    assert kept.hours_total == 4


def test_training_hours_count_in_the_volunteer_record(organization):
    volunteer = VolunteerFactory(organization=organization)
    VolunteerHoursFactory(volunteer=volunteer, hours=2)
    course = CourseFactory(plan__organization=organization, hours=8)
    Attendance.objects.create(course=course, volunteer=volunteer, hours=6)
    row = organization.volunteers.with_totals(year=2026).get()
    assert (row.hours_total, row.training_hours) == (2, 6)


def test_csv_export_has_the_register_and_neutralises_formulas(client, staff, organization):
    VolunteerFactory(organization=organization, last_name="=HYPERLINK(1)", roles="autista")
    client.force_login(staff)
    response = client.get(reverse("staff:volunteer_export", args=[organization.slug]))
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert "autista" in rows[1]


def test_volunteers_never_appear_on_public_pages(client, organization):
    VolunteerFactory(organization=organization, last_name="Riservatissimo")
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Riservatissimo" not in page


def test_the_register_is_paged_and_the_csv_holds_everyone(client, staff, organization, monkeypatch):
    monkeypatch.setattr("linkrete.paging.PAGE_SIZE", 2)
    for name in ("Bianchi", "Rossi", "Verdi"):
        VolunteerFactory(organization=organization, last_name=name)
    client.force_login(staff)
    url = reverse("staff:volunteer_list", args=[organization.slug])

    second = client.get(url, {"pagina": 2})
    export = client.get(reverse("staff:volunteer_export", args=[organization.slug]))

    assert [v.last_name for v in second.context["volunteers"]] == ["Verdi"]
    assert client.get(url, {"pagina": 3}).status_code == 404
    assert b"".join(export.streaming_content).decode("utf-8-sig").count("\r\n") == 4


def test_the_register_query_count_does_not_grow(
    client, staff, organization, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr("linkrete.paging.PAGE_SIZE", 2)
    url = reverse("staff:volunteer_list", args=[organization.slug])
    client.force_login(staff)
    VolunteerFactory(organization=organization)
    # Session, user, the organization (membership checked), the page's count and rows.
    with django_assert_num_queries(5):
        client.get(url)
    for _ in range(5):
        VolunteerFactory(organization=organization)
    with django_assert_num_queries(5):
        client.get(url, {"pagina": 2})
