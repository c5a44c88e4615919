"""A coordinator merges two organizations from the list of possible duplicates, every page
checked with axe."""

import datetime

import pytest
from django.urls import reverse

from directory.models import DuplicateCandidate, Organization, OrganizationMerge
from tests.factories import ActivityFactory, LocationFactory, OrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def candidate(db):
    survivor = OrganizationFactory(name="Il Ponte APS", slug="il-ponte-aps", phone="010 111")
    twin = OrganizationFactory(name="Associazione Il Ponte", slug="associazione-il-ponte")
    ActivityFactory(organization=twin, title="Doposcuola del Ponte")
    LocationFactory(organization=twin)
    return DuplicateCandidate.objects.create(
        first=survivor,
        second=twin,
        reason=DuplicateCandidate.Reason.NAME,
        score=0.9,
        found_at=datetime.datetime(2026, 12, 1, 3, 0, tzinfo=datetime.UTC),
    )


def test_a_coordinator_merges_a_pair(
    desktop_page, sign_in, assert_accessible, coordinator, candidate
):
    page = desktop_page
    sign_in(page, coordinator)
    page.goto(reverse("admin:directory_duplicatecandidate_changelist"))
    assert_accessible(page)
    page.get_by_role("link", name="Unisci Il Ponte APS e Associazione Il Ponte").click()
    page.wait_for_load_state("load")
    assert_accessible(page)

    # Keep the first record, with the second one's name.
    page.get_by_role("group", name="Nome").get_by_label("Associazione Il Ponte").check()
    page.get_by_role("button", name="Controlla l'unione").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("table", name="Che cosa passa a Il Ponte APS").count() == 1
    assert_accessible(page)

    page.get_by_role("button", name="Conferma l'unione").click()
    page.wait_for_load_state("load")
    assert "è stato unito a" in page.locator(".messagelist").inner_text()
    assert_accessible(page)
    survivor = Organization.objects.get()
    assert survivor.name == "Associazione Il Ponte" and survivor.slug == "il-ponte-aps"
    assert survivor.activities.get().title == "Doposcuola del Ponte"
    assert OrganizationMerge.objects.get().merged_by == coordinator

    page.goto(reverse("directory:organization_detail", args=["associazione-il-ponte"]))
    assert page.url.endswith(survivor.get_absolute_url())


def test_a_merge_that_breaks_a_rule_shows_why(
    desktop_page, sign_in, assert_accessible, coordinator, candidate
):
    Organization.objects.filter(pk=candidate.first_id).update(legal_form="comitato_genitori")
    Organization.objects.filter(pk=candidate.second_id).update(runts_number="12345")
    page = desktop_page
    sign_in(page, coordinator)
    page.goto(
        reverse(
            "admin:directory_organization_merge", args=[candidate.first_id, candidate.second_id]
        )
    )
    page.get_by_role("group", name="Numero di iscrizione al RUNTS").get_by_label("12345").check()
    page.get_by_role("button", name="Controlla l'unione").click()
    page.get_by_role("button", name="Conferma l'unione").click()
    page.wait_for_load_state("load")
    assert "RUNTS" in page.locator(".errornote").inner_text()
    assert_accessible(page)
    assert Organization.objects.count() == 2
