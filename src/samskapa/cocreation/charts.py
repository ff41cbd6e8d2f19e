"""Horizontal bar charts as server-rendered SVG (templates/cocreation/_bars_svg.html); the page
always shows the same numbers in a table beside the chart."""

from dataclasses import dataclass

from samskapa.core.pictures import fit, text_width

ROW = 34
FONT = 13
BAR_WIDTH = 260
# Labels longer than this are cut with an ellipsis; the table beside has them whole.
LABEL_MAX = 240
GAP = 8


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
    bar_width: int = BAR_WIDTH

    @property
    def label_width(self) -> float:
        widest = max((text_width(row.label, FONT) for row in self.rows), default=0)
        return round(min(widest, LABEL_MAX) + 2 * GAP)

    @property
    def text_width(self) -> float:
        return round(max((text_width(row.text, FONT) for row in self.rows), default=0) + 2 * GAP)

    @property
    def height(self) -> int:
        return ROW * len(self.rows) + 6

    @property
    def width(self) -> float:
        return self.label_width + self.bar_width + self.text_width

    @property
    def bar_x(self) -> float:
        return self.label_width

    @property
    def labelled_rows(self):
        """Each row with its label cut to the label column and the positions of its texts."""
        for row in self.rows:
            yield {
                "row": row,
                "label": fit(row.label, LABEL_MAX, FONT),
                "label_x": self.label_width - GAP,
                "text_x": self.bar_x + self.bar_width + GAP,
            }


def bar_chart(items, *, scale: float | None = None, colour: str = "#0b5394") -> BarChart:
    """``items`` are (label, value, text after the bar[, colour]); bars scale to ``scale`` or the largest value."""
    top = scale or max((item[1] for item in items), default=0) or 1
    rows = [
        BarRow(
            str(item[0]),
            item[1],
            str(item[2]),
            round(BAR_WIDTH * max(min(item[1], top), 0) / top, 1),
            4 + ROW * i,
            item[3] if len(item) > 3 else colour,
        )
        for i, item in enumerate(items)
    ]
    return BarChart(rows)
