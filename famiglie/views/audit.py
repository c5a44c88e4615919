"""The audit trail, for the team lead: per case, and per user among the team's cases. Read
only: the application has no page that edits or deletes a row."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from famiglie import access
from famiglie.audit import entries_by_user_for_team, entries_for_case
from famiglie.views import case_worker_view
from linkrete.paging import page_of


@case_worker_view
def case_audit(request, code):
    case = access.get_case_for_lead(request.user, code)
    entries = page_of(request, entries_for_case(case).order_by("-timestamp", "-pk"))
    return render(
        request, "famiglie/audit.html", {"case": case, "entries": entries, "person": None}
    )


@case_worker_view
def user_audit(request, team, user):
    team = access.get_team_for_lead(request.user, team)
    people = get_user_model().objects.filter(Q(team_memberships__team=team) | Q(teams_led=team))
    person = get_object_or_404(people.distinct(), pk=user)
    entries = page_of(request, entries_by_user_for_team(person, team).order_by("-timestamp", "-pk"))
    return render(
        request,
        "famiglie/audit.html",
        {"case": None, "team": team, "entries": entries, "person": person},
    )
