"""Template helpers: an indicator's chart with its values as a table, values with units, reminders."""

from django import template

from samskapa.indicators import charts
from samskapa.indicators.selectors import reminder_list

register = template.Library()


def marks(indicator):
    """The indicator's (baseline, target) as (year, value) pairs, or None where not set."""
    baseline = (indicator.baseline_year, indicator.baseline_value) if indicator.baseline_year else None
    target = (indicator.target_year, indicator.target_value) if indicator.target_year else None
    return baseline, target


def table_rows(series, decimals: int) -> list[dict]:
    """The values of the series by period, oldest first: one row per period, one cell per series."""
    periods: dict[str, float] = {}
    for s in series:
        for point in s.points:
            periods.setdefault(point.label, point.x)
    lookup = [{p.label: p.value for p in s.points} for s in series]
    return [
        {"period": label, "values": [charts.fmt(values.get(label), decimals) for values in lookup]}
        for label in sorted(periods, key=periods.get)
    ]


@register.inclusion_tag("indicators/_chart.html")
def indicator_chart(indicator, series, chart_id: str, title: str = "", with_marks: bool = True):
    """The chart of ``series`` for ``indicator`` (with baseline and target), and its values as a table."""
    baseline, target = marks(indicator) if with_marks else (None, None)
    title = title or indicator.title
    svg = charts.line_chart(
        series=series,
        title=title,
        unit=indicator.unit,
        decimals=indicator.decimals,
        baseline=baseline,
        target=target,
        chart_id=chart_id,
    )
    return {
        "svg": svg,
        "title": title,
        "series": series,
        "rows": table_rows(series, indicator.decimals),
        "unit": indicator.unit,
        "chart_id": chart_id,
    }


@register.inclusion_tag("indicators/_sparkline.html")
def indicator_sparkline(view, chart_id: str):
    """A small chart of our own values with baseline and target, and the values as a table."""
    indicator = view.indicator
    baseline, target = marks(indicator)
    svg = charts.sparkline(
        series=view.home,
        title=indicator.title,
        unit=indicator.unit,
        decimals=indicator.decimals,
        baseline=baseline,
        target=target,
        chart_id=chart_id,
    )
    return {"svg": svg, "view": view, "rows": table_rows([view.home], indicator.decimals), "chart_id": chart_id}


@register.simple_tag
def with_unit(value, indicator) -> str:
    return charts.with_unit(value, indicator.decimals, indicator.unit)


@register.simple_tag
def indicator_reminders(organisation, user):
    """Missing values, for those who follow up (coordinators and administrators)."""
    if not user.has_perm("indicators.change_indicators", organisation):
        return []
    return reminder_list(organisation=organisation)
