from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from directory.admin.search_refresh import refresh_search_after_save
from directory.models import Municipality, SearchRefresh, Zone
from linkrete.admin_rows import CheapRowsMixin
from linkrete.admin_scope import ReferenceDataAdmin


@admin.register(Municipality)
class MunicipalityAdmin(ReferenceDataAdmin, CheapRowsMixin, admin.ModelAdmin):
    list_display = ["name", "province_code", "province", "region", "istat_code"]
    list_filter = ["region"]
    # Also what the autocomplete widgets of every municipality foreign key search.
    search_fields = ["name", "name_other_language", "=istat_code", "=province_code"]
    show_full_result_count = False


@admin.register(Zone)
class ZoneAdmin(ReferenceDataAdmin, CheapRowsMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "municipality_count"]
    list_filter = ["kind"]
    search_fields = ["name", "description", "municipalities__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipalities"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(municipality_count=Count("municipalities"))

    # Activities are found by the zones of their places (search tags, directory.search.tags):
    # refresh those in the municipalities that joined or left the zone.
    def save_related(self, request, form, formsets, change):
        before = set(form.instance.municipalities.values_list("pk", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        after = set(form.instance.municipalities.values_list("pk", flat=True))
        _refresh_activities_in(request, before ^ after, form.instance)

    def delete_model(self, request, obj):
        municipalities = set(obj.municipalities.values_list("pk", flat=True))
        super().delete_model(request, obj)
        _refresh_activities_in(request, municipalities, obj)

    def delete_queryset(self, request, queryset):
        municipalities = set(
            Zone.municipalities.through.objects.filter(zone__in=queryset).values_list(
                "municipality_id", flat=True
            )
        )
        names = ", ".join(sorted(zone.name for zone in queryset))
        super().delete_queryset(request, queryset)
        _refresh_activities_in(request, municipalities, names)

    @admin.display(description=_("municipalities"), ordering="municipality_count")
    def municipality_count(self, zone):
        return zone.municipality_count


def _refresh_activities_in(request, municipality_ids, zone):
    refresh_search_after_save(
        request,
        SearchRefresh.Scope.MUNICIPALITIES,
        municipality_ids,
        label=_("Zone: %(name)s") % {"name": zone},
    )
