"""Needs against offer, for each zone of a network and each of the five areas of intervention
(``famiglie.areas.Area``): the needs recorded beside the activities offered, so that gaps stand
out (issue 14; NET WORKING's mapping of services and needs per zone).

What is counted in the period, aggregates only:

- activities offered: the members' published activities, in the towns of their places, in the
  area of their categories (the "Aree di intervento" taxonomy has the five areas as roots; a few
  other roots and desk topics are mapped in ``AREA_OF_CATEGORY``; the rest count in no area);
- desk accesses: the network's desks' accesses, in the desk's town, by their topics' areas;
- emerging-need signals: by the town and area the access point gave;
- families with a high need: cases of the network whose assessment in the period has a level of
  2 or 3 in a sub-area of the area, in their team's zone (a case has no town: not on the map);
- needs survey: the member bodies of each zone that sent their answers to a round open in the
  period (a survey answer has no area: it is a column of the zone's total).

A gap is an area of a zone with needs recorded and no activity offered. People's counts from 1
to 4 are shown as "<5" (``exports.THRESHOLD``). An activity or access with two areas counts in
each; one with places in two towns counts in each town. Eight queries whatever the data (nine
when the period starts or ends within a month: the desk accesses of those days, from their
daily rollup).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from directory.indicators import access_counts
from directory.indicators.exports import SUPPRESSED, THRESHOLD
from directory.indicators.rows import Column, Indicator, Row
from directory.models import Activity, Location, SurveyResponse, Zone
from directory.models.organization import PublicationStatus
from famiglie.areas import Area
from famiglie.models import AssessmentScore
from sportelli.models import AccessDay, AccessMonth, Dimension, NeedSignal

HIGH_NEED = 2  # assessment levels 2 and 3

# Root category (or desk topic) slug -> area of intervention.
AREA_OF_CATEGORY = {
    "emergenze": Area.EMERGENCIES,
    "sostegno-famiglie": Area.FAMILY_SUPPORT,
    "seminare-futuro": Area.FUTURE,
    "inclusione-lavorativa": Area.WORK,
    "infrastruttura-sociale": Area.SOCIAL_INFRASTRUCTURE,
    "socialita": Area.SOCIAL_INFRASTRUCTURE,
    "accesso-servizi": Area.FAMILY_SUPPORT,
    "cittadini-stranieri": Area.FAMILY_SUPPORT,
    "conciliazione": Area.FAMILY_SUPPORT,
    "supporto-psicologico": Area.FAMILY_SUPPORT,
    "indebitamento-consapevole": Area.EMERGENCIES,
    "servizi-giovani": Area.FUTURE,
    "orientamento-lavoro": Area.WORK,
    "job-community": Area.WORK,
    "formazione": Area.WORK,
    "digital-divide": Area.SOCIAL_INFRASTRUCTURE,
}


def shown(value: int) -> str | int:
    """A people's count as the page and the export show it."""
    return SUPPRESSED if 0 < value < THRESHOLD else value


@dataclass
class Cell:
    zone: str
    area: str
    activities: int = 0
    accesses: int = 0
    signals: int = 0
    families: int = 0

    @property
    def needs(self) -> int:
        return self.accesses + self.signals + self.families

    @property
    def gap(self) -> bool:
        return self.needs > 0 and self.activities == 0

    @property
    def shown(self) -> dict:
        return {
            "accesses": shown(self.accesses),
            "signals": shown(self.signals),
            "families": shown(self.families),
        }


@dataclass
class Place:
    name: str
    latitude: float
    longitude: float
    needs: int = 0
    activities: int = 0


@dataclass
class NeedsOffer:
    cells: list[Cell]
    surveyed: dict[str, int]  # zone -> bodies that answered the survey
    places: list[Place] = field(default_factory=list)

    @property
    def gaps(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.gap]


def area_of(expression) -> Case:
    return Case(
        *[
            When(**{expression: slug}, then=Value(area.value))
            for slug, area in AREA_OF_CATEGORY.items()
        ],
        default=Value(""),
        output_field=CharField(),
    )


