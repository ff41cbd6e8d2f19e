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


# The public site's coordinator pages: a kind of content, a row of it, a language.
ID_MAKERS["content_kind"] = lambda org: "strategy"
ID_MAKERS["content_id"] = lambda org: StrategyFactory(organisation=org, title="SECRET-B strategy").pk
ID_MAKERS["lang"] = lambda org: "en"
