"""The action tables at scale: one page of 50 at a time, sorted by any column, filters kept, the
cost (queries and bytes) the same with 60 or 600 actions."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.actions.factories import ActionFactory, ActionPlanFactory, bulk_actions
from tests.actors.factories import ActorFactory
from tests.factories import FocusAreaFactory

from samskapa.actors.models import Actor


def _measure(client, url) -> tuple[int, int, str]:
    """Queries, bytes and text of a page (a streamed download read to its end inside the count)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.getvalue() if response.streaming else response.content
    return len(context.captured_queries), len(body), body.decode("utf-8-sig", "replace")


def _titles(page: str) -> list[str]:
    """The action titles in the order the table lists them."""
    return re.findall(r'<a href="/o/[^/]+/actions/\d+/">([^<]+)</a>', page)


@pytest.fixture
def many(plan, area, school):
    """Adds actions numbered on from the last: ``many(60)`` then ``many(540)`` makes 600."""
    made = {"count": 0}

    def add(count: int) -> None:
        year = {"start": date(2027, 1, 1), "end": date(2027, 12, 31)}
        bulk_actions(plan, area, school, count, first=made["count"] + 1, status="ongoing", **year)
        made["count"] += count

    return add


@pytest.mark.parametrize("path", ["plans/{plan}/", "list/", "plans/{plan}/timeline/", "mine/"])
def test_an_action_table_costs_the_same_with_60_or_600_actions_and_shows_one_page(
    org, coordinator, client_for, plan, many, path
):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/actions/" + path.format(plan=plan.pk)
    many(60)
    queries, size, page = _measure(client, url)
    many(540)
    queries_10x, size_10x, page_10x = _measure(client, url)
    assert queries_10x == queries and queries <= 12  # and not one per row of the page either
    assert size_10x < 120_000 and size_10x - size < 500
    if path != "mine/":  # the coordinator is responsible for none of them
        assert len(_titles(page_10x)) == 50
        assert "Showing 1–50 of 600" in page_10x and "Page 1 of 12" in page_10x


def test_the_timeline_draws_one_page_of_bars_on_the_axis_of_the_whole_plan(
    org, coordinator, client_for, plan, area, school, many
):
    many(120)
    ActionFactory(plan=plan, organisation=org, focus_area=area, lead=school, number=500, end=date(2031, 6, 30))
    page = client_for(coordinator).get(f"/o/{org.slug}/actions/plans/{plan.pk}/timeline/?page=2").content.decode()
    assert page.count('<g class="bar">') == 50
    assert "Åtgärd 51" in page and "Åtgärd 101" not in page
    assert "to 2031-06-30" in page  # the last action (on page 3) sets the axis of page 2 too
    assert "The timeline shows actions 51–100 of 121" in page


def test_plan_exports_stream_and_cost_the_same_queries_with_60_or_600_actions(org, coordinator, client_for, plan, many):
    client = client_for(coordinator)
    urls = [f"/o/{org.slug}/actions/plans/{plan.pk}/export.{kind}" for kind in ("csv", "xlsx")]
    many(60)
    few = [_measure(client, url) for url in urls]
    many(540)
    lots = [_measure(client, url) for url in urls]
    assert [queries for queries, _size, _text in lots] == [queries for queries, _size, _text in few]
    assert len(few[0][2].splitlines()) == 61 and len(lots[0][2].splitlines()) == 601
    assert all(client.get(url).streaming for url in urls)


def test_paging_keeps_the_filters_and_the_sort_and_a_page_too_far_shows_the_last(
    org, coordinator, client_for, plan, many
):
    many(60)
    client = client_for(coordinator)
    base = f"/o/{org.slug}/actions/plans/{plan.pk}/"
    page = client.get(base + "?status=ongoing&sort=-number").content.decode()
    assert "?status=ongoing&amp;sort=-number&amp;page=2" in page
    # The headers keep the filter and drop the page; the current column reverses.
    assert "?status=ongoing&amp;sort=number" in page and "?status=ongoing&amp;sort=title" in page
    assert _titles(page)[:2] == ["Åtgärd 60", "Åtgärd 59"]
    last = client.get(base + "?status=ongoing&sort=-number&page=999").content.decode()
    assert "Page 2 of 2" in last and _titles(last) == [f"Åtgärd {n}" for n in range(10, 0, -1)]
    assert _titles(client.get(base + "?page=nonsense").content.decode())[0] == "Åtgärd 1"
    listed = client.get(f"/o/{org.slug}/actions/list/?status=done").content.decode()
    assert "No action matches the filter." in listed


