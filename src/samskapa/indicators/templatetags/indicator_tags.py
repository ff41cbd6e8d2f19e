"""Template helpers: an indicator's chart with its values as a table, values with units, reminders."""

from django import template

from samskapa.indicators import charts
from samskapa.indicators.selectors import Reminders, reminders_first

register = template.Library()


@register.inclusion_tag("indicators/_chart.html")
def indicator_chart(indicator, series, chart_id: str, title: str = "", with_marks: bool = True):
    """The chart of ``series`` for ``indicator`` (with baseline and target), and its values as a table."""
    context = charts.indicator_chart(indicator, series, chart_id=chart_id, title=title, with_marks=with_marks)
    return {**context, "unit": indicator.unit, "chart_id": chart_id}


@register.inclusion_tag("indicators/_sparkline.html")
def indicator_sparkline(view, prefix: str, key=""):
    """A small chart of our own values with baseline and target, and the values as a table."""
    indicator = view.indicator
    chart_id = f"{prefix}-{key}-{indicator.pk}"
    baseline, target = charts.marks(indicator)
    svg = charts.sparkline(
        series=view.home,
        title=indicator.title,
        unit=indicator.unit,
        decimals=indicator.decimals,
        baseline=baseline,
        target=target,
        chart_id=chart_id,
    )
    return {"svg": svg, "view": view, "rows": charts.table_rows([view.home], indicator.decimals), "chart_id": chart_id}


@register.simple_tag
def with_unit(value, indicator) -> str:
    return charts.with_unit(value, indicator.decimals, indicator.unit)


@register.simple_tag
def indicator_reminders(organisation, user):
    """Missing values, for those who follow up (coordinators and administrators)."""
    if not user.has_perm("indicators.change_indicators", organisation):
        return Reminders([], 0)
    return reminders_first(organisation=organisation)
