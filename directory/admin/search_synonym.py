"""The search's thesaurus in the admin: coordinators add and correct the words families use.

A change applies to the next search (``directory.search.thesaurus``): nothing is reindexed.
Rows of the starter list cannot be deleted, only switched off, so that loading a newer
starter list (``load_search_synonyms``) never brings back a row a coordinator removed.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, Func, Prefetch, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from directory.admin.labels import LabelledInputsMixin
from directory.models import Category, SearchSynonym
from linkrete.admin_scope import PlatformAdmin


class SearchSynonymForm(forms.ModelForm):
    class Meta:
        model = SearchSynonym
        fields = ["phrase", "language", "words", "categories", "active"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("words") and not cleaned.get("categories") and not self.errors:
            raise ValidationError(
                _("Give at least one word of the listings or one category."), code="empty"
            )
        return cleaned


class OriginFilter(admin.SimpleListFilter):
    title = _("origin")
    parameter_name = "origin"

    def lookups(self, request, model_admin):
        return [("starter", _("starter list")), ("network", _("added by the network"))]

    def queryset(self, request, queryset):
        if self.value() == "starter":
            return queryset.filter(shipped__isnull=False)
        if self.value() == "network":
            return queryset.filter(shipped__isnull=True)
        return queryset


@admin.register(SearchSynonym)
class SearchSynonymAdmin(PlatformAdmin, LabelledInputsMixin, admin.ModelAdmin):
    form = SearchSynonymForm
    list_display = ["phrase", "language", "words_shown", "categories_shown", "active", "origin"]
    list_filter = ["language", "active", OriginFilter, "categories"]
    search_fields = ["phrase", "words_text"]
    filter_horizontal = ["categories"]
    actions = ["switch_off", "switch_on"]
    list_per_page = 50

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("categories", queryset=Category.objects.order_by("name")))
        )

    def get_search_results(self, request, queryset, search_term):
        # The listings' words are an array: searched as one comma-separated text.
        queryset = queryset.annotate(
            words_text=Func(
                F("words"), Value(", "), function="array_to_string", output_field=CharField()
            )
        )
        return super().get_search_results(request, queryset, search_term)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_shipped:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=_("words of the listings"))
    def words_shown(self, synonym):
        return ", ".join(synonym.words)

    @admin.display(description=_("categories"))
    def categories_shown(self, synonym):
        return ", ".join(category.name for category in synonym.categories.all())

    @admin.display(description=_("origin"))
    def origin(self, synonym):
        return _("starter list") if synonym.is_shipped else _("added by the network")

    @admin.action(description=_("Switch off the selected synonyms"), permissions=["change"])
    def switch_off(self, request, queryset):
        self._switch(request, queryset, active=False)

    @admin.action(description=_("Switch on the selected synonyms"), permissions=["change"])
    def switch_on(self, request, queryset):
        self._switch(request, queryset, active=True)

    def _switch(self, request, queryset, *, active):
        # One save per row (a few dozen at most): the thesaurus' cached copy is dropped by the
        # rows' save signals, which ``update()`` would not send.
        changed = 0
        for synonym in queryset.exclude(active=active):
            synonym.active = active
            synonym.save(update_fields=["active", "updated_at"])
            changed += 1
        message = (
            ngettext("%(count)d synonym switched on.", "%(count)d synonyms switched on.", changed)
            if active
            else ngettext(
                "%(count)d synonym switched off.", "%(count)d synonyms switched off.", changed
            )
        )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)
