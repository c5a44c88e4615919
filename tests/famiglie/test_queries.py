"""The team's home and the case page ask the database a fixed number of queries, whatever the
number of cases, members, consents and timeline events (the timeline comes in pages)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from famiglie.models import Closure, ClosureOutcome
from tests.factories import (
    ActivityFactory,
    AssessmentFactory,
    AssessmentScoreFactory,
    CaseEventFactory,
    CaseFactory,
    CaseTeamMemberFactory,
    ConsentFactory,
    InterventionFactory,
    JobProfileFactory,
    MemberFactory,
    NoteFactory,
    ObjectiveFactory,
    OrganizationFactory,
    ReviewFactory,
    TeamMemberFactory,
)

# 10, and 1 for the plan reviews due.
HOME_QUERIES = 11
# 12 (session, user, second factor, works on cases: one statement, the case with whether the
# reader is a psychologist of it, members and their languages, the timeline's COUNT and page,
# the case team, consents, topics), 2 for the assessments compared (the latest six and their
# scores), 3 for the plan (objectives, reviews pending, the latest reviews held), 1 for the
# latest interventions, 1 for the latest diary notes, 1 INSERT of the audit rows of the case,
# its household and the notes shown, 2 for the closures and their objectives' outcomes.
CASE_PAGE_QUERIES = 22
# The diary's page: 5 as every case page (session, user, second factor, works on cases, the
# case with whether the reader is a psychologist of it), and COUNT, the page of notes, one
# INSERT of their audit rows.
NOTE_LIST_QUERIES = 8


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grow_cases(team, worker, n):
    for _ in range(n):
        case = CaseFactory(team=team, requested_state="closed", requested_by=worker)
        CaseTeamMemberFactory(case=case, user=worker)
        ConsentFactory(household=case.household, expires_on="2026-12-20")
        ReviewFactory(case=case, due_on="2026-12-04")


@pytest.mark.usefixtures("pinned_now")
def test_home_queries_do_not_grow_with_cases(client, team, team_lead, case_worker):
    client.force_login(team_lead)
    _grow_cases(team, case_worker, 2)
    small = _count(client, "/famiglie/")
    _grow_cases(team, case_worker, 10)
    assert _count(client, "/famiglie/") == small == HOME_QUERIES


def _grow_case(case, n):
    for _ in range(n):
        MemberFactory(household=case.household)
        JobProfileFactory(member__household=case.household)
        ConsentFactory(household=case.household, kind="sharing", organization=OrganizationFactory())
    for _ in range(n * 10):
        CaseEventFactory(
            case=case, by=case.team.lead, user=case.team.lead, organization=OrganizationFactory()
        )
        NoteFactory(case=case, author=case.team.lead)
        NoteFactory(case=case, visibility="psychologist")
    for _ in range(n * 3):
        assessment = AssessmentFactory(case=case)
        for sub_area in ("emergencies.food", "work.placement", "future.schooling"):
            AssessmentScoreFactory(assessment=assessment, sub_area=sub_area)
        ObjectiveFactory(case=case)
        ReviewFactory(case=case)
        ReviewFactory(case=case, held_on="2026-11-20", held_by=case.team.lead)
        assessment_closing = AssessmentFactory(case=case)
        closure = Closure.objects.create(
            case=case,
            reason="moved",
            note="Trasferiti.",
            final_assessment=assessment_closing,
            approved_at="2026-11-20T10:00:00+01:00",
        )
        ClosureOutcome.objects.create(
            closure=closure, objective=ObjectiveFactory(case=case), outcome="partly"
        )
        InterventionFactory(
            case=case,
            objective=ObjectiveFactory(case=case),
            organization=OrganizationFactory(),
            activity=ActivityFactory(),
            operator=case.team.lead,
        )


@pytest.mark.usefixtures("pinned_now")
def test_case_page_queries_do_not_grow_with_its_history(client, case, case_worker):
    client.force_login(case_worker)
    _grow_case(case, 1)
    small = _count(client, case.get_absolute_url())
    _grow_case(case, 5)
    assert _count(client, case.get_absolute_url()) == small == CASE_PAGE_QUERIES
    assert _count(client, case.get_absolute_url() + "?pagina=3") == CASE_PAGE_QUERIES


# The team lead's: 1 more, the équipe's members for the form assigning them to the case.
CASE_PAGE_QUERIES_LEAD = CASE_PAGE_QUERIES + 1


@pytest.mark.usefixtures("pinned_now")
def test_case_page_queries_of_the_lead_do_not_grow_with_its_history(client, case, team_lead):
    client.force_login(team_lead)
    _grow_case(case, 1)
    small = _count(client, case.get_absolute_url())
    _grow_case(case, 5)
    for _ in range(3):
        TeamMemberFactory(team=case.team)
    # Twice: the assignment form is rendered by crispy the first time, then kept.
    assert _count(client, case.get_absolute_url()) == small == CASE_PAGE_QUERIES_LEAD
    assert _count(client, case.get_absolute_url()) == CASE_PAGE_QUERIES_LEAD


@pytest.mark.usefixtures("pinned_now")
def test_diary_queries_do_not_grow_with_notes(client, case, case_worker):
    client.force_login(case_worker)
    url = f"/famiglie/casi/{case.code}/diario/"
    _grow_case(case, 1)
    small = _count(client, url)
    _grow_case(case, 5)
    assert _count(client, url) == small == NOTE_LIST_QUERIES
    assert _count(client, url + "?pagina=2") == NOTE_LIST_QUERIES


# The household's record for the team lead: a fixed number whatever the history's length (its
# sections are read whole, each in one or two queries; the members' job profiles one).
EXPORT_QUERIES = 25


@pytest.mark.usefixtures("pinned_now")
def test_export_queries_do_not_grow_with_the_history(client, case, team_lead):
    client.force_login(team_lead)
    url = f"/famiglie/casi/{case.code}/esporta/"
    _grow_case(case, 1)
    small = _count(client, url)
    _grow_case(case, 5)
    assert _count(client, url) == small == EXPORT_QUERIES
