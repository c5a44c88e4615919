from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.admin.labels import LabelledInputsMixin
from directory.models import Membership
from linkrete.accounts.models import User
from linkrete.accounts.roles import is_super_coordinator
from linkrete.admin_rows import CheapRowsMixin
from linkrete.admin_scope import ScopedAdmin, ScopedChoicesInline

# django-otp's device pages would show the keys and codes (secrets) and come in English only: a
# lost device is reset with `manage.py reset_second_factor` (README, "Second factor").
for _device in (TOTPDevice, StaticDevice):
    admin.site.unregister(_device)


class MembershipInline(ScopedChoicesInline, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(ScopedAdmin, CheapRowsMixin, LabelledInputsMixin, BaseUserAdmin):
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
        if obj is not None and _above(obj, request.user):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _above(obj, request.user):
            return False
        return super().has_delete_permission(request, obj)


def _above(account, user) -> bool:
    """A superuser's account is the superusers'; a super-coordinator's, the super-coordinators'
    (a network's coordinator must not take over the global view)."""
    if account.is_superuser:
        return not user.is_superuser
    return is_super_coordinator(account) and not is_super_coordinator(user)
