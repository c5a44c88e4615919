"""The list of every change, and its filters: by user (typed, not a list of every account),
by kind of record, by date, and by one record (the link from each record's History page)."""

from auditlog.mixins import LogEntryAdminMixin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from linkrete.admin_filters import TypedValueFilter
from linkrete.admin_rows import CheapRowsMixin
from linkrete.admin_scope import PlatformAdmin
from linkrete.history.tracked import tracked_models
from linkrete.params import positive_int, text

admin.site.unregister(LogEntry)


class UserFilter(TypedValueFilter):
    title = _("user")
    parameter_name = "user"
    label = _("Username")

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        username = text(self.value(), max_length=150)
        if username is None:  # nothing a username can hold (a NUL byte)
            return queryset.none()
        if not username:
            return queryset
        field = get_user_model().USERNAME_FIELD
        return queryset.filter(**{f"actor__{field}__iexact": username})


class ModelFilter(admin.SimpleListFilter):
    title = _("kind of record")
    parameter_name = "model"

    def lookups(self, request, model_admin):
        types = ContentType.objects.get_for_models(*tracked_models(), for_concrete_models=False)
        return sorted(
            ((str(ct.pk), capfirst(model._meta.verbose_name)) for model, ct in types.items()),
            key=lambda choice: choice[1],
        )

    def queryset(self, request, queryset):
        content_type = positive_int(self.value())
        return queryset.filter(content_type=content_type) if content_type else queryset


class RecordFilter(admin.SimpleListFilter):
    """One record's changes (with ``model``): reached from the record's History page."""

    title = _("record")
    parameter_name = "record"

    def lookups(self, request, model_admin):
        return ()

    def has_output(self):
        return False

    def queryset(self, request, queryset):
        object_id = positive_int(self.value())
        return queryset.filter(object_id=object_id) if object_id else queryset


@admin.register(LogEntry)
class HistoryEntryAdmin(PlatformAdmin, CheapRowsMixin, LogEntryAdminMixin, admin.ModelAdmin):
    list_display = ["created", "resource_url", "action", "changed_fields", "user_url"]
    list_filter = [UserFilter, ModelFilter, RecordFilter, "action", "timestamp"]
    list_select_related = ["content_type", "actor"]
    ordering = ["-timestamp", "-pk"]
    # The table grows with every change: no full count, no date drill-down (each level is a
    # query over the whole table).
    show_full_result_count = False
    readonly_fields = ["created", "resource_url", "action", "user_url", "msg"]
    fieldsets = [(None, {"fields": ["created", "user_url", "resource_url", "action", "msg"]})]

    def get_queryset(self, request):
        self.request = request
        return super().get_queryset(request)

    @admin.display(description=_("changed fields"))
    def changed_fields(self, obj):
        if obj.action != LogEntry.Action.UPDATE:
            return ""
        model = obj.content_type.model_class()
        names = []
        for name in obj.changes_dict:
            try:
                names.append(str(model._meta.get_field(name).verbose_name))
            except Exception:  # a field since removed from the model
                names.append(name)
        return ", ".join(names)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
