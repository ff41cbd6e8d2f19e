"""The indicator list a page at a time: status filter and sort in the database, the same cost and
size however many indicators and values there are, and a stored status that follows every write."""

import re
from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from tests.factories import FocusAreaFactory, GoalFactory
from tests.indicators.factories import IndicatorFactory, series

from samskapa.indicators import services
from samskapa.indicators.bulk import observations_upsert
from samskapa.indicators.models import Indicator, Observation, Source
from samskapa.indicators.periods import year_period
from samskapa.indicators.sources.base import Row
from samskapa.indicators.standing import status_refresh
from samskapa.indicators.status import Status

TARGETED = {"baseline_year": 2020, "baseline_value": 50, "target_year": 2030, "target_value": 60}
ON_TRACK = {2020: 50, 2022: 58, 2024: 61}  # the target is reached
AT_RISK = {2020: 50, 2024: 52}  # better than the baseline, but too slow to reach 60 by 2030
OFF_TRACK = {2020: 50, 2024: 45}  # worse than the baseline, moving the wrong way


def url(org, query=""):
    return f"/o/{org.slug}/indicators/" + (f"?{query}" if query else "")


def titles(page: str) -> list[str]:
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    return re.findall(r'/indicators/\d+/">([^<]+)</a>', body)


def many(org, count: int, years: int, *, prefix="I", goal=None) -> list[Indicator]:
    """``count`` indicators with ``years`` yearly values each, written in bulk (the factories would
    take minutes at this size), their status stored as the services store it."""
    indicators = Indicator.objects.bulk_create(
        Indicator(
            organisation=org, title=f"{prefix}{n:04d}", unit="%", direction="higher", home_area="1463", **TARGETED
        )
        for n in range(count)
    )
    now = timezone.now()
    Observation.objects.bulk_create(
        Observation(
            organisation=org,
            indicator=indicator,
            area_code="1463",
            period_start=date(2000 + y, 1, 1),
            period_end=date(2000 + y, 12, 31),
            value=Decimal(40 + y),
            source="manual",
            fetched_at=now,
        )
        for indicator in indicators
        for y in range(years)
    )
    if goal is not None:
        links = [goal.indicator_links.model(organisation=org, indicator=i, goal=goal) for i in indicators]
        goal.indicator_links.model.objects.bulk_create(links)
    status_refresh(indicators)
    return indicators


def test_an_at_risk_indicator_on_page_two_is_found_by_the_status_filter(org, coordinator, client_for):
    many(org, 55, 3, prefix="A")  # 40, 41, 42 against a target of 60 by 2030: off track or at risk
    Indicator.objects.filter(organisation=org).update(status=Status.ON_TRACK)  # a clean background
    late = IndicatorFactory(organisation=org, title="Ö sist i bokstavsordningen", **TARGETED)
    series(late, AT_RISK)
    client = client_for(coordinator)
    first = client.get(url(org)).content.decode()
    assert late.title not in titles(first) and len(titles(first)) == 50
    assert late.title in titles(client.get(url(org, "page=2")).content.decode())
    filtered = client.get(url(org, "status=at_risk")).content.decode()
    assert titles(filtered) == [late.title]
    assert "Showing 1–1 of 1" in filtered


def test_paging_keeps_the_filter_and_the_sort(org, coordinator, client_for):
    for n in range(53):
        series(IndicatorFactory(organisation=org, title=f"Risk {n:02d}", **TARGETED), AT_RISK)
    series(IndicatorFactory(organisation=org, title="Klar", **TARGETED), ON_TRACK)
    client = client_for(coordinator)
    page = client.get(url(org, "status=at_risk&sort=-title")).content.decode()
    assert titles(page)[:2] == ["Risk 52", "Risk 51"] and "Klar" not in titles(page)
    assert 'href="?status=at_risk&amp;sort=-title&amp;page=2"' in page
    assert "Showing 1–50 of 53" in page and "{#" not in page  # the pager's own note stays a comment
    second = client.get(url(org, "status=at_risk&sort=-title&page=2")).content.decode()
    assert titles(second) == ["Risk 02", "Risk 01", "Risk 00"]
    # The sort links keep the filter too.
    assert 'href="?status=at_risk&amp;sort=title"' in page


def test_sort_by_status_puts_what_needs_attention_first(org, coordinator, client_for):
    for title, values in [("Bra", ON_TRACK), ("Dålig", OFF_TRACK), ("Mittemellan", AT_RISK)]:
        series(IndicatorFactory(organisation=org, title=title, **TARGETED), values)
    IndicatorFactory(organisation=org, title="Utan mål")
    client = client_for(coordinator)
    assert titles(client.get(url(org, "sort=status")).content.decode()) == ["Dålig", "Mittemellan", "Bra", "Utan mål"]
    assert titles(client.get(url(org, "sort=-status")).content.decode()) == ["Utan mål", "Bra", "Mittemellan", "Dålig"]
    assert titles(client.get(url(org, "sort=nonsense")).content.decode())[0] == "Bra"  # unknown: by title


def test_a_bad_filter_is_refused_clearly_and_shows_every_indicator(org, coordinator, client_for):
    series(IndicatorFactory(organisation=org, title="Bra", **TARGETED), ON_TRACK)
    page = client_for(coordinator).get(url(org, "status=<script>&page=abc")).content.decode()
    assert titles(page) == ["Bra"] and "<script>" not in page
    assert "Select a valid choice" in page


