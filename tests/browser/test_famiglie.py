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


def test_the_equipe_records_an_assessment_and_an_intervention(
    page, assert_accessible, organization, role_groups, sign_in
):
    from famiglie.models import Assessment, CaseState, Intervention
    from tests.factories import ActivityFactory, CaseFactory, MemberFactory, ObjectiveFactory

    equipe = UserFactory(username="equipe")
    equipe.groups.add(role_groups[roles.CASE_TEAM])
    team = TeamFactory(name="Équipe Cuore Visconteo", organization=organization, lead=equipe)
    case = CaseFactory(team=team)
    MemberFactory(household=case.household)
    objective = ObjectiveFactory(case=case, area="future", description="Doposcuola per Amina.")
    activity = ActivityFactory(organization=organization, title="Doposcuola elementari")

    sign_in(page, equipe)
    page.goto(case.get_absolute_url())
    assert_accessible(page)
    page.locator("a[href$='/valutazioni/nuova/']").click()
    assert_accessible(page)
    page.locator("select[name=level_emergencies__food]").select_option("3")
    page.locator("textarea[name=notes_emergencies__food]").fill("Spesa difficile a fine mese.")
    page.locator("select[name=level_future__schooling]").select_option("2")
    submit(page)
    assert_accessible(page)
    assessment = Assessment.objects.get(case=case)
    assert assessment.scores.get(sub_area="emergencies.food").level == 3
    case.refresh_from_db()
    assert case.state == CaseState.ASSESSMENT
    assert page.get_by_text("Spesa difficile a fine mese.").count() >= 1

    page.locator("a[href$='/interventi/nuovo/']").click()
    assert_accessible(page)
    page.locator("select[name=kind]").select_option("activity_enrolment")
    page.locator("input[name=activity_title]").fill("doposcuola")
    page.locator("select[name=objective]").select_option(str(objective.pk))
    submit(page)  # no organization typed: the form says so and keeps the title
    assert page.locator("#form-errors").is_visible()
    assert page.locator("input[name=activity_title]").input_value() == "doposcuola"
    assert_accessible(page)
    page.locator("input[name=organization]").fill(organization.name)
    submit(page)
    assert_accessible(page)
    intervention = Intervention.objects.get(case=case)
    assert intervention.activity == activity and intervention.objective == objective
    assert page.get_by_text("Doposcuola elementari").count() >= 1


def test_the_lead_writes_in_the_diary_closes_the_case_and_prints_the_record(
    page, assert_accessible, organization, role_groups, sign_in
):
    from famiglie.models import CaseState, Closure, Note
    from tests.factories import AssessmentFactory, CaseFactory, MemberFactory, ObjectiveFactory

    lead = UserFactory(username="equipe")
    lead.groups.add(role_groups[roles.CASE_TEAM])
    team = TeamFactory(name="Équipe Cuore Visconteo", organization=organization, lead=lead)
    case = CaseFactory(team=team)
    MemberFactory(household=case.household, first_name="Amina")
    objective = ObjectiveFactory(case=case, area="future", description="Doposcuola per Amina.")
    AssessmentFactory(case=case)

    sign_in(page, lead)
    page.goto(case.get_absolute_url())
    page.locator("a[href$='/diario/nuova/']").first.click()
    assert_accessible(page)
    submit(page)  # empty: the form says so
    assert page.locator("#form-errors").is_visible()
    assert_accessible(page)
    page.locator("textarea[name=text]").fill("Colloquio con la madre.")
    submit(page)
    assert_accessible(page)
    assert Note.objects.get(case=case).text == "Colloquio con la madre."

    page.goto(case.get_absolute_url())
    assert_accessible(page)
    page.locator("a[href$='/chiusura/']").click()
    assert_accessible(page)
    page.locator("textarea[name=note]").fill("La famiglia è autonoma.")
    submit(page)  # no outcome for the objective: the form says so and keeps the words
    assert page.locator("#form-errors").is_visible()
    assert page.locator("textarea[name=note]").input_value() == "La famiglia è autonoma."
    assert_accessible(page)
    page.locator(f"label[for=id_outcome_{objective.pk}_0]").click()  # reached
    submit(page)
    assert_accessible(page)
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert Closure.objects.get(case=case).approved_by == lead

    page.locator("a[href$='/esporta/stampa/']").click()
    assert_accessible(page)
    assert page.get_by_text("Colloquio con la madre.").count() >= 1
