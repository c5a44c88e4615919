"""Every page of the signed-in area, for every kind of visitor (the issue's 404 matrix)."""

import datetime

import pytest
from django.urls import reverse

from directory.models import Membership, PlaceRequest, Revision
from tests.factories import EventSessionFactory, MembershipFactory, UserFactory

# (url name, the org_objects key whose pk goes in the URL or None, method)
# The organization's public data and its review: its staff and the network's coordinators.
ORGANIZATION_PAGES = [
    ("organization", None, "get"),
    ("organization_verified", None, "post"),
    ("organization_edit", None, "get"),
    ("member_list", None, "get"),
    ("location_new", None, "get"),
    ("location_edit", "location", "get"),
    ("activity_new", None, "get"),
    ("activity_edit", "activity", "get"),
    ("activity_hours", "activity", "get"),
    ("revision_history", None, "get"),
    ("revision_detail", "revision", "get"),
    ("training", None, "get"),
    ("plan_new", None, "get"),
    ("course_new", None, "get"),
    ("course_edit", "course", "get"),
    ("call_list", None, "get"),
    ("call_new", None, "get"),
    ("call_edit", "call", "get"),
    ("event_list", None, "get"),
    ("event_new", None, "get"),
    ("event_edit", "event", "get"),
    ("event_attendance_export", None, "get"),
    ("job_offer_list", None, "get"),
    ("job_offer_new", None, "get"),
    ("job_offer_edit", "job_offer", "get"),
]

# People's personal data (volunteers, hours, applicants, course attendees): the organization's
# own members only. A coordinator who is not a member gets 404 like any outsider.
PERSONAL_DATA_PAGES = [
    ("volunteer_list", None, "get"),
    ("volunteer_new", None, "get"),
    ("volunteer_new", None, "post"),
    ("volunteer_export", None, "get"),
    ("volunteer_print", None, "get"),
    ("volunteer_detail", "volunteer", "get"),
    ("volunteer_edit", "volunteer", "get"),
    ("volunteer_edit", "volunteer", "post"),
    ("hours_log", None, "get"),
    ("hours_log", None, "post"),
    ("hours_totals", None, "get"),
    ("course_detail", "course", "get"),
    ("course_detail", "course", "post"),
    ("place_request_decide", "place_request", "post"),
    ("application_list", None, "get"),
    ("application_decide", "application", "post"),
    ("event_signup_list", "event", "get"),
    ("event_attendance", "past_session", "get"),
    ("event_attendance", "past_session", "post"),
    ("event_register_export", "past_session", "get"),
]


@pytest.fixture
def objects(org_objects, organization, other_organization, staff, other_staff):
    revision = Revision.objects.create(
        organization=organization,
        kind=Revision.Kind.ORGANIZATION,
        data={"name": "Nuovo nome"},
        author=staff,
    )
    place_request = PlaceRequest.objects.create(
        course=org_objects["course"],
        organization=other_organization,
        places=2,
        requested_by=other_staff,
    )
    return {
        **org_objects,
        "revision": revision,
        "place_request": place_request,
        "membership": Membership.objects.get(user=staff, organization=organization),
        # Attendance is marked for past sessions only (any day before "now").
        "past_session": EventSessionFactory(
            event=org_objects["event"], date=datetime.date(2020, 11, 28)
        ),
    }


def _url(name, key, organization, objects):
    if name == "place_request_decide":
        args = [organization.slug, objects["course"].pk, objects["place_request"].pk]
    elif key:
        args = [organization.slug, objects[key].pk]
    else:
        args = [organization.slug]
    return reverse(f"staff:{name}", args=args)


def _request(client, method, url):
    return client.post(url) if method == "post" else client.get(url)


def _log_in(client, request, visitor):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))


@pytest.mark.parametrize(("name", "key", "method"), ORGANIZATION_PAGES)
@pytest.mark.parametrize("visitor", ["staff", "other_staff", "anonymous", "coordinator"])
def test_organization_pages_answer_only_their_staff_and_coordinators(
    client, request, objects, organization, name, key, method, visitor
):
    url = _url(name, key, organization, objects)
    _log_in(client, request, visitor)

    response = _request(client, method, url)

    if visitor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif visitor == "other_staff":
        assert response.status_code == 404
    else:
        assert response.status_code == (302 if method == "post" else 200)


@pytest.mark.parametrize(("name", "key", "method"), PERSONAL_DATA_PAGES)
@pytest.mark.parametrize("visitor", ["staff", "other_staff", "anonymous", "coordinator"])
def test_personal_data_pages_answer_only_the_organizations_members(
    client, request, objects, organization, name, key, method, visitor
):
    url = _url(name, key, organization, objects)
    _log_in(client, request, visitor)

    response = _request(client, method, url)

    if visitor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif visitor in ("other_staff", "coordinator"):
        assert response.status_code == 404
    else:
        # An empty POST is a form with errors (200) or a decision (302).
        assert response.status_code in ((200, 302) if method == "post" else (200,))


