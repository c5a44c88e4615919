"""A horizontal bar chart of an indicator's first column, as numbers the template draws in SVG:
no JavaScript, and the same table beside it for those who cannot see the bars.

The SVG's coordinates are in a fixed ``viewBox`` and the image scales to its box (360 px
phones included); labels are cut so that they fit the left margin, the table has them whole.
"""

from dataclasses import dataclass

from django.utils.formats import number_format

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 70
BAR_HEIGHT = 22
GAP = 8
LABEL_CHARACTERS = 30
MAX_BARS = 40  # beyond, the chart would be a wall: the table has every row


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    y: int
    width: int
    text_y: int
    value_x: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    left_out: int


def bar_chart(indicator) -> Chart:
    rows = indicator.rows[:MAX_BARS]
    largest = indicator.largest or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, row in enumerate(rows):
        value = row.values[0] or 0
        y = index * (BAR_HEIGHT + GAP)
        width = max(1, round(room * float(value) / float(largest))) if value else 0
        bars.append(
            Bar(
                label=_cut(row.label),
                value=number_format(value, use_l10n=True),
                y=y,
                width=width,
                text_y=y + BAR_HEIGHT - 6,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return Chart(
        bars=bars,
        width=WIDTH,
        height=max(BAR_HEIGHT, len(bars) * (BAR_HEIGHT + GAP)),
        label_width=LABEL_WIDTH,
        left_out=len(indicator.rows) - len(rows),
    )


def _cut(label: str) -> str:
    label = str(label)
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"
