from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from linkrete.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_active"]
