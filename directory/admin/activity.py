from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from directory import search
from directory.admin.big_tables import (
    ACTIVITY_HEAVY,
    ORGANIZATION_HEAVY,
    ActivityTextSearchMixin,
    across,
)
from directory.admin.filters import RootCategoryFilter
from directory.admin.imports import SpreadsheetImportMixin
from directory.admin.typed_filters import ActivityZoneFilter, OrganizationFilter
from directory.models import Activity, Location, OpeningSlot, ScheduleException
from directory.onboarding.activities import ActivityResource
from linkrete.admin_scope import ScopedAdmin, ScopedChoicesInline


class OpeningSlotInline(ScopedChoicesInline, admin.TabularInline):
    model = OpeningSlot
    extra = 0
    autocomplete_fields = ["location"]
    fields = ["weekday", "opens_at", "closes_at", "location", "valid_from", "valid_to", "notes"]


class ScheduleExceptionInline(admin.TabularInline):
    model = ScheduleException
    extra = 0
    fields = ["date", "is_closed", "opens_at", "closes_at", "reason"]


@admin.register(Activity)
class ActivityAdmin(ScopedAdmin, SpreadsheetImportMixin, ActivityTextSearchMixin, admin.ModelAdmin):
    resource_classes = [ActivityResource]

    # Categories and places are saved with the related objects, so refresh after them.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        search.refresh_search_document(form.instance)

    list_display = [
        "title",
        "organization",
        "municipalities",
        "status",
        "publication_status",
        "is_free",
        "last_verified",
    ]
    list_filter = [
        "status",
        "publication_status",
        RootCategoryFilter,
        "access",
        "is_free",
        ActivityZoneFilter,
        OrganizationFilter,
    ]
    list_select_related = ["organization"]
    # Searched through the full-text index (ActivityTextSearchMixin); named for the autocompletes.
    search_fields = ["title"]
    # Complete, so the admin adds no "-pk" and the page is read along activity_title_idx.
    ordering = ["title", "pk"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organization", "locations"]
    filter_horizontal = ["categories", "target_groups", "languages"]
    readonly_fields = ["uuid", "created_at", "updated_at"]
    inlines = [OpeningSlotInline, ScheduleExceptionInline]
    fieldsets = [
        (None, {"fields": ["organization", "title", "slug", "summary", "description"]}),
        (
            _("For whom"),
            {"fields": ["min_age", "max_age", "target_groups", "languages", "eligibility"]},
        ),
        (
            _("What and how"),
            {
                "fields": [
                    "categories",
                    "access",
                    "access_description",
                    "required_documents",
                    "capacity",
                    "is_free",
                    "fee_description",
                ]
            },
        ),
        (
            _("When"),
            {
                "fields": [
                    "status",
                    "alert",
                    "valid_from",
                    "valid_to",
                    "enrolment_opens",
                    "enrolment_closes",
                ]
            },
        ),
        (_("Where"), {"fields": ["locations"]}),
        (_("Contacts"), {"fields": ["phone", "email", "website"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "publication_status",
                    "last_verified",
                    "uuid",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    list_defer = (*ACTIVITY_HEAVY, *across("organization", ORGANIZATION_HEAVY))

    def for_list(self, queryset):
        # The places' municipalities, for the column (not for the change form's object).
        located = Location.objects.select_related("municipality").only(
            "municipality__name", "municipality__province_code"
        )
        return super().for_list(queryset).prefetch_related(Prefetch("locations", queryset=located))

    @admin.display(description=_("municipality"))
    def municipalities(self, activity):
        names = {
            str(location.municipality)
            for location in activity.locations.all()
            if location.municipality
        }
        return ", ".join(sorted(names)) or "–"


class ActivityPartAdmin(ScopedAdmin, ActivityTextSearchMixin, admin.ModelAdmin):
    """Slots and exceptions are edited inline on their activity; these lists are for looking up."""

    list_select_related = ["activity", "activity__organization"]
    list_defer = (
        *across("activity", ACTIVITY_HEAVY),
        *across("activity__organization", ORGANIZATION_HEAVY),
    )
    activity_path = "activity"
    ordering = ActivityTextSearchMixin.NEWEST_FIRST
    search_fields = ["activity__title"]
    autocomplete_fields = ["activity"]

    @admin.display(description=_("organization"), ordering="activity__organization__name")
    def organization(self, part):
        return part.activity.organization


@admin.register(OpeningSlot)
class OpeningSlotAdmin(ActivityPartAdmin):
    list_display = ["activity", "organization", "weekday", "opens_at", "closes_at", "location"]
    list_filter = ["weekday"]
    list_select_related = [*ActivityPartAdmin.list_select_related, "location"]
    autocomplete_fields = [*ActivityPartAdmin.autocomplete_fields, "location"]


@admin.register(ScheduleException)
class ScheduleExceptionAdmin(ActivityPartAdmin):
    list_display = ["activity", "organization", "date", "is_closed", "opens_at", "closes_at"]
    # The date's filter links, not a date hierarchy (a query over the whole table per level).
    list_filter = ["is_closed", "date"]
