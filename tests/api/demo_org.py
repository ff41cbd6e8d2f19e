"""The demo organisation the API tests walk: every list and route has rows to show."""

from django.apps import apps
from tests.analysis.factories import PracticeFactory
from tests.cocreation.factories import ConsentFactory

from samskapa.core import demo

# Path parameter → the model whose first row in the demo organisation is used for it, so the
# generated bodies and queries reach the handlers instead of stopping at 404.
PATH_MODELS = {
    "strategy_id": "strategy.Strategy",
    "version_id": "strategy.StrategyVersion",
    "focus_area_id": "strategy.FocusArea",
    "goal_id": "strategy.Goal",
    "plan_id": "actions.ActionPlan",
    "action_id": "actions.Action",
    "actor_id": "actors.Actor",
    "relation_id": "actors.Relation",
    "engagement_id": "actors.Engagement",
    "consultation_id": "cocreation.Consultation",
    "input_id": "cocreation.Input",
    "finding_id": "cocreation.Finding",
    "committee_id": "cocreation.Committee",
    "member_id": "cocreation.CommitteeMember",
    "meeting_id": "cocreation.CommitteeMeeting",
    "decision_id": "cocreation.CommitteeDecision",
    "survey_id": "cocreation.Survey",
    "question_id": "cocreation.Question",
    "person_id": "cocreation.Person",
    "consent_id": "cocreation.Consent",
    "indicator_id": "indicators.Indicator",
    "observation_id": "indicators.Observation",
    "document_id": "analysis.Document",
    "passage_id": "analysis.Passage",
    "practice_id": "analysis.GoodPractice",
    "membership_id": "orgs.Membership",
    "invitation_id": "orgs.Invitation",
    "job_id": "core.Job",
}


def build_demo_organisation():
    coordinator = demo._demo_user("a-long-demo-secret-7")
    organisation = demo._demo_organisation(demo.DEMO_ORGANISATIONS[0], coordinator)
    for build in demo._app_builders():
        build(organisation, coordinator)
    ConsentFactory(person__organisation=organisation)  # the demo names nobody; the API has people routes
    PracticeFactory(organisation=organisation)  # and keeps no good practice of its own
    return organisation, coordinator


def known_ids(organisation) -> dict[str, object]:
    known: dict[str, object] = {"org_slug": organisation.slug, "lang": "en", "content_kind": "actions"}
    for parameter, label in PATH_MODELS.items():
        model = apps.get_model(label)
        row = model._default_manager.filter(organisation=organisation).order_by("pk").first()
        if row is not None:
            known[parameter] = row.pk
    return known
