"""Distances on the Earth in SQL (haversine), with a first cut an index can use.

The exact distance is tested after a latitude/longitude box (the coordinates btree). A GiST
index holds each place's point on the unit sphere (``cube`` from contrib, migration 0009):
it gives the places nearest a point in order, so sorting by distance need not compute the
distance of every place in the circle.
"""

import math
from dataclasses import dataclass

from django.db import models
from django.db.models.lookups import LessThanOrEqual

EARTH_RADIUS_KM = 6371.0088
# The box is widened by this fraction, so that rounding never leaves out a place the exact
# distance keeps (the box is a first cut; the haversine distance decides).
BOX_MARGIN = 1e-4


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float

    @classmethod
    def parse(cls, value: str) -> "Point":
        """``"45.41,9.11"`` to a point; ValueError when it is not one."""
        parts = [p.strip() for p in (value or "").split(",")]
        if len(parts) != 2:
            raise ValueError("expected 'latitude,longitude'")
        latitude, longitude = float(parts[0]), float(parts[1])
        if not (math.isfinite(latitude) and math.isfinite(longitude)):
            raise ValueError("not a number")
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValueError("out of range")
        return cls(latitude, longitude)

    def __str__(self):
        return f"{self.latitude:.5f},{self.longitude:.5f}"


def box_around(point: Point, radius_km: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) in degrees: the box holding the circle, slightly widened.

    The circle reaches furthest east and west north of its centre (south in the southern
    hemisphere), at asin(sin d / cos latitude) of longitude, a little more than d / cos latitude.
    """
    angle = radius_km / EARTH_RADIUS_KM
    delta_lat = math.degrees(angle)
    cos_lat = math.cos(math.radians(point.latitude))
    if angle >= math.pi / 2 or math.sin(angle) >= cos_lat:
        delta_lon = 180.0  # the circle holds a pole
    else:
        delta_lon = min(math.degrees(math.asin(math.sin(angle) / cos_lat)), 180.0)
    margin = 1 + BOX_MARGIN
    return (
        point.latitude - delta_lat * margin,
        point.longitude - delta_lon * margin,
        point.latitude + delta_lat * margin,
        point.longitude + delta_lon * margin,
    )


def bounding_box(point: Point, radius_km: float, prefix: str = "") -> models.Q:
    """Locations within the latitude/longitude box around the circle (a cheap first cut)."""
    south, west, north, east = box_around(point, radius_km)
    return models.Q(
        **{
            f"{prefix}latitude__gte": south,
            f"{prefix}latitude__lte": north,
            f"{prefix}longitude__gte": west,
            f"{prefix}longitude__lte": east,
        }
    )


def unit_vector(point: Point) -> tuple[float, float, float]:
    latitude, longitude = math.radians(point.latitude), math.radians(point.longitude)
    return (
        math.cos(latitude) * math.cos(longitude),
        math.cos(latitude) * math.sin(longitude),
        math.sin(latitude),
    )


# The indexed expression (migration 0009): the row's point on the unit sphere. It
# must stay exactly this for the planner to use ``location_earth_gist``. Built with the strict
# one-coordinate-at-a-time ``cube`` functions, so a place without coordinates gives NULL (the
# array form raises an error). Plain ``cube`` rather than earthdistance's ``ll_to_earth``: an
# index on the latter is lost by pg_dump/pg_restore on PostgreSQL 15 (its SQL body is inlined
# with an empty search_path), this one is restored.
EARTH_POINT_SQL = (
    "cube(cube(cube(cos(radians({lat})) * cos(radians({lon}))), "
    "cos(radians({lat})) * sin(radians({lon}))), sin(radians({lat})))"
)


class _EarthExpression(models.Expression):
    """SQL around the row's unit-sphere point (``{point}``) and constant parameters."""

    template = ""

    def __init__(self, prefix, params, output_field):
        super().__init__(output_field=output_field)
        self.latitude = models.F(f"{prefix}latitude")
        self.longitude = models.F(f"{prefix}longitude")
        self.params = list(params)

    def get_source_expressions(self):
        return [self.latitude, self.longitude]

    def set_source_expressions(self, exprs):
        self.latitude, self.longitude = exprs

    def as_sql(self, compiler, connection):
        lat_sql, lat_params = compiler.compile(self.latitude)
        lon_sql, lon_params = compiler.compile(self.longitude)
        if lat_params or lon_params:
            raise ValueError("the coordinates must be columns")
        point = EARTH_POINT_SQL.format(lat=lat_sql, lon=lon_sql)
        return self.template.format(point=point), self.params


class EarthNearness(_EarthExpression):
    """The chord to ``point``: orders rows like the distance, by the GiST index (k-NN)."""

    template = "{point} <-> cube(ARRAY[%s, %s, %s]::float8[])"

    def __init__(self, point: Point, prefix: str = ""):
        super().__init__(prefix, unit_vector(point), models.FloatField())


def nearness(point: Point, prefix: str = "") -> models.Expression:
    """What to order rows by to have the nearest first: the chord, which the GiST index gives
    in order (k-NN)."""
    return EarthNearness(point, prefix)


def near(point: Point, radius_km: float, prefix: str = "") -> models.Q:
    """Rows (locations, or whatever ``prefix`` leads to) within ``radius_km`` of ``point``: the
    latitude/longitude box the coordinates index answers, then the exact distance."""
    return bounding_box(point, radius_km, prefix) & within(point, radius_km, prefix)


def within(point: Point, radius_km: float, prefix: str = "") -> models.Q:
    """The exact distance alone: for a query that reads places nearest first (``nearness``)
    and stops at a number of them it knows lie in the circle; a box would only make the
    planner, which cannot estimate it, sort them instead."""
    return models.Q(LessThanOrEqual(distance_km(point, prefix), radius_km))


class DistanceKm(models.Expression):
    """Haversine distance in km from ``point`` to the row's latitude/longitude.

    One expression written in SQL rather than a tree of twenty ORM functions: a search builds
    and compiles it once for each set it counts, and the tree cost milliseconds each time.
    """

    output_field = models.FloatField()

    def __init__(self, point: Point, prefix: str = ""):
        super().__init__()
        self.point = point
        self.latitude = models.F(f"{prefix}latitude")
        self.longitude = models.F(f"{prefix}longitude")

    def get_source_expressions(self):
        return [self.latitude, self.longitude]

    def set_source_expressions(self, exprs):
        self.latitude, self.longitude = exprs

    def as_sql(self, compiler, connection):
        lat, lat_params = compiler.compile(self.latitude)
        lon, lon_params = compiler.compile(self.longitude)
        if lat_params or lon_params:
            raise ValueError("the coordinates must be columns")
        lat0, lon0 = math.radians(self.point.latitude), math.radians(self.point.longitude)
        sql = (
            f"%s * ASIN(SQRT(POWER(SIN((RADIANS({lat}) - %s) / 2.0), 2) "
            f"+ COS(%s) * COS(RADIANS({lat})) * POWER(SIN((RADIANS({lon}) - %s) / 2.0), 2)))"
        )
        return sql, [2 * EARTH_RADIUS_KM, lat0, lat0, lon0]


def distance_km(point: Point, prefix: str = "") -> models.Expression:
    """Haversine distance in km from ``point`` to the row's latitude/longitude."""
    return DistanceKm(point, prefix)


def haversine_km(a: Point, b: Point) -> float:
    """The same distance in Python, for tests and for places already fetched."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
