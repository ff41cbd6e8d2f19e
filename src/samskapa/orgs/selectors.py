"""Reads for organisations, always scoped to one organisation or to the user's own."""

from django.db.models import QuerySet
from django.http import Http404

from samskapa.core.access import access_in_organisation
from samskapa.orgs.models import Invitation, Membership, Organisation


def membership_list_for_user(*, user) -> QuerySet[Membership]:
    """The organisations a person belongs to, for the switcher."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def organisation_for_member(*, user, slug: str) -> tuple[Organisation, Membership]:
    """The organisation behind a URL slug, if ``user`` is a member; 404 alike for absent and foreign."""
    if not user.is_authenticated:
        raise Http404
    membership = Membership.objects.select_related("organisation").filter(user=user, organisation__slug=slug).first()
    if membership is None:
        raise Http404
    return membership.organisation, membership


def member_list(*, organisation: Organisation) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__email")


def member_get(*, organisation: Organisation, membership_id) -> Membership:
    return access_in_organisation(Membership.objects.select_related("user"), organisation, pk=membership_id)


def invitation_list(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation=organisation).select_related("invited_by")


def invitation_get(*, organisation: Organisation, invitation_id) -> Invitation:
    return access_in_organisation(Invitation.objects.all(), organisation, pk=invitation_id)
