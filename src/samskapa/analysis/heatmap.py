"""The comparison heat map: one row per document, one column per area of the framework, each cell
shaded by the area's score (0 to 1), with the area names written out above the columns.

The geometry is computed here (plain numbers, tested); templates/analysis/_heatmap_svg.html draws
it through ``render_picture``. The page shows the same figures in a table below the picture.
"""

import math

from django.template.defaultfilters import floatformat
from django.utils.formats import number_format

from samskapa.analysis.framework import AREAS
from samskapa.core.pictures import fit, render_picture, text_width

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
        cells = [
            {
                "x": LABEL_WIDTH + i * (CELL_W + GAP),
                "fill": shade(cell["score"]),
                "ink": ink(cell["score"]),
                "text": floatformat(cell["score"], 2) if cell["score"] is not None else "–",
                "status": cell["status"] or "missing",
                "area": headers[i]["name"],
            }
            for i, cell in enumerate(row["cells"])
        ]
        body.append({"y": y, "label": fit(name, LABEL_WIDTH - 10, FONT), "name": name, "cells": cells})
    legend_y = top + len(rows) * (CELL_H + GAP) + 12
    legend = [{"x": LABEL_WIDTH + i * 50, "fill": shade(i / 4), "text": number_format(i / 4, 2)} for i in range(5)]
    return {
        "headers": headers,
        "rows": body,
        "width": width,
        "height": legend_y + 34,
        "legend": legend,
        "legend_y": legend_y,
        "cell_w": CELL_W,
        "cell_h": CELL_H,
        "label_width": LABEL_WIDTH,
    }


def heatmap_svg(rows: list[dict]):
    return render_picture("analysis/_heatmap_svg.html", heatmap(rows))
