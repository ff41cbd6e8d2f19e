"""The comparison heat map: one row per document, one column per area of the framework, each cell
shaded by the area's score (0 to 1), with the area names written out above the columns.

The geometry is computed here (plain numbers, tested); templates/analysis/_heatmap_svg.html draws
it through ``render_picture``. The page shows the same figures in a table below the picture.
"""

import math

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from samskapa.analysis.framework import AREAS
from samskapa.core.pictures import fit, num, render_picture, text_width

FONT, HEADER_FONT = 12, 11
CELL_W, CELL_H, GAP = 44, 26, 2
LABEL_WIDTH = 220
HEADER_MAX = 210  # longest area name drawn above a column before it is cut with an ellipsis
SIN45 = math.sqrt(0.5)
# From white to a dark green; each step is darker, so order reads without colour names.
SCALE = [(247, 252, 245), (199, 233, 192), (116, 196, 118), (35, 139, 69), (0, 68, 27)]


def shade(score: float | None) -> str:
    """The cell's colour for a score from 0 (white) to 1 (dark green), interpolated in steps."""
    if score is None:
        return "#ffffff"
    position = max(0.0, min(1.0, float(score))) * (len(SCALE) - 1)
    low = int(position)
    high = min(low + 1, len(SCALE) - 1)
    part = position - low
    rgb = [round(a + (b - a) * part) for a, b in zip(SCALE[low], SCALE[high], strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def ink(score: float | None) -> str:
    """White writing on the dark half of the scale, dark writing on the light half (contrast)."""
    return "#ffffff" if score is not None and float(score) >= 0.55 else "#1b1f24"


def _headers(top: float) -> list[dict]:
    headers = []
    for index, (code, name) in enumerate(AREAS.items()):
        x = LABEL_WIDTH + index * (CELL_W + GAP) + CELL_W / 2
        label = fit(str(name), HEADER_MAX, HEADER_FONT)
        headers.append({"code": code, "name": str(name), "label": label, "x": round(x, 1), "y": top - 6})
    return headers


def _score_text(score: float | None, empty: str) -> str:
    return number_format(round(score, 2), 2) if score is not None else empty


def _cells_svg(name: str, y: str, text_y: str, cells: list[dict]) -> str:
    """One row's cells as SVG markup, written here in one pass: a template with ten tags a cell
    was most of the comparison's cost. Every text is escaped; the numbers are our own."""
    row = escape(name)
    return mark_safe(  # noqa: S308  escaped above and below
        "".join(
            f"<g><title>{row} — {escape(c['area'])}: {escape(c['text'])}</title>"
            f'<rect x="{c["x"]}" y="{y}" width="{CELL_W}" height="{CELL_H}" fill="{c["fill"]}" stroke="#6b7280" '
            f'stroke-width="{c["stroke"]}" class="cell cell--{escape(c["status"])}"/>'
            f'<text x="{c["text_x"]}" y="{text_y}" text-anchor="middle" font-size="11" fill="{c["ink"]}">'
            f"{escape(c['text'])}</text></g>"
            for c in cells
        )
    )


def table_rows(rows: list[dict]) -> list[dict]:
    """The table under the picture, each cell's words worked out once (not with tags per cell)."""
    names = {"covered": _("Covered"), "weak": _("Weak"), "missing": _("Missing")}
    return [
        {
            "document": row["document"],
            "mean": _score_text(sum(c["score"] or 0.0 for c in row["cells"]) / len(row["cells"]), "—"),
            "cells": [
                {"status": str(names.get(cell["status"], "—")), "score": _score_text(cell["score"], "")}
                for cell in row["cells"]
            ],
        }
        for row in rows
    ]


def heatmap(rows: list[dict]) -> dict:
    """The picture's geometry: headers slanted at 45° so whole area names fit above narrow columns."""
    names = [fit(str(name), HEADER_MAX, HEADER_FONT) for name in AREAS.values()]
    rise = max(text_width(name, HEADER_FONT) for name in names) * SIN45 + HEADER_FONT
    top = math.ceil(rise) + 8
    headers = _headers(top)
    last_x = headers[-1]["x"]
    width = math.ceil(max(last_x + rise + 4, LABEL_WIDTH + len(AREAS) * (CELL_W + GAP)))
    body = []
    for index, row in enumerate(rows):
        y = top + index * (CELL_H + GAP)
        document = row["document"]
        name = document["publisher"] or document["title"]
        # Every coordinate and text is worked out here, so the template only writes values out:
        # with hundreds of rows, filters and tags per cell were most of the page's cost.
        cells = [
            {
                "x": num(LABEL_WIDTH + i * (CELL_W + GAP)),
                "text_x": num(LABEL_WIDTH + i * (CELL_W + GAP) + CELL_W / 2),
                "fill": shade(cell["score"]),
                "ink": ink(cell["score"]),
                "text": _score_text(cell["score"], "–"),
                "status": cell["status"] or "missing",
                "stroke": "2" if cell["status"] == "covered" else "0.5",
                "area": headers[i]["name"],
            }
            for i, cell in enumerate(row["cells"])
        ]
        body.append(
            {
                "y": num(y),
                "text_y": num(y + 17),
                "label": fit(name, LABEL_WIDTH - 10, FONT),
                "name": name,
                "cells": cells,
                "cells_svg": _cells_svg(name, num(y), num(y + 17), cells),
            }
        )
    legend_y = top + len(rows) * (CELL_H + GAP) + 12
    legend = [{"x": LABEL_WIDTH + i * 50, "fill": shade(i / 4), "text": number_format(i / 4, 2)} for i in range(5)]
    return {
        "headers": headers,
        "rows": body,
        "width": width,
        "height": legend_y + 34,
        "legend": legend,
        "legend_y": legend_y,
        "cell_w": num(CELL_W),
        "cell_h": num(CELL_H),
        "label_width": LABEL_WIDTH,
    }


def heatmap_svg(rows: list[dict]):
    return render_picture("analysis/_heatmap_svg.html", heatmap(rows))
