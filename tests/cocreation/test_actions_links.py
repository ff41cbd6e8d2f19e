"""Co-creation and the action plan: findings and committee decisions traced to actions, and the
actor network drawn from actions that actors share."""

import pytest
from tests.actions.factories import ActionFactory, ActionPlanFactory
from tests.actors.factories import ActorFactory
from tests.cocreation.factories import CommitteeMeetingFactory, FindingFactory
from tests.factories import StrategyFactory

from samskapa.actions.models import ActionPartner
from samskapa.actors import selectors as actor_selectors
from samskapa.actors import services as actor_services
from samskapa.cocreation.services import committee, findings
from samskapa.core.errors import ApplicationError, ConflictError


@pytest.fixture
def action(org):
    return ActionFactory(
        plan=ActionPlanFactory(strategy=StrategyFactory(organisation=org)), title="Språkcafé på biblioteket"
    )


def test_a_finding_is_traced_to_an_action_and_shows_it_in_you_said_we_did(org, coordinator, client_for, action):
    finding = FindingFactory(organisation=org, statement="Nyanlända saknar mötesplatser")
    findings.finding_link(actor=coordinator, organisation=org, finding=finding, action_id=action.pk)
    body = client_for(coordinator).get(f"/o/{org.slug}/cocreation/you-said-we-did/").content.decode()
    assert "Språkcafé på biblioteket" in body and f"/o/{org.slug}/actions/{action.pk}/" in body


def test_a_finding_cannot_be_traced_to_another_organisations_action(org, other_org, coordinator):
    foreign = ActionFactory(plan=ActionPlanFactory(strategy=StrategyFactory(organisation=other_org)))
    with pytest.raises(ApplicationError):
        findings.finding_link(
            actor=coordinator, organisation=org, finding=FindingFactory(organisation=org), action_id=foreign.pk
        )


def test_the_finding_page_offers_the_actions_of_the_plan(org, coordinator, client_for, action):
    finding = FindingFactory(organisation=org)
    client = client_for(coordinator)
    assert "Språkcafé på biblioteket" in client.get(f"/o/{org.slug}/cocreation/findings/{finding.pk}/").content.decode()
    response = client.post(f"/o/{org.slug}/cocreation/findings/{finding.pk}/link/", {"target": f"action:{action.pk}"})
    assert response.status_code == 302 and finding.decisions.get().action == action


def test_a_committee_decision_is_linked_to_an_action(org, coordinator, action):
    meeting = CommitteeMeetingFactory(committee__organisation=org)
    decision = committee.decision_add(
        actor=coordinator, organisation=org, meeting=meeting, text="Starta", action_id=action.pk
    )
    assert decision.target == action


def test_actors_who_share_an_action_are_linked_in_the_network(org, action):
    partner = ActorFactory(organisation=org, name="Svenska kyrkan")
    ActionPartner.objects.create(organisation=org, action=action, actor=partner)
    links = actor_selectors.network_links(organisation=org)
    assert (min(action.lead_id, partner.pk), max(action.lead_id, partner.pk)) in {
        (min(a, b), max(a, b)) for a, b, _ in links
    }


def test_an_actor_leading_an_action_cannot_be_removed_from_the_registry(org, coordinator, action):
    with pytest.raises(ConflictError):
        actor_services.actor_delete(actor=coordinator, organisation=org, target=action.lead)
    action.lead.refresh_from_db()


def test_the_api_traces_a_finding_to_an_action(org, coordinator, api_for, action):
    finding = FindingFactory(organisation=org)
    response = api_for(coordinator).post(f"/orgs/{org.slug}/findings/{finding.pk}/decisions", {"action_id": action.pk})
    assert response.status_code == 201 and response.json()["action_id"] == action.pk
