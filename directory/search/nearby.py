"""Nearby first: the family's municipality orders the results, never filters them.

The municipality is the one the search names (``comune``) or the one remembered in a cookie
(``directory.home_place``). Among results of comparable relevance (the same band of
``RELEVANCE_BANDS`` of the best rank), those in that municipality come first, then those within
each of ``NEARBY_BANDS_KM`` of its coordinates. Without a text query, the same bands come
before the name.

The bands are read from each candidate's own search tags (``directory.search.tags``: its
municipalities and the grid cells of its places), on the at most ``count_limit() + 1`` rows the
statement counting the facets already holds: no join and no distance computed per row, so
ranking nearby costs a few array tests per candidate whatever the size of the directory.
"""

from dataclasses import dataclass

from directory.models import Municipality
from directory.search import tags
from directory.search.geo import Point, box_around
from directory.search.thresholds import NEARBY_BANDS_KM, RELEVANCE_BANDS


@dataclass(frozen=True)
class Nearby:
    """What the results are ordered around: a municipality."""

    municipality: Municipality

    @property
    def name(self) -> str:
        return self.municipality.name

    def _rings(self) -> list[list[int]]:
        """The cell tags within each band (nearest first); none without coordinates."""
        municipality = self.municipality
        if municipality.latitude is None or municipality.longitude is None:
            return []
        point = Point(municipality.latitude, municipality.longitude)
        return [tags.cells_around(*box_around(point, km)) for km in NEARBY_BANDS_KM]

    def band_sql(self, alias: str = "c") -> str:
        """SQL over the row ``alias``'s ``search_tags``: 0 in the municipality, 1, 2… in each
        ring further out, then the number of rings plus one. Only integers computed here are
        written in it."""
        own = tags.MUNICIPALITY + int(self.municipality.pk)
        cases = [f"WHEN {alias}.search_tags @> ARRAY[{own}]::int[] THEN 0"]
        rings = self._rings()
        for number, cells in enumerate(rings, start=1):
            listed = ",".join(str(int(cell)) for cell in cells)
            cases.append(f"WHEN {alias}.search_tags && ARRAY[{listed}]::int[] THEN {number}")
        return f"CASE {' '.join(cases)} ELSE {len(rings) + 1} END"

    def by_relevance(self, alias: str = "c") -> str:
        """ORDER BY for ranked rows carrying ``rank`` and ``best`` (the best rank of the set):
        the relevance band, then nearness, then the rank."""
        band = f"ceil({alias}.rank / nullif({alias}.best, 0) * {RELEVANCE_BANDS})"
        return (
            f"{band} DESC NULLS LAST, {self.band_sql(alias)}, "
            f"{alias}.rank DESC, {alias}.title, {alias}.id"
        )

    def by_name(self, alias: str = "c") -> str:
        return f"{self.band_sql(alias)}, {alias}.title, {alias}.id"