def needs_offer(scope, period) -> NeedsOffer:
    zone_ids = sorted(scope.zones)
    town_zones = defaultdict(set)
    zone_names, towns = {}, {}
    for zone, name, town, town_name, latitude, longitude in (
        Zone.objects.filter(pk__in=zone_ids)
        .order_by("name")
        .values_list(
            "pk",
            "name",
            "municipalities",
            "municipalities__name",
            "municipalities__latitude",
            "municipalities__longitude",
        )
    ):
        zone_names[zone] = name
        if town is not None:
            town_zones[town].add(zone)
            if latitude is not None and longitude is not None:
                towns[town] = Place(town_name, latitude, longitude)
    town_ids = sorted(town_zones)
    cells = {}

    def cell(zone, area):
        key = (zone, area)
        if key not in cells:
            cells[key] = Cell(zone_names[zone], Area(area).label)
        return cells[key]

    def add(rows, attribute, by_town=True):
        for place, area, count in rows:
            if not area:
                continue
            for zone in town_zones.get(place, ()) if by_town else (place,):
                setattr(cell(zone, area), attribute, getattr(cell(zone, area), attribute) + count)
            if by_town and place in towns and attribute != "activities":
                towns[place].needs += count

    activities = (
        Activity.objects.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=period.starts_on),
            Q(valid_from__isnull=True) | Q(valid_from__lte=period.ends_on),
            organization__in=sorted(scope.organizations),
            publication_status=PublicationStatus.PUBLISHED,
            locations__municipality__in=town_ids,
        )
        .annotate(root=Coalesce("categories__parent__slug", "categories__slug"))
        .annotate(area=area_of("root"))
        .order_by()
        .values_list(F("locations__municipality"), "area")
        .annotate(n=Count("pk", distinct=True))
    )
    activity_rows = list(activities)
    add(activity_rows, "activities")
    for place, area, count in activity_rows:
        if area and place in towns:
            towns[place].activities += count
    # The whole months from the monthly rollup (an access counted once per area), the partial
    # ones from the daily rollup.
    add(
        access_counts.rolled(
            AccessMonth,
            scope,
            period,
            dimension=Dimension.AREA,
            desk__municipality__in=town_ids,
        )
        .values_list("desk__municipality", "value")
        .annotate(n=Sum("accesses")),
        "accesses",
    )
    accesses = (
        access_counts.daily(
            AccessDay,
            scope,
            period,
            dimension=Dimension.AREA,
            desk__municipality__in=town_ids,
        )
        .values_list("desk__municipality", "value")
        .annotate(n=Sum("accesses"))
    )
    add(accesses, "accesses")
    signals = (
        NeedSignal.objects.filter(
            network__in=sorted(scope.networks),
            created_at__gte=period.first_instant,
            created_at__lt=period.instant_after,
            municipality__in=town_ids,
        )
        .order_by()
        .values_list("municipality", "area")
        .annotate(n=Count("pk"))
    )
    add(signals, "signals")
    families = (
        AssessmentScore.objects.filter(
            scope.q(
                organizations="assessment__case__team__organization",
                zones="assessment__case__team__zone",
            ),
            assessment__case__team__zone__in=zone_ids,
            assessment__date__gte=period.starts_on,
            assessment__date__lte=period.ends_on,
            level__gte=HIGH_NEED,
        )
        .annotate(
            area=Case(
                *[
                    When(sub_area__startswith=f"{area.value}.", then=Value(area.value))
                    for area in Area
                ],
                default=Value(""),
                output_field=CharField(),
            )
        )
        .order_by()
        .values_list("assessment__case__team__zone", "area")
        .annotate(n=Count("assessment__case", distinct=True))
    )
    add(families, "families", by_town=False)
    surveyed = defaultdict(int)
    for zone, count in (
        SurveyResponse.objects.filter(
            round__network__in=sorted(scope.networks),
            round__opens_on__lte=period.ends_on,
            round__closes_on__gte=period.starts_on,
            submitted_at__isnull=False,
            organization__in=Location.objects.filter(municipality__zones__in=zone_ids).values(
                "organization"
            ),
        )
        .order_by()
        .values_list("organization__locations__municipality__zones")
        .annotate(n=Count("organization", distinct=True))
    ):
        if zone in zone_names:
            surveyed[zone_names[zone]] += count
    order = {area.value: index for index, area in enumerate(Area)}
    found = sorted(cells.items(), key=lambda item: (item[1].zone, order[item[0][1]]))
    return NeedsOffer(
        [cell for _key, cell in found],
        dict(surveyed),
        sorted(
            (place for place in towns.values() if place.needs or place.activities),
            key=lambda p: p.name,
        ),
    )


def needs_against_offer(scope, period) -> Indicator:
    """The table as an indicator, for its CSV and XLSX (``exports.py`` suppresses it)."""
    return as_indicator(needs_offer(scope, period))


def as_indicator(found: NeedsOffer) -> Indicator:
    return Indicator(
        "needs_against_offer",
        _("Needs against offer by zone and area"),
        _("zone and area"),
        (
            Column(_("activities offered")),
            Column(_("desk accesses")),
            Column(_("emerging-need signals")),
            Column(_("families with a high need")),
        ),
        [
            Row(
                f"{cell.zone} – {cell.area}",
                (cell.activities, cell.accesses, cell.signals, cell.families),
            )
            for cell in found.cells
        ],
        note=_("A gap: needs recorded and no activity offered in the area of the zone."),
    )


# --- the map ---------------------------------------------------------------------------------
MAP_WIDTH = 640
MAP_HEIGHT = 420
MARGIN = 60
LARGEST_RADIUS = 34
SMALLEST_RADIUS = 4


@dataclass(frozen=True)
class Dot:
    name: str
    x: int
    y: int
    needs_radius: int
    offer_radius: int
    needs: str | int
    activities: int
    label_x: int


def map_dots(places: list[Place]) -> list[Dot]:
    """The towns as proportional circles (area ∝ count) on an equirectangular projection of the
    network's bounding box; needs filled, offer as a ring."""
    if not places:
        return []
    north = max(p.latitude for p in places)
    south = min(p.latitude for p in places)
    east = max(p.longitude for p in places)
    west = min(p.longitude for p in places)
    squeeze = math.cos(math.radians((north + south) / 2))
    span = max((east - west) * squeeze, north - south, 1e-6)
    scale = min(MAP_WIDTH, MAP_HEIGHT) - 2 * MARGIN
    largest = max(max(p.needs, p.activities) for p in places) or 1
    dots = []
    for place in places:
        x = MARGIN + round((place.longitude - west) * squeeze / span * scale)
        y = MARGIN + round((north - place.latitude) / span * scale)
        needs_radius = _radius(place.needs, largest)
        offer_radius = _radius(place.activities, largest)
        dots.append(
            Dot(
                place.name,
                x,
                y,
                needs_radius,
                offer_radius,
                shown(place.needs),
                place.activities,
                x + max(needs_radius, offer_radius) + 4,
            )
        )
    return dots


def _radius(value: int, largest: int) -> int:
    if not value:
        return 0
    return max(SMALLEST_RADIUS, round(LARGEST_RADIUS * math.sqrt(value / largest)))
