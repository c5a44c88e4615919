"""What every indicator returns: a titled table of aggregate rows, one label and a few numbers
per row, never a person. The dashboard draws its first column as bars; the exports write it as
it is, with the small counts suppressed (``exports.py``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Aggregate, FloatField, Func, IntegerField

COUNT = "count"  # people, families, rows: suppressed under the threshold in the exports
MEASURE = "measure"  # hours, euros, days: suppressed with the row's count


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = COUNT


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple


@dataclass
class Indicator:
    key: str
    title: str
    dimension: str
    columns: tuple[Column, ...]
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    targets: list = field(default_factory=list)  # the headlines with targets it measures

    @property
    def header(self) -> list[str]:
        return [str(self.dimension), *(str(column.label) for column in self.columns)]

    @property
    def largest(self):
        return max((_number(row.values[0]) for row in self.rows), default=0)


def _number(value) -> float:
    if isinstance(value, int | float | Decimal):
        return float(value)
    return 0.0


class Median(Aggregate):
    """PostgreSQL's ``percentile_cont(0.5)``: the median of the expression, in SQL."""

    function = "percentile_cont"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class EpochSeconds(Func):
    """Seconds in an interval (``answered_at - created_at``)."""

    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()


class Cardinality(Func):
    """The number of items of an array (the ages of a sign-up: its people)."""

    function = "cardinality"
    output_field = IntegerField()
