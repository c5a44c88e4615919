"""Places of a course: the owner cannot give away more than the course has left."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from directory.models import Attendance, Course, PlaceRequest
from directory.staff import services
from tests.factories import CourseFactory, VolunteerFactory


@pytest.fixture
def course(organization):
    return CourseFactory(plan__organization=organization, is_open_to_network=True, places=10)


def _request(course, organization, user, places, status=PlaceRequest.Status.PENDING):
    return PlaceRequest.objects.create(
        course=course, organization=organization, places=places, requested_by=user, status=status
    )


def _attend(course, n):
    for _ in range(n):
        Attendance.objects.create(
            course=course,
            volunteer=VolunteerFactory(organization=course.plan.organization),
            hours=8,
        )


def _decide_url(organization, place_request):
    return reverse(
        "staff:place_request_decide",
        args=[organization.slug, place_request.course_id, place_request.pk],
    )


def test_remaining_places_count_own_attendance_and_accepted_requests(
    course, other_organization, other_staff
):
    _attend(course, 3)
    _request(course, other_organization, other_staff, 2, status=PlaceRequest.Status.ACCEPTED)
    _request(course, other_organization, other_staff, 4)  # pending: not taken yet
    annotated = Course.objects.for_list().get(pk=course.pk)
    # Each accepted place counts once, however many attendances the course has.
    assert annotated.attendance_count == 3
    assert annotated.places_granted == 2
    assert annotated.remaining_places == 5


def test_accepting_more_than_the_places_left_is_refused(
    client, staff, course, organization, other_organization, other_staff
):
    _attend(course, 4)
    _request(course, other_organization, other_staff, 4, status=PlaceRequest.Status.ACCEPTED)
    too_many = _request(course, other_organization, other_staff, 3)
    client.force_login(staff)
    response = client.post(_decide_url(organization, too_many), {"decision": "accept"}, follow=True)
    too_many.refresh_from_db()
    assert too_many.status == PlaceRequest.Status.PENDING
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"
    assert "2" in str(message) and "3" in str(message)


def test_the_last_places_can_be_given_and_then_the_course_is_full(
    client, staff, course, organization, other_organization, other_staff
):
    _attend(course, 7)
    exact = _request(course, other_organization, other_staff, 3)
    late = _request(course, other_organization, other_staff, 1)
    client.force_login(staff)
    client.post(_decide_url(organization, exact), {"decision": "accept"})
    exact.refresh_from_db()
    assert exact.status == PlaceRequest.Status.ACCEPTED
    with pytest.raises(ValidationError):
        services.place_request_decide(place_request=late, accept=True)
    # Declining is always possible.
    services.place_request_decide(place_request=late, accept=False)
    late.refresh_from_db()
    assert late.status == PlaceRequest.Status.DECLINED


def test_a_course_without_a_limit_accepts_any_request(course, other_organization, other_staff):
    course.places = None
    course.save()
    big = _request(course, other_organization, other_staff, 200)
    services.place_request_decide(place_request=big, accept=True)
    big.refresh_from_db()
    assert big.status == PlaceRequest.Status.ACCEPTED


def test_an_answered_request_cannot_be_answered_again(course, other_organization, other_staff):
    declined = _request(course, other_organization, other_staff, 1, PlaceRequest.Status.DECLINED)
    with pytest.raises(ValidationError):
        services.place_request_decide(place_request=declined, accept=True)


def test_network_page_shows_the_places_left(
    client, other_staff, course, organization, other_organization
):
    _attend(course, 2)
    _request(course, other_organization, other_staff, 3, status=PlaceRequest.Status.ACCEPTED)
    full = CourseFactory(plan__organization=organization, is_open_to_network=True, places=2)
    _attend(full, 2)
    client.force_login(other_staff)
    response = client.get(reverse("staff:network_courses"))
    shown = {c.pk: c.remaining_places for c in response.context["courses"]}
    assert shown == {course.pk: 5, full.pk: 0}
    page = response.content.decode()
    assert reverse("staff:network_course_request", args=[course.pk]) in page
    assert reverse("staff:network_course_request", args=[full.pk]) not in page
