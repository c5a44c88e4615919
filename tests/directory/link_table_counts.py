"""Facet counts made the plain way, by joining each counted set to the link tables.

The search counts facets from the activities' search tags (``directory.search.counting``); this is
the independent reference those counts are compared with (``test_search_tags``): the same sets,
counted through categories, languages, places and slots, as the search did before the tags.
"""

from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce

from directory.models import AGE_BANDS, Activity, Location, OpeningSlot
from directory.search.counting import FacetCounts, PlaceCount
from directory.search.facets import CandidateSets
from directory.search.facets import _set_key as set_key
from directory.search.filters import FACET_GROUPS
from directory.search.filters.band import band_condition
from directory.search.filters.day import DAYS, next_date
from directory.search.filters.open_now import open_at_condition


class LinkTableSets(CandidateSets):
    """Candidate sets whose ids can be joined to other tables."""

    def of(self, key):
        """The activity ids of one set, for ``pk__in`` / ``activity_id__in``."""
        return RawSQL(f"SELECT id FROM {self.names[key]}", ())

    def union(self):
        return RawSQL(" UNION ".join(f"SELECT id FROM {n}" for n in self.names.values()), ())

    def rows(self, queryset) -> list[dict]:
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"{self.prefix} {sql}", (*self.params, *params))
            columns = [column[0] for column in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def conditional_counts(sets, conditions, filterset):
    def within(group):
        return models.Q(pk__in=sets.of(set_key(conditions, group)))

    aggregates = {"size__all": models.Count("pk", filter=within(None))}
    for group in conditions:
        if group in FACET_GROUPS:
            aggregates[f"size__{group}"] = models.Count("pk", filter=within(group))
    for band in AGE_BANDS:
        aggregates[f"fascia__{band.slug}"] = models.Count(
            "pk", filter=within("fascia") & band_condition(band.slug)
        )
    aggregates["gratis__1"] = models.Count("pk", filter=within("gratis") & models.Q(is_free=True))
    started = models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=filterset.now.date())
    aggregates["attive_ora__1"] = models.Count("pk", filter=within("attive_ora") & started)
    among = sets.of(set_key(conditions, "aperto_ora"))
    aggregates["aperto_ora__1"] = models.Count(
        "pk", filter=within("aperto_ora") & open_at_condition(filterset.now, among=among)
    )
    queryset = (
        Activity.objects.filter(pk__in=sets.union())
        .order_by()
        .annotate(facet_row=models.Value(1))
        .values("facet_row")
        .annotate(**aggregates)
    )
    rows = sets.rows(queryset)
    return rows[0] if rows else dict.fromkeys(aggregates, 0)


def _opening_days_valid(today):
    """A weekly slot counts for "on that weekday" unless it ended before its next occurrence
    (as ``directory.search.filters.day.day_condition``)."""
    condition = models.Q(valid_to__isnull=True)
    for weekday in DAYS.values():
        condition |= models.Q(weekday=weekday, valid_to__gte=next_date(weekday, today))
    return condition


def grouped_counts(sets, conditions, filterset):
    """{(kind, key): (label, count)} from one UNION ALL query."""

    def part(queryset, kind, key, label=None, counted="activity_id"):
        return (
            queryset.values(
                kind=models.Value(kind, output_field=models.CharField()),
                key=key,
                label=label if label is not None else models.Value("", models.CharField()),
            )
            .annotate(n=models.Count(counted, distinct=True))
            .order_by()
        )

    def rows_of(through, group, **lookups):
        return through.objects.filter(
            activity_id__in=sets.of(set_key(conditions, group)), **lookups
        )

    categories = Activity.categories.through
    locations = Activity.locations.through
    parts = [
        part(rows_of(categories, "categoria"), "child", Cast("category_id", models.CharField())),
        part(
            rows_of(categories, "categoria"),
            "root",
            Cast(Coalesce("category__parent_id", "category_id"), models.CharField()),
        ),
        part(rows_of(Activity.languages.through, "lingua"), "lingua", models.F("language__code")),
        part(
            rows_of(locations, "comune", location__municipality__isnull=False),
            "comune",
            models.F("location__municipality__istat_code"),
            models.F("location__municipality__name"),
        ),
        part(
            rows_of(locations, "zona", location__municipality__zones__isnull=False),
            "zona",
            models.F("location__municipality__zones__slug"),
            models.F("location__municipality__zones__name"),
        ),
        part(
            rows_of(OpeningSlot, "giorno", activity__status=Activity.Status.ACTIVE).filter(
                _opening_days_valid(filterset.now.date())
            ),
            "giorno",
            Cast("weekday", models.CharField()),
        ),
        part(rows_of(locations, "modalita"), "modalita", models.F("location__kind")),
        part(
            rows_of(
                locations,
                "accessibile",
                location__kind=Location.Kind.PHYSICAL,
                location__wheelchair_accessible=True,
            ),
            "accessibile",
            models.Value("1", models.CharField()),
        ),
    ]
    rows = sets.rows(parts[0].union(*parts[1:], all=True))
    return {(r["kind"], r["key"]): (r["label"], r["n"]) for r in rows}


def facet_counts(sets, conditions, filterset, categories):
    """The ``FacetCounts`` the search makes from tags, made from the link tables instead."""
    counts = conditional_counts(sets, conditions, filterset)
    grouped = grouped_counts(sets, conditions, filterset)
    roots = {c.pk for c in categories if c.parent_id is None}

    def seen(kind):
        return {key: n for (k, key), (_label, n) in grouped.items() if k == kind and n}

    def places(kind):
        found = [PlaceCount(key, label, n) for (k, key), (label, n) in grouped.items() if k == kind]
        return sorted((p for p in found if p.count), key=lambda p: p.code)

    # A root's "child" row counts only the activities filed under it directly.
    categories = {int(pk): n for pk, n in seen("child").items() if int(pk) not in roots}
    categories.update({int(pk): n for pk, n in seen("root").items()})
    days = seen("giorno")
    sizes = {key: counts["size__all" if key is None else f"size__{key}"] for key in sets.names}
    return FacetCounts(
        sizes,
        {
            "fascia": {band.slug: counts[f"fascia__{band.slug}"] for band in AGE_BANDS},
            "categoria": categories,
            "comune": places("comune"),
            "zona": places("zona"),
            "giorno": {weekday: days.get(str(weekday), 0) for weekday in DAYS.values()},
            "aperto_ora": counts["aperto_ora__1"],
            "attive_ora": counts["attive_ora__1"],
            "gratis": counts["gratis__1"],
            "lingua": seen("lingua"),
            "accessibile": seen("accessibile").get("1", 0),
            "modalita": seen("modalita"),
        },
    )
