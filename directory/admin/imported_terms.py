"""The review queue of ``import_hsds``: another directory's terms, mapped to the networks'."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.admin.labels import LabelledInputsMixin
from directory.models import ImportedTerm
from linkrete.admin_scope import PlatformAdmin


class MappedFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "stato"

    def lookups(self, request, model_admin):
        return [
            ("da_mappare", _("to map")),
            ("mappati", _("mapped")),
            ("ignorati", pgettext_lazy("imported terms", "ignored")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "da_mappare":
                return queryset.waiting()
            case "mappati":
                return queryset.filter(category__isnull=False)
            case "ignorati":
                return queryset.filter(ignored=True)
        return queryset


@admin.register(ImportedTerm)
class ImportedTermAdmin(PlatformAdmin, LabelledInputsMixin, admin.ModelAdmin):
    list_display = ["name", "taxonomy", "code", "category", "ignored", "services", "last_seen"]
    list_filter = [MappedFilter]
    list_select_related = ["category"]
    search_fields = ["name", "taxonomy", "code"]
    autocomplete_fields = ["category"]
    fields = ["name", "taxonomy", "code", "term_id", "category", "ignored", "services"]
    readonly_fields = ["name", "taxonomy", "code", "term_id", "services"]

    def has_add_permission(self, request):
        # Only an import puts terms here.
        return False
