"""A way out of a results page that finds little (fewer than ``thresholds.FEW_RESULTS``).

Instead of a wall of "(0)" (``page`` hides the facet values that would give nothing there), the
page offers where to go next:

- **related categories**: with a category chosen, its parent and its siblings (or, for a
  first-level one, its sub-categories); otherwise the categories whose names share a word
  with the query ("compiti" → "Aiuto compiti"). From the categories the search already holds
  in the cache: no query;
- **the nearest desks** (``sportelli``: people who listen and point the way), with their phone
  and their booking page: those of the chosen municipality first, then of its zones; of the
  chosen zone; nearest the chosen position. No place chosen, no desks (the page then links to
  the list of desks). One query, at most ``thresholds.WAY_OUT_DESKS`` rows;
- the national helplines (``linkrete.helplines``), which the template shows.
"""

from dataclasses import dataclass, field

from django.db import models

from directory.models import Zone
from directory.search import text
from directory.search.geo import distance_km
from directory.search.thresholds import FEW_RESULTS, WAY_OUT_CATEGORIES, WAY_OUT_DESKS
from sportelli.models import Desk

# Query words too short or too common in category names to relate a category to a query.
MIN_SHARED = 4


@dataclass
class WaysOut:
    categories: list = field(default_factory=list)  # of ``Category``
    desks: list = field(default_factory=list)  # of ``Desk``, ``distance`` set near a position
    place_chosen: bool = False


def needed(total: int, more: bool) -> bool:
    return not more and total < FEW_RESULTS


def find(filterset, home=None) -> WaysOut:
    """The ways out of this search (its valid parameters and the places they name; ``home``:
    the family's municipality, named or remembered, for the desks when no place is chosen)."""
    desks, place_chosen = _desks(filterset, home)
    return WaysOut(_categories(filterset), desks, place_chosen)


def _categories(filterset) -> list:
    categories = list(filterset.categories.values())
    chosen = filterset.categories.get(filterset.values.get("categoria"))
    if chosen is not None:
        if chosen.parent_id is None:
            related = [c for c in categories if c.parent_id == chosen.pk]
        else:
            related = [
                c
                for c in categories
                if c.pk == chosen.parent_id or (c.parent_id == chosen.parent_id and c != chosen)
            ]
        return related[:WAY_OUT_CATEGORIES]
    words = filterset.values.get("q")
    if not words:
        return []
    stems = {w[: MIN_SHARED + 1] for w in text.query_words(words) if len(w) >= MIN_SHARED}
    related = []
    for category in categories:
        names = text.normalize(
            f"{category.name} {category.name_en} {category.family_name} {category.family_name_en}"
        ).split()
        if any(
            name.startswith(stem) or stem.startswith(name)
            for stem in stems
            for name in names
            if len(name) >= MIN_SHARED
        ):
            related.append(category)
    return related[:WAY_OUT_CATEGORIES]


def _desks(filterset, home=None) -> tuple[list, bool]:
    desks = Desk.objects.public().select_related("municipality")
    municipality_id = filterset.place_ids.get("comune")
    zone_id = filterset.place_ids.get("zona")
    point = filterset.point
    if municipality_id is None and zone_id is None and point is None and home is not None:
        municipality_id = home.pk
    if municipality_id is not None:
        # The municipality's own desks first, then those of the zones it is in.
        zones = Zone.objects.filter(municipalities=municipality_id).values("pk")
        in_its_zones = Zone.municipalities.through.objects.filter(zone__in=zones)
        desks = desks.filter(
            models.Q(municipality_id=municipality_id)
            | models.Q(municipality_id__in=in_its_zones.values("municipality_id"))
            | models.Q(zone__in=zones)
        ).order_by(
            models.Case(models.When(municipality_id=municipality_id, then=0), default=1),
            "name",
            "pk",
        )
    elif zone_id is not None:
        in_the_zone = Zone.municipalities.through.objects.filter(zone_id=zone_id)
        desks = desks.filter(
            models.Q(municipality_id__in=in_the_zone.values("municipality_id"))
            | models.Q(zone_id=zone_id)
        ).order_by("name", "pk")
    elif point is not None:
        desks = (
            desks.filter(location__latitude__isnull=False)
            .annotate(distance=distance_km(point, "location__"))
            .order_by("distance", "pk")
        )
    else:
        return [], False
    return list(desks[:WAY_OUT_DESKS]), True
