"""Each role against each kind of action, through the pages and the API alike."""

import pytest

from samskapa.orgs.models import Invitation, Membership, Role
from samskapa.orgs.roles import CAPABILITIES

ROLES = [r.value for r in Role]

# Written out by hand (not derived from roles.py) so a change to the table must be deliberate.
EXPECTED = {
    #                              admin  coord  editor partner commit viewer
    "see the overview": (True, True, True, True, True, True),
    "see the members": (True, True, False, False, False, False),
    "invite and manage members": (True, False, False, False, False, False),
    "change the settings": (True, False, False, False, False, False),
    "write the strategy": (True, True, False, False, False, False),
    "edit actions": (True, True, True, False, False, False),
    "post progress on actions": (True, True, True, True, False, False),
    "take part in the committee": (True, True, False, False, True, False),
    "upload documents": (True, True, True, False, False, False),
}
CAPABILITY_OF = {
    "see the overview": "orgs.view_organisation",
    "see the members": "orgs.view_members",
    "invite and manage members": "orgs.manage_members",
    "change the settings": "orgs.change_organisation",
    "write the strategy": "strategy.change_strategy",
    "edit actions": "actions.change_action",
    "post progress on actions": "actions.post_progress",
    "take part in the committee": "cocreation.record_committee_minutes",
    "upload documents": "analysis.upload_documents",
}


@pytest.mark.parametrize("action", EXPECTED)
@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
def test_role_may_do_only_what_the_matrix_says(member_factory, org, action, role_index, role):
    user = member_factory(role)
    assert user.has_perm(CAPABILITY_OF[action], org) is EXPECTED[action][role_index]


def test_non_member_may_do_nothing_in_the_organisation(org, other_org, member_factory):
    outsider = member_factory(Role.ADMIN, organisation=other_org)
    assert not any(outsider.has_perm(capability, org) for capability in CAPABILITIES)


def test_superuser_without_membership_is_refused_pages(org, client_for, member_factory):
    from tests.factories import UserFactory

    root = UserFactory(is_staff=True, is_superuser=True)
    assert client_for(root).get(f"/o/{org.slug}/").status_code == 404


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
def test_pages_follow_the_matrix(member_factory, org, client_for, role_index, role):
    client = client_for(member_factory(role))
    expect = {
        f"/o/{org.slug}/": EXPECTED["see the overview"][role_index],
        f"/o/{org.slug}/members/": EXPECTED["see the members"][role_index],
        f"/o/{org.slug}/settings/": EXPECTED["change the settings"][role_index],
    }
    for url, allowed in expect.items():
        assert client.get(url).status_code == (200 if allowed else 403), url


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
def test_inviting_through_the_page_follows_the_matrix(member_factory, org, client_for, role_index, role):
    client = client_for(member_factory(role))
    allowed = EXPECTED["invite and manage members"][role_index]
    response = client.post(f"/o/{org.slug}/members/", {"email": "new@example.test", "role": Role.EDITOR})
    assert response.status_code == (200 if allowed else 403)
    assert Invitation.objects.filter(organisation=org, email="new@example.test").exists() is allowed


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
def test_api_follows_the_matrix(member_factory, org, api_for, role_index, role):
    user = member_factory(role)
    api = api_for(user)
    can_manage = EXPECTED["invite and manage members"][role_index]
    assert api.get(f"/orgs/{org.slug}").status_code == 200
    assert api.get(f"/orgs/{org.slug}/members").status_code == (200 if EXPECTED["see the members"][role_index] else 403)
    patch = api.patch(f"/orgs/{org.slug}", {"name": "Nytt namn"})
    assert patch.status_code == (200 if EXPECTED["change the settings"][role_index] else 403)
    invite = api.post(f"/orgs/{org.slug}/invitations", {"email": "x@example.test", "role": "viewer"})
    assert invite.status_code == (201 if can_manage else 403)
    if not can_manage:
        assert invite.json() == {"message": "Your role does not allow this."}
        assert not Invitation.objects.filter(email="x@example.test").exists()
    membership = Membership.objects.get(user=user, organisation=org)
    assert membership.role == role
