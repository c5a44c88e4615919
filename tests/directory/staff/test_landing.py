"""The signed-in area's landing (/area-enti/): a coordinator's queues and one page of the records
to check, never every organization; staff see their own organizations."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Revision, SearchRefresh
from directory.staff.views.home import STALE_PAGE_SIZE
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ProblemReportFactory,
    VolunteeringCallFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

RECENT = datetime.date(2026, 11, 1)  # within six months of the pinned day (2 December 2026)
STALE = datetime.date(2026, 1, 15)


def _stale(count, start=0):
    return [
        OrganizationFactory(name=f"Da verificare {n:03d}", last_verified=STALE)
        for n in range(start, start + count)
    ]


def _landing(client, **params):
    return client.get(reverse("staff:home"), params)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = _landing(client)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_staff_see_their_own_organizations_only(client, staff, organization, other_organization):
    client.force_login(staff)
    response = _landing(client)
    assert [item["organization"] for item in response.context["organizations"]] == [organization]
    assert other_organization.name not in response.content.decode()
    assert "stale" not in response.context
    assert reverse("staff:review_queue") not in response.content.decode()


def test_other_staff_do_not_see_the_organization(client, other_staff, organization):
    client.force_login(other_staff)
    assert organization.name not in _landing(client).content.decode()


def test_a_coordinator_sees_the_queues_counted(
    client, coordinator, staff, organization, other_organization
):
    Revision.objects.create(organization=organization, kind="organization", data={}, author=staff)
    Revision.objects.create(
        organization=organization,
        kind="organization",
        data={},
        author=staff,
        status=Revision.Status.APPROVED,
    )
    VolunteeringCallFactory(organization=organization, review_status="pending")
    ProblemReportFactory()
    SearchRefresh.objects.create(scope=SearchRefresh.Scope.ORGANIZATION, label="x", total=3)
    client.force_login(coordinator)
    context = _landing(client).context
    assert (
        context["queue_count"],
        context["call_queue_count"],
        context["report_count"],
        context["refresh_count"],
    ) == (1, 1, 1, 1)


def test_a_coordinator_sees_one_page_of_stale_records_longest_waiting_first(client, coordinator):
    _stale(STALE_PAGE_SIZE + 5)
    never = OrganizationFactory(name="Zeta mai verificata", last_verified=None)
    older = OrganizationFactory(name="Zeta vecchissima", last_verified=datetime.date(2024, 1, 1))
    recent = OrganizationFactory(name="Verificata di recente", last_verified=RECENT)
    client.force_login(coordinator)

    first = _landing(client).context["stale"]
    assert first.paginator.count == STALE_PAGE_SIZE + 7
    assert list(first)[:2] == [never, older]
    assert len(first) == STALE_PAGE_SIZE

    listed = set(first) | set(_landing(client, pagina=2).context["stale"])
    assert recent not in listed
    assert len(listed) == first.paginator.count


@pytest.mark.parametrize("page", ["abc", "0", "999", "-1", "1.5"])
def test_an_odd_page_number_shows_a_page(client, coordinator, page):
    _stale(3)
    client.force_login(coordinator)
    assert _landing(client, pagina=page).status_code == 200


def test_a_coordinator_marks_a_record_checked_and_returns_to_the_list(client, coordinator):
    organization = _stale(1)[0]
    client.force_login(coordinator)
    response = client.post(
        reverse("staff:organization_verified", args=[organization.slug]),
        {"from": "home", "pagina": "2"},
    )
    assert response["Location"] == reverse("staff:home") + "?pagina=2"
    organization.refresh_from_db()
    assert organization.last_verified == datetime.date(2026, 12, 2)


def test_staff_marking_their_record_go_to_its_dashboard(client, staff, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:organization_verified", args=[organization.slug]), {"from": "home"}
    )
    assert response["Location"] == reverse("staff:organization", args=[organization.slug])


def test_other_staff_cannot_mark_the_record(client, other_staff, organization):
    client.force_login(other_staff)
    url = reverse("staff:organization_verified", args=[organization.slug])
    assert client.post(url, {"from": "home"}).status_code == 404


def _count(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as context:
        response = _landing(client)
    assert response.status_code == 200
    return len(context.captured_queries)


# Session, user and roles, then own organizations; coordinators also their second factor's
# device, four queue counts, the stale count and its page.
@pytest.mark.parametrize(("role", "queries"), [("coordinator", 11), ("staff", 4)])
def test_the_query_count_does_not_grow_with_the_network(
    client, request, organization, role, queries
):
    user = request.getfixturevalue(role)
    if role == "coordinator":
        MembershipFactory(user=user, organization=organization)
    _stale(3)
    small = _count(client, user)
    _stale(STALE_PAGE_SIZE * 3, start=3)
    for _ in range(10):
        MembershipFactory(user=user)
    large = _count(client, user)
    assert (small, large) == (queries, queries)
