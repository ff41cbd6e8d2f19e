"""The overview page: figures a council member reads in ten seconds, each linking to exactly the items
it counts; overdue computed from the dates everywhere a status is shown; a checklist for a new
organisation that ticks itself."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.actions.factories import ActionFactory, ActionPlanFactory, ProgressUpdateFactory, bulk_actions
from tests.actors.factories import ActorFactory
from tests.cocreation.factories import FindingDecisionFactory, FindingFactory, SurveyFactory
from tests.factories import FocusAreaFactory, StrategyFactory
from tests.indicators.factories import IndicatorFactory, series

from samskapa.actions.selectors import action_status_summary
from samskapa.cocreation.models import Response, Survey

TODAY = timezone.localdate()
LONG_AGO = TODAY - timedelta(days=460)


@pytest.fixture
def plan(org):
    return ActionPlanFactory(strategy=StrategyFactory(organisation=org), period_start=date(2024, 1, 1))


@pytest.fixture
def actions(plan):
    """An action planned at 0 % whose end passed 15 months ago, one delayed by hand, one done late,
    one running without a report for a year, and one running with a fresh report."""
    past = {"start": LONG_AGO - timedelta(days=200), "end": LONG_AGO}
    running = {"start": TODAY - timedelta(days=400), "end": TODAY + timedelta(days=300)}
    made = {
        "forgotten": ActionFactory(
            plan=plan, title="Språkcafé på kvällen", status="planned", percent_complete=0, **past
        ),
        "delayed": ActionFactory(
            plan=plan, title="Ny mötesplats", status="delayed", status_reason="Lokalen", **running
        ),
        "done": ActionFactory(plan=plan, title="Välkomstguide", status="done", percent_complete=100, **past),
        "silent": ActionFactory(plan=plan, title="Läxhjälp", status="ongoing", **running),
        "reported": ActionFactory(plan=plan, title="Praktikplatser", status="ongoing", **running),
    }
    ProgressUpdateFactory(action=made["reported"], date=TODAY - timedelta(days=20))
    return made


def test_an_action_past_its_end_date_reads_overdue_not_planned(actions):
    forgotten = actions["forgotten"]
    assert forgotten.is_overdue() and forgotten.shown_status == "overdue"
    assert forgotten.public_status == "delayed"
    assert not actions["done"].is_overdue() and actions["done"].shown_status == "done"
    assert actions["delayed"].shown_status == "delayed"


def test_the_summary_counts_overdue_from_dates_and_running_actions_without_a_report(org, actions):
    counts = action_status_summary(organisation=org)
    assert counts["overdue"] == 1 and counts["planned"] == 0
    assert counts["delayed"] == 1 and counts["done"] == 1 and counts["ongoing"] == 2
    assert counts["unreported"] == 2  # "silent" and "delayed" have no report in six months; "reported" has


def test_each_action_figure_links_to_a_list_of_exactly_those_actions(org, coordinator, client_for, actions):
    client = client_for(coordinator)
    page = client.get(reverse("orgs:dashboard", args=[org.slug])).content.decode()
    expected = {"overdue": {"forgotten"}, "delayed": {"delayed"}, "unreported": {"silent", "delayed"}, "done": {"done"}}
    for status, keys in expected.items():
        link = f"{reverse('actions:list', args=[org.slug])}?status={status}"
        assert f'href="{link}"' in page
        listed = client.get(link).content.decode()
        for key, action in actions.items():
            assert (action.title in listed) == (key in keys), (status, key)


def test_action_page_plan_list_and_public_site_show_overdue(org, coordinator, client_for, actions, plan):
    client = client_for(coordinator)
    forgotten = actions["forgotten"]
    detail = client.get(reverse("actions:action", args=[org.slug, forgotten.pk])).content.decode()
    assert "action-status--overdue" in detail and "has passed" in detail
    listing = client.get(reverse("actions:plan", args=[org.slug, plan.pk]) + "?status=overdue").content.decode()
    assert forgotten.title in listing and actions["delayed"].title not in listing
    planned = client.get(reverse("actions:plan", args=[org.slug, plan.pk]) + "?status=planned").content.decode()
    assert forgotten.title not in planned


def test_indicator_figures_link_to_the_indicators_with_that_status(org, coordinator, client_for):
    on_track = IndicatorFactory(
        organisation=org,
        title="Sysselsättning",
        baseline_year=2020,
        baseline_value=50,
        target_year=2030,
        target_value=60,
    )
    series(on_track, {2020: 50, 2022: 58, 2024: 61})
    IndicatorFactory(organisation=org, title="Utan mål")
    client = client_for(coordinator)
    page = client.get(reverse("orgs:dashboard", args=[org.slug])).content.decode()
    link = reverse("indicators:index", args=[org.slug]) + "?status=on_track"
    assert f'href="{link}"' in page
    listed = client.get(link).content.decode()
    table = listed[listed.index("<tbody>") : listed.index("</tbody>")]
    assert "Sysselsättning" in table and "Utan mål" not in table


def test_findings_without_a_decision_and_open_surveys_with_answer_counts(org, coordinator, client_for):
    FindingFactory(organisation=org, statement="Fler kvällskurser i svenska")
    decided = FindingFactory(organisation=org, statement="Mötesplats i centrum")
    FindingDecisionFactory(finding=decided, organisation=org)
    survey = SurveyFactory(organisation=org, title="Hur trivs du i Mark?", status=Survey.Status.OPEN)
    for _ in range(3):
        Response.objects.create(organisation=org, survey=survey, language="sv")
    client = client_for(coordinator)
    page = client.get(reverse("orgs:dashboard", args=[org.slug])).content.decode()
    assert "Hur trivs du i Mark?" in page and re.search(r"3\s+answers", page)
    listed = client.get(reverse("cocreation:findings", args=[org.slug]) + "?decided=no").content.decode()
    assert "Fler kvällskurser i svenska" in listed and "Mötesplats i centrum" not in listed


def test_a_new_organisation_sees_the_checklist_tick_itself(org, coordinator, client_for):
    client = client_for(coordinator)
    url = reverse("orgs:dashboard", args=[org.slug])
    page = client.get(url).content.decode()
    assert "Getting started" in page and page.count("checklist__step--done") == 0
    ActorFactory(organisation=org)
    FocusAreaFactory(strategy=StrategyFactory(organisation=org), organisation=org)
    page = client.get(url).content.decode()
    assert page.count("checklist__step--done") == 2


def test_the_overview_costs_the_same_queries_with_ten_times_the_data(
    org, coordinator, client_for, plan, django_assert_max_num_queries
):
    area = FocusAreaFactory(strategy=plan.strategy, organisation=org)
    lead = ActorFactory(organisation=org)
    client = client_for(coordinator)
    url = reverse("orgs:dashboard", args=[org.slug])

    def more(n):
        bulk_actions(plan, area, lead, n, first=Survey.objects.count() * 1000 + n * 7, end=LONG_AGO)
        for _ in range(n // 5):
            SurveyFactory(organisation=org, status=Survey.Status.OPEN)
            FindingFactory(organisation=org)
            series(IndicatorFactory(organisation=org), {2022: 1, 2023: 2})

    more(5)
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    more(50)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_list_of_all_actions_is_paged_with_a_flat_query_count(
    org, coordinator, client_for, plan, django_assert_max_num_queries
):
    area = FocusAreaFactory(strategy=plan.strategy, organisation=org)
    lead = ActorFactory(organisation=org)
    client = client_for(coordinator)
    url = reverse("actions:list", args=[org.slug]) + "?status=overdue"
    bulk_actions(plan, area, lead, 6, first=1, end=LONG_AGO)
    with django_assert_max_num_queries(30) as few:
        assert client.get(url).status_code == 200
    bulk_actions(plan, area, lead, 120, first=100, end=LONG_AGO)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert "126 actions match the filter" in page and 'rel="next"' in page


def test_a_bad_filter_changes_nothing_and_shows_no_other_organisations_actions(
    org, other_org, coordinator, client_for, actions
):
    foreign = ActionFactory(plan=ActionPlanFactory(strategy=StrategyFactory(organisation=other_org)), title="Främmande")
    client = client_for(coordinator)
    base = reverse("actions:list", args=[org.slug])
    for query in ["?status=<script>", f"?focus_area={foreign.focus_area_id}", "?page=abc"]:
        response = client.get(base + query)
        assert response.status_code == 200
        body = response.content.decode()
        assert "Främmande" not in body and "<script>" not in body