@pytest.fixture
def three(org, plan, area, school):
    """Three actions whose order differs by every column (today is past 2025, before 2030)."""
    later = FocusAreaFactory(organisation=org, strategy=plan.strategy, title="Arbete", order=area.order + 1)
    social = ActorFactory(organisation=org, name="Socialförvaltningen", kind=Actor.Kind.DEPARTMENT)
    jobs = ActorFactory(organisation=org, name="Arbetsmarknadsenheten", kind=Actor.Kind.DEPARTMENT)
    common = {"plan": plan, "organisation": org}
    ActionFactory(
        **common, number=1, title="Cykelkurs", focus_area=later, lead=social,
        end=date(2025, 6, 30), status="done", percent_complete=100,
    )  # fmt: skip
    ActionFactory(
        **common, number=2, title="Arbetsmarknadsdag", focus_area=area, lead=school,
        end=date(2030, 6, 30), status="planned", percent_complete=0,
    )  # fmt: skip
    ActionFactory(
        **common, number=3, title="Boendestöd", focus_area=later, lead=jobs,
        end=date(2025, 3, 31), status="planned", percent_complete=40,
    )  # fmt: skip
    return ["Cykelkurs", "Arbetsmarknadsdag", "Boendestöd"]


@pytest.mark.parametrize(
    ("key", "order"),
    [
        ("number", [0, 1, 2]),
        ("title", [1, 2, 0]),
        ("focus_area", [1, 0, 2]),
        ("lead", [2, 1, 0]),
        ("end", [2, 0, 1]),
        ("status", [1, 2, 0]),  # planned, overdue (planned but past its end), done
        ("complete", [1, 2, 0]),
    ],
)
def test_every_column_sorts_both_ways(org, coordinator, client_for, plan, three, key, order):
    client = client_for(coordinator)
    expected = [three[i] for i in order]
    for path in (f"plans/{plan.pk}/", "list/"):
        url = f"/o/{org.slug}/actions/{path}"
        assert _titles(client.get(f"{url}?sort={key}").content.decode()) == expected, (path, key)
        assert _titles(client.get(f"{url}?sort=-{key}").content.decode()) == expected[::-1], (path, key)


def test_all_actions_sort_by_plan_and_an_unknown_sort_falls_back(org, coordinator, client_for, plan, area, school):
    other = ActionPlanFactory(organisation=org, strategy=plan.strategy, title="Aa-planen")
    ActionFactory(plan=plan, organisation=org, focus_area=area, lead=school, number=1, title="Första")
    ActionFactory(plan=other, organisation=org, focus_area=area, lead=school, number=1, title="Andra")
    client = client_for(coordinator)
    assert _titles(client.get(f"/o/{org.slug}/actions/list/?sort=plan").content.decode()) == ["Andra", "Första"]
    assert client.get(f"/o/{org.slug}/actions/list/?sort=drop+table").status_code == 200


def test_the_plan_page_counts_its_actions_per_focus_area_and_links_each_with_the_filters_kept(
    org, coordinator, client_for, plan, area, school, many
):
    many(70)
    later = FocusAreaFactory(organisation=org, strategy=plan.strategy, title="Arbete", order=area.order + 1)
    ActionFactory(plan=plan, organisation=org, focus_area=later, lead=school, number=100, status="planned")
    client = client_for(coordinator)
    page = client.get(f"/o/{org.slug}/actions/plans/{plan.pk}/?status=ongoing&page=2").content.decode()
    assert re.search(rf'focus_area={area.pk}">Utbildning</a> <span class="area-counts__count">70<', page)
    assert f"?status=ongoing&amp;focus_area={later.pk}" in page
    assert re.search(r">Arbete</a> <span class=\"area-counts__count\">0<", page)
    narrowed = client.get(f"/o/{org.slug}/actions/plans/{plan.pk}/?focus_area={later.pk}").content.decode()
    assert "1 action matches the filter" in narrowed and 'aria-current="true"' in narrowed


def test_another_organisations_plan_and_actions_stay_out_of_reach(org, other_org, coordinator, client_for, plan):
    foreign = ActionFactory(plan=ActionPlanFactory(strategy__organisation=other_org), title="Främmande åtgärd")
    client = client_for(coordinator)
    for path in ["", "timeline/", "overview/", "export.csv", "export.xlsx"]:
        assert client.get(f"/o/{org.slug}/actions/plans/{foreign.plan_id}/{path}").status_code == 404, path
    assert client.get(f"/o/{org.slug}/actions/{foreign.pk}/").status_code == 404
    assert "Främmande åtgärd" not in client.get(f"/o/{org.slug}/actions/list/").content.decode()
