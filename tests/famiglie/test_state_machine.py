import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from famiglie import services
from famiglie.models import CaseEvent, CaseState, EventKind


def _state(case):
    case.refresh_from_db()
    return case.state


def test_the_lead_moves_a_case_through_every_state_and_reopens_it(case, team_lead):
    for state in ["assessment", "active_plan", "monitoring", "active_plan", "monitoring"]:
        services.case_move(case=case, to_state=state, by=team_lead)
        assert _state(case) == state
    services.case_move(case=case, to_state="closed", by=team_lead, note="Obiettivi raggiunti.")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert case.closure_reason == "Obiettivi raggiunti."
    assert case.closed_at is not None
    services.case_move(case=case, to_state="assessment", by=team_lead)
    case.refresh_from_db()
    assert case.state == CaseState.ASSESSMENT
    assert case.closed_at is None and case.closure_reason == ""
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds.count(EventKind.STATE) == 7


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("intake", "active_plan"),
        ("intake", "monitoring"),
        ("assessment", "monitoring"),
        ("closed", "active_plan"),
        ("closed", "intake"),
        ("monitoring", "intake"),
    ],
)
def test_a_move_outside_the_state_machine_is_refused(case, team_lead, start, target):
    case.state = start
    case.closure_reason = "Chiuso." if start == "closed" else ""
    case.save()
    with pytest.raises(ValidationError):
        services.case_move(case=case, to_state=target, by=team_lead, note="x")
    assert _state(case) == start


def test_closing_needs_a_reason(case, team_lead):
    with pytest.raises(ValidationError) as error:
        services.case_move(case=case, to_state="closed", by=team_lead, note="  ")
    assert "note" in error.value.error_dict
    assert _state(case) == "intake"


def test_a_member_moves_freely_where_no_approval_is_needed(case, case_worker):
    services.case_move(case=case, to_state="assessment", by=case_worker)
    assert _state(case) == "assessment"


def test_the_plan_asked_by_a_member_waits_for_the_lead(case, case_worker, team_lead):
    case.state = "assessment"
    case.save()
    services.case_move(case=case, to_state="active_plan", by=case_worker, note="Piano pronto.")
    case.refresh_from_db()
    assert case.state == "assessment"
    assert case.requested_state == "active_plan"
    assert case.requested_by == case_worker
    with pytest.raises(ValidationError):
        services.case_move(case=case, to_state="closed", by=case_worker, note="Trasferiti.")
    services.case_decide(case=case, by=team_lead, approve=True)
    case.refresh_from_db()
    assert case.state == "active_plan"
    assert case.requested_state == ""
    assert CaseEvent.objects.filter(case=case, kind=EventKind.REQUESTED).count() == 1


def test_a_closure_refused_by_the_lead_leaves_the_case_open(case, case_worker, team_lead):
    services.case_move(case=case, to_state="closed", by=case_worker, note="Trasferiti.")
    services.case_decide(case=case, by=team_lead, approve=False, note="Manca la relazione.")
    case.refresh_from_db()
    assert case.state == "intake" and case.requested_state == ""
    refused = CaseEvent.objects.get(case=case, kind=EventKind.REFUSED)
    assert refused.note == "Manca la relazione."


def test_only_the_lead_decides(case, case_worker):
    services.case_move(case=case, to_state="closed", by=case_worker, note="Trasferiti.")
    with pytest.raises(PermissionDenied):
        services.case_decide(case=case, by=case_worker, approve=True)
    assert _state(case) == "intake"


def test_a_stale_approval_is_refused(case, case_worker, team_lead):
    case.state = "assessment"
    case.save()
    services.case_move(case=case, to_state="active_plan", by=case_worker)
    services.case_move(case=case, to_state="closed", by=team_lead, note="Trasferiti.")
    case.refresh_from_db()
    assert case.requested_state == ""


def test_the_case_team_is_formed_by_the_lead_only(case, team_lead, same_team_member, case_worker):
    services.case_team_assign(case=case, user=same_team_member, role="tutor", by=team_lead)
    assert case.team_members.filter(user=same_team_member, role="tutor").exists()
    with pytest.raises(PermissionDenied):
        services.case_team_assign(case=case, user=same_team_member, role="tutor", by=case_worker)
    member = case.team_members.get(user=same_team_member)
    services.case_team_remove(case=case, member=member, by=team_lead)
    assert not case.team_members.filter(user=same_team_member).exists()
    assert list(case.events.values_list("kind", flat=True)) == ["removed", "assigned"]


def test_only_members_of_the_team_join_a_case_team(case, team_lead, other_team_member):
    with pytest.raises(ValidationError):
        services.case_team_assign(case=case, user=other_team_member, role="tutor", by=team_lead)


def test_the_move_form_on_the_case_page(client, case, case_worker):
    client.force_login(case_worker)
    url = f"/famiglie/casi/{case.code}/stato/"
    # Closing has its own page (tests/famiglie/test_closure.py), not this form.
    response = client.post(url, {"to_state": "closed", "note": "Fine."})
    assert response.status_code == 400
    assert _state(case) == "intake"
    response = client.post(url, {"to_state": "monitoring"})
    assert response.status_code == 400
    assert _state(case) == "intake"
    response = client.post(url, {"to_state": "assessment"})
    assert response.status_code == 302
    assert _state(case) == "assessment"
