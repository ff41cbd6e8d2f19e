"""Every permission of orgs/roles.py for every role: what ``has_perm`` answers, and that a page or
service guarded by that permission refuses each role without it (and lets the others past)."""

import pytest
from tests.actions.factories import ActionFactory, ActionPlanFactory
from tests.analysis.factories import DocumentFactory, PassageFactory
from tests.cocreation.factories import CommitteeDecisionFactory, CommitteeMeetingFactory
from tests.factories import StrategyFactory
from tests.indicators.factories import IndicatorFactory

from samskapa.actions.models import ActionResponsible
from samskapa.core.errors import ApplicationError, PermissionRefused
from samskapa.indicators import services as indicator_services
from samskapa.orgs.models import Role
from samskapa.orgs.roles import CAPABILITIES

ROLES = [Role.ADMIN, Role.COORDINATOR, Role.EDITOR, Role.PARTNER, Role.COMMITTEE, Role.VIEWER]
Y, N = True, False

# Written out by hand (not derived from roles.py): a change to who may do what must be deliberate.
MATRIX = {
    #                                        admin coord editor partner committee viewer
    "orgs.view_organisation": (Y, Y, Y, Y, Y, Y),
    "orgs.change_organisation": (Y, N, N, N, N, N),
    "orgs.view_members": (Y, Y, N, N, N, N),
    "orgs.manage_members": (Y, N, N, N, N, N),
    "core.view_job": (Y, Y, Y, Y, Y, Y),
    "core.start_job": (Y, Y, Y, N, N, N),
    "strategy.view_strategy": (Y, Y, Y, Y, Y, Y),
    "strategy.change_strategy": (Y, Y, N, N, N, N),
    "strategy.adopt_strategy": (Y, Y, N, N, N, N),
    "actions.change_action": (Y, Y, Y, N, N, N),
    "actions.view_actions": (Y, Y, Y, Y, Y, Y),
    "actions.manage_plan": (Y, Y, N, N, N, N),
    "actors.view_actors": (Y, Y, Y, Y, Y, Y),
    "actors.change_actors": (Y, Y, N, N, N, N),
    "actions.post_progress": (Y, Y, Y, Y, N, N),
    "cocreation.view_consultations": (Y, Y, Y, N, Y, Y),
    "cocreation.change_consultations": (Y, Y, N, N, N, N),
    "cocreation.view_committee": (Y, Y, N, N, Y, N),
    "cocreation.record_committee_minutes": (Y, Y, N, N, Y, N),
    "cocreation.delete_committee_decisions": (Y, Y, N, N, N, N),
    "cocreation.manage_personal_data": (Y, Y, N, N, N, N),
    "indicators.view_indicators": (Y, Y, Y, Y, Y, Y),
    "indicators.change_indicators": (Y, Y, N, N, N, N),
    "indicators.enter_values": (Y, Y, Y, N, N, N),
    "analysis.view_documents": (Y, Y, Y, N, Y, Y),
    "analysis.upload_documents": (Y, Y, Y, N, N, N),
    "analysis.reanalyse_any_document": (Y, Y, N, N, N, N),
    "analysis.suggest_codes": (Y, Y, Y, Y, Y, N),
    "analysis.correct_passages": (Y, Y, N, N, N, N),
    "analysis.delete_documents": (Y, Y, N, N, N, N),
    "analysis.change_practices": (Y, Y, N, N, N, N),
    "publicsite.publish": (Y, Y, N, N, N, N),
}


def _page(method: str, path: str, data: dict | None = None):
    return ("page", method, path, data or {})


def _api(method: str, path: str, data: dict | None = None):
    return ("api", method, path, data or {})


def _responsible(user):
    action = ActionFactory(plan__strategy__organisation=user.memberships.get().organisation)
    ActionResponsible.objects.create(organisation=action.organisation, action=action, user=user)
    return action


def _others_document(org, member_factory):
    return DocumentFactory(organisation=org, uploaded_by=member_factory(Role.COORDINATOR))


