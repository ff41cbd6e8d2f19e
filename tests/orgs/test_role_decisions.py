"""Decisions on who may do what, written down in orgs/roles.py: each one through pages and API."""

import pytest
from tests.actions.factories import ActionFactory, ActionPlanFactory
from tests.actors.factories import ActorFactory
from tests.analysis.factories import DocumentFactory
from tests.cocreation.factories import CommitteeDecisionFactory

from samskapa.actions.models import Action
from samskapa.analysis.models import Document
from samskapa.cocreation.models import CommitteeDecision
from samskapa.orgs.models import Role


@pytest.fixture
def decision(org):
    return CommitteeDecisionFactory(meeting__committee__organisation=org)


def test_a_committee_member_records_decisions_but_cannot_remove_one(org, decision, member_factory, client_for, api_for):
    member = member_factory(Role.COMMITTEE)
    page = client_for(member).get(f"/o/{org.slug}/cocreation/meetings/{decision.meeting_id}/")
    assert page.status_code == 200 and "Remove the decision" not in page.content.decode()
    assert client_for(member).post(f"/o/{org.slug}/cocreation/decisions/{decision.pk}/delete/").status_code == 403
    assert api_for(member).delete(f"/orgs/{org.slug}/committee-decisions/{decision.pk}").status_code == 403
    assert CommitteeDecision.objects.filter(pk=decision.pk).exists()


def test_the_coordinator_removes_a_decision_through_page_and_api(org, coordinator, client_for, api_for):
    first, second = (CommitteeDecisionFactory(meeting__committee__organisation=org) for _ in range(2))
    page = client_for(coordinator).get(f"/o/{org.slug}/cocreation/meetings/{first.meeting_id}/")
    assert "Remove the decision" in page.content.decode()
    assert client_for(coordinator).post(f"/o/{org.slug}/cocreation/decisions/{first.pk}/delete/").status_code == 302
    assert api_for(coordinator).delete(f"/orgs/{org.slug}/committee-decisions/{second.pk}").status_code == 204
    assert not CommitteeDecision.objects.exists()


def test_an_editor_adds_an_action_to_any_plan_and_may_then_edit_only_that(org, member_factory, api_for):
    editor = member_factory(Role.EDITOR)
    plan = ActionPlanFactory(strategy__organisation=org)
    someone_elses = ActionFactory(plan=plan)
    api = api_for(editor)
    created = api.post(
        f"/orgs/{org.slug}/action-plans/{plan.pk}/actions",
        {
            "title": "Läxhjälp",
            "focus_area_id": someone_elses.focus_area_id,
            "lead_id": ActorFactory(organisation=org).pk,
        },
    )
    assert created.status_code == 201, created.json()
    assert created.json()["responsible_ids"] == [editor.pk]
    refused = api.patch(
        f"/orgs/{org.slug}/actions/{someone_elses.pk}", {"version": someone_elses.version, "title": "X"}
    )
    assert refused.status_code == 403
    assert Action.objects.get(pk=someone_elses.pk).title == someone_elses.title


def test_an_editor_can_add_actions_through_the_page_too(org, member_factory, client_for):
    plan = ActionPlanFactory(strategy__organisation=org)
    assert client_for(member_factory(Role.EDITOR)).get(f"/o/{org.slug}/actions/plans/{plan.pk}/new/").status_code == 200
    assert (
        client_for(member_factory(Role.PARTNER)).get(f"/o/{org.slug}/actions/plans/{plan.pk}/new/").status_code == 403
    )


def test_an_editor_analyses_again_only_documents_they_uploaded(org, member_factory, client_for, api_for):
    editor = member_factory(Role.EDITOR)
    own = DocumentFactory(organisation=org, uploaded_by=editor)
    others = DocumentFactory(organisation=org, uploaded_by=member_factory(Role.COORDINATOR))
    page = client_for(editor).get(f"/o/{org.slug}/documents/{others.pk}/")
    assert page.status_code == 200 and "Analyse again" not in page.content.decode()
    assert client_for(editor).post(f"/o/{org.slug}/documents/{others.pk}/reanalyse/").status_code == 403
    assert api_for(editor).post(f"/orgs/{org.slug}/documents/{others.pk}/reanalyse", {}).status_code == 403
    others.refresh_from_db()
    assert others.status == Document.Status.ANALYSED
    assert "Analyse again" in client_for(editor).get(f"/o/{org.slug}/documents/{own.pk}/").content.decode()
    assert api_for(editor).post(f"/orgs/{org.slug}/documents/{own.pk}/reanalyse", {}).status_code == 202


def test_the_coordinator_analyses_any_document_again(org, coordinator, member_factory, api_for):
    document = DocumentFactory(organisation=org, uploaded_by=member_factory(Role.EDITOR))
    assert api_for(coordinator).post(f"/orgs/{org.slug}/documents/{document.pk}/reanalyse", {}).status_code == 202


@pytest.mark.parametrize("role", [Role.PARTNER, Role.COMMITTEE, Role.EDITOR])
def test_people_who_write_may_ask_for_code_suggestions(org, member_factory, api_for, role):
    response = api_for(member_factory(role)).post(
        f"/orgs/{org.slug}/suggest-codes", {"texts": ["Vi behöver fler hyresrätter för stora familjer"]}
    )
    assert response.status_code == 200 and response.json()[0]["codes"] == ["HOU"]


def test_a_viewer_gets_no_code_suggestions(org, member_factory, api_for):
    response = api_for(member_factory(Role.VIEWER)).post(f"/orgs/{org.slug}/suggest-codes", {"texts": ["Bostäder"]})
    assert response.status_code == 403
