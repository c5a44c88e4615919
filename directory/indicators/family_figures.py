"""The family cases' figures (famiglie), aggregates only: never a name, a code or a household.

The network's cases are those of the équipes run by its members or working in its zones
(the admin's rule, ``linkrete.admin_scope.SCOPE["famiglie.case"]``). A case is in care in the
period if it was opened before the period ended and not closed before it started.
"""

import datetime
from decimal import Decimal

from django.db.models import Case as Cases
from django.db.models import Count, IntegerField, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.indicators.period import split_months as _split_months
from directory.indicators.rows import MEASURE, Column, Indicator, Row
from famiglie.areas import Area
from famiglie.models import (
    Case,
    CaseState,
    Intervention,
    InterventionKind,
    InterventionMonth,
    Member,
    Objective,
    ObjectiveStatus,
)

# (from age, to the age before, label): the school stages.
MINOR_BANDS = [
    (0, 3, _("0–2 years")),
    (3, 6, _("3–5 years")),
    (6, 11, _("6–10 years")),
    (11, 14, _("11–13 years")),
    (14, 18, _("14–17 years")),
]
FAMILIES = Column(_("families"))


def _cases_q(scope, period, prefix=""):
    condition = scope.q(organizations=f"{prefix}team__organization", zones=f"{prefix}team__zone")
    return condition & Q(
        Q(**{f"{prefix}opened_at__lt": period.instant_after}),
        Q(**{f"{prefix}closed_at__isnull": True})
        | Q(**{f"{prefix}closed_at__gte": period.first_instant}),
    )


def families_by_state(scope, period):
    counts = dict(
        Case.objects.filter(_cases_q(scope, period))
        .order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
    )
    return Indicator(
        "families_by_state",
        _("Families in care by state"),
        _("state"),
        (FAMILIES,),
        [
            Row(str(label), (counts[value],))
            for value, label in CaseState.choices
            if value in counts
        ],
        note=_(
            "Each case in care in the period, in the state it is in today; a family followed "
            "twice in the period counts twice."
        ),
    )


def families_by_area(scope, period):
    counts = dict(
        Objective.objects.filter(_cases_q(scope, period, "case__"))
        .order_by()
        .values_list("area")
        .annotate(n=Count("case__household", distinct=True))
    )
    return Indicator(
        "families_by_area",
        _("Families in care by area of intervention"),
        _("area"),
        (FAMILIES,),
        [Row(str(label), (counts[value],)) for value, label in Area.choices if value in counts],
        note=_("A family with objectives in two areas counts in each."),
    )


def minors_by_age_band(scope, period):
    """Children and teenagers of the families in care, by their age on the period's last day."""
    last_day = period.ends_on
    band = Cases(
        *(
            When(
                birth_date__gt=_years_before(last_day, before),
                birth_date__lte=_years_before(last_day, start),
                then=Value(index),
            )
            for index, (start, before, _label) in enumerate(MINOR_BANDS)
        ),
        default=Value(-1),
        output_field=IntegerField(),
    )
    counts = dict(
        Member.objects.filter(
            household__in=Case.objects.filter(_cases_q(scope, period)).values("household"),
            birth_date__gt=_years_before(last_day, 18),
            birth_date__lte=last_day,
        )
        .order_by()
        .annotate(band=band)
        .values_list("band")
        .annotate(n=Count("*"))  # not the id: an index-only scan (member_birth_household_idx)
    )
    return Indicator(
        "minors_by_age_band",
        _("Minors in the families in care by age band"),
        _("age band"),
        (Column(_("minors")),),
        [
            Row(str(label), (counts[index],))
            for index, (_start, _before, label) in enumerate(MINOR_BANDS)
            if counts.get(index)
        ],
        note=_("Their age on the last day of the period."),
    )


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def interventions_by_kind(scope, period):
    """By type: the whole months before the current one from the nightly rollup
    (``famiglie.models.rollup``), the rest of the period (its partial first and last months,
    the current month) live: two queries, exact whatever the days chosen."""
    teams = scope.q(organizations="team__organization", zones="team__zone")
    whole, live = _split_months(period, timezone.localdate().replace(day=1))
    counts: dict[str, list] = {}
    if whole:
        rolled = (
            InterventionMonth.objects.filter(teams, month__gte=whole[0], month__lt=whole[1])
            .order_by()
            .values("kind")
            .annotate(n=Sum("interventions"), amount=Sum("amount"))
        )
        for row in rolled:
            _add(counts, row)
    in_live_days = Q(pk__in=[])
    for first, last in live:
        in_live_days |= Q(date__gte=first, date__lte=last)
    for row in (
        Intervention.objects.filter(
            in_live_days,
            scope.q(organizations="case__team__organization", zones="case__team__zone"),
        )
        .order_by()
        .values("kind")
        .annotate(n=Count("*"), amount=Sum("amount"))  # index-only: intervention_date_kind_idx
    ):
        _add(counts, row)
    return Indicator(
        "interventions_by_kind",
        _("Interventions by type"),
        _("type"),
        (Column(_("interventions")), Column(_("amount (€)"), MEASURE)),
        [
            Row(str(label), tuple(counts[value]))
            for value, label in InterventionKind.choices
            if value in counts
        ],
        note=_("Past months as of the last nightly count; the current month as it is now."),
    )


def _add(counts, row):
    found = counts.setdefault(row["kind"], [0, Decimal(0)])
    found[0] += row["n"] or 0
    found[1] += row["amount"] or Decimal(0)


def objectives_by_area(scope, period):
    """The objectives of the cases in care, by area: how many were set, how many achieved."""
    rows = (
        Objective.objects.filter(_cases_q(scope, period, "case__"))
        .order_by()
        .values("area")
        .annotate(
            n=Count("pk"),
            achieved=Count("pk", filter=Q(status=ObjectiveStatus.ACHIEVED)),
            partly=Count("pk", filter=Q(status=ObjectiveStatus.PARTLY)),
        )
    )
    found = {row["area"]: row for row in rows}
    return Indicator(
        "objectives_by_area",
        _("Objectives of the families' plans by area"),
        _("area"),
        (Column(_("objectives")), Column(_("achieved")), Column(_("partly achieved"))),
        [
            Row(
                str(label),
                (found[value]["n"], found[value]["achieved"], found[value]["partly"]),
            )
            for value, label in Area.choices
            if value in found
        ],
    )
