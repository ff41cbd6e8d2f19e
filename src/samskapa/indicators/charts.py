"""Indicator charts as SVG drawn on the server: the same picture in pages, PDF and DOCX.

``line_chart`` draws series of values over time with the baseline, the target and the
path between them; ``sparkline`` is its small form for dashboards. The SVG names itself
(title and description, read by screen readers); pages always put the values beside it
as a table (template ``indicators/_chart.html``). Other apps (the public site, reports)
import this module rather than drawing their own.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskapa.core.pictures import fit, text_width
from samskapa.indicators.series import Series

INK, MUTED, GRID, TARGET = "#1b1f24", "#4a5260", "#d5d9e0", "#1e6b35"
COLOURS = {"home": "#0b5394", "national": "#4a5260", "breakdown": "#0b5394"}
# Distinguishable for the common colour-vision deficiencies, and dark enough on white.
REFERENCE_COLOURS = ["#b35806", "#542788", "#1b7837", "#8c510a", "#c51b7d", "#01665e"]
BREAKDOWN_COLOURS = ["#0b5394", "#b35806", "#542788", "#1b7837", "#c51b7d", "#8c510a"]
DASHES = {"national": "6 4", "reference": "", "home": "", "breakdown": ""}
FONT = 'font-family="DejaVu Sans, Noto Sans, system-ui, sans-serif"'
AXIS_FONT, LEGEND_FONT, LEGEND_SWATCH = 11, 12, 26


@dataclass
class Frame:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    ticks: list[float]

    def x(self, value: float) -> float:
        span = (self.x_max - self.x_min) or 1.0
        return round(self.left + (value - self.x_min) / span * (self.width - self.left - self.right), 1)

    def y(self, value: float) -> float:
        span = (self.y_max - self.y_min) or 1.0
        return round(
            self.height - self.bottom - (value - self.y_min) / span * (self.height - self.top - self.bottom), 1
        )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (1, 2 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def fmt(value: Decimal | float | None, decimals: int) -> str:
    if value is None:
        return "—"
    return number_format(round(Decimal(str(value)), decimals), decimal_pos=decimals, use_l10n=True, force_grouping=True)


def with_unit(value: Decimal | float | None, decimals: int, unit: str) -> str:
    text = fmt(value, decimals)
    if not unit or value is None:
        return text
    return f"{text} %" if unit == "%" else f"{text} {unit}"


def _colour(series: Series, index: int) -> str:
    if series.kind == "reference":
        return REFERENCE_COLOURS[index % len(REFERENCE_COLOURS)]
    if series.kind == "breakdown":
        return BREAKDOWN_COLOURS[index % len(BREAKDOWN_COLOURS)]
    return COLOURS[series.kind]


def _frame(series, baseline, target, width, height, margins) -> Frame | None:
    xs = [p.x for s in series for p in s.points]
    ys = [float(p.value) for s in series for p in s.points]
    for mark in (baseline, target):
        if mark is not None:
            xs.append(mark[0] + 0.5)
            ys.append(float(mark[1]))
    if not xs:
        return None
    low, high = min(ys), max(ys)
    if low >= 0 and low <= 0.25 * high:
        low = 0.0
    ticks = nice_ticks(low, high)
    left, right, top, bottom = margins
    x_min, x_max = min(xs), max(xs)
    if x_max - x_min < 1:
        x_min, x_max = x_min - 0.5, x_max + 0.5
    return Frame(width, height, left, right, top, bottom, x_min - 0.3, x_max + 0.3, ticks[0], ticks[-1], ticks)


def _left_margin(series, baseline, target, decimals: int, unit: str, *, compact: bool) -> int:
    """Room left of the plot for the widest value label ("1 000 besök"), so none is cut."""
    frame = _frame(series, baseline, target, 100, 100, (0, 0, 0, 0))
    if frame is None:
        return 52
    ticks = [frame.y_min, frame.y_max] if compact else frame.ticks
    widest = max(text_width(_tick_label(tick, decimals, unit), AXIS_FONT) for tick in ticks)
    return max(40, math.ceil(widest) + 12)


def _tick_label(tick: float, decimals: int, unit: str) -> str:
    return with_unit(tick, decimals if tick != int(tick) else 0, unit)


def _year_ticks(frame: Frame, most: int) -> list[int]:
    first, last = math.ceil(frame.x_min - 0.5), math.floor(frame.x_max - 0.5)
    years = list(range(first, last + 1))
    step = next(s for s in (1, 2, 5, 10, 20) if len(years) / s <= most)
    return [y for y in years if y % step == 0] or years[:1]


def _axes(frame: Frame, decimals: int, unit: str, *, compact: bool) -> list[str]:
    parts = []
    for tick in frame.ticks if not compact else [frame.y_min, frame.y_max]:
        y = frame.y(tick)
        parts.append(f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y}" y2="{y}" stroke="{GRID}"/>')
        label = escape(_tick_label(tick, decimals, unit))
        parts.append(
            f'<text x="{frame.left - 6}" y="{y + 4}" text-anchor="end" font-size="{AXIS_FONT}" fill="{MUTED}" {FONT}>'
            f"{label}</text>"
        )
    for year in _year_ticks(frame, 4 if compact else 10):
        x = frame.x(year + 0.5)
        base = frame.height - frame.bottom
        parts.append(f'<line x1="{x}" x2="{x}" y1="{base}" y2="{base + 4}" stroke="{MUTED}"/>')
        parts.append(
            f'<text x="{x}" y="{base + 16}" text-anchor="middle" font-size="11" fill="{MUTED}" {FONT}>{year}</text>'
        )
    return parts


def _marks(frame: Frame, baseline, target, decimals: int, unit: str, *, compact: bool) -> list[str]:
    parts = []
    if baseline is not None and target is not None:
        x1, y1 = frame.x(baseline[0] + 0.5), frame.y(float(baseline[1]))
        x2, y2 = frame.x(target[0] + 0.5), frame.y(float(target[1]))
        parts.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{TARGET}" stroke-width="1.5" '
            'stroke-dasharray="2 4"/>'
        )
    if baseline is not None:
        x, y = frame.x(baseline[0] + 0.5), frame.y(float(baseline[1]))
        parts.append(
            f'<rect x="{x - 4.5}" y="{y - 4.5}" width="9" height="9" fill="#fff" stroke="{INK}" stroke-width="1.5"/>'
        )
    if target is not None:
        x, y = frame.x(target[0] + 0.5), frame.y(float(target[1]))
        parts.append(f'<path d="M{x} {y - 7} L{x + 7} {y} L{x} {y + 7} L{x - 7} {y} Z" fill="{TARGET}" stroke="#fff"/>')
        if not compact:
            text = escape(
                _("Target %(year)s: %(value)s") % {"year": target[0], "value": with_unit(target[1], decimals, unit)}
            )
            parts.append(_target_label(frame, x, y, text))
    return parts


def _target_label(frame: Frame, x: float, y: float, text: str) -> str:
    """The target's value beside its diamond, kept inside the picture whichever side it goes."""
    width = text_width(text, AXIS_FONT) * 1.1  # bold
    if x > frame.width * 0.6:
        right = min(x - 10, frame.width - 4)
        left = max(right - width, 4)
    else:
        left = min(x + 10, frame.width - 4 - width)
        left = max(left, 4)
    return (
        f'<text x="{round(left, 1)}" y="{max(y - 9, 12)}" font-size="{AXIS_FONT}" fill="{TARGET}" '
        f'font-weight="bold" {FONT}>{text}</text>'
    )


