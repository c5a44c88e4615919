"""Facet counts for the search page: how many results each filter value would give.

Standard faceting: a value of one filter is counted with all the *other* filters applied. Two
queries whatever the number of values: one aggregate of conditional counts (age bands, days,
free, access, mode, open now, the total and the total without each active filter), and one
UNION ALL of grouped counts (categories, languages, municipalities, zones).
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models.functions import Cast, Coalesce
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from directory.filters import (
    DAY_CHOICES,
    DAYS,
    GROUPS,
    MAX_RADIUS_KM,
    MODE_CHOICES,
    at_locations,
    band_condition,
    combine,
    day_condition,
    mode_condition,
    near_condition,
    open_at_condition,
)
from directory.models import AGE_BANDS, Activity, Location

MAX_PLACES = 12


def url_with(params: QueryDict, set_values=None, drop=()) -> str:
    """The search URL's query string with some parameters changed; always back to page 1."""
    query = params.copy()
    for name in (*drop, "pagina"):
        query.pop(name, None)
    for name, value in (set_values or {}).items():
        query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@dataclass
class Option:
    value: str
    label: str
    count: int
    active: bool
    url: str
    children: list = field(default_factory=list)


@dataclass
class Group:
    name: str
    label: str
    options: list


@dataclass
class Relaxation:
    label: str
    count: int
    url: str


@dataclass
class Facets:
    total: int
    groups: list
    relaxations: list


def _count(condition):
    return models.Count("pk", filter=condition) if condition else models.Count("pk")


def _conditional_counts(base, conditions, filterset):
    without = {group: combine(conditions, without=group) for group in GROUPS}
    aggregates = {"total": _count(combine(conditions))}
    for group in conditions:
        aggregates[f"without__{group}"] = _count(without[group])
    for band in AGE_BANDS:
        aggregates[f"fascia__{band.slug}"] = _count(without["fascia"] & band_condition(band.slug))
    today = filterset.now.date()
    for code, weekday in DAYS.items():
        aggregates[f"giorno__{code}"] = _count(
            without["giorno"] & day_condition(weekday, None, today)
        )
    aggregates["gratis__1"] = _count(without["gratis"] & models.Q(is_free=True))
    aggregates["accessibile__1"] = _count(
        without["accessibile"]
        & at_locations(kind=Location.Kind.PHYSICAL, wheelchair_accessible=True)
    )
    aggregates["aperto_ora__1"] = _count(without["aperto_ora"] & open_at_condition(filterset.now))
    for code, _label in MODE_CHOICES:
        aggregates[f"modalita__{code}"] = _count(without["modalita"] & mode_condition(code))
    if filterset.point is not None:
        for radius in wider_radii(filterset.radius_km):
            aggregates[f"raggio__{radius:g}"] = _count(
                without["vicino"] & near_condition(filterset.point, radius)
            )
    return base.aggregate(**aggregates)


def wider_radii(radius):
    return sorted({min(radius * factor, MAX_RADIUS_KM) for factor in (2, 5)} - {radius})


def _grouped_counts(base, conditions):
    """{(kind, key): (label, count)} from one UNION ALL query."""

    def part(through, group, kind, key, label=None, **lookups):
        matching = base.filter(combine(conditions, without=group)).values("pk")
        return (
            through.objects.filter(activity_id__in=matching, **lookups)
            .values(
                kind=models.Value(kind, output_field=models.CharField()),
                key=key,
                label=label if label is not None else models.Value("", models.CharField()),
            )
            .annotate(n=models.Count("activity_id", distinct=True))
            .order_by()
        )

    categories = Activity.categories.through
    locations = Activity.locations.through
    parts = [
        part(categories, "categoria", "child", Cast("category_id", models.CharField())),
        part(
            categories,
            "categoria",
            "root",
            Cast(Coalesce("category__parent_id", "category_id"), models.CharField()),
        ),
        part(Activity.languages.through, "lingua", "lingua", models.F("language__code")),
        part(
            locations,
            "comune",
            "comune",
            models.F("location__municipality__istat_code"),
            models.F("location__municipality__name"),
            location__municipality__isnull=False,
        ),
        part(
            locations,
            "zona",
            "zona",
            models.F("location__municipality__zones__slug"),
            models.F("location__municipality__zones__name"),
            location__municipality__zones__isnull=False,
        ),
    ]
    rows = parts[0].union(*parts[1:], all=True)
    return {(r["kind"], r["key"]): (r["label"], r["n"]) for r in rows}


