"""The association area for a network's coordinator: the organizations of the networks they
coordinate, like their own staff; every other organization is a 404 (issue 14's scope matrix).

Network A holds ``organization``, network B ``other_organization``; ``network_coordinator``
coordinates A only, ``coordinator`` is a super-coordinator (every network).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Organization, Revision, VolunteeringCall
from tests.directory.staff.test_access_matrix import ORGANIZATION_PAGES
from tests.factories import (
    ActivityFactory,
    BoardPostFactory,
    CourseFactory,
    EventSessionFactory,
    JobOfferFactory,
    LocationFactory,
    MembershipFactory,
    OrganizationFactory,
    ProblemReportFactory,
    VolunteeringCallFactory,
)

VISITORS = ["network_coordinator", "coordinator", "staff", "other_staff", "anonymous"]
# Who reaches the pages of network A's organization and of network B's.
REACHES = {
    "a": {"network_coordinator", "coordinator", "staff"},
    "b": {"coordinator", "other_staff"},
}


def _records(organization):
    """One of each record the organization's pages open by primary key."""
    author = MembershipFactory(organization=organization).user
    return {
        "activity": ActivityFactory(organization=organization),
        "location": LocationFactory(organization=organization),
        "course": CourseFactory(plan__organization=organization),
        "call": VolunteeringCallFactory(organization=organization),
        "post": BoardPostFactory(organization=organization, author=author),
        "event": EventSessionFactory(event__organization=organization).event,
        "job_offer": JobOfferFactory(organization=organization),
        "revision": Revision.objects.create(
            organization=organization,
            kind=Revision.Kind.ORGANIZATION,
            data={"name": "Nuovo nome"},
            author=author,
        ),
    }


@pytest.fixture
def sides(organization, other_organization, network, other_network):
    return {
        "a": (organization, _records(organization)),
        "b": (other_organization, _records(other_organization)),
    }


def _log_in(client, request, visitor):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))


@pytest.mark.parametrize(("name", "key", "method"), ORGANIZATION_PAGES)
@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("visitor", VISITORS)
def test_an_organizations_pages_answer_its_networks_coordinators(
    client, request, sides, name, key, method, side, visitor
):
    organization, records = sides[side]
    args = [organization.slug, records[key].pk] if key else [organization.slug]
    url = reverse(f"staff:{name}", args=args)
    _log_in(client, request, visitor)

    response = client.post(url) if method == "post" else client.get(url)

    if visitor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif visitor in REACHES[side]:
        assert response.status_code == (302 if method == "post" else 200)
    else:
        assert response.status_code == 404


# The coordinators' review: (url name, the record whose pk goes in the URL, method).
REVIEW_PAGES = [
    ("review_detail", "revision", "get"),
    ("review_approve", "revision", "post"),
    ("review_reject", "revision", "post"),
    ("call_review_detail", "call", "get"),
    ("call_review_approve", "call", "post"),
    ("call_review_reject", "call", "post"),
]


@pytest.mark.parametrize(("name", "key", "method"), REVIEW_PAGES)
@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("visitor", VISITORS)
def test_a_coordinator_reviews_their_networks_changes_only(
    client, request, sides, name, key, method, side, visitor
):
    records = sides[side][1]
    VolunteeringCall.objects.filter(pk=records["call"].pk).update(
        review_status=VolunteeringCall.ReviewStatus.PENDING
    )
    url = reverse(f"staff:{name}", args=[records[key].pk])
    _log_in(client, request, visitor)

    response = client.post(url) if method == "post" else client.get(url)

    if visitor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif visitor in REACHES[side] - {"staff", "other_staff"}:
        # A rejection without a reason shows the page again with the error (200).
        assert response.status_code in ((200, 302) if method == "post" else (200,))
    else:
        assert response.status_code == 404


