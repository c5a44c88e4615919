from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.admin.labels import LabelledInputsMixin
from directory.models import Membership
from linkrete.accounts.models import User
from linkrete.admin_rows import CheapRowsMixin

# django-otp's device pages would show the keys and codes (secrets) and come in English only: a
# lost device is reset with `manage.py reset_second_factor` (README, "Second factor").
for _device in (TOTPDevice, StaticDevice):
    admin.site.unregister(_device)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(CheapRowsMixin, LabelledInputsMixin, BaseUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_active"]
    inlines = [MembershipInline]

    # Coordinators manage users and roles, but must not be able to make anyone a superuser,
    # hand out single permissions, or take over a superuser's account.
    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)
