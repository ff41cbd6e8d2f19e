"""Invitations: a one-time link that makes the person a member with the role given."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from tests.factories import UserFactory

from samskapa.accounts.models import User
from samskapa.core.errors import ApplicationError, ConflictError
from samskapa.orgs.models import Membership, Role
from samskapa.orgs.services import invitation_accept, invitation_create, invitation_revoke


def _invite(client, org, email="nyanstalld@example.test", role=Role.EDITOR):
    response = client.post(f"/o/{org.slug}/members/", {"email": email, "role": role})
    assert response.status_code == 200
    return response.context["new_link"]


def test_admin_invites_and_new_person_joins_with_the_role(org, admin, client_for):
    from django.test import Client

    link = _invite(client_for(admin), org)
    assert len(mail.outbox) == 1 and link in mail.outbox[0].body
    path = link.removeprefix("http://testserver")
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = browser.get(path)
    assert "Join Marks kommun" in page.content.decode()
    response = browser.post(
        path, {"full_name": "Amina Ali", "password1": "a-long-secret-77", "password2": "a-long-secret-77"}
    )
    assert response.status_code == 302 and response["Location"] == f"/o/{org.slug}/"
    user = User.objects.get(email="nyanstalld@example.test")
    assert Membership.objects.get(user=user, organisation=org).role == Role.EDITOR
    assert browser.get(f"/o/{org.slug}/").status_code == 200


def test_invitation_link_works_only_once(org, admin, member_factory, client_for):
    link = _invite(client_for(admin), org, email="twice@example.test")
    path = link.removeprefix("http://testserver")
    assert client_for(UserFactory(email="twice@example.test")).post(path).status_code == 302
    again = client_for(UserFactory()).post(path)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()


def test_expired_invitation_is_refused_and_changes_nothing(org, admin, member_factory):
    invitation, raw = invitation_create(actor=admin, organisation=org, email="late@example.test", role=Role.EDITOR)
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    outsider = UserFactory()
    before = Membership.objects.count()
    with pytest.raises(ApplicationError, match="expired"):
        invitation_accept(raw_token=raw, user=outsider)
    assert Membership.objects.count() == before


def test_revoked_invitation_cannot_be_used(org, admin, member_factory):
    invitation, raw = invitation_create(actor=admin, organisation=org, email="gone@example.test", role=Role.EDITOR)
    invitation_revoke(actor=admin, organisation=org, invitation=invitation)
    with pytest.raises(ApplicationError, match="withdrawn"):
        invitation_accept(raw_token=raw, user=UserFactory(email="gone@example.test"))


def test_unknown_link_gets_a_clear_page(client, db):
    response = client.get("/invite/not-a-real-token/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_inviting_an_existing_member_is_refused(org, admin, coordinator):
    with pytest.raises(ConflictError):
        invitation_create(actor=admin, organisation=org, email=coordinator.email, role=Role.VIEWER)


def test_invalid_email_is_refused_with_a_message(org, admin, client_for):
    response = client_for(admin).post(f"/o/{org.slug}/members/", {"email": "not an email", "role": "editor"})
    assert "Enter a valid email address" in response.content.decode()
    assert not org.invitations.exists()


def test_only_the_stored_hash_of_the_link_is_kept(org, admin):
    invitation, raw = invitation_create(actor=admin, organisation=org, email="hash@example.test", role=Role.EDITOR)
    invitation.refresh_from_db()
    assert raw not in invitation.token_hash and len(invitation.token_hash) == 64


def test_new_account_password_must_be_strong(org, admin, client_for):
    from django.test import Client

    path = _invite(client_for(admin), org, email="weak@example.test").removeprefix("http://testserver")
    response = Client().post(path, {"full_name": "X", "password1": "12345678", "password2": "12345678"})
    assert response.status_code == 200
    assert not User.objects.filter(email="weak@example.test").exists()


def test_last_admin_cannot_leave_or_be_demoted(org, admin, client_for):
    membership = Membership.objects.get(user=admin, organisation=org)
    response = client_for(admin).post(f"/o/{org.slug}/members/{membership.pk}/", {"role": "viewer"})
    assert "at least one administrator" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_admin_changes_a_role_and_history_records_who(org, admin, coordinator, client_for):
    membership = Membership.objects.get(user=coordinator, organisation=org)
    response = client_for(admin).post(f"/o/{org.slug}/members/{membership.pk}/", {"role": "editor", "title": "Skola"})
    assert response.status_code == 302
    latest = membership.history.latest()
    assert latest.role == "editor" and latest.history_user == admin


def test_invitation_accepted_by_the_invited_address_in_any_case(org, admin):
    _invitation, raw = invitation_create(actor=admin, organisation=org, email="Sara@Example.test", role=Role.EDITOR)
    invited = UserFactory(email="sara@example.test")
    assert invitation_accept(raw_token=raw, user=invited).role == Role.EDITOR


def test_another_logged_in_user_with_the_link_is_refused_and_nothing_changes(org, admin, client_for):
    path = _invite(client_for(admin), org, email="invited@example.test", role=Role.COORDINATOR)
    path = path.removeprefix("http://testserver")
    other = UserFactory(email="someone-else@example.test")
    browser = client_for(other)
    page = browser.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 403
    assert "invited@example.test" in page.content.decode() and "Accept the invitation" not in page.content.decode()
    refused = browser.post(path, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 403
    assert not Membership.objects.filter(user=other).exists()
    invitation = org.invitations.get()
    assert invitation.accepted_at is None and invitation.is_open


def test_the_service_refuses_another_account_for_the_api_alike(org, admin):
    _invitation, raw = invitation_create(actor=admin, organisation=org, email="named@example.test", role=Role.ADMIN)
    with pytest.raises(ApplicationError, match="named@example.test") as refusal:
        invitation_accept(raw_token=raw, user=UserFactory(email="intruder@example.test"))
    assert refusal.value.status == 403
    assert not Membership.objects.filter(user__email="intruder@example.test").exists()
