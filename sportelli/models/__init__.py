from sportelli.models.access_day import AccessDay, AccessTopicDay
from sportelli.models.access_log import (
    Access,
    AccessQuerySet,
    AgeBand,
    CitizenshipGroup,
    Gender,
    Outcome,
)
from sportelli.models.access_month import (
    FIELD_OF_DIMENSION,
    AccessMonth,
    AccessTopicMonth,
    Dimension,
)
from sportelli.models.booking import (
    CODE_ALPHABET,
    CODE_LENGTH,
    NOTE_MAX_LENGTH,
    Booking,
    BookingQuerySet,
)
from sportelli.models.desk import (
    RESERVED_SLUGS,
    TOPIC_TAXONOMY,
    Channel,
    Desk,
    DeskException,
    DeskOpeningSlot,
    DeskQuerySet,
)
from sportelli.models.desk_translation import DeskTranslation
from sportelli.models.need_signal import NeedSignal, NeedSignalQuerySet
from sportelli.models.referral import TRANSITIONS, Referral, ReferralEvent, ReferralStatus

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "FIELD_OF_DIMENSION",
    "NOTE_MAX_LENGTH",
    "RESERVED_SLUGS",
    "TOPIC_TAXONOMY",
    "TRANSITIONS",
    "Access",
    "AccessDay",
    "AccessMonth",
    "AccessQuerySet",
    "AccessTopicDay",
    "AccessTopicMonth",
    "AgeBand",
    "Booking",
    "BookingQuerySet",
    "Channel",
    "CitizenshipGroup",
    "Desk",
    "DeskException",
    "DeskOpeningSlot",
    "DeskQuerySet",
    "DeskTranslation",
    "Dimension",
    "Gender",
    "NeedSignal",
    "NeedSignalQuerySet",
    "Outcome",
    "Referral",
    "ReferralEvent",
    "ReferralStatus",
]
