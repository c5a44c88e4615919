"""Closing a case: the reason, an outcome for each objective, the final needs assessment; the
team lead approves a member's closure; reopening keeps it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext

from famiglie import services
from famiglie.models import Case, Closure, ClosureOutcome, Objective
from tests.factories import AssessmentFactory, ObjectiveFactory


@pytest.fixture
def plan(case):
    return {
        "job": ObjectiveFactory(case=case, description="Tirocinio per la madre."),
        "school": ObjectiveFactory(case=case, area="future", description="Iscrizione a scuola."),
        "dropped": ObjectiveFactory(case=case, status="dropped", description="Casa popolare."),
        "assessment": AssessmentFactory(case=case),
    }


def _post(plan, **extra):
    return {
        "reason": "objectives_reached",
        "note": "La famiglia è autonoma.",
        "final_assessment": plan["assessment"].pk,
        f"outcome_{plan['job'].pk}": "achieved",
        f"outcome_{plan['school'].pk}": "partly",
        **extra,
    }


def test_the_team_lead_closes_at_once(client, case, plan, team_lead):
    client.force_login(team_lead)
    response = client.post(reverse("famiglie:case_close", args=[case.code]), _post(plan))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "closed" and case.closed_at
    assert "La famiglia è autonoma." in case.closure_reason
    closure = Closure.objects.get()
    assert closure.approved_by == team_lead and closure.final_assessment == plan["assessment"]
    assert dict(closure.outcomes.values_list("objective", "outcome")) == {
        plan["job"].pk: "achieved",
        plan["school"].pk: "partly",
    }
    statuses = dict(Objective.objects.values_list("pk", "status"))
    assert statuses == {
        plan["job"].pk: "achieved",
        plan["school"].pk: "partly",
        plan["dropped"].pk: "dropped",
    }


def test_a_members_closure_waits_for_the_lead(client, case, plan, case_worker, team_lead):
    client.force_login(case_worker)
    client.post(reverse("famiglie:case_close", args=[case.code]), _post(plan))
    case.refresh_from_db()
    assert case.state == "intake" and case.requested_state == "closed"
    closure = Closure.objects.get()
    assert closure.approved_at is None
    assert Objective.objects.get(pk=plan["job"].pk).status == "in_progress"
    page = client.get(case.get_absolute_url()).content.decode()
    assert "La famiglia è autonoma." in page

    services.case_decide(case=case, by=team_lead, approve=True)
    closure.refresh_from_db()
    assert closure.approved_by == team_lead
    assert Case.objects.get(pk=case.pk).state == "closed"
    assert Objective.objects.get(pk=plan["job"].pk).status == "achieved"


def test_a_refused_closure_is_not_kept(case, plan, case_worker, team_lead):
    services.case_close(
        case=case,
        reason="moved",
        note="Trasferiti.",
        final_assessment=plan["assessment"],
        outcomes={plan["job"].pk: "not_achieved", plan["school"].pk: "not_achieved"},
        by=case_worker,
    )
    services.case_decide(case=case, by=team_lead, approve=False, note="Non ancora.")
    assert not Closure.objects.exists() and not ClosureOutcome.objects.exists()
    assert Case.objects.get(pk=case.pk).requested_state == ""
    assert Objective.objects.get(pk=plan["job"].pk).status == "in_progress"


def test_reopening_keeps_the_closure(client, case, plan, team_lead):
    client.force_login(team_lead)
    client.post(reverse("famiglie:case_close", args=[case.code]), _post(plan))
    services.case_move(case=case, to_state="assessment", by=team_lead, note="Nuova richiesta.")
    case.refresh_from_db()
    assert case.state == "assessment"
    closure = Closure.objects.get()
    assert closure.approved_at and closure.outcomes.count() == 2
    page = client.get(case.get_absolute_url()).content.decode()
    assert "La famiglia è autonoma." in page
    assert Objective.objects.get(pk=plan["job"].pk).status == "achieved"


def test_each_objective_needs_its_outcome_and_nothing_typed_is_lost(
    client, case, plan, case_worker
):
    client.force_login(case_worker)
    data = _post(plan)
    del data[f"outcome_{plan['school'].pk}"]
    response = client.post(reverse("famiglie:case_close", args=[case.code]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert gettext("Say how this objective ended.") in body
    assert "La famiglia è autonoma." in body
    assert not Closure.objects.exists()


def test_closing_needs_a_final_assessment(client, case, case_worker):
    ObjectiveFactory(case=case)
    client.force_login(case_worker)
    url = reverse("famiglie:case_close", args=[case.code])
    assert (
        reverse("famiglie:assessment_create", args=[case.code]) in client.get(url).content.decode()
    )
    response = client.post(url, {"reason": "other", "note": "Altro."})
    assert response.status_code == 400
    assert gettext("Record a final needs assessment first, then close the case.") in (
        response.content.decode()
    )


def test_another_cases_assessment_is_refused(client, case, plan, case_worker):
    client.force_login(case_worker)
    other = AssessmentFactory()
    response = client.post(
        reverse("famiglie:case_close", args=[case.code]), _post(plan, final_assessment=other.pk)
    )
    assert response.status_code == 400
    assert not Closure.objects.exists()
    with pytest.raises(ValidationError):
        services.case_close(
            case=case,
            reason="other",
            note="Altro.",
            final_assessment=other,
            outcomes={plan["job"].pk: "achieved", plan["school"].pk: "achieved"},
            by=case_worker,
        )


@pytest.mark.parametrize("value", ["", "x", "9999999999999999999999", "<b>"])
def test_odd_values_answer_400(client, case, plan, case_worker, value):
    client.force_login(case_worker)
    response = client.post(
        reverse("famiglie:case_close", args=[case.code]),
        _post(plan, reason=value, final_assessment=value),
    )
    assert response.status_code == 400


def test_a_closed_case_offers_no_closure(client, case, plan, team_lead):
    client.force_login(team_lead)
    url = reverse("famiglie:case_close", args=[case.code])
    client.post(url, _post(plan))
    assert 'name="reason"' not in client.get(url).content.decode()
    response = client.post(url, _post(plan))
    assert response.status_code == 400
    assert Closure.objects.count() == 1


def test_the_move_form_no_longer_closes(client, case, case_worker):
    client.force_login(case_worker)
    response = client.post(
        reverse("famiglie:case_move", args=[case.code]), {"to_state": "closed", "note": "Fine."}
    )
    assert response.status_code == 400
    assert Case.objects.get(pk=case.pk).requested_state == ""
