"""Possible duplicates, for coordinators to merge or dismiss, and the log of merges."""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from directory.models import DuplicateCandidate, OrganizationMerge
from linkrete.admin_rows import CheapRowsMixin
from linkrete.admin_scope import PlatformAdmin


class ReadOnly:
    """Coordinators read these lists; nobody adds or edits a row by hand.

    Who reads them is the model permissions' business: ``linkrete/accounts/roles.py`` gives the
    directory's to coordinators only, and the admin has them at hand (``is_coordinator`` here
    would cost every admin page a query, for its menu).
    """

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DismissedFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", _("to check")), ("dismissed", _("not duplicates"))]

    def choices(self, changelist):
        # "To check" is what the list shows when no state is chosen: no "All" entry.
        for value, label in self.lookup_choices:
            yield {
                "selected": (self.value() or "open") == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == "dismissed":
            return queryset.filter(dismissed_at__isnull=False)
        return queryset.open()


@admin.register(DuplicateCandidate)
class DuplicateCandidateAdmin(PlatformAdmin, CheapRowsMixin, ReadOnly, admin.ModelAdmin):
    list_display = ["first_link", "second_link", "reason", "shown_score", "found_at", "merge_link"]
    list_display_links = None
    list_filter = [DismissedFilter, "reason"]
    list_select_related = ["first", "second"]
    search_fields = ["first__name", "second__name"]
    actions = ["dismiss", "reopen"]

    def get_queryset(self, request):
        return super().get_queryset(request).for_list()

    @admin.display(description=_("organization"), ordering="first__name")
    def first_link(self, candidate):
        return self._organization_link(candidate.first)

    @admin.display(description=_("possible duplicate"), ordering="second__name")
    def second_link(self, candidate):
        return self._organization_link(candidate.second)

    def _organization_link(self, organization):
        url = reverse("admin:directory_organization_change", args=[organization.pk])
        return format_html('<a href="{}">{}</a>', url, organization.name)

    @admin.display(description=_("similarity"), ordering="score")
    def shown_score(self, candidate):
        return f"{candidate.score:.2f}"

    @admin.display(description=_("merge"))
    def merge_link(self, candidate):
        url = reverse(
            "admin:directory_organization_merge", args=[candidate.first_id, candidate.second_id]
        )
        label = _("Merge %(first)s and %(second)s") % {
            "first": candidate.first.name,
            "second": candidate.second.name,
        }
        return format_html('<a href="{}" aria-label="{}">{}</a>', url, label, _("Merge…"))

    def has_dismiss_permission(self, request):
        return request.user.has_perm("directory.view_duplicatecandidate")

    @admin.action(description=_("Not duplicates: do not list them again"), permissions=["dismiss"])
    def dismiss(self, request, queryset):
        count = queryset.open().update(dismissed_at=timezone.now(), dismissed_by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d pair marked as not duplicates.",
                "%(count)d pairs marked as not duplicates.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("List them again as possible duplicates"), permissions=["dismiss"])
    def reopen(self, request, queryset):
        count = queryset.filter(dismissed_at__isnull=False).update(
            dismissed_at=None, dismissed_by=None
        )
        self.message_user(
            request,
            ngettext("%(count)d pair listed again.", "%(count)d pairs listed again.", count)
            % {"count": count},
        )


@admin.register(OrganizationMerge)
class OrganizationMergeAdmin(PlatformAdmin, ReadOnly, admin.ModelAdmin):
    list_display = ["merged_name", "merged_tax_code", "survivor_link", "merged_by", "merged_at"]
    list_select_related = ["survivor", "merged_by"]
    search_fields = [
        "merged_name",
        "survivor_name",
        "=merged_tax_code",
        "=survivor_tax_code",
        "old_slug",
    ]
    date_hierarchy = "merged_at"
    fields = [
        "merged_name",
        "merged_tax_code",
        "merged_runts_number",
        "merged_id",
        "old_slug",
        "survivor",
        "survivor_name",
        "survivor_tax_code",
        "survivor_runts_number",
        "moved",
        "values_taken",
        "merged_by",
        "merged_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("surviving organization"), ordering="survivor_name")
    def survivor_link(self, log):
        if log.survivor_id is None:
            return log.survivor_name
        url = reverse("admin:directory_organization_change", args=[log.survivor_id])
        return format_html('<a href="{}">{}</a>', url, log.survivor.name)