def _lines(frame: Frame, series: Sequence[Series], *, compact: bool) -> list[str]:
    parts = []
    counters = {"reference": 0, "breakdown": 0}
    # Draw the references first so our own line is on top.
    order = sorted(enumerate(series), key=lambda item: item[1].kind == "home")
    colours = {}
    for index, s in enumerate(series):
        colours[index] = _colour(s, counters.get(s.kind, 0))
        if s.kind in counters:
            counters[s.kind] += 1
    for index, s in order:
        if not s.points:
            continue
        colour, width = colours[index], 3 if s.kind == "home" else 2
        coords = " ".join(f"{frame.x(p.x)},{frame.y(float(p.value))}" for p in s.points)
        dash = f' stroke-dasharray="{DASHES[s.kind]}"' if DASHES.get(s.kind) else ""
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="{width}"{dash}/>')
        radius = 2.5 if compact else 3.5
        for p in s.points:
            parts.append(f'<circle cx="{frame.x(p.x)}" cy="{frame.y(float(p.value))}" r="{radius}" fill="{colour}"/>')
    return parts


def _legend(frame: Frame, series: Sequence[Series], baseline, target, y: float) -> list[str]:
    entries = []
    counters = {"reference": 0, "breakdown": 0}
    for s in series:
        colour = _colour(s, counters.get(s.kind, 0))
        if s.kind in counters:
            counters[s.kind] += 1
        entries.append(("line", colour, DASHES.get(s.kind, ""), s.label))
    if baseline is not None:
        entries.append(("baseline", INK, "", _("Baseline")))
    if target is not None:
        entries.append(("target", TARGET, "", _("Target")))
    parts, x = [], frame.left
    room = frame.width - frame.right - frame.left
    for shape, colour, dash, label in entries:
        label = fit(label, room - LEGEND_SWATCH, LEGEND_FONT)
        width = _legend_step(label)
        if x + width > frame.width - frame.right and x > frame.left:
            x, y = frame.left, y + 18
        if shape == "line":
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<line x1="{x}" x2="{x + 20}" y1="{y - 4}" y2="{y - 4}" stroke="{colour}" '
                f'stroke-width="3"{dash_attr}/>'
            )
        elif shape == "baseline":
            parts.append(
                f'<rect x="{x + 6}" y="{y - 8.5}" width="9" height="9" fill="#fff" stroke="{colour}" '
                'stroke-width="1.5"/>'
            )
        else:
            parts.append(
                f'<path d="M{x + 10} {y - 11} L{x + 17} {y - 4} L{x + 10} {y + 3} L{x + 3} {y - 4} Z" fill="{colour}"/>'
            )
        parts.append(
            f'<text x="{x + LEGEND_SWATCH}" y="{y}" font-size="{LEGEND_FONT}" fill="{INK}" {FONT}>'
            f"{escape(label)}</text>"
        )
        x += width
    return parts


