"""The coordinators' list of possible duplicates and the merge page, in the admin."""

import datetime

import pytest
from django.urls import reverse

from directory.models import DuplicateCandidate, LegalForm, Organization, OrganizationMerge
from linkrete.accounts import roles
from tests.factories import ActivityFactory, LocationFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

FOUND = datetime.datetime(2026, 12, 1, 3, 0, tzinfo=datetime.UTC)
LIST = reverse("admin:directory_duplicatecandidate_changelist")


def merge_url(first, second):
    return reverse("admin:directory_organization_merge", args=[first.pk, second.pk])


@pytest.fixture
def pair(db):
    first = OrganizationFactory(name="Il Ponte APS", slug="il-ponte-aps", phone="010 111")
    second = OrganizationFactory(name="Associazione Il Ponte", slug="associazione-il-ponte")
    ActivityFactory.create_batch(2, organization=second)
    LocationFactory(organization=second)
    return first, second


def candidates(n):
    for i in range(n):
        first = OrganizationFactory(name=f"Ente {i}")
        second = OrganizationFactory(name=f"Ente {i} APS")
        DuplicateCandidate.objects.create(
            first=first, second=second, reason="name", score=0.8, found_at=FOUND
        )


@pytest.fixture
def admin_staff(role_groups, organization):
    """Enters the admin (say, a desk's manager) but does not coordinate the network."""
    user = UserFactory(username="altro-staff", is_staff=True)
    user.groups.add(role_groups[roles.ORGANIZATION_STAFF])
    return user


# The list --------------------------------------------------------------------------------


def test_coordinators_see_the_open_pairs_with_a_merge_link(client, coordinator, pair):
    first, second = pair
    DuplicateCandidate.objects.create(
        first=first, second=second, reason="tax_code", score=1, found_at=FOUND
    )
    other = OrganizationFactory(name="Non doppio")
    DuplicateCandidate.objects.create(
        first=first, second=other, reason="name", score=0.7, found_at=FOUND, dismissed_at=FOUND
    )
    client.force_login(coordinator)
    page = client.get(LIST).content.decode()
    assert "Associazione Il Ponte" in page and merge_url(first, second) in page
    assert "Non doppio" not in page
    dismissed = client.get(LIST, {"state": "dismissed"}).content.decode()
    assert "Non doppio" in dismissed and "Associazione Il Ponte" not in dismissed


@pytest.mark.parametrize("n", [3, 30])
def test_the_list_costs_the_same_queries_at_any_size(
    client, coordinator, n, django_assert_num_queries
):
    candidates(n)
    client.force_login(coordinator)
    # 8, and the coordinator's role once (only super-coordinators see the platform's tools).
    with django_assert_num_queries(9):
        assert client.get(LIST).status_code == 200


def test_dismissing_a_pair_is_remembered(client, coordinator, pair, pinned_now):
    first, second = pair
    candidate = DuplicateCandidate.objects.create(
        first=first, second=second, reason="name", score=0.8, found_at=FOUND
    )
    client.force_login(coordinator)
    client.post(LIST, {"action": "dismiss", "_selected_action": [candidate.pk]})
    candidate.refresh_from_db()
    assert (candidate.dismissed_at, candidate.dismissed_by) == (pinned_now, coordinator)
    client.post(LIST + "?state=dismissed", {"action": "reopen", "_selected_action": [candidate.pk]})
    candidate.refresh_from_db()
    assert candidate.dismissed_at is None


def test_others_do_not_see_the_list_nor_the_log(client, admin_staff, staff):
    client.force_login(admin_staff)
    assert client.get(LIST).status_code == 403
    assert client.get(reverse("admin:directory_organizationmerge_changelist")).status_code == 403
    client.force_login(staff)  # not admin staff at all: the admin's login page
    assert client.get(LIST).status_code == 302
    client.logout()
    assert client.get(LIST).status_code == 302


# The merge page ----------------------------------------------------------------------------


def test_the_page_shows_what_each_record_holds_and_what_differs(client, coordinator, pair):
    first, second = pair
    client.force_login(coordinator)
    response = client.get(merge_url(second, first))  # either order
    page = response.content.decode()
    assert response.status_code == 200
    assert "Il Ponte APS" in page and "Associazione Il Ponte" in page
    assert response.context["rows"][:2] == [("sedi", 0, 1), ("attività", 0, 2)]
    assert response.context["form"].differing == ["name", "email", "phone"]


def test_review_then_confirm_merges(client, coordinator, pair):
    first, second = pair
    client.force_login(coordinator)
    choices = {
        "survivor": first.pk,
        "value_name": second.pk,
        "value_email": first.pk,
        "value_phone": first.pk,
    }
    review = client.post(merge_url(first, second), choices)
    assert review.status_code == 200 and review.context["confirming"]
    assert review.context["moving"] == [("sedi", 1), ("attività", 2)]
    assert Organization.objects.count() == 2  # nothing done yet

    response = client.post(merge_url(first, second), {**choices, "confirm": "1"})
    assert response["Location"] == reverse("admin:directory_organization_change", args=[first.pk])
    first.refresh_from_db()
    assert first.name == "Associazione Il Ponte" and first.activities.count() == 2
    assert not Organization.objects.filter(pk=second.pk).exists()
    assert OrganizationMerge.objects.get().merged_by == coordinator


