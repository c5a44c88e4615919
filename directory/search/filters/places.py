"""``comune`` and ``zona``: at a place in a municipality (ISTAT code) or in a zone (slug)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.models import Activity, Location, Municipality, Zone
from directory.search import tags
from directory.search.conditions import tagged, where
from directory.search.counting import PlaceCount
from directory.search.filters.base import RegexFilter, SearchFilter, SlugFilter

ISTAT_CODE = r"^[0-9]{6}$"
# The places offered as facet values: the most frequent among the matches counted.
MAX_PLACES = 12


def at_locations(**lookups):
    """Activities with at least one location matching the lookups (no duplicate rows)."""
    through = Activity.locations.through.objects.filter(
        location__in=Location.objects.filter(**lookups).values("pk")
    )
    return models.Q(pk__in=through.values("activity_id"))


def municipality_condition(municipality_id, istat_code):
    """At a place in the municipality (by id when it was looked up: the planner sees it)."""
    if municipality_id is None:
        return where(at_locations(municipality__istat_code=istat_code))
    return tagged(tags.MUNICIPALITY + municipality_id)


def zone_condition(zone_id, slug):
    if zone_id is not None:
        return tagged(tags.ZONE + zone_id)
    return where(at_locations(municipality__zones__slug=slug))


class _Place(SearchFilter):
    own_set = True

    def chip_label(self, search):
        return search.place_names.get(self.name, search.values[self.name])

    def counts(self, counted, search):
        """[``PlaceCount``] of the places seen"""
        return [
            PlaceCount(*counted.places[tag], n)
            for tag, n in counted.tags.items()
            if tag in counted.places
        ]

    def options(self, search, counts, option):
        by_count = sorted(counts[self.name], key=lambda place: (-place.count, place.name))
        return [option(self.name, p.code, p.name, p.count) for p in by_count[:MAX_PLACES]]


class InMunicipality(_Place):
    name = "comune"
    label = _("Municipality")
    facet = "comune"
    tag_range = (tags.MUNICIPALITY, tags.ZONE)

    def parameters(self):
        return {
            "comune": RegexFilter(
                label=self.label,
                regex=ISTAT_CODE,
                error_messages={
                    "invalid": _("a municipality is given by its six-digit ISTAT code.")
                },
            )
        }

    def resolve(self, search):
        municipality = Municipality.objects.filter(istat_code=search.values["comune"]).first()
        if municipality is None:
            search.reject("comune", gettext("no municipality has this code."))
        else:
            search.place_names["comune"] = municipality.name
            search.place_ids["comune"] = municipality.pk
            search.municipality = municipality

    def condition(self, search):
        return municipality_condition(search.place_ids.get("comune"), search.values["comune"])


class InZone(_Place):
    name = "zona"
    label = _("Zone")
    facet = "zona"
    tag_range = (tags.ZONE, tags.FLAG)

    def parameters(self):
        return {"zona": SlugFilter(label=self.label, max_length=120)}

    def resolve(self, search):
        zone = Zone.objects.filter(slug=search.values["zona"]).first()
        if zone is None:
            search.reject("zona", gettext("there is no such zone."))
        else:
            search.place_names["zona"] = zone.name
            search.place_ids["zona"] = zone.pk

    def condition(self, search):
        return zone_condition(search.place_ids.get("zona"), search.values["zona"])
