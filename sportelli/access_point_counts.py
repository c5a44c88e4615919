"""What came in through a network's access points, counted for the indicators: referrals by
source type and state, emerging-need signals by area and zone, and the signals' table of the
coordinator's page. Aggregates only: no row names a person (referrals' names stay out of every
query here).

Periods are dates, both ends included, read in the site's time zone (``created_at__date``).
"""

import datetime
from typing import NamedTuple

from django.db.models import Count

from directory.models import MemberRole, Network, Zone
from sportelli.models import NeedSignal, Referral


class SourceTypeRow(NamedTuple):
    source_type: str
    status: str
    referrals: int


class AreaZoneRow(NamedTuple):
    area: str
    zone: Zone | None  # None: a municipality outside the network's zones
    signals: int


class SignalRow(NamedTuple):
    area: str
    municipality: str
    age_band: str
    signals: int


def _access_points(network: Network):
    return network.memberships.filter(role=MemberRole.ACCESS_POINT).values("organization")


def referrals_by_source_type(
    network: Network, start: datetime.date, end: datetime.date
) -> list[SourceTypeRow]:
    """Referrals sent in the period by the network's access points, by source type and state."""
    rows = (
        Referral.objects.filter(from_organization__in=_access_points(network))
        .exclude(source_type="")
        .filter(created_at__date__gte=start, created_at__date__lte=end)
        .values("source_type", "status")
        .annotate(n=Count("pk"))
        .order_by("source_type", "status")
    )
    return [SourceTypeRow(r["source_type"], r["status"], r["n"]) for r in rows]


def signals_by_area_zone(
    network: Network, start: datetime.date, end: datetime.date
) -> list[AreaZoneRow]:
    """The network's signals of the period by area and by zone of its territory: a signal
    from a municipality in two of its zones counts in both; one from a municipality in none of
    them counts under ``zone=None``."""
    signals = NeedSignal.objects.filter(network=network).in_period(start, end)
    zones = {z.pk: z for z in network.zones.all()}
    in_zone = (
        signals.filter(municipality__zones__in=zones)
        .values("area", "municipality__zones")
        .annotate(n=Count("pk"))
    )
    rows = [AreaZoneRow(r["area"], zones[r["municipality__zones"]], r["n"]) for r in in_zone]
    outside = signals.exclude(municipality__zones__in=zones).values("area").annotate(n=Count("pk"))
    rows += [AreaZoneRow(r["area"], None, r["n"]) for r in outside]
    return sorted(rows, key=lambda r: (r.area, r.zone.name if r.zone else "\uffff"))


def signals_table(
    network: Network, start: datetime.date | None = None, end: datetime.date | None = None
) -> list[SignalRow]:
    """The coordinator's table: signals by area, municipality and age band."""
    signals = NeedSignal.objects.filter(network=network)
    if start:
        signals = signals.filter(created_at__date__gte=start)
    if end:
        signals = signals.filter(created_at__date__lte=end)
    rows = (
        signals.values("area", "municipality__name", "age_band")
        .annotate(n=Count("pk"))
        .order_by("area", "municipality__name", "age_band")
    )
    return [SignalRow(r["area"], r["municipality__name"], r["age_band"], r["n"]) for r in rows]


__all__ = [
    "AreaZoneRow",
    "SignalRow",
    "SourceTypeRow",
    "referrals_by_source_type",
    "signals_by_area_zone",
    "signals_table",
]
