from directory.models.access_point import (
    AccessPointReferrer,
    SourceType,
    source_type_of,
)
from directory.models.activity import Activity, ActivityQuerySet
from directory.models.board import BoardAnswer, BoardPost
from directory.models.duplicate import DuplicateCandidate, OrganizationMerge
from directory.models.event import Event, EventQuerySet, EventSession, EventSessionQuerySet
from directory.models.event_attendance import EventWalkIn
from directory.models.event_signup import EventSignup, EventSignupQuerySet
from directory.models.hsds_identifier import ServiceAtLocationIdentifier
from directory.models.hsds_import import ImportedTerm
from directory.models.job_offer import ContractKind, JobOffer, JobOfferQuerySet, Skill
from directory.models.membership import Invitation, InvitationRole, Membership
from directory.models.network import (
    ActionTarget,
    BoardMeeting,
    Figure,
    MemberRole,
    Network,
    NetworkAction,
    NetworkMembership,
    SteeringBoardSeat,
)
from directory.models.network_coordinator import NetworkCoordinator
from directory.models.onboarding import ImportBatch, ImportRecord, RegistryEntry
from directory.models.organization import (
    RUNTS_LEGAL_FORMS,
    LegalForm,
    Location,
    Organization,
    PublicationStatus,
)
from directory.models.problem_report import ProblemReport
from directory.models.revision import Revision
from directory.models.schedule import WEEKDAY_RRULE_CODES, OpeningSlot, ScheduleException, Weekday
from directory.models.search_refresh import SearchRefresh
from directory.models.search_synonym import SearchSynonym
from directory.models.search_term import SearchTerm
from directory.models.survey import (
    QuestionKind,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyRound,
)
from directory.models.taxonomy import (
    AGE_BANDS,
    AGE_BANDS_BY_SLUG,
    GENERAL_INTEREST_AREAS,
    AgeBand,
    Category,
    GeneralInterestArea,
    Language,
    TargetGroup,
    Taxonomy,
)
from directory.models.territory import Municipality, Zone
from directory.models.training import Attendance, Course, PlaceRequest, TrainingPlan
from directory.models.translation import (
    TRANSLATION_LANGUAGES,
    ActivityTranslation,
    OrganizationTranslation,
    VolunteeringCallTranslation,
)
from directory.models.volunteer import Volunteer, VolunteerHours
from directory.models.volunteering_call import Application, VolunteeringCall

__all__ = [
    "QuestionKind",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyRound",
    "AccessPointReferrer",
    "SourceType",
    "source_type_of",
    "ContractKind",
    "JobOffer",
    "JobOfferQuerySet",
    "Skill",
    "ActionTarget",
    "Figure",
    "BoardMeeting",
    "MemberRole",
    "Network",
    "NetworkAction",
    "NetworkCoordinator",
    "NetworkMembership",
    "SteeringBoardSeat",
    "ImportedTerm",
    "ServiceAtLocationIdentifier",
    "Event",
    "EventQuerySet",
    "EventSession",
    "EventSessionQuerySet",
    "EventSignup",
    "EventSignupQuerySet",
    "EventWalkIn",
    "DuplicateCandidate",
    "OrganizationMerge",
    "ImportBatch",
    "ImportRecord",
    "RegistryEntry",
    "SearchRefresh",
    "BoardAnswer",
    "BoardPost",
    "Revision",
    "TRANSLATION_LANGUAGES",
    "ActivityTranslation",
    "OrganizationTranslation",
    "VolunteeringCallTranslation",
    "Attendance",
    "Course",
    "PlaceRequest",
    "TrainingPlan",
    "Volunteer",
    "VolunteerHours",
    "Application",
    "VolunteeringCall",
    "AGE_BANDS",
    "AGE_BANDS_BY_SLUG",
    "GENERAL_INTEREST_AREAS",
    "RUNTS_LEGAL_FORMS",
    "WEEKDAY_RRULE_CODES",
    "Activity",
    "ActivityQuerySet",
    "AgeBand",
    "Category",
    "GeneralInterestArea",
    "Language",
    "LegalForm",
    "Location",
    "Invitation",
    "InvitationRole",
    "Membership",
    "Municipality",
    "OpeningSlot",
    "Organization",
    "ProblemReport",
    "PublicationStatus",
    "ScheduleException",
    "SearchSynonym",
    "SearchTerm",
    "TargetGroup",
    "Taxonomy",
    "Weekday",
    "Zone",
]