# For each permission, a page or an API operation guarded by it (built for the user who asks, in
# the organisation): a role without the permission is refused with 403, a role with it is not.
REPRESENTATIVE = {
    "orgs.view_organisation": lambda o, u, m: _page("get", "/"),
    "orgs.change_organisation": lambda o, u, m: _page("get", "/settings/"),
    "orgs.view_members": lambda o, u, m: _page("get", "/members/"),
    "orgs.manage_members": lambda o, u, m: _api("get", "/invitations"),
    "core.view_job": lambda o, u, m: _api("get", "/jobs/999999"),
    "core.start_job": None,  # no page of its own: the service below
    "strategy.view_strategy": lambda o, u, m: _page("get", "/strategy/"),
    "strategy.change_strategy": lambda o, u, m: _page("get", "/strategy/new/"),
    "strategy.adopt_strategy": lambda o, u, m: _page("get", f"/strategy/{StrategyFactory(organisation=o).pk}/adopt/"),
    "actions.change_action": lambda o, u, m: _page(
        "get", f"/actions/plans/{ActionPlanFactory(strategy__organisation=o).pk}/new/"
    ),
    "actions.view_actions": lambda o, u, m: _page("get", "/actions/"),
    "actions.manage_plan": lambda o, u, m: _page("get", "/actions/plans/new/"),
    "actors.view_actors": lambda o, u, m: _page("get", "/actors/"),
    "actors.change_actors": lambda o, u, m: _page("get", "/actors/new/"),
    "actions.post_progress": lambda o, u, m: _page("get", f"/actions/{_responsible(u).pk}/progress/"),
    "cocreation.view_consultations": lambda o, u, m: _page("get", "/cocreation/consultations/"),
    "cocreation.change_consultations": lambda o, u, m: _page("get", "/cocreation/consultations/new/"),
    "cocreation.view_committee": lambda o, u, m: _page("get", "/cocreation/committee/"),
    "cocreation.record_committee_minutes": lambda o, u, m: _page(
        "post", f"/cocreation/meetings/{CommitteeMeetingFactory(committee__organisation=o).pk}/decisions/new/"
    ),
    "cocreation.delete_committee_decisions": lambda o, u, m: _api(
        "delete", f"/committee-decisions/{CommitteeDecisionFactory(meeting__committee__organisation=o).pk}"
    ),
    "cocreation.manage_personal_data": lambda o, u, m: _page("get", "/cocreation/people/"),
    "indicators.view_indicators": lambda o, u, m: _page("get", "/indicators/"),
    "indicators.change_indicators": lambda o, u, m: _page("get", "/indicators/new/"),
    "indicators.enter_values": lambda o, u, m: _page(
        "post", f"/indicators/{IndicatorFactory(organisation=o).pk}/values/"
    ),
    "analysis.view_documents": lambda o, u, m: _page("get", "/documents/"),
    "analysis.upload_documents": lambda o, u, m: _page("get", f"/documents/{DocumentFactory(organisation=o).pk}/edit/"),
    "analysis.reanalyse_any_document": lambda o, u, m: _api(
        "post", f"/documents/{_others_document(o, m).pk}/reanalyse", {}
    ),
    "analysis.suggest_codes": lambda o, u, m: _api("post", "/suggest-codes", {"texts": ["Fler bostäder"]}),
    "analysis.correct_passages": lambda o, u, m: _page(
        "get", f"/documents/passages/{PassageFactory(organisation=o).pk}/"
    ),
    "analysis.delete_documents": lambda o, u, m: _page(
        "get", f"/documents/{DocumentFactory(organisation=o).pk}/delete/"
    ),
    "analysis.change_practices": lambda o, u, m: _page("get", "/documents/practices/new/"),
    "publicsite.publish": lambda o, u, m: _page("get", "/public/settings/"),
}
CASES = [(capability, index, role) for capability in MATRIX for index, role in enumerate(ROLES)]


def test_the_matrix_and_the_requests_name_every_permission():
    assert set(MATRIX) == set(CAPABILITIES) == set(REPRESENTATIVE)
    for capability, allowed in MATRIX.items():
        assert len(allowed) == len(ROLES) == len(Role), capability


@pytest.mark.parametrize("capability,index,role", CASES)
def test_each_role_has_exactly_the_permissions_the_matrix_gives(member_factory, org, capability, index, role):
    assert member_factory(role).has_perm(capability, org) is MATRIX[capability][index]


@pytest.mark.parametrize("capability,index,role", [c for c in CASES if REPRESENTATIVE[c[0]]])
def test_a_page_or_operation_of_each_permission_refuses_exactly_the_roles_without_it(
    member_factory, org, client_for, api_for, capability, index, role
):
    user = member_factory(role)
    kind, method, path, data = REPRESENTATIVE[capability](org, user, member_factory)
    if kind == "page":
        response = getattr(client_for(user), method)(f"/o/{org.slug}{path}", data)
    else:
        response = getattr(api_for(user), method)(f"/orgs/{org.slug}{path}", *([data] if method == "post" else []))
    refused = response.status_code == 403
    assert refused is not MATRIX[capability][index], (capability, role, response.status_code)


@pytest.mark.parametrize("index,role", list(enumerate(ROLES)))
def test_starting_background_work_is_refused_to_the_roles_without_it(member_factory, org, index, role):
    """``core.start_job`` guards services, not a page: fetching the indicators is one."""
    user = member_factory(role)
    with pytest.raises(ApplicationError) as raised:
        indicator_services.indicator_sync_start(actor=user, organisation=org)
    if not MATRIX["core.start_job"][index]:
        assert isinstance(raised.value, PermissionRefused)
    elif MATRIX["indicators.change_indicators"][index]:
        # Past both permissions, it stops only because there is nothing to fetch.
        assert not isinstance(raised.value, PermissionRefused) and "online source" in raised.value.message
