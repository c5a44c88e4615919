"""Networks (projects) for coordinators: members and their roles, the steering board's seats and
meetings, the actions with their targets.

The inlines' organization boxes are autocompletes (150,000 organizations at national scale);
Django's widget asks for the chosen organization's name once a row, so the names of a network's
rows are read once for the whole inline (``NamesReadOnce``).
"""

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from directory.models import (
    ActionTarget,
    BoardMeeting,
    Network,
    NetworkAction,
    NetworkCoordinator,
    NetworkMembership,
    Organization,
    SteeringBoardSeat,
)
from linkrete.accounts.roles import is_super_coordinator
from linkrete.admin_rows import CheapRowsMixin
from linkrete.admin_scope import ScopedAdmin, ScopedChoicesInline


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose chosen value's label is taken from ``labels`` when it is there."""

    labels: dict = {}

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in ("", "None")]
        if not chosen or not all(v in self.labels for v in chosen):
            return super().optgroups(name, value, attr)
        groups = []
        if not self.is_required and not self.allow_multiple_selected:
            groups.append((None, [self.create_option(name, "", "", False, 0)], 0))
        options = [
            self.create_option(name, v, self.labels[v], True, index, subindex=None, attrs=attr)
            for index, v in enumerate(chosen, start=len(groups))
        ]
        groups.append((None, options, 0))
        return groups


class NamesReadOnce:
    """For an inline with an ``organization`` autocomplete: one query for every row's name."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization":
            kwargs["widget"] = PreloadedAutocompleteSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        widget = formset.form.base_fields["organization"].widget
        widget = getattr(widget, "widget", widget)  # under the add/change links' wrapper
        labels = {}
        if obj is not None:
            rows = self.model._default_manager.filter(network=obj)
            names = Organization.objects.filter(pk__in=rows.values("organization")).only("name")
            labels = {str(org.pk): str(org) for org in names}
        widget.labels = labels
        return formset

    def get_queryset(self, request):
        # A row's label names its organization and network.
        return super().get_queryset(request).select_related("network", "organization")


class NetworkMembershipInline(ScopedChoicesInline, NamesReadOnce, admin.TabularInline):
    model = NetworkMembership
    extra = 0
    fields = ["organization", "role", "joined_on"]
    autocomplete_fields = ["organization"]


class SteeringBoardSeatInline(ScopedChoicesInline, NamesReadOnce, admin.TabularInline):
    model = SteeringBoardSeat
    extra = 0
    fields = ["organization", "office"]
    autocomplete_fields = ["organization"]


class BoardMeetingInline(admin.StackedInline):
    model = BoardMeeting
    extra = 0
    fields = ["date", "minutes", "minutes_file"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("network")


class NetworkCoordinatorInline(ScopedChoicesInline, admin.TabularInline):
    """Who coordinates the network (and so sees its members' desks, referrals and counts):
    given by the platform's administrators only, so no coordinator widens their own scope."""

    model = NetworkCoordinator
    extra = 0
    fields = ["user", "since"]
    autocomplete_fields = ["user"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "network")

    def has_add_permission(self, request, obj=None):
        return is_super_coordinator(request.user)

    def has_change_permission(self, request, obj=None):
        return is_super_coordinator(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_super_coordinator(request.user)


class NetworkActionInline(admin.TabularInline):
    """Actions by name; their targets are on each action's own page (the change link)."""

    model = NetworkAction
    extra = 0
    fields = ["number", "name", "objective"]
    show_change_link = True


@admin.register(Network)
class NetworkAdmin(ScopedAdmin, CheapRowsMixin, admin.ModelAdmin):
    list_display = ["name", "lead_organization", "starts_on", "ends_on", "member_count"]
    search_fields = ["name", "summary", "lead_organization__name"]
    list_select_related = ["lead_organization"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["lead_organization", "zones", "municipalities"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "lead_organization"]}),
        (
            _("Territory and period"),
            {"fields": ["zones", "municipalities", "starts_on", "ends_on"]},
        ),
        (_("Agreement"), {"fields": ["agreement", "agreement_signed_on"]}),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [
        NetworkMembershipInline,
        SteeringBoardSeatInline,
        BoardMeetingInline,
        NetworkActionInline,
        NetworkCoordinatorInline,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    # A network's coordinator keeps the networks they were given: a new one would be out of
    # their scope the moment it is saved, and removing one is the platform's decision.
    def has_add_permission(self, request):
        return is_super_coordinator(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return is_super_coordinator(request.user) and super().has_delete_permission(request, obj)

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, network):
        return network.member_count


class ActionTargetInline(admin.TabularInline):
    model = ActionTarget
    extra = 0
    fields = ["name", "unit", "value", "figure"]


@admin.register(NetworkAction)
class NetworkActionAdmin(ScopedAdmin, CheapRowsMixin, admin.ModelAdmin):
    list_display = ["name", "network", "number", "target_count"]
    list_filter = ["network"]
    search_fields = ["name", "objective", "network__name"]
    list_select_related = ["network"]
    fields = ["network", "number", "name", "objective"]
    inlines = [ActionTargetInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(target_count=Count("targets"))

    @admin.display(description=_("targets"), ordering="target_count")
    def target_count(self, action):
        return action.target_count
