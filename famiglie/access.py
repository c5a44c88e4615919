"""Who may see which case: the one place that answers it.

A case is seen by the lead of its team and by the members of its case team; nobody else, not
the other members of the équipe, not desk operators, association staff or network
coordinators (who see aggregates in the admin, never a file). Anything out of scope is a 404,
never a hint that it exists. Every signed-in page of famiglie fetches through here.
"""

from django.contrib.postgres.fields import ArrayField
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404
from django.shortcuts import get_object_or_404

from famiglie.models import Case, CaseTeamMember, Role, Team, TeamMember


def teams_led_by(user) -> QuerySet[Team]:
    if not user.is_authenticated:
        return Team.objects.none()
    return Team.objects.filter(lead=user, is_active=True)


def works_on_cases(user) -> bool:
    """Whether ``user`` may reach any case (lead, équipe member or case-team member): they
    must give the second factor and their sessions end after 30 idle minutes."""
    if not user.is_authenticated:
        return False
    # One statement, three EXISTS (each on its index), whichever way in the user has.
    return (
        Team.objects.filter(lead=user)
        .values("pk")
        .union(
            TeamMember.objects.filter(user=user).values("pk"),
            CaseTeamMember.objects.filter(user=user).values("pk"),
            all=True,
        )
        .exists()
    )


def cases_visible_to(user) -> QuerySet[Case]:
    """The cases ``user`` may read: those of the teams they lead, and those whose case team
    they are on."""
    if not user.is_authenticated:
        return Case.objects.none()
    on_case_team = CaseTeamMember.objects.filter(case=OuterRef("pk"), user=user)
    return Case.objects.filter(Q(team__lead=user) | Exists(on_case_team))


class _InIdList(Func):
    """``column = ANY(ARRAY(subquery))``: the subquery runs once, first (an InitPlan), and its
    ids are then looked up in the column's index. Written as ``IN (subquery)`` or as an OR of
    two conditions, PostgreSQL reads every open case of the region (40,000 rows) and tests
    each."""

    template = "%(expressions)s))"
    arg_joiner = " = ANY(ARRAY("
    output_field = BooleanField()


def listed_cases(user) -> QuerySet[Case]:
    """The cases of ``cases_visible_to``, in the form lists and counts are fast with: the ids
    of the cases of the teams ``user`` leads and of the case teams they are on (a UNION of two
    index scans, a few hundred rows), then those cases by primary key. For one case by its
    code ``cases_visible_to`` is as fast and needs no list."""
    if not user.is_authenticated:
        return Case.objects.none()
    ids = (
        Case.objects.filter(team__lead=user)
        .values("pk")
        .union(CaseTeamMember.objects.filter(user=user).values("case_id"))
    )
    return Case.objects.filter(
        _InIdList(F("pk"), Subquery(ids, output_field=ArrayField(BigIntegerField())))
    )


def get_case_for_user(user, code: str, *, psychologist: bool = False) -> Case:
    """The case ``code`` if ``user`` may read it, else 404. With ``psychologist``, the case
    also says whether ``user`` is a psychologist of its case team (``reader_is_psychologist``,
    for ``NoteQuerySet.visible_to``), in the same statement."""
    cases = cases_visible_to(user).select_related(
        "household__municipality", "team__lead", "requested_by"
    )
    if psychologist:
        cases = cases.annotate(
            reader_is_psychologist=Exists(
                CaseTeamMember.objects.filter(
                    case=OuterRef("pk"), user=user, role=Role.PSYCHOLOGIST
                )
            )
        )
    return get_object_or_404(cases, code=code)


def is_team_lead(user, case: Case) -> bool:
    return case.team.lead_id == user.pk


def get_case_for_lead(user, code: str) -> Case:
    """For what only the team lead does (approvals, the case team, the audit): 404 to others,
    members of the case team included, as for any page they cannot use."""
    case = get_case_for_user(user, code)
    if not is_team_lead(user, case):
        raise Http404
    return case


def get_team_for_lead(user, pk: int) -> Team:
    return get_object_or_404(teams_led_by(user), pk=pk)