@pytest.mark.parametrize(("name", "key", "method"), PERSONAL_DATA_PAGES)
def test_a_coordinator_who_is_a_member_reaches_the_personal_data(
    client, objects, organization, coordinator, name, key, method
):
    MembershipFactory(user=coordinator, organization=organization)
    client.force_login(coordinator)
    response = _request(client, method, _url(name, key, organization, objects))
    assert response.status_code in ((200, 302) if method == "post" else (200,))


PERSONAL_DATA_LINKS = ["volunteer_list", "hours_log", "application_list", "course_detail"]


@pytest.mark.parametrize("name", ["organization", "call_list", "training"])
def test_coordinators_are_not_linked_to_personal_data_pages(
    client, objects, organization, staff, coordinator, name
):
    url = reverse(f"staff:{name}", args=[organization.slug])
    keys = {"course_detail": "course"}
    links = [
        f'href="{_url(target, keys.get(target), organization, objects)}"'
        for target in PERSONAL_DATA_LINKS
    ]
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert not [link for link in links if link in page]
    client.force_login(staff)
    page = client.get(url).content.decode()
    assert [link for link in links if link in page]


def test_a_coordinator_saving_a_course_goes_back_to_the_training_plan(
    client, objects, organization, coordinator
):
    course = objects["course"]
    client.force_login(coordinator)
    response = client.post(
        reverse("staff:course_edit", args=[organization.slug, course.pk]),
        {
            "plan": course.plan_id,
            "title": course.title,
            "topic": course.topic,
            "starts_on": course.starts_on.isoformat(),
            "hours": "8",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:training", args=[organization.slug])


# Pages for the organization's managers: a plain editor of the same organization gets 403.
MANAGER_PAGES = [
    ("member_role", "post"),
    ("member_remove", "get"),
    ("member_remove", "post"),
]


@pytest.mark.parametrize(("name", "method"), MANAGER_PAGES)
@pytest.mark.parametrize(
    "visitor", ["own_manager", "own_editor", "other_staff", "anonymous", "coordinator"]
)
def test_member_management_answers_only_managers_and_coordinators(
    client, request, objects, organization, name, method, visitor
):
    url = reverse(f"staff:{name}", args=[organization.slug, objects["membership"].pk])
    if visitor == "own_manager":
        manager = MembershipFactory(organization=organization, role=Membership.Role.MANAGER).user
        client.force_login(manager)
    elif visitor == "own_editor":
        client.force_login(request.getfixturevalue("staff"))
    elif visitor == "other_staff":
        client.force_login(request.getfixturevalue("other_staff"))
    elif visitor == "coordinator":
        client.force_login(request.getfixturevalue("coordinator"))

    response = _request(client, method, url)

    if visitor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif visitor == "other_staff":
        assert response.status_code == 404
    elif visitor == "own_editor":
        assert response.status_code == 403
    else:
        assert response.status_code == (302 if method == "post" else 200)


COORDINATOR_PAGES = [
    ("review_queue", False, "get"),
    ("review_detail", True, "get"),
    ("review_approve", True, "post"),
    ("review_reject", True, "post"),
]


@pytest.mark.parametrize(("name", "with_pk", "method"), COORDINATOR_PAGES)
def test_review_pages_are_for_coordinators_only(
    client, objects, staff, other_staff, coordinator, name, with_pk, method
):
    url = reverse(f"staff:{name}", args=[objects["revision"].pk] if with_pk else [])
    for user in (staff, other_staff):
        client.force_login(user)
        assert _request(client, method, url).status_code == 404
    client.logout()
    assert _request(client, method, url).status_code == 302
    client.force_login(coordinator)
    assert _request(client, method, url).status_code in (200, 302)


NETWORK_PAGES = [
    ("board", None),
    ("board_post_new", None),
    ("board_post", "post"),
    ("network_courses", None),
    ("network_course_request", "course"),
]


@pytest.mark.parametrize(("name", "key"), NETWORK_PAGES)
def test_network_pages_are_for_staff_of_any_organization(
    client, objects, staff, other_staff, coordinator, name, key
):
    url = reverse(f"staff:{name}", args=[objects[key].pk] if key else [])
    for user in (staff, other_staff, coordinator):
        client.force_login(user)
        assert client.get(url).status_code == 200
    client.force_login(UserFactory(username="nessun-ente"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_closing_another_organizations_post_is_404(client, objects, other_staff):
    client.force_login(other_staff)
    response = client.post(reverse("staff:board_post_close", args=[objects["post"].pk]))
    assert response.status_code == 404
