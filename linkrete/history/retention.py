"""A personal-data record's history goes with the record.

When a retention rule erases a booking, a referral, an application or a volunteer, or when such
a record (or an account, or an invitation) is deleted, the entries about it are deleted at the
next ``apply_retention``: who changed it and when would otherwise outlive who it was about.
The entries hold no personal value in the meantime (``tracked.py`` masks those fields).
"""

import datetime

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q

from linkrete.history.tracked import PERSONAL_RECORDS
from linkrete.retention import ERASED, Rule, delete_in_batches

# How each personal record looks once its retention rule has erased it (the rules are in
# directory/retention.py and sportelli/retention.py; accounts and invitations are deleted).
ERASED_WHEN = {
    "directory.Volunteer": Q(first_name=ERASED),
    "directory.VolunteerHours": Q(volunteer__first_name=ERASED),
    "directory.Application": Q(first_name=ERASED),
    "directory.ProblemReport": ~Q(status="new") & Q(message="", coordinator_note=""),
    "sportelli.Booking": Q(name=ERASED),
    "sportelli.Referral": Q(person_name=ERASED),
    "sportelli.ReferralEvent": Q(referral__person_name=ERASED),
    # Family files: every record of an anonymised household (famiglie/retention.py), the
    # audit rows of its reads included.
    **{
        f"famiglie.{model}": Q(**{f"{path}anonymised_at__isnull": False})
        for model, path in [
            ("Household", ""),
            ("Member", "household__"),
            ("JobProfile", "member__household__"),
            ("Consent", "household__"),
            ("Case", "household__"),
            ("CaseTeamMember", "case__household__"),
            ("CaseEvent", "case__household__"),
            ("Assessment", "case__household__"),
            ("AssessmentScore", "assessment__case__household__"),
            ("Objective", "case__household__"),
            ("Review", "case__household__"),
            ("Intervention", "case__household__"),
            ("Note", "case__household__"),
            ("Closure", "case__household__"),
            ("ClosureOutcome", "closure__case__household__"),
        ]
    },
}

FAMILY_RECORDS = [label for label in ERASED_WHEN if label.startswith("famiglie.")]


def history_to_delete(label: str):
    model = apps.get_model(label)
    records = model._base_manager.filter(pk=OuterRef("object_id"))
    gone = ~Exists(records)
    if label in ERASED_WHEN:
        gone |= Exists(records.filter(ERASED_WHEN[label]))
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return LogEntry.objects.filter(content_type=content_type).filter(gone)


def delete_history_of_anonymised_families(now: datetime.datetime) -> int:
    return sum(delete_in_batches(history_to_delete(label)) for label in FAMILY_RECORDS)


def delete_history_of_erased_records(now: datetime.datetime) -> int:
    return sum(delete_in_batches(history_to_delete(t.model)) for t in PERSONAL_RECORDS)


def rules() -> list[Rule]:
    return [
        Rule(
            "history of personal records",
            "deleted",
            delete_history_of_erased_records,
            "when the record is erased or deleted by its own rule",
        )
    ]