def compute(base, conditions, filterset, categories, languages, params: QueryDict) -> Facets:
    counts = _conditional_counts(base, conditions, filterset)
    grouped = _grouped_counts(base, conditions)
    values = filterset.values

    def option(name, value, label, count):
        active = str(values.get(name, "")) == value or (value == "1" and values.get(name) is True)
        url = url_with(params, drop=GROUPS[name]) if active else url_with(params, {name: value})
        return Option(value, str(label), count, active, url)

    groups = []
    roots = [c for c in categories if c.parent_id is None]
    category_options = []
    for root in roots:
        root_option = option(
            "categoria",
            root.slug,
            root.display_name,
            grouped.get(("root", str(root.pk)), ("", 0))[1],
        )
        root_option.children = [
            option(
                "categoria", c.slug, c.display_name, grouped.get(("child", str(c.pk)), ("", 0))[1]
            )
            for c in categories
            if c.parent_id == root.pk
        ]
        root_option.children = [c for c in root_option.children if c.count or c.active]
        if root_option.count or root_option.active:
            category_options.append(root_option)
    groups.append(Group("categoria", _("Category"), category_options))
    groups.append(
        Group(
            "fascia",
            _("Age band"),
            [option("fascia", b.slug, b.label, counts[f"fascia__{b.slug}"]) for b in AGE_BANDS],
        )
    )
    places = sorted(
        ((key, label, n) for (kind, key), (label, n) in grouped.items() if kind == "comune"),
        key=lambda row: (-row[2], row[1]),
    )
    groups.append(
        Group(
            "comune",
            _("Municipality"),
            [option("comune", key, label, n) for key, label, n in places[:MAX_PLACES]],
        )
    )
    zones = sorted(
        ((key, label, n) for (kind, key), (label, n) in grouped.items() if kind == "zona"),
        key=lambda row: (-row[2], row[1]),
    )
    groups.append(
        Group("zona", _("Zone"), [option("zona", key, label, n) for key, label, n in zones])
    )
    groups.append(
        Group(
            "giorno",
            _("Day"),
            [
                option("giorno", code, label, counts[f"giorno__{code}"])
                for code, label in DAY_CHOICES
            ],
        )
    )
    groups.append(
        Group(
            "lingua",
            _("Language"),
            [
                option(
                    "lingua",
                    language.code,
                    language.display_name,
                    grouped.get(("lingua", language.code), ("", 0))[1],
                )
                for language in languages
                if ("lingua", language.code) in grouped or values.get("lingua") == language.code
            ],
        )
    )
    groups.append(
        Group(
            "modalita",
            _("How"),
            [
                option("modalita", code, label, counts[f"modalita__{code}"])
                for code, label in MODE_CHOICES
            ],
        )
    )
    groups.append(
        Group(
            "other",
            _("Other"),
            [
                option("aperto_ora", "1", _("Open now"), counts["aperto_ora__1"]),
                option("gratis", "1", _("Free of charge"), counts["gratis__1"]),
                option("accessibile", "1", _("Wheelchair access"), counts["accessibile__1"]),
            ],
        )
    )
    groups = [g for g in groups if g.options]

    relaxations = []
    for group in conditions:
        relaxations.append(
            Relaxation(
                _("without “%(filter)s”") % {"filter": filterset.chip_label(group)},
                counts[f"without__{group}"],
                url_with(params, drop=GROUPS[group]),
            )
        )
    if filterset.point is not None:
        for radius in wider_radii(filterset.radius_km):
            relaxations.append(
                Relaxation(
                    _("within %(km)s km") % {"km": f"{radius:g}"},
                    counts[f"raggio__{radius:g}"],
                    url_with(params, {"raggio": f"{radius:g}"}),
                )
            )
    relaxations = [r for r in relaxations if r.count]
    return Facets(counts["total"], groups, relaxations)
