"""Which records have a history, and what of them it may hold.

Every directory, desk and account model is followed, except tables that are the machine's own
work (search refreshes and vocabulary, rate counters) or loaded from a public list
(municipalities, ``load_municipalities``), and the needs survey's answers (the organizations'
statements, with no record of who typed them). Each change is one ``auditlog.LogEntry`` holding the
changed fields only, old and new value.

Never logged: the search document (rewritten by the refreshes, not by people), secrets
(password, tokens), the time of the last sign-in. Masked: every field that tells who a person
is or how to reach them, and free text written about them. The entry keeps that the field
changed, when and by whom, never the value; so a history never holds more personal data than
its record, and ``retention.py`` deletes it when the record is erased or deleted.
"""

from dataclasses import dataclass

from auditlog.registry import auditlog
from django.apps import apps

# What a masked value reads in the history, whatever it was (its length would say something).
MASKED = "•••"


def mask(value: str) -> str:
    return MASKED


@dataclass(frozen=True)
class Tracked:
    model: str  # "app_label.ModelName"
    exclude: tuple[str, ...] = ()
    masked: tuple[str, ...] = ()


PUBLIC_RECORDS = [
    Tracked("directory.Organization"),
    Tracked("directory.Location"),
    Tracked("directory.Activity", exclude=("search_text", "search_vector", "search_tags")),
    Tracked("directory.ActivityTranslation"),
    Tracked("directory.OrganizationTranslation"),
    Tracked("directory.OpeningSlot"),
    Tracked("directory.ScheduleException"),
    Tracked("directory.Taxonomy"),
    Tracked("directory.Category"),
    Tracked("directory.TargetGroup"),
    Tracked("directory.Language"),
    Tracked("directory.GeneralInterestArea"),
    Tracked("directory.Zone"),
    Tracked("directory.Revision"),
    Tracked("directory.Membership"),
    Tracked("directory.TrainingPlan"),
    Tracked("directory.Course"),
    Tracked("directory.Attendance"),
    Tracked("directory.PlaceRequest"),
    Tracked("directory.BoardPost"),
    Tracked("directory.BoardAnswer"),
    Tracked("directory.VolunteeringCall"),
    Tracked("directory.VolunteeringCallTranslation"),
    # No personal data by design (directory/models/job_offer.py).
    Tracked("directory.JobOffer"),
    # A network's needs survey: the questionnaire is the coordinators' work, and who changed it
    # is shown beside it (directory/surveys/history.py). The organizations' answers are not
    # followed: they keep no record of who typed them (directory/models/survey.py).
    Tracked("directory.SurveyRound"),
    Tracked("directory.SurveyQuestion"),
    Tracked("sportelli.Desk"),
    Tracked("sportelli.DeskOpeningSlot"),
    Tracked("sportelli.DeskException"),
    Tracked("sportelli.DeskTranslation"),
    # No name, contact or free text by design (sportelli/models/access_log.py).
    Tracked("sportelli.Access"),
]

# Records about people: their history follows the record's retention rule (retention.py).
PERSONAL_RECORDS = [
    Tracked(
        "accounts.User",
        exclude=("password", "last_login"),
        masked=("first_name", "last_name", "email"),
    ),
    Tracked("directory.Invitation", exclude=("token_hash",)),
    Tracked(
        "directory.Volunteer",
        masked=(
            "first_name",
            "last_name",
            "tax_code",
            "birth_date",
            "email",
            "phone",
            "address",
            "skills",
            "insurance_policy",
            "notes",
        ),
    ),
    Tracked("directory.VolunteerHours", masked=("description",)),
    Tracked(
        "directory.Application",
        masked=("first_name", "last_name", "email", "phone", "birth_date", "message"),
    ),
    Tracked("directory.ProblemReport", masked=("message", "coordinator_note")),
    Tracked(
        "sportelli.Booking", exclude=("cancel_token",), masked=("name", "phone", "email", "note")
    ),
    Tracked(
        "sportelli.Referral",
        masked=("person_name", "person_contact", "need", "note", "decline_reason", "outcome"),
    ),
    Tracked("sportelli.ReferralEvent", masked=("note",)),
    # Family cases (famiglie): reads are rows too (famiglie/audit.py).
    Tracked("famiglie.Team"),
    Tracked("famiglie.TeamMember"),
    Tracked(
        "famiglie.Household",
        masked=("phone", "email", "housing_notes", "work_notes", "isee_band", "municipality"),
    ),
    Tracked(
        "famiglie.Member",
        masked=("first_name", "last_name", "birth_date", "tax_code", "citizenship", "languages"),
    ),
    Tracked("famiglie.Case", masked=("requested_note", "closure_reason")),
    Tracked("famiglie.CaseTeamMember"),
    Tracked("famiglie.CaseEvent", masked=("note",)),
    Tracked("famiglie.Consent", masked=("signed_form",)),
    Tracked("famiglie.Assessment"),
    Tracked("famiglie.AssessmentScore", masked=("level", "notes")),
    Tracked("famiglie.Objective", masked=("description",)),
    Tracked("famiglie.Review", masked=("notes",)),
    Tracked("famiglie.Intervention", masked=("notes", "amount")),
    Tracked("famiglie.Note", masked=("text",)),
    Tracked("famiglie.Closure", masked=("note",)),
    Tracked("famiglie.JobProfile", masked=("skills", "availability", "notes")),
    Tracked("famiglie.ClosureOutcome"),
]

TRACKED = PUBLIC_RECORDS + PERSONAL_RECORDS


def tracked_models():
    return [apps.get_model(t.model) for t in TRACKED]


def register_all() -> None:
    for tracked in TRACKED:
        model = apps.get_model(tracked.model)
        fields = {f.name for f in model._meta.get_fields()}
        unknown = set(tracked.exclude + tracked.masked) - fields
        if unknown:
            # A renamed field must not silently start being logged in clear.
            raise LookupError(f"{tracked.model} has no field {', '.join(sorted(unknown))}")
        auditlog.register(
            model,
            exclude_fields=list(tracked.exclude),
            mask_fields=list(tracked.masked),
            mask_callable="linkrete.history.tracked.mask",
        )
