"""Every famiglie page, every role: out of scope is a 404, never a hint that the case exists."""

import pytest
from django.urls import reverse

from tests.factories import ConsentFactory, ObjectiveFactory, ReviewFactory

ROLES = [
    "team_lead",
    "case_worker",
    "same_team_member",
    "other_team_member",
    "desk_operator",
    "staff",
    "coordinator",
    "anonymous",
]

# view name -> (method, who may use it)
CASE_VIEWS = {
    "case_detail": ("get", {"team_lead", "case_worker"}),
    "case_move": ("post", {"team_lead", "case_worker"}),
    "case_close": ("get", {"team_lead", "case_worker"}),
    "case_decide": ("post", {"team_lead"}),
    "case_team_assign": ("post", {"team_lead"}),
    "case_team_remove": ("post", {"team_lead"}),
    "consent_create": ("get", {"team_lead", "case_worker"}),
    "consent_withdraw": ("post", {"team_lead", "case_worker"}),
    "consent_file": ("get", {"team_lead", "case_worker"}),
    "case_refer": ("get", {"team_lead", "case_worker"}),
    "assessment_create": ("get", {"team_lead", "case_worker"}),
    "objective_create": ("get", {"team_lead", "case_worker"}),
    "objective_edit": ("get", {"team_lead", "case_worker"}),
    "review_create": ("get", {"team_lead", "case_worker"}),
    "review_hold": ("get", {"team_lead", "case_worker"}),
    "intervention_create": ("get", {"team_lead", "case_worker"}),
    "note_list": ("get", {"team_lead", "case_worker"}),
    "note_create": ("get", {"team_lead", "case_worker"}),
    "case_audit": ("get", {"team_lead"}),
    "household_export": ("get", {"team_lead"}),
    "household_export_page": ("get", {"team_lead"}),
    "user_audit": ("get", {"team_lead"}),
    "home": ("get", {"team_lead", "case_worker", "same_team_member", "other_team_member"}),
}


def _url(name, case, consent, case_worker):
    code = case.code
    if name == "home":
        return reverse("famiglie:home")
    if name == "case_team_remove":
        member = case.team_members.get(user=case_worker)
        return reverse(f"famiglie:{name}", args=[code, member.pk])
    if name in ("consent_withdraw", "consent_file"):
        return reverse(f"famiglie:{name}", args=[code, consent.pk])
    if name == "objective_edit":
        return reverse(f"famiglie:{name}", args=[code, ObjectiveFactory(case=case).pk])
    if name == "review_hold":
        return reverse(f"famiglie:{name}", args=[code, ReviewFactory(case=case).pk])
    if name == "user_audit":
        return reverse("famiglie:user_audit", args=[case.team_id, case_worker.pk])
    return reverse(f"famiglie:{name}", args=[code])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(CASE_VIEWS))
def test_matrix(
    request, client, case, case_worker, same_team_member, other_team_member, name, role
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    consent = ConsentFactory(
        household=case.household,
        signed_form=SimpleUploadedFile("modulo.pdf", b"%PDF-1.4"),
    )
    method, allowed = CASE_VIEWS[name]
    url = _url(name, case, consent, case_worker)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = getattr(client, method)(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role in allowed:
        assert response.status_code in (200, 302, 400), response.status_code
        if method == "get":
            assert response.status_code == 200
    else:
        assert response.status_code == 404
    if response.status_code == 404 or role == "anonymous":
        assert case.household.reference.encode() not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )


@pytest.mark.parametrize("role", ROLES)
def test_intake_from_an_access_is_for_the_desks_operators(
    request, client, role, desk, case_worker, other_team_member
):
    from tests.factories import AccessFactory

    accessed = AccessFactory(desk=desk, outcome="case")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("famiglie:intake_from_access", args=[accessed.pk]))
    if role == "anonymous":
        assert response.status_code == 302
    elif role == "desk_operator":
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_the_other_desks_operator_cannot_open_an_intake(client, desk, other_desk_operator):
    from tests.factories import AccessFactory

    accessed = AccessFactory(desk=desk, outcome="case")
    client.force_login(other_desk_operator)
    response = client.get(reverse("famiglie:intake_from_access", args=[accessed.pk]))
    assert response.status_code == 404


def test_a_lead_sees_only_the_audit_of_their_own_teams_people(
    client, team_lead, other_team_member, team
):
    client.force_login(team_lead)
    response = client.get(reverse("famiglie:user_audit", args=[team.pk, other_team_member.pk]))
    assert response.status_code == 404


def test_the_admin_shows_coordinators_counts_not_files(client, coordinator, case):
    client.force_login(coordinator)
    response = client.get(reverse("admin:famiglie_case_changelist"))
    assert response.status_code == 200
    assert case.household.reference not in response.content.decode()
    assert case.code not in response.content.decode()
    assert client.get(f"/admin/famiglie/case/{case.pk}/change/").status_code == 404
    assert client.get("/admin/famiglie/household/").status_code == 404
    assert client.get("/admin/famiglie/member/").status_code == 404
    assert client.get("/admin/famiglie/consent/").status_code == 404
    assert client.get("/admin/famiglie/team/").status_code == 200
