"""What network coordinators need of family cases in the admin: the équipes (who leads, who is
in them) and how many cases each has in each state. Never a file: no household, member,
consent or case page here; case contents are read only by the case team, on famiglie's pages."""

from django.contrib import admin
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from famiglie.models import Case, CaseState, Team, TeamMember
from linkrete.admin_scope import ScopedAdmin, ScopedChoicesInline, in_scope


class TeamMemberInline(ScopedChoicesInline, admin.TabularInline):
    model = TeamMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Team)
class TeamAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "organization", "zone", "lead", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["organization", "lead"]
    inlines = [TeamMemberInline]


@admin.register(Case)
class CaseStatisticsAdmin(admin.ModelAdmin):
    """Counts of cases by team and state, and nothing else: no list of cases, no case page."""

    def has_view_permission(self, request, obj=None):
        # The coordinators' famiglie permissions (teams), from the permissions the admin has
        # already loaded: no query more on every admin page's menu.
        return obj is None and request.user.has_module_perms("famiglie")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        from django.urls import path

        name = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        return [
            path(
                "",
                self.admin_site.admin_view(self.changelist_view),
                name=name,
            ),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise Http404
        counts = {}
        # A network's coordinator counts their networks' teams' cases only.
        cases = in_scope(Case.objects.all(), request.user)
        for row in cases.values("team", "state").annotate(n=Count("pk")):
            counts.setdefault(row["team"], {})[row["state"]] = row["n"]
        rows = [
            {
                "team": team,
                "counts": [counts.get(team.pk, {}).get(s, 0) for s in CaseState.values],
                "total": sum(counts.get(team.pk, {}).values()),
            }
            for team in in_scope(Team.objects.order_by("name"), request.user)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Cases by team and state"),
            "opts": self.opts,
            "states": CaseState.labels,
            "rows": rows,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/famiglie/case_statistics.html", context)
