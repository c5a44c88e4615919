"""List filters of the admin whose values come from a big table (8,000 municipalities, 578
zones, 2,500 desks, 150,000 organizations): a text box in the filter sidebar, a form of its own
sent with GET (no script), instead of a link for every row of the table.

What is typed is matched as the admin's search matches names (big_tables.folded_contains):
every word of three letters or more must be found in the name, whatever its accents and case,
through the trigram index on ``linkrete_fold(name)`` where the table has one.
"""

from django.contrib import messages
from django.contrib.admin.utils import get_fields_from_path
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from directory.admin.big_tables import MIN_SEARCH_WORD, folded_contains
from directory.models import Location, Zone
from linkrete.admin_filters import TypedValueFilter
from linkrete.params import text

MAX_TYPED = 200


class TypedNameFilter(TypedValueFilter):
    """Rows whose ``field_path`` (a foreign key) points at a record whose ``name_field``
    holds every word typed. Subclasses set ``title``, ``parameter_name`` and ``field_path``."""

    field_path = ""
    name_field = "name"

    def words(self, request):
        """The words to look for; None (and a message) when the value cannot be used."""
        value = text(self.value(), max_length=MAX_TYPED)
        words = [word for word in (value or "").split() if len(word) >= MIN_SEARCH_WORD]
        if not words:
            messages.warning(
                request,
                _("Filter “%(title)s”: type at least %(count)d letters of the name.")
                % {"title": self.title, "count": MIN_SEARCH_WORD},
            )
            return None
        return words

    def matching(self, model, words):
        """The related records (a queryset of primary keys) whose name holds every word."""
        related = get_fields_from_path(model, self.field_path)[-1].related_model
        found = related._default_manager.all()
        for word in words:
            found = found.filter(folded_contains(related, self.name_field, word))
        return found.values("pk")

    def queryset(self, request, queryset):
        if self.value() is None or not self.value().strip():
            return queryset
        words = self.words(request)
        if words is None:
            return queryset.none()
        return queryset.filter(**{f"{self.field_path}__in": self.matching(queryset.model, words)})


class DeskFilter(TypedNameFilter):
    title = _("desk")
    parameter_name = "desk"
    field_path = "desk"
    label = _("Name of the desk")


class OrganizationFilter(TypedNameFilter):
    title = _("organization")
    parameter_name = "organization"
    field_path = "organization"
    label = _("Name of the organization")


class MunicipalityFilter(TypedNameFilter):
    title = _("municipality")
    parameter_name = "municipality"
    field_path = "municipality"
    label = _("Name of the municipality")


class OrganizationZoneFilter(TypedNameFilter):
    """Organizations with a place in one of the municipalities of a zone whose name is typed."""

    title = _("zone of the organization")
    parameter_name = "zone"
    label = _("Name of the zone")
    organization_lookup = "pk"

    def queryset(self, request, queryset):
        if self.value() is None or not self.value().strip():
            return queryset
        words = self.words(request)
        if words is None:
            return queryset.none()
        zones = Zone.objects.all()
        for word in words:
            zones = zones.filter(folded_contains(Zone, "name", word))
        located = Location.objects.filter(
            organization=OuterRef(self.organization_lookup),
            municipality__zones__in=zones.values("pk"),
        )
        return queryset.filter(Exists(located))


class ActivityZoneFilter(OrganizationZoneFilter):
    organization_lookup = "organization_id"
