"""Writes for organisations, memberships and invitations.

Each function takes the acting user, checks the permission itself (so pages, API and CLI
agree), validates with ``full_clean()`` and runs in one transaction.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.accounts.models import User
from samskapa.accounts.services import hash_token
from samskapa.core.errors import ApplicationError, ConflictError, PermissionRefused, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Invitation, Membership, Organisation, Role


def require(user, capability: str, obj) -> None:
    """Refuse unless ``user`` may do ``capability`` on ``obj`` (an organisation or its object)."""
    if not user.has_perm(capability, obj):
        raise PermissionRefused(_("Your role does not allow this."))


def _forget_roles(user) -> None:
    user.__dict__.pop("_samskapa_roles", None)


@transaction.atomic
def organisation_create(
    *,
    actor: User,
    name: str,
    slug: str,
    country: str = "SE",
    municipality_code: str = "",
    default_language: str = "sv",
    languages: list[str] | None = None,
    is_demo: bool = False,
) -> Organisation:
    """Platform administrators create organisations; the creator becomes its first admin."""
    if not actor.is_staff:
        raise PermissionRefused(_("Only platform administrators can create organisations."))
    if Organisation.objects.filter(slug=slug).exists():
        raise ConflictError(_("The short name “%(slug)s” is already taken.") % {"slug": slug})
    organisation = Organisation(
        name=name,
        slug=slug,
        country=country,
        municipality_code=municipality_code,
        default_language=default_language,
        languages=languages or [],
        is_demo=is_demo,
    )
    save_as(organisation, actor)
    save_as(Membership(organisation=organisation, user=actor, role=Role.ADMIN), actor)
    _forget_roles(actor)
    return organisation


EDITABLE_ORGANISATION_FIELDS = ("name", "country", "municipality_code", "default_language", "languages")


@transaction.atomic
def organisation_update(*, actor: User, organisation: Organisation, **changes) -> Organisation:
    require(actor, "orgs.change_organisation", organisation)
    refuse_unknown_fields(changes, EDITABLE_ORGANISATION_FIELDS)
    for field, value in changes.items():
        setattr(organisation, field, value)
    return save_as(organisation, actor)


@transaction.atomic
def invitation_create(*, actor: User, organisation: Organisation, email: str, role: str) -> tuple[Invitation, str]:
    """Invite someone by email; returns the invitation and the one-time secret for its link."""
    require(actor, "orgs.manage_members", organisation)
    email = User.objects.normalize_email(email).strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email=email).exists():
        raise ConflictError(_("%(email)s is already a member.") % {"email": email})
    raw = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hash_token(raw),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.SAMSKAPA_INVITATION_DAYS),
    )
    save_as(invitation, actor)
    return invitation, raw


def invitation_for_token(raw: str) -> Invitation:
    """The open invitation behind a link, or a clear refusal (used, expired, revoked, unknown)."""
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=hash_token(raw)).first()
    if invitation is None:
        raise ApplicationError(_("This invitation link is not valid."), status=404)
    if invitation.accepted_at:
        raise ApplicationError(_("This invitation has already been used."), status=410)
    if invitation.revoked_at:
        raise ApplicationError(_("This invitation has been withdrawn."), status=410)
    if invitation.expires_at <= timezone.now():
        raise ApplicationError(_("This invitation has expired. Ask for a new one."), status=410)
    return invitation


def invitation_check_recipient(invitation: Invitation, user: User) -> None:
    # The link is a secret sent to one mailbox; a forwarded or leaked link must not make
    # someone else a member (possibly with a powerful role).
    if User.objects.normalize_email(user.email).strip().lower() != invitation.email:
        raise ApplicationError(
            _("This invitation was sent to %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email},
            status=403,
        )


@transaction.atomic
def invitation_accept(*, raw_token: str, user: User) -> Membership:
    """Make ``user`` a member; the link cannot be used again."""
    invitation = invitation_for_token(raw_token)
    # Lock the row so two simultaneous clicks cannot both use the link.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ApplicationError(_("This invitation has already been used."), status=410)
    invitation_check_recipient(invitation, user)
    membership = Membership.objects.filter(organisation=invitation.organisation, user=user).first()
    if membership is None:
        membership = save_as(Membership(organisation=invitation.organisation, user=user, role=invitation.role), user)
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    save_as(invitation, user)
    _forget_roles(user)
    return membership


@transaction.atomic
def invitation_revoke(*, actor: User, organisation: Organisation, invitation: Invitation) -> Invitation:
    require(actor, "orgs.manage_members", organisation)
    if not invitation.is_open:
        raise ApplicationError(_("Only open invitations can be withdrawn."))
    invitation.revoked_at = timezone.now()
    return save_as(invitation, actor)


def _ensure_an_admin_remains(membership: Membership) -> None:
    others = Membership.objects.filter(organisation=membership.organisation, role=Role.ADMIN).exclude(pk=membership.pk)
    if membership.role == Role.ADMIN and not others.exists():
        raise ApplicationError(_("An organisation needs at least one administrator."))


@transaction.atomic
def membership_update(
    *, actor: User, organisation: Organisation, membership: Membership, role: str, title: str | None = None
) -> Membership:
    require(actor, "orgs.manage_members", organisation)
    if role != Role.ADMIN:
        _ensure_an_admin_remains(membership)
    membership.role = role
    if title is not None:
        membership.title = title
    save_as(membership, actor)
    _forget_roles(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, actor: User, organisation: Organisation, membership: Membership) -> None:
    require(actor, "orgs.manage_members", organisation)
    _ensure_an_admin_remains(membership)
    delete_as(membership, actor)
    _forget_roles(membership.user)


def invitation_send(*, invitation: Invitation, link: str) -> None:
    """Email the one-time link (the console in development)."""
    from django.core.mail import send_mail

    subject = _("Invitation to %(org)s on Samskapa") % {"org": invitation.organisation}
    body = _(
        "You have been invited to take part in %(org)s's integration work on Samskapa as %(role)s.\n\n"
        "Open this link to accept (it works once, until %(expires)s):\n%(link)s\n"
    ) % {
        "org": invitation.organisation,
        "role": invitation.get_role_display(),
        "link": link,
        "expires": invitation.expires_at.date().isoformat(),
    }
    send_mail(subject, body, None, [invitation.email], fail_silently=True)
