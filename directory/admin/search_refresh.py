from django.contrib import admin, messages
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult

from directory.models import SearchRefresh
from directory.tasks import STALL_AFTER, enqueue_refresh, refresh_search_later
from linkrete.admin_scope import PlatformAdmin


def refresh_search_after_save(request, scope: str, object_ids, *, label: str) -> None:
    """Refresh the search documents a saved change reaches, at once or in the background,
    and tell the coordinator which."""
    if refresh_search_later(scope, object_ids, label=label):
        messages.info(
            request,
            _(
                "The search will show the change in a few minutes: its activities are "
                "refreshed in the background (progress under “Search refreshes”)."
            ),
        )


class StalledFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "stato"

    def lookups(self, request, model_admin):
        return [("fermo", _("Stalled"))]

    def queryset(self, request, queryset):
        if self.value() == "fermo":
            return queryset.stalled(before=timezone.now() - STALL_AFTER)
        return queryset


@admin.register(SearchRefresh)
class SearchRefreshAdmin(PlatformAdmin, admin.ModelAdmin):
    """What the worker has still to do, read-only: the admin makes these rows, not people."""

    list_display = ["label", "scope", "progress", "state", "created_at", "heartbeat_at"]
    list_filter = ["scope", StalledFilter, ("finished_at", admin.EmptyFieldListFilter)]
    search_fields = ["label"]
    fields = [
        "label",
        "scope",
        "object_ids",
        "total",
        "done",
        "created_at",
        "heartbeat_at",
        "finished_at",
    ]
    readonly_fields = fields
    actions = ["run_again"]

    @admin.display(description=_("progress"))
    def progress(self, refresh):
        if refresh.total is None:
            return _("Counting…")
        return f"{min(refresh.done, refresh.total)} / {refresh.total}"

    @admin.display(description=_("state"))
    def state(self, refresh):
        if refresh.finished_at is not None:
            return _("Finished")
        last = refresh.heartbeat_at or refresh.created_at
        if last < timezone.now() - STALL_AFTER:
            # resume_search_refreshes hands it to the worker again; "Run again" does it now.
            return _("Stalled: no progress since %(time)s") % {
                "time": formats.date_format(timezone.localtime(last), "SHORT_DATETIME_FORMAT")
            }
        return _("In progress") if refresh.heartbeat_at else _("Waiting for the worker")

    @admin.action(description=_("Run the selected unfinished refreshes again"))
    def run_again(self, request, queryset):
        # A refresh resumes where it stopped, and one already running or finished does
        # nothing more: running one twice is harmless.
        pending = list(queryset.pending())
        for refresh in pending:
            enqueue_refresh(refresh)
        self.message_user(
            request,
            ngettext(
                "%(count)d refresh handed to the worker again.",
                "%(count)d refreshes handed to the worker again.",
                len(pending),
            )
            % {"count": len(pending)},
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# django-tasks-db's own list of task rows is in English and tells no progress; the refreshes
# above are what coordinators need, and failures are in the worker's log.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
