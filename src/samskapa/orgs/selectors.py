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


def memberships_of_request(request) -> list[Membership]:
    """The signed-in person's memberships, organisation included, read in one query per request.

    Every signed-in page needs them: the organisation switcher in the layout, the home page's list
    and the organisation in the URL (see core.views.org_view) all take them from here, so a page
    pays one query however many organisations the person belongs to, and none when they came
    with the person (orgs.backends). The roles are noted for the permission rules too
    (orgs.rules.role_in), which then ask nothing more.
    """
    cached = getattr(request, "_samskapa_memberships", None)
    if cached is None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            cached = []
        else:
            # On the person itself, not on the lazy wrapper request.user is: the rules see the person.
            person = getattr(user, "_wrapped", user)
            # Read with the person when signing in found them (orgs.backends.MemberBackend), else now.
            cached = person.__dict__.get("_samskapa_memberships")
            if cached is None:
                cached = list(membership_list_for_user(user=person))
            roles = person.__dict__.setdefault("_samskapa_roles", {})
            for membership in cached:
                roles.setdefault(membership.organisation_id, membership.role)
        request._samskapa_memberships = cached
    return cached


def organisation_for_request(request, *, slug: str) -> tuple[Organisation, Membership]:
    """The organisation behind a URL slug among the request's memberships; 404 alike for absent and foreign."""
    if not request.user.is_authenticated:
        raise Http404
    for membership in memberships_of_request(request):
        if membership.organisation.slug == slug:
            return membership.organisation, membership
    raise Http404


def member_list(*, organisation: Organisation) -> QuerySet[Membership]:
    return Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__email")


def member_get(*, organisation: Organisation, membership_id) -> Membership:
    return access_in_organisation(Membership.objects.select_related("user"), organisation, pk=membership_id)


def invitation_list(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation=organisation).select_related("invited_by")


def invitation_get(*, organisation: Organisation, invitation_id) -> Invitation:
    return access_in_organisation(Invitation.objects.all(), organisation, pk=invitation_id)
