"""The audit trail of family files: every read leaves a row, as every change does.

Rows are django-auditlog's ``LogEntry`` (action "access" for reads, its access logging;
create, update and delete for changes, with the changed fields, personal values masked: see
``linkrete/history/tracked.py``). Who and when come from the entry; what record from its
content type and id; from where is the page (the URL's name) that read it, never an address.
The application offers no way to edit or delete them: the admin's history is read-only, and
the team lead reads them per case and per user (``views/audit.py``).
"""

from auditlog.cid import get_cid
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from famiglie.models import (
    Assessment,
    AssessmentScore,
    Case,
    CaseEvent,
    CaseTeamMember,
    Closure,
    ClosureOutcome,
    Consent,
    Household,
    Intervention,
    JobProfile,
    Member,
    Note,
    Objective,
    Review,
)


def record_read(request, *records) -> None:
    """One "access" row per record shown (one INSERT each)."""
    where = request.resolver_match.view_name if request.resolver_match else ""
    for record in records:
        LogEntry.objects.log_create(
            record,
            action=LogEntry.Action.ACCESS,
            force_log=True,
            actor=request.user,
            changes=None,
            additional_data={"page": where},
        )


def record_reads(request, records) -> None:
    """One "access" row per record shown (a page of diary notes; the case page's case,
    household and notes), in one INSERT whatever their number and kinds: the same rows as
    ``record_read``'s."""
    records = list(records)
    if not records:
        return
    where = request.resolver_match.view_name if request.resolver_match else ""
    cid = get_cid()
    LogEntry.objects.bulk_create(
        LogEntry(
            # Cached by Django after the first time for each model: no query.
            content_type=ContentType.objects.get_for_model(record),
            object_pk=str(record.pk),
            object_id=record.pk,
            object_repr=str(record),
            action=LogEntry.Action.ACCESS,
            actor=request.user,
            additional_data={"page": where},
            cid=cid,
        )
        for record in records
    )


# The records of a case (beside the case and its household) and the path from each to it.
CASE_RECORDS = [
    (CaseTeamMember, "case"),
    (CaseEvent, "case"),
    (Assessment, "case"),
    (AssessmentScore, "assessment__case"),
    (Objective, "case"),
    (Review, "case"),
    (Intervention, "case"),
    (Note, "case"),
    (Closure, "case"),
    (ClosureOutcome, "closure__case"),
]


def _types():
    return ContentType.objects.get_for_models(
        Case, Household, Member, JobProfile, Consent, *(model for model, _path in CASE_RECORDS)
    )


def entries_for_case(case: Case) -> QuerySet[LogEntry]:
    """The rows about the case and its household: the case, its case team, timeline, needs
    assessments, plan and interventions, the household, its members (their job profiles
    too) and consents."""
    types = _types()
    household = case.household_id
    about = (
        Q(content_type=types[Case], object_id=case.pk)
        | Q(content_type=types[Household], object_id=household)
        | Q(
            content_type=types[Member],
            object_id__in=Member.objects.filter(household=household).values("pk"),
        )
        | Q(
            content_type=types[JobProfile],
            object_id__in=JobProfile.objects.filter(member__household=household).values("pk"),
        )
        | Q(
            content_type=types[Consent],
            object_id__in=Consent.objects.filter(household=household).values("pk"),
        )
    )
    for model, path in CASE_RECORDS:
        about |= Q(
            content_type=types[model],
            object_id__in=model.objects.filter(**{path: case}).values("pk"),
        )
    return LogEntry.objects.filter(about).select_related("actor", "content_type")


def entries_by_user_for_team(user, team) -> QuerySet[LogEntry]:
    """What ``user`` read and changed among the team's cases and households."""
    types = _types()
    cases = Case.objects.filter(team=team)
    about = Q(content_type=types[Case], object_id__in=cases.values("pk")) | Q(
        content_type=types[Household], object_id__in=cases.values("household")
    )
    return LogEntry.objects.filter(about, actor=user).select_related("actor", "content_type")
