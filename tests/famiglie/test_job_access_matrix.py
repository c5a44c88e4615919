"""The job pathway's pages, every role (the issue's 404 matrix): a member's skills and the
match list are the case team's and its lead's; an organization's job offers are its staff's
(and the network coordinators', as its other public data). Anything else is a 404."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import JobOfferFactory, JobProfileFactory

ROLES = [
    "team_lead",
    "case_worker",
    "same_team_member",
    "other_team_member",
    "desk_operator",
    "staff",
    "other_staff",
    "coordinator",
    "anonymous",
]

CASE_VIEWS = {
    "job_matches": ("get", {"team_lead", "case_worker"}),
    "job_profile_edit": ("get", {"team_lead", "case_worker"}),
    "job_profile_edit_post": ("post", {"team_lead", "case_worker"}),
}

# ``staff`` works for the offering organization, ``other_staff`` for another one.
OFFER_VIEWS = {
    "job_offer_list": ("get", {"staff", "coordinator"}),
    "job_offer_new": ("get", {"staff", "coordinator"}),
    "job_offer_edit": ("get", {"staff", "coordinator"}),
    "job_offer_edit_post": ("post", {"staff", "coordinator"}),
}


@pytest.fixture
def adult(case):
    return JobProfileFactory(member__household=case.household, member__first_name="Karim").member


@pytest.fixture
def offer(organization, case):
    return JobOfferFactory(
        organization=organization, valid_until=datetime.date(2026, 12, 31), title="Magazziniere"
    )


def _log_in(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


def _check(response, role, allowed, method):
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role in allowed:
        assert response.status_code in ((200, 302, 400) if method == "post" else (200,))
    else:
        assert response.status_code == 404


@pytest.mark.usefixtures("pinned_now", "offer")
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(CASE_VIEWS))
def test_case_pages_of_the_job_pathway(
    request, client, case, adult, case_worker, same_team_member, other_team_member, name, role
):
    method, allowed = CASE_VIEWS[name]
    url = reverse(f"famiglie:{name.removesuffix('_post')}", args=[case.code, adult.pk])
    _log_in(client, request, role)

    response = getattr(client, method)(url)

    _check(response, role, allowed, method)
    if role not in allowed:
        assert b"Karim" not in response.content
        assert case.household.reference.encode() not in response.content


@pytest.mark.usefixtures("pinned_now", "case_worker", "same_team_member", "other_team_member")
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(OFFER_VIEWS))
def test_job_offer_pages_of_the_association_area(request, client, organization, offer, name, role):
    method, allowed = OFFER_VIEWS[name]
    view = name.removesuffix("_post")
    args = [organization.slug] + ([offer.pk] if view == "job_offer_edit" else [])
    _log_in(client, request, role)

    response = getattr(client, method)(reverse(f"staff:{view}", args=args))

    _check(response, role, allowed, method)


@pytest.mark.usefixtures("pinned_now")
def test_a_member_of_another_household_is_a_404_on_this_case(client, case, case_worker):
    stranger = JobProfileFactory().member
    client.force_login(case_worker)

    response = client.get(reverse("famiglie:job_matches", args=[case.code, stranger.pk]))

    assert response.status_code == 404


@pytest.mark.usefixtures("pinned_now")
def test_a_child_has_no_job_pathway(client, case, case_worker):
    child = case.household.members.get()  # born 2016 (the case fixture's)
    client.force_login(case_worker)

    response = client.get(reverse("famiglie:job_matches", args=[case.code, child.pk]))

    assert response.status_code == 404
