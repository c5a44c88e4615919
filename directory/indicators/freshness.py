"""How fresh a dashboard's figures are, for the line "data updated on …" above them.

Everything is counted when the page is asked for, from the tables as they are then, except the
interventions of the months before the current one: those come from the nightly rollup
(``famiglie.models.rollup``), as fresh as its last run. The desk accesses' rollups (by month,
and by day for the partial months of a period) are recounted with each access
(``sportelli.rollups``), so their figures are as fresh as the page.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from famiglie.models import InterventionMonth


@dataclass(frozen=True)
class Freshness:
    as_of: datetime.datetime  # the page's instant
    nightly: datetime.datetime | None  # the last nightly count of the interventions, if any


def freshness() -> Freshness:
    """One query (the latest row of the interventions' rollup: every row of a run has its
    instant)."""
    nightly = InterventionMonth.objects.aggregate(at=Max("counted_at"))["at"]
    return Freshness(timezone.now(), nightly)
