"""Indicator values arranged for reading: our series, the comparison with other areas and the
national figure, breakdowns, the latest value and the status against the target."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from samskapa.indicators import selectors
from samskapa.indicators.models import Indicator, Observation, Origin, Sex
from samskapa.indicators.periods import period_label, period_position
from samskapa.indicators.status import Assessment, Status, assess


@dataclass(frozen=True)
class Point:
    x: float
    label: str
    value: Decimal
    start: date
    end: date


@dataclass
class Series:
    key: str
    label: str
    kind: str  # home, reference, national or breakdown
    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None


@dataclass
class IndicatorView:
    """One indicator as a dashboard shows it."""

    indicator: Indicator
    home: Series
    assessment: Assessment

    @property
    def latest(self) -> Point | None:
        return self.home.latest


def _point(observation: Observation) -> Point:
    start, end = observation.period_start, observation.period_end
    return Point(period_position(start, end), period_label(start, end), observation.value, start, end)


def assessment_of(indicator: Indicator, points: list[Point]) -> Assessment:
    return assess(
        direction=indicator.direction,
        points=[(p.x, float(p.value)) for p in points],
        baseline=indicator.baseline,
        target=indicator.target,
    )


def home_label(indicator: Indicator) -> str:
    return indicator.organisation.name


def indicator_views(*, organisation, indicators) -> list[IndicatorView]:
    """Our own series and status for each indicator, in two queries whatever their number."""
    indicators = list(indicators)
    found = selectors.home_observations(organisation=organisation, indicators=indicators)
    views = []
    for indicator in indicators:
        points = [_point(o) for o in found.get(indicator.pk, [])]
        home = Series(indicator.home_area, organisation.name, "home", points)
        views.append(IndicatorView(indicator, home, assessment_of(indicator, points)))
    return views


@dataclass
class ListRow:
    """One row of the indicator list: the latest value read by the list's subquery, the stored status."""

    indicator: Indicator
    latest: Point | None
    assessment: Assessment


def list_rows(indicators) -> list[ListRow]:
    """The rows of one page of ``selectors.indicator_rows`` (annotated with the latest value)."""
    rows = []
    for indicator in indicators:
        latest = None
        if indicator.latest_value is not None:
            start, end = indicator.latest_start, indicator.latest_end
            latest = Point(period_position(start, end), period_label(start, end), indicator.latest_value, start, end)
        rows.append(ListRow(indicator, latest, Assessment(Status(indicator.status))))
    return rows


def comparison_series(*, organisation, indicator: Indicator) -> list[Series]:
    """Our series, the references and the national figure (everyone, no breakdown)."""
    areas = indicator.areas
    names = selectors.area_names(scheme=indicator.source, codes=areas)
    rows = selectors.observation_list(organisation=organisation, indicator=indicator, areas=areas).filter(
        sex=Sex.TOTAL, age="", origin=Origin.ALL
    )
    by_area: dict[str, list[Point]] = defaultdict(list)
    for row in rows.order_by("area_code", "period_start"):
        by_area[row.area_code].append(_point(row))
    series = []
    for code in areas:
        if code == indicator.home_area:
            kind, label = "home", organisation.name
        elif code == indicator.national_area:
            kind, label = "national", names.get(code) or _("National figure")
        else:
            kind, label = "reference", names.get(code, code)
        series.append(Series(code, label, kind, by_area.get(code, [])))
    return series


BREAKDOWN_LABELS = {
    "sex": dict(Sex.choices),
    "origin": dict(Origin.choices),
}


def breakdown_series(*, organisation, indicator: Indicator, breakdown: str) -> list[Series]:
    """Our area's series split by sex, age group or where people were born."""
    rows = Observation.objects.filter(organisation=organisation, indicator=indicator, area_code=indicator.home_area)
    others = {
        "sex": {"age": "", "origin": ""},
        "age": {"sex": "total", "origin": ""},
        "origin": {"sex": "total", "age": ""},
    }
    rows = rows.filter(**others[breakdown]).order_by(breakdown, "period_start")
    grouped: dict[str, list[Point]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, breakdown)].append(_point(row))
    labels = BREAKDOWN_LABELS.get(breakdown, {})
    order = {"sex": ["total", "women", "men"], "origin": ["", "foreign", "native"]}.get(breakdown)
    keys = [k for k in order if k in grouped] if order else sorted(grouped, key=lambda k: (k != "", k))
    return [
        Series(key, str(labels.get(key, key or _("All ages"))), "breakdown", grouped[key])
        for key in keys
        if len(grouped) > 1
    ]


@dataclass
class ComparisonRow:
    code: str
    name: str
    kind: str
    period: str
    value: Decimal | None
    rank: int | None = None


def comparison_table(*, organisation, indicator: Indicator, series: list[Series]) -> tuple[list[ComparisonRow], int]:
    """The latest value of each compared area; with every area fetched, our rank among them."""
    rows = [
        ComparisonRow(s.key, s.label, s.kind, s.latest.label if s.latest else "", s.latest.value if s.latest else None)
        for s in series
    ]
    home = next((s for s in series if s.kind == "home"), None)
    if not indicator.all_areas or home is None or home.latest is None:
        return rows, 0
    latest = home.latest
    # Rank among areas of the same kind as ours (municipalities: four-digit codes, not regions).
    cells = list(
        Observation.objects.filter(
            organisation=organisation,
            indicator=indicator,
            period_start=latest.start,
            period_end=latest.end,
            sex="total",
            age="",
            origin="",
        )
        .exclude(area_code=indicator.national_area)
        .exclude(area_code__startswith="00")
        .values_list("area_code", "value")
    )
    same_period = [value for code, value in cells if len(code) == len(indicator.home_area)]
    better = (lambda v: v > latest.value) if indicator.direction != "lower" else (lambda v: v < latest.value)
    rank = 1 + sum(1 for v in same_period if better(v))
    for row in rows:
        if row.kind == "home":
            row.rank = rank
    return rows, len(same_period)
