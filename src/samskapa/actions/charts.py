"""Pictures of the action plan as server-rendered SVG: a timeline of the actions over the period and
the status of each focus area's actions. Pages and PDF reports use the same pictures; pages always
show the figures as a table beside them.

The functions compute the geometry here (plain numbers, tested) and render the SVG with a template,
so every text in the picture is escaped and translated like the rest of the page.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from samskapa.actions.models import OVERDUE, Action, ActionPlan, Status
from samskapa.actions.selectors import shown_status_choices
from samskapa.core.pictures import fit, legend_positions, render_picture, text_width

# One colour per status, each with at least 3:1 contrast on white (WCAG 1.4.11); the status is
# also written in each bar's title, in the legend and in the table beside the picture.
COLOURS = {
    Status.PLANNED: "#5b6472",
    Status.ONGOING: "#0b5394",
    Status.DONE: "#1e6b35",
    Status.DELAYED: "#a4262c",
    Status.CANCELLED: "#8a4b00",
    OVERDUE: "#7b1e63",
}
WIDTH, LABEL_WIDTH, RIGHT_MARGIN = 960, 330, 16
HEADER, GROUP_ROW, ACTION_ROW, BAR = 40, 28, 24, 14
FONT = 12


@dataclass
class Bar:
    action: Action
    y: int
    x: float
    width: float
    done_width: float
    colour: str
    label: str


@dataclass
class Group:
    title: str
    y: int
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Tick:
    x: float
    label: str
    major: bool


def _span(plan: ActionPlan, actions: list[Action], span=None) -> tuple[date, date]:
    starts = [a.start for a in actions if a.start] + [plan.period_start]
    ends = [a.end for a in actions if a.end] + [plan.period_end]
    if span is not None:  # the whole timeline's, so that every page has the same axis
        starts += [span.first] if span.first else []
        ends += [span.last] if span.last else []
    first, last = min(starts), max(ends)
    first = first.replace(day=1)
    last = (last.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def _ticks(first: date, last: date, x) -> list[Tick]:
    ticks = []
    for year in range(first.year, last.year + 1):
        for month in (1, 4, 7, 10):
            day = date(year, month, 1)
            if first <= day <= last:
                label = str(year) if month == 1 else f"Q{(month + 2) // 3}"
                ticks.append(Tick(x(day), label, month == 1))
    return ticks


def timeline(plan: ActionPlan, actions: list[Action], today: date | None = None, span=None) -> dict:
    """The geometry of the timeline: groups per focus area in strategy order, one bar per dated action.

    ``actions`` is what is drawn (a page of the plan); ``span`` (``selectors.TimelineSpan``), when
    given, is the whole timeline's, so the axis stays the same from page to page.
    """
    dated = [a for a in actions if a.start and a.end]
    first, last = _span(plan, dated, span)
    days = max((last - first).days, 1)
    chart = WIDTH - LABEL_WIDTH - RIGHT_MARGIN

    def x(day: date) -> float:
        return round(LABEL_WIDTH + (day - first).days / days * chart, 1)

    def area_key(action: Action):
        area = action.focus_area
        return (area.order, area.pk, area.title) if area else (10**6, 0, "")

    groups, y = [], HEADER
    for (_order, _pk, title), members in groupby(sorted(dated, key=lambda a: (area_key(a), a.number)), key=area_key):
        group = Group(title=fit(title, LABEL_WIDTH - 12, FONT + 2) if title else "", y=y)
        y += GROUP_ROW
        for action in members:
            start, width = x(action.start), max(x(action.end + timedelta(days=1)) - x(action.start), 2)
            done = round(width * action.percent_complete / 100, 1)
            label = fit(f"{action.number}. {action.title}", LABEL_WIDTH - 20, FONT)
            colour = COLOURS[getattr(action, "status_shown", None) or action.shown_status]
            group.bars.append(Bar(action, y, start, round(width, 1), done, colour, label))
            y += ACTION_ROW
        groups.append(group)
    today = today or timezone.localdate()
    today_x = x(today) if first <= today <= last else None
    return {
        "groups": groups,
        "ticks": _ticks(first, last, x),
        "today_x": today_x,
        # Near the right edge the word "today" goes to the left of its line.
        "today_anchor": "end" if today_x and today_x > WIDTH - 60 else "start",
        "height": y + 12,
        "width": WIDTH,
        "label_width": LABEL_WIDTH,
        "first": first,
        "last": last,
        "undated": span.undated if span is not None else len(actions) - len(dated),
        "plan": plan,
        "legend": legend(),
        "bar_height": BAR,
    }


def legend() -> list[dict]:
    """One entry per status with its colour and its place in the row, measured in this language."""
    choices = shown_status_choices()
    labels = [str(label) for _value, label in choices]
    positions = legend_positions(labels, FONT, start=4)
    return [
        {"label": label, "colour": COLOURS[value], "x": x, "text_x": x + 18}
        for (value, _label), label, x in zip(choices, labels, positions, strict=True)
    ]


def timeline_chart(plan: ActionPlan, actions: list[Action], today: date | None = None, span=None) -> SafeString:
    return render_picture("actions/_timeline_svg.html", timeline(plan, actions, today, span))


@dataclass
class Segment:
    x: float
    width: float
    colour: str
    status: str
    count: int


def _overview_text(row) -> str:
    return ngettext(
        "%(total)s action, %(percent)s %% on average", "%(total)s actions, %(percent)s %% on average", row.total
    ) % {"total": row.total, "percent": row.mean_percent}


def overview(rows) -> dict:
    """Horizontal bars, one per focus area, split by status and scaled to the largest area.

    The bars leave room on the right for the longest "n actions, p % on average" in this language.
    """
    texts = [_overview_text(row) for row in rows]
    widest = max((row.total for row in rows), default=0) or 1
    room = max((text_width(text, FONT) for text in texts), default=0) + 6 + RIGHT_MARGIN
    chart = WIDTH - LABEL_WIDTH - room
    bars, y = [], HEADER
    for row, text in zip(rows, texts, strict=True):
        x, segments = float(LABEL_WIDTH), []
        for value, label, count in row.status_rows:
            if count:
                width = round(count / widest * chart, 1)
                segments.append(Segment(x, width, COLOURS[value], label, count))
                x += width
        title = fit(row.focus_area.title, LABEL_WIDTH - 12, FONT) if row.focus_area else ""
        bars.append({"row": row, "y": y, "segments": segments, "end": x, "text": text, "title": title})
        y += ACTION_ROW + 8
    return {
        "bars": bars,
        "height": y + 8,
        "width": WIDTH,
        "label_width": LABEL_WIDTH,
        "legend": legend(),
        "bar_height": 18,
    }


def overview_chart(rows) -> SafeString:
    return render_picture("actions/_overview_svg.html", overview(rows))
