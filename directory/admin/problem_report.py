from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from directory.models import ProblemReport
from linkrete.admin_rows import CheapRowsMixin
from linkrete.admin_scope import ScopedAdmin

VISITOR_FIELDS = ["activity", "organization", "problem_list", "message", "created_at"]


@admin.register(ProblemReport)
class ProblemReportAdmin(ScopedAdmin, CheapRowsMixin, admin.ModelAdmin):
    """The queue of mistakes visitors reported: reports to check first, newest first."""

    list_display = ["created_at", "public_page", "problem_list", "status", "handled_by"]
    list_filter = ["status"]
    list_select_related = ["activity", "organization", "handled_by"]
    search_fields = ["message", "activity__title", "organization__name"]
    ordering = [
        Case(
            When(status=ProblemReport.Status.NEW, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ).asc(),
        "-created_at",
    ]
    actions = ["mark_fixed", "dismiss"]
    fieldsets = [
        (_("What the visitor reported"), {"fields": [*VISITOR_FIELDS, "public_page"]}),
        (_("Handling"), {"fields": ["status", "coordinator_note", "handled_by", "handled_at"]}),
    ]
    readonly_fields = [*VISITOR_FIELDS, "public_page", "handled_by", "handled_at"]

    def has_add_permission(self, request):
        # Reports come from visitors on the public pages, never from the admin.
        return False

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            if obj.status == ProblemReport.Status.NEW:
                obj.handled_by, obj.handled_at = None, None
            else:
                obj.handled_by, obj.handled_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("what is wrong"))
    def problem_list(self, report):
        return "; ".join(str(label) for label in report.problem_labels()) or "–"

    @admin.display(description=_("public page"))
    def public_page(self, report):
        target = report.activity or report.organization
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', target.get_absolute_url(), target
        )

    def _handle(self, request, queryset, status):
        count = queryset.update(status=status, handled_by=request.user, handled_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d report marked as “%(status)s”.",
                "%(count)d reports marked as “%(status)s”.",
                count,
            )
            % {"count": count, "status": ProblemReport.Status(status).label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as corrected"), permissions=["change"])
    def mark_fixed(self, request, queryset):
        self._handle(request, queryset, ProblemReport.Status.FIXED)

    @admin.action(description=_("Dismiss"), permissions=["change"])
    def dismiss(self, request, queryset):
        self._handle(request, queryset, ProblemReport.Status.DISMISSED)
