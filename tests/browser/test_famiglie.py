"""End to end in a real browser, on a phone: an operator opens an intake from a desk access, the
team lead finds it on the team's home, reads the case and records a consent; axe on every page."""

import pytest

from famiglie.models import Case, Consent
from linkrete.accounts import roles
from tests.factories import AccessFactory, TeamFactory, UserFactory, category

pytestmark = pytest.mark.usefixtures("seeded_taxonomies")


def submit(page):
    page.locator("main form[method=post] button[type=submit]").first.click()


def test_an_access_becomes_a_case_the_lead_works_on(
    page, assert_accessible, desk, desk_operator, organization, role_groups, sign_in
):
    lead = UserFactory(username="responsabile-browser")
    lead.groups.add(role_groups[roles.CASE_TEAM])
    team = TeamFactory(name="Équipe Cuore Visconteo", organization=organization, lead=lead)
    access = AccessFactory(desk=desk, outcome="case", topics=[category("conciliazione")])

    sign_in(page, desk_operator)
    page.goto("/sportelli/console/accessi/")
    assert_accessible(page)
    page.locator(f"a[href='/famiglie/da-accesso/{access.pk}/']").click()
    assert_accessible(page)
    submit(page)  # no team chosen: the form says so
    assert page.locator("#form-errors").is_visible()
    assert_accessible(page)
    page.locator("select[name=team]").select_option(str(team.pk))
    submit(page)
    assert_accessible(page)
    case = Case.objects.get(source_access=access)

    page.context.clear_cookies()
    sign_in(page, lead)
    page.goto("/famiglie/")
    assert_accessible(page)
    page.get_by_role("link", name=case.household.reference).click()
    assert_accessible(page)
    assert page.get_by_text("Conciliazione casa-lavoro").count() >= 1
    page.locator("a[href$='/consensi/nuovo/']").click()
    assert_accessible(page)
    page.locator("select[name=kind]").select_option("care")
    submit(page)
    assert_accessible(page)
    assert Consent.objects.filter(household=case.household, kind="care").exists()
