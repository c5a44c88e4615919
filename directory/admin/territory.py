from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from directory.models import Municipality, Zone


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "province_code", "province", "region", "istat_code"]
    list_filter = ["region"]
    # Also what the autocomplete widgets of every municipality foreign key search.
    search_fields = ["name", "name_other_language", "=istat_code", "=province_code"]
    show_full_result_count = False


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality_count"]
    list_filter = ["kind"]
    search_fields = ["name", "description", "municipalities__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipalities"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(municipality_count=Count("municipalities"))

    @admin.display(description=_("municipalities"), ordering="municipality_count")
    def municipality_count(self, zone):
        return zone.municipality_count
