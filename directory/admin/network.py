"""The association area's shared records, for coordinators to oversee.

Volunteers and applicants are personal data that belong to each organization: they are
deliberately not in the admin (least privilege); coordinators see aggregate figures instead.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from directory.admin.big_tables import ORGANIZATION_HEAVY, IndexedSearchMixin, across
from directory.admin.labels import LabelledInputsMixin
from directory.admin.typed_filters import OrganizationFilter
from directory.models import (
    BoardPost,
    Course,
    Revision,
    TrainingPlan,
    VolunteeringCall,
    VolunteeringCallTranslation,
)
from linkrete.admin_scope import ScopedAdmin


@admin.register(Revision)
class RevisionAdmin(ScopedAdmin, IndexedSearchMixin, admin.ModelAdmin):
    """Read-only history; approving and rejecting happen on the review page, with the diff."""

    list_display = ["organization", "kind", "status", "author", "created_at", "review_link"]
    # Dates through the filter's links, which ask nothing of the database: a date hierarchy
    # reads the whole table for its years.
    list_filter = ["status", "kind", "created_at", OrganizationFilter]
    search_fields = ["organization__name", "author__username"]
    list_select_related = ["organization", "author"]
    # The proposed values are read on the review page.
    list_defer = ("data", "previous", "reason", *across("organization", ORGANIZATION_HEAVY))
    ordering = IndexedSearchMixin.NEWEST_FIRST

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("review"))
    def review_link(self, revision):
        url = reverse("staff:review_detail", kwargs={"pk": revision.pk})
        return format_html('<a href="{}">{}</a>', url, _("open"))


class CourseInline(admin.TabularInline):
    model = Course
    extra = 0
    fields = ["title", "topic", "starts_on", "hours", "places", "is_open_to_network"]


@admin.register(TrainingPlan)
class TrainingPlanAdmin(ScopedAdmin, IndexedSearchMixin, admin.ModelAdmin):
    list_display = ["organization", "year"]
    list_filter = ["year", OrganizationFilter]
    ordering = IndexedSearchMixin.NEWEST_FIRST
    search_fields = ["organization__name"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]
    list_defer = ("notes", *across("organization", ORGANIZATION_HEAVY))
    inlines = [CourseInline]


@admin.register(BoardPost)
class BoardPostAdmin(ScopedAdmin, IndexedSearchMixin, LabelledInputsMixin, admin.ModelAdmin):
    list_display = ["title", "organization", "kind", "category", "created_at", "closed_at"]
    list_filter = ["kind", "category", OrganizationFilter]
    ordering = IndexedSearchMixin.NEWEST_FIRST
    search_fields = ["title", "organization__name"]
    list_select_related = ["organization"]
    list_defer = ("description", *across("organization", ORGANIZATION_HEAVY))
    autocomplete_fields = ["organization", "municipality"]
    readonly_fields = ["author", "created_at"]


class VolunteeringCallTranslationInline(admin.StackedInline):
    """The call's texts in other languages; its staff propose them through a review."""

    model = VolunteeringCallTranslation
    extra = 0
    fields = ["language", *VolunteeringCallTranslation.text_fields]


@admin.register(VolunteeringCall)
class VolunteeringCallAdmin(ScopedAdmin, IndexedSearchMixin, admin.ModelAdmin):
    """Calls are public data: the review page (with the reason for a rejection) is where
    coordinators decide; here a decision changed by hand is recorded as theirs."""

    list_display = [
        "title",
        "organization",
        "min_age",
        "deadline",
        "is_published",
        "review_status",
        "review_link",
    ]
    list_filter = ["review_status", "is_published", OrganizationFilter]
    ordering = IndexedSearchMixin.NEWEST_FIRST
    search_fields = ["title", "organization__name"]
    list_select_related = ["organization"]
    list_defer = (
        "description",
        "rejection_reason",
        *across("organization", ORGANIZATION_HEAVY),
    )
    autocomplete_fields = ["organization", "municipality", "activity"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["submitted_at", "reviewed_by", "reviewed_at", "created_at"]
    inlines = [VolunteeringCallTranslationInline]

    @admin.display(description=_("review"))
    def review_link(self, call):
        url = reverse("staff:call_review_detail", kwargs={"pk": call.pk})
        return format_html('<a href="{}">{}</a>', url, _("open"))

    def save_model(self, request, obj, form, change):
        if "review_status" in form.changed_data:
            if obj.review_status == VolunteeringCall.ReviewStatus.PENDING:
                obj.reviewed_by, obj.reviewed_at = None, None
                obj.submitted_at = timezone.now()
            else:
                obj.reviewed_by, obj.reviewed_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)
