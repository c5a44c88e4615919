from functools import partial

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from directory.admin import merge
from directory.admin.big_tables import ORGANIZATION_HEAVY, IndexedSearchMixin, across
from directory.admin.filters import LastVerifiedFilter, ProvinceFilter
from directory.admin.imports import SpreadsheetImportMixin
from directory.admin.network_join import JoinsANetworkOnAddMixin
from directory.admin.search_refresh import refresh_search_after_save
from directory.admin.typed_filters import (
    MunicipalityFilter,
    OrganizationFilter,
    OrganizationZoneFilter,
)
from directory.models import Activity, Location, Membership, Organization, SearchRefresh
from directory.onboarding.resources import LocationResource, OrganizationResource
from linkrete.admin_scope import ScopedAdmin, ScopedChoicesInline


class LocationInline(admin.StackedInline):
    model = Location
    extra = 0
    show_change_link = True
    autocomplete_fields = ["municipality"]
    fields = [
        ("name", "kind"),
        ("address", "postal_code", "municipality"),
        "url",
        ("wheelchair_accessible", "has_lift", "accessible_toilet"),
    ]


# The change form shows this many of the organization's activities and links to the list of all
# of them: a read-only inline drew every one (500 rows, and as many hidden inputs posted back, for
# the biggest organization at national scale).
ACTIVITIES_SHOWN = 20
ACTIVITY_COLUMNS = ["title", "status", "publication_status", "last_verified"]


class MembershipInline(ScopedChoicesInline, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organization)
class OrganizationAdmin(
    JoinsANetworkOnAddMixin,
    ScopedAdmin,
    SpreadsheetImportMixin,
    IndexedSearchMixin,
    admin.ModelAdmin,
):
    resource_classes = [OrganizationResource]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_search_after_save(
            request,
            SearchRefresh.Scope.ORGANIZATION,
            [form.instance.pk],
            label=_("Organization: %(name)s") % {"name": form.instance.name},
        )

    list_display = [
        "name",
        "legal_form",
        "status",
        "activity_count",
        "last_verified",
    ]
    list_filter = [
        "legal_form",
        "status",
        "is_trusted",
        "general_interest_areas",
        LastVerifiedFilter,
        OrganizationZoneFilter,
    ]
    search_fields = ["name", "=tax_code"]
    list_defer = ORGANIZATION_HEAVY
    # Also the order of the autocomplete's pages of results, which must be stable; read along
    # organization_name_idx.
    ordering = ["name", "pk"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["uuid", "created_at", "updated_at", "activity_list"]
    inlines = [LocationInline, MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "legal_form", "tax_code", "runts_number"]}),
        (
            _("What it does"),
            {"fields": ["description", "social_utility", "general_interest_areas", "logo"]},
        ),
        (_("Contacts"), {"fields": ["website", "email", "phone"]}),
        (
            _("Publication"),
            {"fields": ["status", "is_trusted", "last_verified"]},
        ),
        # Activities are edited on their own page (hours, categories…): here a short list.
        (_("Activities"), {"fields": ["activity_list"]}),
        (
            _("Record"),
            {"fields": ["uuid", "created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    actions = ["merge_two"]

    def get_queryset(self, request):
        # A subquery, so that only the page's rows are counted (a join counted every
        # organization's activities before the page was cut).
        counted = (
            Activity.objects.filter(organization=OuterRef("pk"))
            .order_by()
            .values("organization")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return super().get_queryset(request).annotate(activity_count=Coalesce(Subquery(counted), 0))

    def get_urls(self):
        view = self.admin_site.admin_view(partial(merge.merge_view, self))
        return [
            path(
                "merge/<int:first_id>/<int:second_id>/",
                view,
                name="directory_organization_merge",
            ),
            *super().get_urls(),
        ]

    def has_merge_permission(self, request):
        # The merge page itself asks is_coordinator; this only hides the action from others
        # without a query (the admin has the user's permissions at hand).
        return request.user.has_perms(
            ["directory.change_organization", "directory.delete_organization"]
        )

    @admin.action(description=_("Merge the two selected organizations"), permissions=["merge"])
    def merge_two(self, request, queryset):
        ids = sorted(queryset.values_list("pk", flat=True)[:3])
        if len(ids) != 2:
            self.message_user(
                request, _("Select exactly two organizations to merge them."), messages.WARNING
            )
            return None
        return redirect(reverse("admin:directory_organization_merge", args=ids))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "general_interest_areas":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("activities"), ordering="activity_count")
    def activity_count(self, organization):
        return organization.activity_count

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:  # a new organization has no activities yet
            return [
                fieldset for fieldset in fieldsets if "activity_list" not in fieldset[1]["fields"]
            ]
        return fieldsets

    @admin.display(description=_("activities"))
    def activity_list(self, organization):
        # With "organization": the related manager sets it on each row it reads.
        first = organization.activities.order_by("title", "pk")
        first = first.only("pk", "organization", *ACTIVITY_COLUMNS)
        activities = first[:ACTIVITIES_SHOWN]
        # The change form's object comes through get_queryset: already counted.
        total = getattr(organization, "activity_count", None)
        if total is None:
            total = organization.activities.count()
        return render_to_string(
            "admin/directory/organization/_activities.html",
            {
                "organization": organization,
                "activities": activities,
                "total": total,
                "headers": [
                    capfirst(Activity._meta.get_field(name).verbose_name)
                    for name in ACTIVITY_COLUMNS
                ],
            },
        )


@admin.register(Location)
class LocationAdmin(ScopedAdmin, SpreadsheetImportMixin, IndexedSearchMixin, admin.ModelAdmin):
    resource_classes = [LocationResource]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_search_after_save(
            request,
            SearchRefresh.Scope.LOCATION,
            [form.instance.pk],
            label=_("Place: %(name)s") % {"name": form.instance},
        )

    list_display = [
        "name",
        "organization",
        "kind",
        "address",
        "municipality",
        "wheelchair_accessible",
    ]
    list_filter = [
        "kind",
        "wheelchair_accessible",
        ProvinceFilter,
        MunicipalityFilter,
        OrganizationFilter,
    ]
    list_select_related = ["organization", "municipality"]
    list_defer = (
        "accessibility_notes",
        "transport_notes",
        *across("organization", ORGANIZATION_HEAVY),
    )
    ordering = IndexedSearchMixin.NEWEST_FIRST
    search_fields = ["name", "address", "organization__name", "municipality__name"]
    autocomplete_fields = ["organization", "municipality"]
    readonly_fields = ["uuid"]
    fieldsets = [
        (None, {"fields": ["organization", "name", "kind"]}),
        (
            _("Address"),
            {"fields": ["address", "postal_code", "municipality", "latitude", "longitude", "url"]},
        ),
        (
            _("Accessibility"),
            {
                "fields": [
                    "wheelchair_accessible",
                    "has_lift",
                    "accessible_toilet",
                    "accessibility_notes",
                    "transport_notes",
                ]
            },
        ),
        (_("Record"), {"fields": ["uuid"], "classes": ["collapse"]}),
    ]


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin, IndexedSearchMixin, admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", OrganizationFilter]
    list_select_related = ["user", "organization"]
    list_defer = across("organization", ORGANIZATION_HEAVY)
    ordering = IndexedSearchMixin.NEWEST_FIRST
    # Users' names are not indexed: thousands of rows, not hundreds of thousands.
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
        "organization__name",
    ]
    autocomplete_fields = ["user", "organization"]