def _legend_step(label: str) -> float:
    """The room one legend entry takes: its swatch, its label and a gap before the next entry."""
    return LEGEND_SWATCH + text_width(label, LEGEND_FONT) + 18


def _legend_rows(labels: Sequence[str], right: float, left: float) -> int:
    rows, x = 1, left
    for label in labels:
        step = _legend_step(fit(label, right - left - LEGEND_SWATCH, LEGEND_FONT))
        if x + step > right and x > left:
            rows, x = rows + 1, left
        x += step
    return rows


def describe(series: Sequence[Series], baseline, target, decimals: int, unit: str) -> str:
    """A sentence a screen reader can read instead of the picture."""
    sentences = []
    home = next((s for s in series if s.kind in ("home", "breakdown") and s.points), None)
    if home and home.latest:
        first, last = home.points[0], home.latest
        sentences.append(
            _("%(name)s: %(first)s in %(first_period)s, %(last)s in %(last_period)s.")
            % {
                "name": home.label,
                "first": with_unit(first.value, decimals, unit),
                "first_period": first.label,
                "last": with_unit(last.value, decimals, unit),
                "last_period": last.label,
            }
        )
    if baseline is not None:
        sentences.append(
            _("Baseline %(year)s: %(value)s.") % {"year": baseline[0], "value": with_unit(baseline[1], decimals, unit)}
        )
    if target is not None:
        sentences.append(
            _("Target %(year)s: %(value)s.") % {"year": target[0], "value": with_unit(target[1], decimals, unit)}
        )
    return " ".join(sentences) or _("No values yet.")


