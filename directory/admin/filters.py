"""Custom change-list filters. Filters across many-valued relations use ``Exists``, so a row
never shows twice however many related rows match."""

import calendar
import datetime

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Activity, Category, Location, Municipality


def months_before(day: datetime.date, months: int) -> datetime.date:
    years, month_index = divmod(day.month - 1 - months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class LastVerifiedFilter(admin.SimpleListFilter):
    title = _("information last verified")
    parameter_name = "verified"
    months = 6

    def lookups(self, request, model_admin):
        return [
            ("recent", _("in the last 6 months")),
            ("stale", _("more than 6 months ago")),
            ("never", _("never")),
        ]

    def queryset(self, request, queryset):
        threshold = months_before(timezone.localdate(), self.months)
        if self.value() == "recent":
            return queryset.filter(last_verified__gte=threshold)
        if self.value() == "stale":
            return queryset.filter(last_verified__lt=threshold)
        if self.value() == "never":
            return queryset.filter(last_verified__isnull=True)
        return queryset


class CategoryLevelFilter(admin.SimpleListFilter):
    title = _("level")
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [("1", _("first level")), ("2", _("second level"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(parent__isnull=True)
        if self.value() == "2":
            return queryset.filter(parent__isnull=False)
        return queryset


class RootCategoryFilter(admin.SimpleListFilter):
    """An activity is in a first-level category if it has the category or one of its children."""

    title = _("category")
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return [(c.slug, str(c)) for c in Category.objects.roots()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        root = Category.objects.roots().filter(slug=self.value()).first()
        if root is None:
            return queryset.none()
        matching = Activity.categories.through.objects.filter(
            activity=OuterRef("pk"),
        ).filter(Q(category=root) | Q(category__parent=root))
        return queryset.filter(Exists(matching))


class ProvinceFilter(admin.SimpleListFilter):
    """Provinces that have at least one location, rather than all 107."""

    title = _("province")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        provinces = (
            Municipality.objects.filter(
                Exists(Location.objects.filter(municipality=OuterRef("pk")))
            )
            .values_list("province_code", "province")
            .distinct()
            .order_by("province")
        )
        return list(provinces)

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(municipality__province_code=self.value())
        return queryset
