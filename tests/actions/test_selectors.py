"""Reads the follow-up and the pages build on: filters, counts per focus area, assignments."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.actions.factories import ActionFactory, ChildImpactAssessmentFactory
from tests.factories import FocusAreaFactory

from samskapa.actions import selectors
from samskapa.actions.selectors import ActionFilter


def _actions(plan, area, count, **fields):
    return [ActionFactory(plan=plan, organisation=plan.organisation, focus_area=area, **fields) for _ in range(count)]


def test_status_counts_per_focus_area_in_strategy_order_with_progress_and_budget(org, plan, area):
    second = FocusAreaFactory(strategy=plan.strategy, organisation=org, title="Boende", order=area.order + 1)
    _actions(plan, area, 2, status="ongoing", percent_complete=50, budget=Decimal("1000"))
    _actions(plan, area, 1, status="done", percent_complete=100, budget=Decimal("500.50"))
    _actions(plan, second, 1, status="delayed", status_reason="Väntar på lokal")
    rows = selectors.status_counts_by_focus_area(organisation=org, plan=plan)
    assert [r.focus_area.title for r in rows] == ["Utbildning", "Boende"]
    education, housing = rows
    assert (education.count("ongoing"), education.count("done"), education.total) == (2, 1, 3)
    assert education.mean_percent == 67
    assert education.budgets == {"SEK": Decimal("2500.50")}
    assert (housing.count("delayed"), housing.total, housing.mean_percent) == (1, 1, 0)


def test_status_counts_cost_two_queries_whatever_the_number_of_actions(org, plan, area):
    _actions(plan, area, 5)
    with CaptureQueriesContext(connection) as few:
        selectors.status_counts_by_focus_area(organisation=org, strategy=plan.strategy)
    _actions(plan, area, 45)
    with CaptureQueriesContext(connection) as many:
        rows = selectors.status_counts_by_focus_area(organisation=org, strategy=plan.strategy)
    assert len(few.captured_queries) == len(many.captured_queries) == 2
    assert rows[0].total == 50


def test_filters_narrow_the_plan_by_status_lead_funding_year_target_group_and_text(org, plan, area, school):
    ActionFactory(
        plan=plan,
        organisation=org,
        focus_area=area,
        title="Språkcafé",
        status="ongoing",
        funding="amif",
        start=date(2027, 1, 1),
        end=date(2027, 6, 30),
    )
    ActionFactory(
        plan=plan,
        organisation=org,
        focus_area=area,
        title="Läxhjälp",
        lead=school,
        target_groups=["children"],
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
    )

    def titles(**criteria):
        return sorted(
            a.title for a in selectors.action_list(organisation=org, plan=plan, filters=ActionFilter(**criteria))
        )

    assert titles(status="ongoing") == ["Språkcafé"]
    # Läxhjälp ended in June 2026 without being done: it is shown, and filtered, as overdue.
    assert titles(status="planned") == [] and titles(status="overdue") == ["Läxhjälp"]
    assert titles(lead_id=school.pk) == ["Läxhjälp"]
    assert titles(funding="amif") == ["Språkcafé"]
    assert titles(year=2026) == ["Läxhjälp"]
    assert titles(target_group="children") == ["Läxhjälp"]
    assert titles(text="språkCAFé") == ["Språkcafé"]
    assert titles(focus_area_id=area.pk) == ["Läxhjälp", "Språkcafé"]


def test_awaiting_assessment_lists_actions_for_children_without_a_completed_assessment(org, plan, area):
    waiting = ActionFactory(plan=plan, organisation=org, focus_area=area, affects_children=True)
    assessed = ActionFactory(plan=plan, organisation=org, focus_area=area, affects_children=True)
    ChildImpactAssessmentFactory(action=assessed, organisation=org)
    ActionFactory(
        plan=plan, organisation=org, focus_area=area, affects_children=True, status="cancelled", status_reason="x"
    )
    assert list(selectors.actions_awaiting_assessment(organisation=org)) == [waiting]


def test_reads_never_cross_organisations(org, other_org, plan, area):
    _actions(plan, area, 2)
    assert list(selectors.plan_list(organisation=other_org)) == []
    assert list(selectors.action_list(organisation=other_org)) == []
    assert selectors.status_counts_by_focus_area(organisation=other_org, plan=plan) == []
