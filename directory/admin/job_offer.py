"""Job offers (incrocio domanda/offerta) for coordinators: those of their networks' member
organizations (``ScopedAdmin``), to check and correct what the organizations post in the
association area. An offer holds no personal data."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from directory.admin.big_tables import ORGANIZATION_HEAVY, IndexedSearchMixin, across
from directory.admin.typed_filters import MunicipalityFilter, OrganizationFilter
from directory.models import JobOffer, Skill
from linkrete.admin_scope import ScopedAdmin


class CurrentFilter(admin.SimpleListFilter):
    """Still proposed to the case teams, or expired (``JobOffer.is_current``)."""

    title = _("validity")
    parameter_name = "valida"

    def lookups(self, request, model_admin):
        return [("si", _("still valid")), ("no", _("expired"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "si":
            return queryset.filter(valid_until__gte=today)
        if self.value() == "no":
            return queryset.filter(valid_until__lt=today)
        return queryset


@admin.register(JobOffer)
class JobOfferAdmin(ScopedAdmin, IndexedSearchMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "municipality",
        "contract_kind",
        "valid_until",
        "is_valid",
    ]
    list_filter = [CurrentFilter, "contract_kind", OrganizationFilter, MunicipalityFilter]
    search_fields = ["title", "organization__name"]
    ordering = ["-valid_until", "-pk"]
    list_select_related = ["organization", "municipality"]
    list_defer = ("description", *across("organization", ORGANIZATION_HEAVY))
    autocomplete_fields = ["organization", "municipality"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    fields = [
        "organization",
        "title",
        "description",
        "municipality",
        "contract_kind",
        "hours",
        "skills",
        "valid_until",
        *readonly_fields,
    ]

    @admin.display(description=_("still valid"), boolean=True)
    def is_valid(self, offer):
        return offer.is_current()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "skills":
            # Ticked, as in the association area, not typed as a comma-separated list.
            return forms.MultipleChoiceField(
                label=capfirst(db_field.verbose_name),
                choices=Skill.choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
