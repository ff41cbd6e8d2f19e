"""Horizontal bar charts as server-rendered SVG (templates/cocreation/_bars.html); the page
always shows the same numbers in a table beside the chart."""

from dataclasses import dataclass

ROW = 34
LABEL_WIDTH = 190
BAR_WIDTH = 260


@dataclass
class BarRow:
    label: str
    value: float
    text: str
    width: float
    y: int
    colour: str


@dataclass
class BarChart:
    rows: list[BarRow]
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH

    @property
    def height(self) -> int:
        return ROW * len(self.rows) + 6

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 70

    @property
    def bar_x(self) -> int:
        return self.label_width


def bar_chart(items, *, scale: float | None = None, colour: str = "#0b5394") -> BarChart:
    """``items`` are (label, value, text after the bar[, colour]); bars scale to ``scale`` or the largest value."""
    top = scale or max((item[1] for item in items), default=0) or 1
    rows = [
        BarRow(
            item[0],
            item[1],
            item[2],
            round(BAR_WIDTH * min(item[1], top) / top, 1),
            4 + ROW * i,
            item[3] if len(item) > 3 else colour,
        )
        for i, item in enumerate(items)
    ]
    return BarChart(rows)
