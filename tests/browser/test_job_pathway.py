"""End to end in a real browser, on a phone: an organization's staff post a job offer, the team
lead records a member's skills, finds the offer on the match list and records the placement;
axe on every page."""

import datetime

import pytest

from directory.models import JobOffer
from famiglie.models import Intervention, JobProfile
from linkrete.accounts import roles
from tests.factories import (
    CaseFactory,
    MemberFactory,
    MunicipalityFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.usefixtures("seeded_taxonomies")


def submit(page):
    # The page's form, not the sign-out button of the area's menu.
    page.get_by_role("button", name="Salva").click()


def test_an_offer_is_posted_matched_and_filled(
    page, assert_accessible, organization, staff, role_groups, sign_in
):
    town = MunicipalityFactory()
    sign_in(page, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/lavoro/")
    assert_accessible(page)
    page.locator(f"a[href='/area-enti/enti/{organization.slug}/lavoro/nuova/']").click()
    assert_accessible(page)
    page.locator("input[name=title]").fill("Tirocinio in magazzino")
    page.locator("textarea[name=description]").fill("Carico e scarico, inventario.")
    page.locator("input[name=municipality]").fill(town.name)
    page.locator("select[name=contract_kind]").select_option("internship")
    page.locator("input[name=hours]").fill("20 ore settimanali")
    page.locator("label[for]", has_text="magazzino e logistica").click()
    page.locator("input[name=valid_until]").fill(
        (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    )
    submit(page)
    assert_accessible(page)
    offer = JobOffer.objects.get(title="Tirocinio in magazzino")

    lead = UserFactory(username="responsabile-lavoro")
    lead.groups.add(role_groups[roles.CASE_TEAM])
    team = TeamFactory(organization=organization, lead=lead)
    case = CaseFactory(team=team, household__municipality=town)
    adult = MemberFactory(
        household=case.household, birth_date=datetime.date(1985, 1, 1), relationship="reference"
    )
    page.context.clear_cookies()
    sign_in(page, lead)
    page.goto(case.get_absolute_url())
    page.locator(f"a[href$='/lavoro/{adult.pk}/']").click()
    assert_accessible(page)
    page.locator(f"a[href$='/lavoro/{adult.pk}/competenze/']").click()
    assert_accessible(page)
    page.locator("label[for]", has_text="magazzino e logistica").click()
    page.locator("select[name=availability]").select_option("full_time")
    submit(page)
    assert_accessible(page)
    assert JobProfile.objects.get(member=adult).skills == ["warehouse"]
    page.locator(f"a[href$='?offerta={offer.pk}']").click()
    assert_accessible(page)
    submit(page)
    assert_accessible(page)
    placement = Intervention.objects.get(case=case)
    assert placement.kind == "placement" and placement.job_offer == offer
    assert placement.organization == organization
