"""How the isolation walker makes an object of a given organisation for each URL parameter.

When a new route takes a new ``<something_id>``, add a maker here: the walker fails on
parameters it does not know, so no route escapes the check.
"""

from tests.factories import (
    FocusAreaFactory,
    GoalFactory,
    InvitationFactory,
    JobFactory,
    MembershipFactory,
    StrategyFactory,
    StrategyVersionFactory,
)

from samskapa.orgs.models import Role

ID_MAKERS = {
    "membership_id": lambda org: MembershipFactory(organisation=org, role=Role.ADMIN).pk,
    "invitation_id": lambda org: InvitationFactory(organisation=org).pk,
    "job_id": lambda org: JobFactory(organisation=org, title="SECRET-B job").pk,
    "strategy_id": lambda org: StrategyFactory(organisation=org, title="SECRET-B strategy").pk,
    "focus_area_id": lambda org: (
        FocusAreaFactory(strategy=StrategyFactory(organisation=org), title="SECRET-B focus area").pk
    ),
    "goal_id": lambda org: (
        GoalFactory(focus_area=FocusAreaFactory(strategy=StrategyFactory(organisation=org)), text="SECRET-B goal").pk
    ),
    "version_id": lambda org: (
        StrategyVersionFactory(
            strategy=StrategyFactory(organisation=org), snapshot={"title": "SECRET-B version", "focus_areas": []}
        ).pk
    ),
}

# Parameters that are not organisation objects; their routes are tested on their own:
# invitation and password-reset secrets (tests/orgs/test_invitations.py, tests/accounts/),
# a person's own tokens (tests/accounts/test_tokens.py), the public pages and open data
# (/p/<site_slug>/..., tests/publicsite/test_public_isolation.py).
NOT_ORGANISATION_SCOPED = {"token", "uidb64", "token_id", "site_slug", "dataset", "data_format"}


def _document(org):
    from tests.analysis.factories import DocumentFactory

    return DocumentFactory(organisation=org, title="SECRET-B strategy").pk


def _passage(org):
    from tests.analysis.factories import PassageFactory

    return PassageFactory(organisation=org, text="SECRET-B passage").pk


ID_MAKERS["document_id"] = _document
ID_MAKERS["passage_id"] = _passage


def _actor(org):
    from tests.actors.factories import ActorFactory

    return ActorFactory(organisation=org, name="SECRET-B actor").pk


ID_MAKERS["actor_id"] = _actor


def _made(factory_name: str, **kwargs):
    def make(org):
        from tests.cocreation import factories

        return getattr(factories, factory_name)(organisation=org, **kwargs).pk

    return make


def _finding_link(org):
    from tests.cocreation.factories import FindingDecisionFactory
    from tests.factories import FocusAreaFactory, StrategyFactory

    area = FocusAreaFactory(strategy=StrategyFactory(organisation=org), title="SECRET-B area")
    return FindingDecisionFactory(organisation=org, finding__organisation=org, focus_area=area).pk


def _of(factory_name: str, parent: str, **kwargs):
    """A row whose organisation follows its parent (the parent is made in ``org``)."""

    def make(org):
        from tests.cocreation import factories

        return getattr(factories, factory_name)(**{f"{parent}__organisation": org}, **kwargs).pk

    return make


ID_MAKERS.update(
    {
        "relation_id": _made("RelationFactory", note="SECRET-B relation"),
        "engagement_id": _made("EngagementFactory", method="SECRET-B plan"),
        "consultation_id": _made("ConsultationFactory", title="SECRET-B consultation"),
        "input_id": _of("InputFactory", "consultation", text="SECRET-B input"),
        "finding_id": _made("FindingFactory", statement="SECRET-B finding"),
        "link_id": _finding_link,
        "committee_id": _made("CommitteeFactory", name="SECRET-B committee"),
        "member_id": _of("CommitteeMemberFactory", "committee"),
        "meeting_id": _of("CommitteeMeetingFactory", "committee", agenda="SECRET-B agenda"),
        "decision_id": _of("CommitteeDecisionFactory", "meeting__committee", text="SECRET-B decision"),
        "survey_id": _made("SurveyFactory", title="SECRET-B survey"),
        "question_id": _of("QuestionFactory", "survey", text="SECRET-B question"),
        "person_id": _made("PersonFactory", full_name="SECRET-B person"),
        "consent_id": _of("ConsentFactory", "person", how="SECRET-B consent"),
    }
)
# The public survey (/s/<survey_key>/<language>/) is outside any organisation: tests/cocreation/test_public_survey.py.
NOT_ORGANISATION_SCOPED |= {"survey_key", "language"}


def _plan(org):
    from tests.actions.factories import ActionPlanFactory

    return ActionPlanFactory(strategy=StrategyFactory(organisation=org), title="SECRET-B plan").pk


def _action(org):
    from tests.actions.factories import ActionFactory, ActionPlanFactory

    plan = ActionPlanFactory(strategy=StrategyFactory(organisation=org))
    return ActionFactory(plan=plan, organisation=org, title="SECRET-B action").pk


ID_MAKERS["plan_id"] = _plan
ID_MAKERS["action_id"] = _action


def _practice(org):
    from tests.analysis.factories import PracticeFactory

    return PracticeFactory(organisation=org, title="SECRET-B practice").pk


ID_MAKERS["practice_id"] = _practice


def _indicator(org):
    from tests.indicators.factories import IndicatorFactory

    return IndicatorFactory(organisation=org, title="SECRET-B indicator").pk


def _observation(org):
    from tests.indicators.factories import IndicatorFactory, ObservationFactory

    return ObservationFactory(indicator=IndicatorFactory(organisation=org), note="SECRET-B value").pk


ID_MAKERS["indicator_id"] = _indicator
ID_MAKERS["observation_id"] = _observation


# The public site's coordinator pages: a kind of content, a row of it, a language.
ID_MAKERS["content_kind"] = lambda org: "strategy"
ID_MAKERS["content_id"] = lambda org: StrategyFactory(organisation=org, title="SECRET-B strategy").pk
ID_MAKERS["lang"] = lambda org: "en"
# A survey's poster is printed per language.
ID_MAKERS["language"] = lambda org: "sv"


def _follow_up_report(org):
    from django.core.files.base import ContentFile

    from samskapa.indicators.models import FollowUpReport

    strategy = StrategyFactory(organisation=org)
    report = FollowUpReport(organisation=org, strategy=strategy, year=2025, language="sv", title="SECRET-B report")
    report.pdf.save("report.pdf", ContentFile(b"%PDF-1.4"), save=False)
    report.docx.save("report.docx", ContentFile(b"PK"), save=False)
    report.save()
    return report.pk


ID_MAKERS["report_id"] = _follow_up_report
