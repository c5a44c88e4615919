from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from directory.admin.filters import CategoryLevelFilter
from directory.admin.labels import LabelledInputsMixin
from directory.admin.search_refresh import refresh_search_after_save
from directory.admin.taxonomy_names import names_fieldsets, names_form
from directory.models import (
    GENERAL_INTEREST_AREAS,
    Category,
    GeneralInterestArea,
    Language,
    SearchRefresh,
    TargetGroup,
    Taxonomy,
)
from linkrete.admin_scope import ReferenceDataAdmin


@admin.register(Taxonomy)
class TaxonomyAdmin(ReferenceDataAdmin, LabelledInputsMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "category_count", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(category_count=Count("categories"))

    @admin.display(description=_("categories"), ordering="category_count")
    def category_count(self, taxonomy):
        return taxonomy.category_count


@admin.register(Category)
class CategoryAdmin(ReferenceDataAdmin, LabelledInputsMixin, admin.ModelAdmin):
    form = names_form(Category)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            refresh_search_after_save(
                request,
                SearchRefresh.Scope.CATEGORY,
                [obj.pk],
                label=_("Category: %(name)s") % {"name": obj.name},
            )

    list_display = ["name", "family_name", "taxonomy", "parent", "code", "slug", "order"]
    list_display_links = ["name"]
    list_editable = ["order"]
    list_filter = ["taxonomy", CategoryLevelFilter]
    list_select_related = ["taxonomy", "parent"]
    search_fields = ["name", "name_en", "family_name", "family_name_en", "slug", "code"]
    # The programme's name (monitoring, funders) and what families read, kept apart.
    fieldsets = [
        (
            None,
            {"fields": ["taxonomy", "parent", "name", "name_en", "slug", "code", "description"]},
        ),
        (
            _("What families read"),
            {
                "fields": [
                    "family_name",
                    "family_name_en",
                    "family_description",
                    "family_description_en",
                    "min_age",
                    "max_age",
                ]
            },
        ),
        (None, {"fields": ["order"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        # The names in the other interface languages after the Italian and English ones.
        return [*self.fieldsets[:2], *names_fieldsets(Category), *self.fieldsets[2:]]

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ["name"]}

    def get_readonly_fields(self, request, obj=None):
        # Slugs are in links and saved filters: once a category exists its slug stays.
        return ["slug"] if obj else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # The tree has two levels, so only first-level categories can be parents.
            kwargs["queryset"] = Category.objects.roots().select_related("taxonomy")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class BilingualNameAdmin(ReferenceDataAdmin, LabelledInputsMixin, admin.ModelAdmin):
    list_editable = ["order"]
    search_fields = ["name", "name_en"]
    own_fields: list[str] = []

    def get_fieldsets(self, request, obj=None):
        # The Italian and English names and the row's own fields, then the other languages.
        return [(None, {"fields": self.own_fields}), *names_fieldsets(self.model)]


@admin.register(TargetGroup)
class TargetGroupAdmin(BilingualNameAdmin):
    form = names_form(TargetGroup)
    own_fields = ["name", "name_en", "slug", "order"]
    list_display = ["name", "name_en", "slug", "order"]
    search_fields = [*BilingualNameAdmin.search_fields, "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(BilingualNameAdmin):
    form = names_form(Language)
    own_fields = ["name", "name_en", "code", "order"]
    list_display = ["name", "name_en", "code", "order"]
    search_fields = [*BilingualNameAdmin.search_fields, "=code"]


@admin.register(GeneralInterestArea)
class GeneralInterestAreaAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    """The letters of art. 5 CTS are fixed by law: coordinators may look, not change."""

    list_display = ["__str__"]
    search_fields = ["letter"]

    def get_search_results(self, request, queryset, search_term):
        # The names live in code (translated), so search them there rather than in the database.
        term = search_term.strip().lower()
        if not term:
            return queryset, False
        letters = [
            letter
            for letter, label in GENERAL_INTEREST_AREAS.items()
            if term == letter or term in str(label).lower()
        ]
        return queryset.filter(letter__in=letters), False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
