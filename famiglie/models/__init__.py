from famiglie.models.assessment import Assessment, AssessmentScore, Level
from famiglie.models.case import (
    NEEDS_APPROVAL,
    TRANSITIONS,
    Case,
    CaseEvent,
    CaseQuerySet,
    CaseState,
    CaseTeamMember,
    EventKind,
)
from famiglie.models.closure import Closure, ClosureOutcome, ExitReason, ObjectiveOutcome
from famiglie.models.consent import EXPIRING_DAYS, Consent, ConsentKind
from famiglie.models.household import (
    Household,
    IseeBand,
    Member,
    Relationship,
    age_band_of,
    validate_tax_code,
)
from famiglie.models.intervention import Intervention, InterventionKind
from famiglie.models.job_profile import MIN_WORKING_AGE, Availability, JobProfile
from famiglie.models.note import Note, Visibility, is_case_psychologist
from famiglie.models.plan import (
    REVIEW_DUE_DAYS,
    Objective,
    ObjectiveStatus,
    Review,
    ReviewQuerySet,
)
from famiglie.models.rollup import InterventionMonth
from famiglie.models.team import Role, Team, TeamMember

__all__ = [
    "InterventionMonth",
    "MIN_WORKING_AGE",
    "Availability",
    "JobProfile",
    "Closure",
    "ClosureOutcome",
    "ExitReason",
    "ObjectiveOutcome",
    "Note",
    "Visibility",
    "is_case_psychologist",
    "Intervention",
    "InterventionKind",
    "REVIEW_DUE_DAYS",
    "Objective",
    "ObjectiveStatus",
    "Review",
    "ReviewQuerySet",
    "Assessment",
    "AssessmentScore",
    "Level",
    "EXPIRING_DAYS",
    "NEEDS_APPROVAL",
    "TRANSITIONS",
    "Case",
    "CaseEvent",
    "CaseQuerySet",
    "CaseState",
    "CaseTeamMember",
    "Consent",
    "ConsentKind",
    "EventKind",
    "Household",
    "IseeBand",
    "Member",
    "Relationship",
    "Role",
    "Team",
    "TeamMember",
    "age_band_of",
    "validate_tax_code",
]
