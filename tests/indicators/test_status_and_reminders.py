"""Status from trend and target, periods, reminders for values not entered, and the charts."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.indicators.factories import IndicatorFactory, KoladaIndicatorFactory, series

from samskapa.core.errors import ApplicationError
from samskapa.indicators import charts
from samskapa.indicators.periods import latest_due_period, parse_period, period_label
from samskapa.indicators.selectors import reminder_list
from samskapa.indicators.series import Point, Series
from samskapa.indicators.status import Status, assess, slope


def yearly(values: dict[int, float]):
    return [(year + 0.5, value) for year, value in values.items()]


def test_a_target_reached_is_on_track():
    result = assess(direction="higher", points=yearly({2022: 60, 2023: 71}), baseline=(2022, 60), target=(2026, 70))
    assert result.status == Status.ON_TRACK


def test_a_trend_that_reaches_the_target_in_time_is_on_track():
    points = yearly({2021: 40, 2022: 43, 2023: 46, 2024: 49})
    result = assess(direction="higher", points=points, baseline=(2021, 40), target=(2027, 57))
    assert result.status == Status.ON_TRACK and result.projected == pytest.approx(58.0)


def test_better_than_the_baseline_but_too_slow_is_at_risk():
    points = yearly({2021: 40, 2022: 41, 2023: 42})
    result = assess(direction="higher", points=points, baseline=(2021, 40), target=(2026, 60))
    assert result.status == Status.AT_RISK


def test_worse_than_the_baseline_and_falling_is_off_track():
    points = yearly({2021: 40, 2022: 38, 2023: 36})
    assert assess(direction="higher", points=points, baseline=(2021, 40), target=(2026, 60)).status == Status.OFF_TRACK


def test_lower_is_better_turns_the_rule_around():
    falling = yearly({2021: 12, 2022: 10, 2023: 8})
    assert assess(direction="lower", points=falling, baseline=(2021, 12), target=(2025, 5)).status == Status.ON_TRACK


def test_the_target_year_passed_without_reaching_it_is_off_track():
    points = yearly({2021: 40, 2025: 50, 2026: 52})
    assert assess(direction="higher", points=points, baseline=(2021, 40), target=(2024, 60)).status == Status.OFF_TRACK


@pytest.mark.parametrize(
    ("direction", "target", "points"),
    [("neither", (2026, 1), yearly({2024: 1})), ("higher", None, yearly({2024: 1})), ("higher", (2026, 1), [])],
)
def test_without_direction_target_or_values_there_is_no_status(direction, target, points):
    assert assess(direction=direction, points=points, baseline=None, target=target).status == Status.UNKNOWN


values = st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=12)


@given(values, st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_mirroring_values_and_direction_keeps_the_status(series_values, target):
    points = [(2010.5 + i, v) for i, v in enumerate(series_values)]
    mirrored = [(x, -v) for x, v in points]
    higher = assess(direction="higher", points=points, baseline=(2010, points[0][1]), target=(2030, target))
    lower = assess(direction="lower", points=mirrored, baseline=(2010, -points[0][1]), target=(2030, -target))
    assert higher.status == lower.status


@given(values)
def test_a_series_at_or_above_its_target_is_always_on_track(series_values):
    points = [(2010.5 + i, v) for i, v in enumerate(series_values)]
    result = assess(direction="higher", points=points, baseline=None, target=(2040, points[-1][1]))
    assert result.status == Status.ON_TRACK


def test_slope_of_a_straight_line_and_of_too_few_points():
    assert slope([(0, 1), (1, 3), (2, 5)]) == pytest.approx(2.0)
    assert slope([(0, 1)]) is None and slope([(1, 1), (1, 2)]) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        ("2024M02", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2024K3", date(2024, 7, 1), date(2024, 9, 30), "2024Q3"),
        ("2023-Q4", date(2023, 10, 1), date(2023, 12, 31), "2023Q4"),
        (2019, date(2019, 1, 1), date(2019, 12, 31), "2019"),
    ],
)
def test_periods_as_the_sources_write_them(text, start, end, label):
    assert parse_period(text) == (start, end) and period_label(start, end) == label


@pytest.mark.parametrize("text", ["24", "2024M13", "spring", "2024Q5", ""])
def test_what_is_not_a_period_is_refused(text):
    with pytest.raises(ApplicationError):
        parse_period(text)


def test_the_value_due_is_that_of_the_latest_period_ended_due_days_ago():
    assert latest_due_period("year", until=date(2026, 3, 31), due_days=90) == (date(2025, 1, 1), date(2025, 12, 31))
    assert latest_due_period("year", until=date(2026, 3, 30), due_days=90) == (date(2024, 1, 1), date(2024, 12, 31))
    assert latest_due_period("quarter", until=date(2026, 5, 1), due_days=30) == (date(2026, 1, 1), date(2026, 3, 31))
    assert latest_due_period("month", until=date(2026, 5, 10), due_days=10) == (date(2026, 4, 1), date(2026, 4, 30))


@pytest.mark.django_db
def test_reminders_list_indicators_entered_by_hand_whose_due_value_is_missing(org, coordinator):
    late = IndicatorFactory(organisation=org, title="Språkcaféer", owner=coordinator, due_days=60)
    series(late, {2023: 10})
    done = IndicatorFactory(organisation=org, title="Mentorer", due_days=60)
    series(done, {2024: 10, 2025: 12})
    KoladaIndicatorFactory(organisation=org)  # fetched, never reminded
    reminders = reminder_list(organisation=org, today=date(2026, 3, 15))
    assert [(r.indicator, r.period, r.due_on) for r in reminders] == [(late, "2025", date(2026, 3, 1))]
    assert reminders[0].latest == date(2023, 12, 31)


@pytest.mark.django_db
def test_reminders_show_on_the_coordinators_dashboard_but_not_to_viewers(org, coordinator, member_factory, client_for):
    from samskapa.orgs.models import Role

    IndicatorFactory(organisation=org, title="Språkcaféer", due_days=0)
    assert "Values not entered" in client_for(coordinator).get(f"/o/{org.slug}/").content.decode()
    assert "Values not entered" not in client_for(member_factory(Role.VIEWER)).get(f"/o/{org.slug}/").content.decode()


def _series(kind, label, values):
    return Series(
        label,
        label,
        kind,
        [Point(y + 0.5, str(y), Decimal(str(v)), date(y, 1, 1), date(y, 12, 31)) for y, v in values.items()],
    )


def test_a_chart_draws_each_series_baseline_and_target_and_names_itself():
    svg = charts.line_chart(
        series=[_series("home", "Mark", {2021: 40, 2023: 48}), _series("national", "Riket", {2021: 50, 2023: 52})],
        title="Sysselsättning <utrikes födda>",
        unit="%",
        baseline=(2021, Decimal("40")),
        target=(2026, Decimal("60")),
        chart_id="c1",
    )
    assert svg.count("<polyline") == 2 and 'stroke-dasharray="6 4"' in svg
    assert '<title id="c1-title">Sysselsättning &lt;utrikes födda&gt;</title>' in svg
    assert "Mark: 40.0 % in 2021, 48.0 % in 2023." in svg and "Target 2026: 60.0 %." in svg
    assert svg.count("<rect") >= 3  # background, baseline mark, legend mark


def test_a_chart_without_values_says_so():
    svg = charts.line_chart(series=[_series("home", "Mark", {})], title="Tom", chart_id="c2")
    assert "No values yet." in svg and "<polyline" not in svg


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.floats(min_value=0.001, max_value=1e9))
def test_nice_ticks_cover_the_range(low, width):
    ticks = charts.nice_ticks(low, low + width)
    assert ticks[0] <= low + 1e-6 and ticks[-1] >= low + width - 1e-6 * max(1, abs(low + width))
    assert len(ticks) <= 12