def test_the_queues_and_counts_are_of_the_coordinators_networks(client, network_coordinator, sides):
    ours, theirs = sides["a"][1], sides["b"][1]
    VolunteeringCall.objects.update(review_status=VolunteeringCall.ReviewStatus.PENDING)
    ProblemReportFactory(activity=ours["activity"])
    ProblemReportFactory(activity=theirs["activity"])
    Organization.objects.update(last_verified=None)  # both wait to be checked
    client.force_login(network_coordinator)

    queue = client.get(reverse("staff:review_queue")).context
    assert [r.pk for r in queue["revisions"]] == [ours["revision"].pk]
    assert queue["call_count"] == 1
    calls = client.get(reverse("staff:call_review_queue")).context["calls"]
    assert [c.pk for c in calls] == [ours["call"].pk]
    home = client.get(reverse("staff:home")).context
    assert (home["queue_count"], home["call_queue_count"], home["report_count"]) == (1, 1, 1)
    assert home["refresh_count"] is None  # the platform's, not a network's
    stale = {o.pk for o in home["stale"]}
    assert sides["a"][0].pk in stale
    assert sides["b"][0].pk not in stale


def test_a_super_coordinator_reviews_every_networks_changes(client, coordinator, sides):
    client.force_login(coordinator)
    queue = client.get(reverse("staff:review_queue")).context
    assert {r.pk for r in queue["revisions"]} == {
        sides["a"][1]["revision"].pk,
        sides["b"][1]["revision"].pk,
    }
    assert client.get(reverse("staff:home")).context["refresh_count"] == 0


def test_invitations_go_to_the_networks_organizations_only(
    client, network_coordinator, organization, other_organization, sides
):
    client.force_login(network_coordinator)
    response = client.post(
        reverse("staff:invite"),
        {"organization": other_organization.name, "email": "nuova@example.org", "role": "editor"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["organization"]
    choices = set(response.context["form"].fields["organization"].queryset)
    assert organization in choices
    assert other_organization not in choices


def test_a_board_post_is_for_the_networks_organizations_only(
    client, network_coordinator, other_organization, sides
):
    client.force_login(network_coordinator)
    response = client.post(
        reverse("staff:board_post_new"),
        {
            "organization": other_organization.name,
            "kind": "need",
            "category": "spaces",
            "title": "Cerchiamo una sala",
            "description": "Per 20 persone.",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["organization"]


def test_a_network_coordinators_own_change_elsewhere_waits_for_review(
    network_coordinator, other_organization, sides
):
    """A coordinator who is also staff of an organization outside their networks is staff
    there: their changes wait for review like anyone's."""
    from directory.staff import services

    MembershipFactory(user=network_coordinator, organization=other_organization)
    revision = services.revision_submit(
        organization=other_organization,
        kind=Revision.Kind.ORGANIZATION,
        data={"name": "Comitato Genitori Rodari APS"},
        author=network_coordinator,
    )
    assert revision.status == Revision.Status.PENDING


def _count(client, url):
    client.get(url)  # the first request of a process warms Django's caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# page -> (network coordinator's queries, super-coordinator's). The network coordinator's
# scope costs two queries once per page (networks with members and zones, desks); the home page
# does not count the search's refreshes for them (the platform's, one query less).
PAGES = {
    "staff:home": (11, 10),
    "staff:review_queue": (9, 7),
    "staff:call_review_queue": (8, 6),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_a_network_coordinators_pages_cost_the_same_at_two_sizes(
    client, network_coordinator, coordinator, network, sides, page
):
    url = reverse(page)
    VolunteeringCall.objects.update(review_status=VolunteeringCall.ReviewStatus.PENDING)
    client.force_login(network_coordinator)
    small = _count(client, url)
    for _ in range(8):
        organization = OrganizationFactory()
        network.memberships.create(organization=organization, role="partner")
        _records(organization)
        _records(OrganizationFactory())
    VolunteeringCall.objects.update(review_status=VolunteeringCall.ReviewStatus.PENDING)
    large = _count(client, url)
    client.force_login(coordinator)
    assert (small, large, _count(client, url)) == (PAGES[page][0], PAGES[page][0], PAGES[page][1])