def test_change_the_choices_goes_back_to_the_form(client, coordinator, pair):
    first, second = pair
    client.force_login(coordinator)
    response = client.post(
        merge_url(first, second),
        {
            "survivor": second.pk,
            "value_name": second.pk,
            "value_email": second.pk,
            "value_phone": first.pk,
            "edit": "1",
        },
    )
    assert not response.context["confirming"]
    assert response.context["form"]["survivor"].value() == str(second.pk)


def test_a_bad_choice_is_told_and_nothing_changes(client, coordinator, pair):
    first, second = pair
    client.force_login(coordinator)
    response = client.post(merge_url(first, second), {"survivor": "999999", "confirm": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["survivor"]
    assert Organization.objects.count() == 2


def test_a_result_that_breaks_a_rule_is_told_and_nothing_changes(client, coordinator, pair):
    first, second = pair
    first.legal_form = LegalForm.PARENTS_COMMITTEE
    first.save()
    Organization.objects.filter(pk=second.pk).update(runts_number="12345")
    client.force_login(coordinator)
    response = client.post(
        merge_url(first, second),
        {
            "survivor": first.pk,
            "value_name": first.pk,
            "value_email": first.pk,
            "value_phone": first.pk,
            "value_legal_form": first.pk,
            "value_runts_number": second.pk,
            "confirm": "1",
        },
    )
    assert response.status_code == 200
    assert "RUNTS" in " ".join(response.context["form"].non_field_errors())
    assert second.activities.count() == 2 and not OrganizationMerge.objects.exists()


def test_others_cannot_merge(client, admin_staff, staff, pair):
    first, second = pair
    client.force_login(admin_staff)
    assert client.get(merge_url(first, second)).status_code == 403
    assert (
        client.post(merge_url(first, second), {"survivor": first.pk, "confirm": "1"}).status_code
        == 403
    )
    client.force_login(staff)
    assert client.get(merge_url(first, second)).status_code == 302
    client.logout()
    assert client.get(merge_url(first, second)).status_code == 302
    assert Organization.objects.filter(pk__in=[first.pk, second.pk]).count() == 2


def test_a_missing_or_single_organization_is_404(client, coordinator, pair):
    first, second = pair
    client.force_login(coordinator)
    assert client.get(merge_url(first, first)).status_code == 404
    missing = reverse("admin:directory_organization_merge", args=[first.pk, 999999])
    assert client.get(missing).status_code == 404


def test_the_changelist_action_opens_the_merge_of_two(client, coordinator, pair):
    first, second = pair
    url = reverse("admin:directory_organization_changelist")
    client.force_login(coordinator)
    response = client.post(url, {"action": "merge_two", "_selected_action": [first.pk, second.pk]})
    assert response["Location"] == merge_url(first, second)
    third = OrganizationFactory()
    response = client.post(
        url,
        {"action": "merge_two", "_selected_action": [first.pk, second.pk, third.pk]},
        follow=True,
    )
    assert "Seleziona esattamente due enti" in response.content.decode()


@pytest.mark.parametrize("n", [2, 20])
def test_the_merge_page_costs_the_same_queries_at_any_size(
    client, coordinator, pair, n, django_assert_num_queries
):
    first, second = pair
    ActivityFactory.create_batch(n, organization=first)
    LocationFactory.create_batch(n, organization=first)
    client.force_login(coordinator)
    # 56: the rows each organization's merge would move, counted for both (family cases'
    # teams and consents, events, networks led, roles in networks, steering board seats and
    # job offers included).
    with django_assert_num_queries(56):
        assert client.get(merge_url(first, second)).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_the_merge_log_lists_at_the_same_cost_at_any_size(
    client, coordinator, n, django_assert_num_queries
):
    survivor = OrganizationFactory(name="Il Ponte APS")
    for i in range(n):
        OrganizationMerge.objects.create(
            survivor=survivor,
            survivor_name=survivor.name,
            merged_id=1000 + i,
            merged_name=f"Il Ponte {i}",
            old_slug=f"il-ponte-{i}",
            moved={"attività": 2},
            merged_by=coordinator,
        )
    client.force_login(coordinator)
    url = reverse("admin:directory_organizationmerge_changelist")
    with django_assert_num_queries(11):  # 10, and the coordinator's role once
        page = client.get(url).content.decode()
    assert "Il Ponte 0" in page and str(coordinator) in page
    log = OrganizationMerge.objects.first()
    detail = client.get(reverse("admin:directory_organizationmerge_change", args=[log.pk]))
    assert detail.status_code == 200 and "il-ponte-" in detail.content.decode()
