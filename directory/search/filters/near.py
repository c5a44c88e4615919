"""``vicino`` and ``raggio``: at a place within a radius of a point (``directory.search.geo``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Location
from directory.search import tags
from directory.search.conditions import holds_any, row_by_row, tagged_any, where
from directory.search.filters.base import FloatFilter, PointFilter, SearchFilter, Widening
from directory.search.geo import box_around, near
from directory.search.thresholds import MAX_RADIUS_KM


def near_condition(point, radius_km):
    """At a place within the radius. The grid cells of the activities' places (search tags)
    pick the few activities around the circle from an index, and only those are tested, each on
    its own places; the plain form makes the database list every place in the circle first
    (thousands around a big city) before it can stop at the first page."""
    places = Location.objects.filter(near(point, radius_km))
    cells = tags.cells_around(*box_around(point, radius_km))
    # A wide circle holds a good part of the country: reading the rows is cheaper. Never
    # joined to another tag's index scan: it would merge the cells' long lists.
    coarse = tags.coarse(cells)
    in_cells = holds_any(cells, joins_index=False) if coarse else tagged_any(cells)
    nearby = row_by_row(places.filter(activities=models.OuterRef("pk")))
    return in_cells & where(models.Q(nearby))


def wider_radii(radius):
    return sorted({min(radius * factor, MAX_RADIUS_KM) for factor in (2, 5)} - {radius})


class Near(SearchFilter):
    """The position comes with a radius (``search.radius_km``: the default when not given). No
    facet: when nothing matches, wider radii are offered."""

    name = "vicino"
    params = ("vicino", "raggio")
    label = _("Near")

    def parameters(self):
        return {
            "vicino": PointFilter(label=self.label),
            "raggio": FloatFilter(
                label=_("Within (km)"), min_value=0.1, max_value=MAX_RADIUS_KM, required=False
            ),
        }

    def active(self, search):
        return search.point is not None

    def condition(self, search):
        return near_condition(search.point, search.radius_km)

    def chip_label(self, search):
        return _("within %(km)s km") % {"km": f"{search.radius_km:g}"}

    def widenings(self, search):
        return [
            Widening(
                _("within %(km)s km") % {"km": f"{radius:g}"},
                {"raggio": f"{radius:g}"},
                near_condition(search.point, radius),
            )
            for radius in wider_radii(search.radius_km)
        ]
