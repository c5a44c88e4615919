from auditlog.models import LogEntry
from django.urls import reverse

from famiglie import services
from famiglie.models import Case, Household


def _reads(model, pk):
    return LogEntry.objects.get_for_objects(model.objects.filter(pk=pk)).filter(
        action=LogEntry.Action.ACCESS
    )


def test_reading_a_case_leaves_a_row_for_the_case_and_the_household(client, case, case_worker):
    client.force_login(case_worker)
    client.get(case.get_absolute_url())
    client.get(case.get_absolute_url())
    case_reads = _reads(Case, case.pk)
    household_reads = _reads(Household, case.household_id)
    assert case_reads.count() == 2 and household_reads.count() == 2
    row = household_reads.first()
    assert row.actor == case_worker
    assert row.additional_data == {"page": "famiglie:case_detail"}
    assert row.remote_addr is None  # no address is kept
    assert row.object_repr == case.household.reference  # never a name


def test_a_page_refused_leaves_no_read(client, case, other_team_member):
    client.force_login(other_team_member)
    assert client.get(case.get_absolute_url()).status_code == 404
    assert not _reads(Case, case.pk).exists()


def test_changes_leave_field_history_without_personal_values(case, team_lead):
    household = case.household
    household.housing_notes = "Sfratto in corso."
    household.save()
    entry = LogEntry.objects.get_for_object(household).filter(action=LogEntry.Action.UPDATE).get()
    assert "Sfratto" not in str(entry.changes)
    services.case_move(case=case, to_state="assessment", by=team_lead)
    entry = LogEntry.objects.get_for_object(case).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict["state"] == ["intake", "assessment"]


def test_the_lead_reads_the_trail_per_case_and_per_user(client, case, case_worker, team_lead):
    client.force_login(case_worker)
    client.get(case.get_absolute_url())
    client.force_login(team_lead)
    response = client.get(reverse("famiglie:case_audit", args=[case.code]))
    assert response.status_code == 200
    body = response.content.decode()
    assert str(case_worker) in body and "famiglie:case_detail" in body
    response = client.get(reverse("famiglie:user_audit", args=[case.team_id, case_worker.pk]))
    assert response.status_code == 200
    assert case.household.reference in response.content.decode()


def test_nobody_edits_the_trail_from_the_application(client, case, case_worker, coordinator):
    client.force_login(case_worker)
    client.get(case.get_absolute_url())
    entry = _reads(Case, case.pk).get()
    client.force_login(coordinator)
    response = client.post(f"/admin/auditlog/logentry/{entry.pk}/change/", {"object_repr": "altro"})
    assert response.status_code in (403, 404, 405)
    response = client.post(f"/admin/auditlog/logentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code in (403, 404, 405)
    assert LogEntry.objects.filter(pk=entry.pk, object_repr=case.household.reference).exists() or (
        LogEntry.objects.filter(pk=entry.pk).exists()
    )


def test_the_lead_reads_the_rows_of_assessments_plans_and_interventions(
    client, case, case_worker, team_lead
):
    import datetime

    from famiglie.audit import entries_for_case
    from famiglie.models import Intervention, Objective
    from tests.factories import CaseFactory

    other_case = CaseFactory(team=case.team)
    by = case_worker
    services.assessment_record(
        case=case, date=datetime.date(2026, 11, 30), scores={"work.placement": (2, "")}, by=by
    )
    objective = services.objective_save(
        case=case, objective=Objective(area="work", description="Tirocinio"), by=by
    )
    services.review_schedule(case=case, due_on=datetime.date(2027, 1, 10), by=by)
    services.intervention_record(
        case=case,
        intervention=Intervention(kind="job_orientation", date=datetime.date(2026, 12, 1)),
        by=by,
    )
    services.objective_save(
        case=other_case, objective=Objective(area="work", description="Altro caso"), by=by
    )

    models = set(entries_for_case(case).values_list("content_type__model", flat=True))

    assert {"assessment", "assessmentscore", "objective", "review", "intervention"} <= models
    assert (
        not entries_for_case(case)
        .filter(content_type__model="objective", object_id=other_case.objectives.get().pk)
        .exists()
    )
    assert objective.pk
    client.force_login(team_lead)
    page = client.get(reverse("famiglie:case_audit", args=[case.code]))
    assert page.status_code == 200