def line_chart(
    *,
    series: Sequence[Series],
    title: str,
    unit: str = "",
    decimals: int = 1,
    baseline=None,
    target=None,
    chart_id: str = "chart",
    width: int = 640,
    height: int = 300,
) -> SafeString:
    """An SVG line chart of the series, with baseline, target and the path between them."""
    left = _left_margin(series, baseline, target, decimals, unit, compact=False)
    labels = [s.label for s in series]
    labels += [_("Baseline")] if baseline is not None else []
    labels += [_("Target")] if target is not None else []
    legend_height = 18 * _legend_rows(labels, width - 24, left) + 14
    frame = _frame(series, baseline, target, width, height + legend_height, (left, 24, 28, 34 + legend_height))
    return _svg(frame, width, height + legend_height, title, series, baseline, target, decimals, unit, chart_id, False)


def sparkline(
    *, series: Series, title: str, unit: str = "", decimals: int = 1, baseline=None, target=None, chart_id: str
) -> SafeString:
    """A small chart of our own series with baseline and target, for dashboards."""
    left = _left_margin([series], baseline, target, decimals, unit, compact=True)
    frame = _frame([series], baseline, target, 300, 130, (left, 12, 12, 24))
    return _svg(frame, 300, 130, title, [series], baseline, target, decimals, unit, chart_id, True)


def _svg(frame, width, height, title, series, baseline, target, decimals, unit, chart_id, compact) -> SafeString:
    description = describe(series, baseline, target, decimals, unit)
    size = "chart--small" if compact else ""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart {size}" direction="ltr" '
        'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
    )
    if frame is None:
        body = [
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-size="13" fill="{MUTED}" {FONT}>'
            f"{escape(_('No values yet.'))}</text>"
        ]
    else:
        body = _axes(frame, decimals, unit, compact=compact)
        body += _marks(frame, baseline, target, decimals, unit, compact=compact)
        body += _lines(frame, series, compact=compact)
        if not compact:
            body += _legend(frame, series, baseline, target, frame.height - frame.bottom + 44)
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308  every text inside is escaped above


def marks(indicator):
    """The indicator's (baseline, target) as (year, value) pairs, or None where not set."""
    return indicator.baseline, indicator.target


def table_rows(series: Sequence[Series], decimals: int) -> list[dict]:
    """The values of the series by period, oldest first: one row per period, one cell per series."""
    periods: dict[str, float] = {}
    for s in series:
        for point in s.points:
            periods.setdefault(point.label, point.x)
    lookup = [{p.label: p.value for p in s.points} for s in series]
    return [
        {"period": label, "values": [fmt(values.get(label), decimals) for values in lookup]}
        for label in sorted(periods, key=lambda label: periods[label])
    ]


def indicator_chart(
    indicator, series: Sequence[Series], *, chart_id: str, title: str = "", with_marks: bool = True, **size
) -> dict:
    """The chart of an indicator's series, with its baseline and target, and the same values as
    table rows: what a page, the public site or a report puts side by side."""
    baseline, target = marks(indicator) if with_marks else (None, None)
    title = title or indicator.title
    svg = line_chart(
        series=series,
        title=title,
        unit=indicator.unit,
        decimals=indicator.decimals,
        baseline=baseline,
        target=target,
        chart_id=chart_id,
        **size,
    )
    return {"svg": svg, "title": title, "series": series, "rows": table_rows(series, indicator.decimals)}
