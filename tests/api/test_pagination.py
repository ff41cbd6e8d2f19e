"""The long lists of the API (inputs, actions, findings): one page costs the same queries and about the
same bytes at 1x and 10x the rows, rows come in a fixed order, each once, the filters a client syncing
them needs work, and another organisation's rows never appear. (Every list: test_paging_walk.py.)"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from tests.actions.factories import ActionPlanFactory
from tests.actors.factories import ActorFactory
from tests.cocreation.factories import ConsultationFactory, FindingFactory
from tests.factories import FocusAreaFactory, GoalFactory

from samskapa.actions.models import Action, ActionGoal, ActionPartner
from samskapa.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from samskapa.cocreation.models import FindingInput, Input, InputFocusArea


@pytest.fixture
def inputs_of(org):
    """``n`` inputs in two consultations, each linked to a focus area and some to a finding (bulk)."""
    consultations = [ConsultationFactory(organisation=org), ConsultationFactory(organisation=org)]
    area = FocusAreaFactory(strategy__organisation=org, organisation=org)
    finding = FindingFactory(organisation=org)

    def make(n: int, organisation=None):
        organisation = organisation or org
        made = Input.objects.bulk_create(
            [
                Input(
                    organisation=organisation,
                    consultation=consultations[i % 2]
                    if organisation == org
                    else ConsultationFactory(organisation=organisation),
                    text=f"Fler mötesplatser i kvarteret ({i})",
                    group="newcomers",
                    language="sv",
                    codes_confirmed=i % 3 == 0,
                )
                for i in range(n)
            ]
        )
        if organisation == org:
            InputFocusArea.objects.bulk_create(
                [InputFocusArea(organisation=org, input=x, focus_area=area) for x in made]
            )
            FindingInput.objects.bulk_create(
                [FindingInput(organisation=org, finding=finding, input=x) for x in made[::4]]
            )
        return made

    make.consultations, make.area, make.finding = consultations, area, finding
    return make


def _queries(client_get, url):
    client_get(url)  # the token's first use of the day is recorded once; count a request after it
    with CaptureQueriesContext(connection) as queries:
        response = client_get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries), response


def test_inputs_list_costs_the_same_queries_at_30_and_300_inputs(org, coordinator, api_for, inputs_of):
    api = api_for(coordinator)
    url = f"/orgs/{org.slug}/inputs"
    inputs_of(30)
    small, _ = _queries(api.get, url)
    inputs_of(270)
    large, response = _queries(api.get, url)
    assert small == large
    page = response.json()
    assert page["count"] == 300 and len(page["items"]) == DEFAULT_LIMIT
    assert len(response.content) < 25_000  # one page, whatever the number of inputs
    first = page["items"][0]
    assert first["focus_area_ids"] == [inputs_of.area.pk] and first["finding_ids"] == [inputs_of.finding.pk]
    assert first["consultation_id"] == inputs_of.consultations[0].pk


def test_inputs_are_paged_in_the_order_entered_with_each_input_once(org, coordinator, api_for, inputs_of):
    made = inputs_of(23)
    api = api_for(coordinator)
    seen = []
    for offset in range(0, 30, 5):
        seen += [row["id"] for row in api.get(f"/orgs/{org.slug}/inputs?limit=5&offset={offset}").json()["items"]]
    assert seen == [x.pk for x in made]


def test_inputs_filter_by_consultation_reviewed_focus_area_and_change(org, coordinator, api_for, inputs_of):
    made = inputs_of(12)
    api = api_for(coordinator)
    base = f"/orgs/{org.slug}/inputs"
    one = inputs_of.consultations[1]
    assert {r["consultation_id"] for r in api.get(f"{base}?consultation_id={one.pk}").json()["items"]} == {one.pk}
    assert api.get(f"{base}?consultation_id={one.pk}").json()["count"] == 6
    assert api.get(f"{base}?reviewed=true").json()["count"] == 4
    assert api.get(f"{base}?reviewed=false").json()["count"] == 8
    assert api.get(f"{base}?focus_area={inputs_of.area.pk}").json()["count"] == 12
    later = timezone.now() + timedelta(minutes=5)
    Input.objects.filter(pk=made[5].pk).update(updated_at=later)
    since = (later - timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
    changed = api.get(f"{base}?updated_since={since}").json()
    assert changed == {"items": [api.get(f"{base}?limit=1&offset=5").json()["items"][0]], "count": 1}


def test_another_organisations_inputs_and_actions_never_appear(org, other_org, coordinator, api_for, inputs_of):
    inputs_of(3)
    theirs = inputs_of(4, organisation=other_org)
    other_plan = ActionPlanFactory(strategy__organisation=other_org)
    api = api_for(coordinator)
    listed = api.get(f"/orgs/{org.slug}/inputs?limit={MAX_LIMIT}").json()
    assert listed["count"] == 3 and not {r["id"] for r in listed["items"]} & {x.pk for x in theirs}
    assert api.get(f"/orgs/{org.slug}/inputs?consultation_id={theirs[0].consultation_id}").status_code == 404
    assert api.get(f"/orgs/{other_org.slug}/inputs").status_code == 404
    assert api.get(f"/orgs/{org.slug}/action-plans/{other_plan.pk}/actions").status_code == 404
    assert api.get(f"/orgs/{other_org.slug}/action-plans/{other_plan.pk}/actions").status_code == 404


@pytest.fixture
def actions_of(org):
    """``n`` more actions in one plan, each with a goal and two partners (bulk)."""
    plan = ActionPlanFactory(strategy__organisation=org, organisation=org)
    areas = [FocusAreaFactory(strategy=plan.strategy, organisation=org, order=i) for i in (2, 1)]
    goal = GoalFactory(focus_area=areas[0], organisation=org)
    actors = [ActorFactory(organisation=org, name=name) for name in ("Biblioteket", "Arbetsförmedlingen")]

    def make(n: int, **fields):
        start = Action.objects.filter(plan=plan).count()
        made = Action.objects.bulk_create(
            [
                Action(
                    organisation=org,
                    plan=plan,
                    number=start + i + 1,
                    title=f"Åtgärd {start + i + 1}",
                    focus_area=areas[i % 2],
                    lead=actors[0],
                    currency="SEK",
                    **fields,
                )
                for i in range(n)
            ]
        )
        ActionGoal.objects.bulk_create([ActionGoal(organisation=org, action=a, goal=goal) for a in made])
        ActionPartner.objects.bulk_create(
            [
                ActionPartner(organisation=org, action=a, actor=actor, commitment="Lokaler")
                for a in made
                for actor in actors
            ]
        )
        return made

    make.plan, make.areas, make.goal, make.actors = plan, areas, goal, actors
    return make


def test_actions_list_costs_the_same_queries_at_30_and_300_actions(org, coordinator, api_for, actions_of):
    api = api_for(coordinator)
    actions_of(30)
    url = f"/orgs/{org.slug}/action-plans/{actions_of.plan.pk}/actions"
    small, _ = _queries(api.get, url)
    actions_of(270)
    large, response = _queries(api.get, url)
    assert small == large
    page = response.json()
    assert page["count"] == 300 and len(page["items"]) == DEFAULT_LIMIT
    assert len(response.content) < 60_000  # one page, whatever the number of actions
    first = page["items"][0]
    assert first["focus_area_id"] == actions_of.areas[1].pk  # the plan's order: focus area, then number
    assert first["lead"] == {"id": actions_of.actors[0].pk, "name": "Biblioteket"}
    assert first["goal_ids"] == [actions_of.goal.pk] and first["assessment"] == "none"
    assert [p["name"] for p in first["partners"]] == ["Arbetsförmedlingen", "Biblioteket"]


def test_actions_are_paged_in_the_plans_order_with_each_action_once(org, coordinator, api_for, actions_of):
    made = actions_of(17)
    api = api_for(coordinator)
    url = f"/orgs/{org.slug}/action-plans/{actions_of.plan.pk}/actions"
    seen = []
    for offset in range(0, 20, 4):
        seen += [row["id"] for row in api.get(f"{url}?limit=4&offset={offset}").json()["items"]]
    in_plan_order = sorted(made, key=lambda a: (a.focus_area.order, a.number))
    assert seen == [a.pk for a in in_plan_order]


def test_actions_filter_by_status_and_change(org, coordinator, api_for, actions_of):
    made = actions_of(6)
    actions_of(3, status="delayed")
    api = api_for(coordinator)
    url = f"/orgs/{org.slug}/action-plans/{actions_of.plan.pk}/actions"
    assert api.get(f"{url}?status=delayed").json()["count"] == 3
    later = timezone.now() + timedelta(minutes=5)
    Action.objects.filter(pk=made[2].pk).update(updated_at=later)
    since = (later - timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
    assert [a["id"] for a in api.get(f"{url}?updated_since={since}").json()["items"]] == [made[2].pk]


def test_my_actions_are_paged(org, coordinator, api_for, actions_of):
    from samskapa.actions.models import ActionResponsible

    made = actions_of(7)
    ActionResponsible.objects.bulk_create(
        [ActionResponsible(organisation=org, action=a, user=coordinator) for a in made[:5]]
    )
    page = api_for(coordinator).get(f"/orgs/{org.slug}/my-actions?limit=2&offset=4").json()
    assert page["count"] == 5 and len(page["items"]) == 1


def test_findings_list_shows_each_findings_evidence_at_a_cost_flat_in_findings(org, coordinator, api_for, inputs_of):
    from tests.cocreation.factories import FindingDecisionFactory

    made = inputs_of(8)  # every fourth is evidence for the fixture's finding
    api = api_for(coordinator)
    url = f"/orgs/{org.slug}/findings"
    few, _ = _queries(api.get, url)
    for finding in FindingFactory.create_batch(20, organisation=org):
        FindingInput.objects.bulk_create([FindingInput(organisation=org, finding=finding, input=x) for x in made[:3]])
        FindingDecisionFactory(finding=finding, note="Läggs in i handlingsplanen")
    many, response = _queries(api.get, url)
    assert few == many
    rows = {row["id"]: row for row in response.json()["items"]}
    assert rows[inputs_of.finding.pk]["input_ids"] == [made[0].pk, made[4].pk]
    assert rows[inputs_of.finding.pk]["has_outcome"] is False
    others = [row for pk, row in rows.items() if pk != inputs_of.finding.pk]
    assert all(row["input_ids"] == [x.pk for x in made[:3]] and row["has_outcome"] for row in others)
    assert all(row["decisions"][0]["note"] == "Läggs in i handlingsplanen" for row in others)