def test_the_title_filter_and_the_latest_value_of_the_page(org, coordinator, client_for):
    indicator = IndicatorFactory(organisation=org, title="Sysselsättning", **TARGETED)
    series(indicator, ON_TRACK)
    series(indicator, {2025: 99}, area="1490")  # another area's later value is not ours
    IndicatorFactory(organisation=org, title="Utbildning")
    page = client_for(coordinator).get(url(org, "q=syssel")).content.decode()
    assert titles(page) == ["Sysselsättning"]
    row = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "61.0 %" in row and "(2024)" in row and "99" not in row


def test_the_list_costs_the_same_queries_and_size_at_ten_times_the_data(org, coordinator, client_for):
    """60 indicators × 2 years, then 600 × 20: the same queries, and a page of 50 rows the same size."""
    goal = GoalFactory(focus_area=FocusAreaFactory(strategy__organisation=org, organisation=org), organisation=org)
    many(org, 60, 2, goal=goal)
    client = client_for(coordinator)

    def measure(query=""):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url(org, query))
        assert response.status_code == 200
        return len(captured), len(response.content)

    small, small_filtered = measure(), measure("status=at_risk")
    many(org, 540, 20, prefix="J", goal=goal)
    big, big_filtered = measure(), measure("status=at_risk")
    assert big[0] == small[0] and big_filtered[0] == small_filtered[0]
    assert big[1] < small[1] * 1.05 and big[1] < 80_000  # one page of 50 rows, however many values


def test_another_organisations_indicator_is_404(org, other_org, coordinator, client_for):
    foreign = IndicatorFactory(organisation=other_org)
    client = client_for(coordinator)
    assert client.get(f"/o/{org.slug}/indicators/{foreign.pk}/").status_code == 404
    assert foreign.title not in client.get(url(org)).content.decode()


def test_the_stored_status_follows_every_write(org, coordinator):
    indicator = IndicatorFactory(organisation=org, owner=coordinator, **TARGETED)

    def stored():
        return Indicator.objects.get(pk=indicator.pk).status

    assert stored() == Status.UNKNOWN
    for year, value in AT_RISK.items():
        services.observation_record(
            actor=coordinator, organisation=org, indicator=indicator, period=str(year), value=value
        )
    assert stored() == Status.AT_RISK
    latest = services.observation_record(
        actor=coordinator, organisation=org, indicator=indicator, period="2025", value="60,5"
    )
    assert stored() == Status.ON_TRACK
    services.observation_delete(actor=coordinator, organisation=org, observation=latest)
    assert stored() == Status.AT_RISK
    services.indicator_update(actor=coordinator, organisation=org, indicator=indicator, target_value=Decimal(51))
    assert stored() == Status.ON_TRACK
    services.indicator_update(actor=coordinator, organisation=org, indicator=indicator, direction="lower")
    assert stored() == Status.OFF_TRACK  # lower is better now: 52 is above the target of 51 and rising


def test_fetched_values_update_the_stored_status(org):
    indicator = IndicatorFactory(organisation=org, source=Source.KOLADA, home_area="1463", **TARGETED)
    rows = [Row("1463", *year_period(year), "total", "", "", value, "") for year, value in OFF_TRACK.items()]
    observations_upsert(indicator=indicator, rows=rows, source="kolada", fetched_at=timezone.now())
    assert Indicator.objects.get(pk=indicator.pk).status == Status.OFF_TRACK
    rows = [Row("1463", *year_period(2025), "total", "", "", 70, "")]
    observations_upsert(indicator=indicator, rows=rows, source="kolada", fetched_at=timezone.now())
    assert Indicator.objects.get(pk=indicator.pk).status == Status.ON_TRACK


def test_an_imported_file_updates_the_stored_status_once(org, coordinator):
    from samskapa.core.tabular import table_read

    indicator = IndicatorFactory(organisation=org, owner=coordinator, **TARGETED)
    table = table_read(b"period;value\n2020;50\n2022;58\n2024;61\n", filename="values.csv")
    assert services.observations_import(actor=coordinator, organisation=org, indicator=indicator, table=table) == 3
    assert Indicator.objects.get(pk=indicator.pk).status == Status.ON_TRACK


def test_the_first_reminders_agree_with_the_full_list(org):
    from samskapa.indicators.selectors import reminder_list, reminders_first

    today = date(2026, 5, 15)
    for n, (frequency, due_days, values) in enumerate(
        [
            ("year", 90, {2024: 1}),  # 2025 was due on 31 March 2026: late
            ("year", 180, {2024: 1}),  # 2025 is due at the end of June: not yet
            ("year", 90, {2025: 1}),  # in time
            ("quarter", 30, {}),  # never entered: late
            ("month", 10, {2026: 1}),  # only a yearly value, ending after today: not late
        ]
    ):
        indicator = IndicatorFactory(organisation=org, title=f"R{n}", frequency=frequency, due_days=due_days)
        series(indicator, values)
    IndicatorFactory(organisation=org, title="Hämtad", source=Source.KOLADA)  # fetched: never a reminder
    full = reminder_list(organisation=org, today=today)
    first = reminders_first(organisation=org, today=today, limit=1)
    assert [r.indicator.title for r in full] == ["R0", "R3"]
    assert first.total == 2 and [r.indicator.title for r in first.shown] == ["R0"]
    assert (first.shown[0].period, first.shown[0].due_on) == (full[0].period, full[0].due_on)
