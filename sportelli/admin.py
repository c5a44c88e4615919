from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from directory.admin.big_tables import (
    ACTIVITY_HEAVY,
    ORGANIZATION_HEAVY,
    BigTableMixin,
    IndexedSearchMixin,
    across,
)
from directory.admin.labels import LabelledInputsMixin
from directory.admin.typed_filters import DeskFilter, MunicipalityFilter, TypedNameFilter
from linkrete.admin_rows import CheapRowsMixin
from linkrete.admin_scope import ScopedAdmin
from sportelli.models import (
    Access,
    Booking,
    Desk,
    DeskException,
    DeskOpeningSlot,
    DeskTranslation,
    Referral,
    ReferralEvent,
)

# What a desk's row carries that the lists of bookings, accesses and referrals never show.
DESK_HEAVY = ("description", "interpreting", "video_instructions")


class DeskOpeningSlotInline(admin.TabularInline):
    model = DeskOpeningSlot
    extra = 0


class DeskExceptionInline(admin.TabularInline):
    model = DeskException
    extra = 0


class DeskTranslationInline(admin.StackedInline):
    """The desk's texts in other languages; its staff propose them through a review."""

    model = DeskTranslation
    extra = 0
    fields = ["language", *DeskTranslation.text_fields]


@admin.register(Desk)
class DeskAdmin(ScopedAdmin, CheapRowsMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "host_organization",
        "municipality",
        "capacity",
        "slot_minutes",
        "status",
    ]
    list_filter = [
        "status",
        "offers_in_person",
        "offers_phone",
        "offers_video",
        MunicipalityFilter,
    ]
    search_fields = ["name", "host_organization__name", "municipality__name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["host_organization", "location", "municipality", "zone"]
    filter_horizontal = ["topics", "languages"]
    # Operators are chosen among every account (10,000 at national scale): a box that searches
    # them, rather than a list of every user on the page (3.7 s).
    autocomplete_fields = ["operators"]
    inlines = [DeskOpeningSlotInline, DeskExceptionInline, DeskTranslationInline]
    list_select_related = ["host_organization", "municipality"]


@admin.register(Booking)
class BookingAdmin(ScopedAdmin, IndexedSearchMixin, LabelledInputsMixin, admin.ModelAdmin):
    list_display = ["code", "desk", "starts_at", "seat", "channel", "status"]
    # Dates through the filter's links (today, last 7 days, this month, this year), which ask
    # nothing of the database: a date hierarchy read every booking for its years (0.9 s).
    list_filter = ["status", "channel", DeskFilter, "starts_at"]
    search_fields = ["=code"]
    raw_id_fields = ["desk", "topic", "language"]
    readonly_fields = ["code", "privacy_consent_at", "created_at", "cancelled_at"]
    list_select_related = ["desk"]
    list_defer = ("note", *across("desk", DESK_HEAVY))
    ordering = BigTableMixin.NEWEST_FIRST


@admin.register(Access)
class AccessAdmin(ScopedAdmin, BigTableMixin, LabelledInputsMixin, admin.ModelAdmin):
    list_display = ["desk", "occurred_at", "channel", "outcome", "minutes"]
    # As for bookings: a date hierarchy read every access for its years (1.2 s).
    list_filter = [DeskFilter, "occurred_at", "channel", "outcome", "age_band", "citizenship"]
    raw_id_fields = ["desk", "booking", "municipality", "logged_by"]
    list_select_related = ["desk"]
    list_defer = across("desk", DESK_HEAVY)
    ordering = BigTableMixin.NEWEST_FIRST


class ReceivingOrganizationFilter(TypedNameFilter):
    title = _("receiving organization")
    parameter_name = "organization"
    field_path = "receiving_organization"
    label = _("Name of the organization")


class ReferralEventInline(admin.TabularInline):
    model = ReferralEvent
    extra = 0
    readonly_fields = ["from_status", "to_status", "by", "note", "at"]
    can_delete = False


@admin.register(Referral)
class ReferralAdmin(ScopedAdmin, BigTableMixin, LabelledInputsMixin, admin.ModelAdmin):
    # The referred person's name stays off the list: open a referral to read it.
    list_display = ["uuid", "receiving_organization", "status", "created_at"]
    list_filter = ["status", ReceivingOrganizationFilter]
    raw_id_fields = [
        "sent_by",
        "from_desk",
        "from_organization",
        "to_organization",
        "to_activity",
        "to_desk",
        "receiving_organization",
    ]
    readonly_fields = ["consent_recorded_at"]
    inlines = [ReferralEventInline]
    # Also what the row's name (its target, for the action checkbox's label) reads.
    list_select_related = ["receiving_organization", "to_organization", "to_activity", "to_desk"]
    # Nor is the person and what they need read for the list.
    list_defer = (
        "person_name",
        "person_contact",
        "need",
        "note",
        "decline_reason",
        "outcome",
        *across("receiving_organization", ORGANIZATION_HEAVY),
        *across("to_organization", ORGANIZATION_HEAVY),
        *across("to_activity", ACTIVITY_HEAVY),
        *across("to_desk", DESK_HEAVY),
    )
    ordering = BigTableMixin.NEWEST_FIRST
