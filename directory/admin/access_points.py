"""The referrers of the access points: coordinators see who refers for the access points of
their networks, and remove one by deleting the row (invitations add them)."""

from django.contrib import admin

from directory.models import AccessPointReferrer
from linkrete.admin_scope import ScopedAdmin


@admin.register(AccessPointReferrer)
class AccessPointReferrerAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["user", "organization", "created_at"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organization__name"]
    autocomplete_fields = ["user", "organization"]
    ordering = ["organization__name", "user__username"]
