"""Checks a server-drawn SVG picture the way a browser would reject or clip it.

- every numeric attribute is a number a browser accepts (no decimal comma, no "None");
- every mark (rect, circle, line, polyline) lies inside the viewBox;
- every text, measured conservatively (0.64 em a glyph, bold 10 % wider, descenders 0.25 em below the
  baseline), lies inside the viewBox.
"""

import math
import re
import xml.etree.ElementTree as ET

NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "dx", "dy", "font-size", "stroke-width"}
SIZES = {"width", "height"}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
SVG_BLOCK = re.compile(r"<svg\b.*?</svg>", re.S)
GLYPH = 0.64
DESCENT = 0.25
SLACK = 0.5


def svgs_in(html: str) -> list[str]:
    return SVG_BLOCK.findall(html)


def _tag(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _num(element, name: str, default: float = 0.0) -> float:
    value = element.get(name)
    return float(value) if value is not None else default


def _visible_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if _tag(child) != "title":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def _rotation(element):
    match = re.match(r"rotate\((-?[\d.]+)[ ,]+(-?[\d.]+)[ ,]+(-?[\d.]+)\)", element.get("transform", ""))
    return tuple(float(g) for g in match.groups()) if match else None


def _text_box(element, size: float, bold: bool):
    x = _num(element, "x") + _num(element, "dx")
    y = _num(element, "y") + _num(element, "dy")
    width = len(_visible_text(element)) * size * GLYPH * (1.1 if bold else 1.0)
    anchor = element.get("text-anchor", "start")
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    rotation = _rotation(element)
    if rotation:
        angle = math.radians(rotation[0])
        end_x, end_y = left + width * math.cos(angle), y + width * math.sin(angle)
        return min(left, end_x), min(y - size, end_y - size), max(left, end_x), max(y, end_y) + DESCENT * size
    baseline = element.get("dominant-baseline")
    if baseline in ("middle", "central"):
        return left, y - size / 2, left + width, y + size / 2
    return left, y - size, left + width, y + DESCENT * size


def problems(svg: str) -> list[str]:
    """What is wrong with the picture; empty when it renders whole."""
    found = []
    for match in re.finditer(r'\s([a-z0-9-]+)="(-?\d+,\d+)"', svg):
        found.append(f"{match.group(1)} has a decimal comma: {match.group(2)}")
    root = ET.fromstring(svg)  # noqa: S314  our own pictures, in tests
    view = [float(v) for v in root.get("viewBox", "").split()]
    if len(view) != 4:
        return [*found, f"viewBox is not four numbers: {root.get('viewBox')!r}"]
    vx, vy, vw, vh = view

    def outside(box, what):
        left, top, right, bottom = box
        if left < vx - SLACK or top < vy - SLACK or right > vx + vw + SLACK or bottom > vy + vh + SLACK:
            found.append(f"{what} lies outside the picture {view}: {tuple(round(b, 1) for b in box)}")

    def walk(element, size: float, bold: bool, offset_y: float):
        size = float(element.get("font-size", size))
        bold = bold or element.get("font-weight") in ("bold", "600", "700")
        match = re.match(r"translate\((-?[\d.]+)[ ,]+(-?[\d.]+)\)", element.get("transform", ""))
        if match and _tag(element) == "g":
            offset_y += float(match.group(2))
        for name in NUMERIC | SIZES:
            value = element.get(name)
            if value is not None and not (name in SIZES and value.endswith("%")) and not NUMBER.match(value):
                found.append(f"<{_tag(element)} {name}={value!r}> is not a number")
        tag = _tag(element)
        try:
            if tag == "text":
                box = _text_box(element, size, bold)
                outside((box[0], box[1] + offset_y, box[2], box[3] + offset_y), f"text {_visible_text(element)!r}")
            elif tag == "rect":
                x, y = _num(element, "x"), _num(element, "y") + offset_y
                outside((x, y, x + _num(element, "width"), y + _num(element, "height")), "rect")
            elif tag == "circle":
                cx, cy, r = _num(element, "cx"), _num(element, "cy") + offset_y, _num(element, "r")
                outside((cx - r, cy - r, cx + r, cy + r), "circle")
            elif tag == "line":
                xs = (_num(element, "x1"), _num(element, "x2"))
                ys = (_num(element, "y1") + offset_y, _num(element, "y2") + offset_y)
                outside((min(xs), min(ys), max(xs), max(ys)), "line")
            elif tag == "polyline":
                points = [tuple(float(v) for v in p.split(",")) for p in element.get("points", "").split()]
                outside(
                    (
                        min(p[0] for p in points),
                        min(p[1] for p in points),
                        max(p[0] for p in points),
                        max(p[1] for p in points),
                    ),
                    "polyline",
                )
        except ValueError as error:
            found.append(f"<{tag}> has an unreadable number: {error}")
        for child in element:
            if _tag(child) not in ("title", "desc"):
                walk(child, size, bold, offset_y)

    walk(root, 16.0, False, 0.0)
    return found
