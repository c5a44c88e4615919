"""The headline figures of a network's period, each with the targets of the network's actions
that it measures (``ActionTarget.figure``). Most are totals of an indicator's rows; the one
that rows would count twice (activities in two areas) has a query.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from directory.indicators.directory_figures import _activities
from directory.models import ActionTarget, Figure

# figure -> (indicator, column whose rows it sums)
FROM_ROWS = {
    Figure.ACCESSES: ("accesses_by_channel", 0),
    Figure.REFERRALS: ("referrals_by_state", 0),
    Figure.FAMILIES: ("families_by_state", 0),
    Figure.MINORS: ("minors_by_age_band", 0),
    Figure.INTERVENTIONS: ("interventions_by_kind", 0),
    Figure.INTERVENTION_AMOUNT: ("interventions_by_kind", 1),
    Figure.OBJECTIVES_ACHIEVED: ("objectives_by_area", 1),
    Figure.VOLUNTEERS: ("volunteers_by_organization", 0),
    Figure.VOLUNTEER_HOURS: ("volunteers_by_organization", 1),
    Figure.SESSIONS: ("events_by_month", 0),
    Figure.ATTENDANCE: ("events_by_month", 2),
}
# The indicator beside which a figure's targets are shown too.
INDICATOR_OF = {Figure.ACTIVITIES: "activities_by_area"} | {
    figure: key for figure, (key, _column) in FROM_ROWS.items()
}


@dataclass
class Target:
    action: str
    name: str
    unit: str
    value: Decimal
    share: int | None = None  # the figure as a percentage of the target


@dataclass
class Headline:
    figure: Figure
    value: object
    targets: list[Target] = field(default_factory=list)

    @property
    def label(self):
        return self.figure.label


def headlines(network, scope, period, indicators: dict) -> list[Headline]:
    values = {
        figure: sum((row.values[column] or 0 for row in indicators[key].rows), 0)
        for figure, (key, column) in FROM_ROWS.items()
    }
    values[Figure.ACTIVITIES] = _activities(scope, period).count()
    targets: dict[str, list[Target]] = {}
    for target in (
        ActionTarget.objects.filter(action__network=network)
        .exclude(figure="")
        .select_related("action")
        .order_by("action__number", "name")
    ):
        value = values[Figure(target.figure)]
        targets.setdefault(target.figure, []).append(
            Target(
                action=str(target.action),
                name=target.name,
                unit=target.unit,
                value=target.value,
                share=round(Decimal(value) * 100 / target.value) if target.value else None,
            )
        )
    return [Headline(figure, values[figure], targets.get(figure.value, [])) for figure in Figure]
