import datetime

import pytest
from django.urls import reverse

from directory.models import Application, BoardAnswer, PlaceRequest, Volunteer
from tests.factories import (
    ApplicationFactory,
    BoardPostFactory,
    CourseFactory,
    VolunteeringCallFactory,
)


def test_open_course_place_request_and_owner_accepts(
    client, staff, other_staff, organization, other_organization
):
    course = CourseFactory(plan__organization=organization, is_open_to_network=True)
    CourseFactory(plan__organization=organization, title="Corso interno")
    client.force_login(other_staff)
    page = client.get(reverse("staff:network_courses")).content.decode()
    assert course.title in page and "Corso interno" not in page
    client.post(
        reverse("staff:network_course_request", args=[course.pk]),
        {"organization": other_organization.pk, "places": 3},
    )
    place_request = PlaceRequest.objects.get()
    client.force_login(staff)
    client.post(
        reverse(
            "staff:place_request_decide", args=[organization.slug, course.pk, place_request.pk]
        ),
        {"decision": "accept"},
    )
    place_request.refresh_from_db()
    assert place_request.status == PlaceRequest.Status.ACCEPTED


def test_board_filters_answers_and_author_closes(
    client, staff, other_staff, organization, other_organization
):
    post = BoardPostFactory(organization=organization, author=staff, title="Sala cercasi")
    BoardPostFactory(
        organization=organization, author=staff, kind="offer", title="Offriamo furgone"
    )
    client.force_login(other_staff)
    page = client.get(reverse("staff:board") + "?kind=need").content.decode()
    assert "Sala cercasi" in page and "Offriamo furgone" not in page
    client.post(
        reverse("staff:board_post", args=[post.pk]),
        {"organization": other_organization.pk, "message": "Abbiamo una sala libera."},
    )
    assert BoardAnswer.objects.get().organization == other_organization
    client.force_login(staff)
    assert (
        "Abbiamo una sala libera."
        in client.get(reverse("staff:board_post", args=[post.pk])).content.decode()
    )
    client.post(reverse("staff:board_post_close", args=[post.pk]))
    post.refresh_from_db()
    assert not post.is_open
    assert "Sala cercasi" not in client.get(reverse("staff:board")).content.decode()


def test_public_call_application_needs_consent_and_minimum_age(client, organization):
    call = VolunteeringCallFactory(organization=organization, min_age=16)
    url = call.get_absolute_url()
    assert call.title in client.get(reverse("directory:call_list")).content.decode()
    data = {
        "first_name": "Sara",
        "last_name": "Gialli",
        "email": "sara@example.org",
        "birth_date": "2012-01-01",
    }
    too_young = client.post(url, data)
    assert too_young.status_code == 200 and not Application.objects.exists()
    data["birth_date"] = "2004-01-01"
    no_consent = client.post(url, data)
    assert no_consent.status_code == 200 and not Application.objects.exists()
    ok = client.post(url, {**data, "privacy_consent": "on"})
    assert ok.status_code == 302
    application = Application.objects.get()
    assert application.privacy_consent_at is not None
    assert "sara@example.org" not in client.get(url).content.decode()


def test_accepted_applicant_becomes_a_volunteer(client, staff, organization):
    application = ApplicationFactory(call__organization=organization)
    client.force_login(staff)
    client.post(
        reverse("staff:application_decide", args=[organization.slug, application.pk]),
        {"decision": "accept"},
    )
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    volunteer = Volunteer.objects.get(organization=organization)
    assert application.volunteer == volunteer
    assert volunteer.email == application.email


def test_expired_or_unpublished_calls_are_not_public(client, organization):
    VolunteeringCallFactory(
        organization=organization, title="Scaduta", deadline=datetime.date(2020, 1, 1)
    )
    VolunteeringCallFactory(organization=organization, title="Bozza", is_published=False)
    page = client.get(reverse("directory:call_list")).content.decode()
    assert "Scaduta" not in page and "Bozza" not in page


@pytest.mark.parametrize(
    ("name", "needs_slug"),
    [
        ("board", False),
        ("network_courses", False),
        ("training", True),
        ("call_list", True),
        ("application_list", True),
        ("hours_log", True),
        ("revision_history", True),
    ],
)
def test_list_query_counts_do_not_grow_with_rows(
    client, staff, organization, name, needs_slug, django_assert_max_num_queries
):
    for _ in range(12):
        BoardPostFactory(organization=organization, author=staff)
        CourseFactory(plan__organization=organization, is_open_to_network=True)
        ApplicationFactory(call__organization=organization)
    client.force_login(staff)
    args = [organization.slug] if needs_slug else []
    with django_assert_max_num_queries(12):
        assert client.get(reverse(f"staff:{name}", args=args)).status_code == 200


def test_public_call_pages_query_counts(client, organization, django_assert_max_num_queries):
    calls = [VolunteeringCallFactory(organization=organization) for _ in range(10)]
    with django_assert_max_num_queries(3):
        assert client.get(reverse("directory:call_list")).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(calls[0].get_absolute_url()).status_code == 200
