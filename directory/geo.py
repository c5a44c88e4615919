"""Distances on the Earth in SQL (haversine), with a bounding box the coordinates index can use.

Django registers the math functions used here on SQLite too, so the same expression serves the
demo and production.
"""

import math
from dataclasses import dataclass

from django.db import models
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088


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


def bounding_box(point: Point, radius_km: float) -> models.Q:
    """Locations within the box around the circle (a cheap, indexable first cut)."""
    delta_lat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(point.latitude)), 0.01)
    delta_lon = min(math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat)), 180)
    return models.Q(
        latitude__gte=point.latitude - delta_lat,
        latitude__lte=point.latitude + delta_lat,
        longitude__gte=point.longitude - delta_lon,
        longitude__lte=point.longitude + delta_lon,
    )


def distance_km(point: Point, prefix: str = "") -> models.Func:
    """Haversine distance in km from ``point`` to the row's latitude/longitude."""
    latitude = Radians(models.F(f"{prefix}latitude"))
    longitude = Radians(models.F(f"{prefix}longitude"))
    lat0 = models.Value(math.radians(point.latitude))
    lon0 = models.Value(math.radians(point.longitude))
    half_dlat = Sin((latitude - lat0) / models.Value(2.0))
    half_dlon = Sin((longitude - lon0) / models.Value(2.0))
    a = Power(half_dlat, 2) + Cos(lat0) * Cos(latitude) * Power(half_dlon, 2)
    return models.ExpressionWrapper(
        models.Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a)), output_field=models.FloatField()
    )


def haversine_km(a: Point, b: Point) -> float:
    """The same distance in Python, for tests and for places already fetched."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
