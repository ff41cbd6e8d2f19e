"""Resolve the organisation of an API route once: member or 404, capability or 403."""

from django.http import HttpRequest

from samskapa.orgs.models import Organisation
from samskapa.orgs.selectors import organisation_for_member
from samskapa.orgs.services import require


def org_scope(request: HttpRequest, org_slug: str, capability: str = "orgs.view_organisation") -> Organisation:
    organisation, membership = organisation_for_member(user=request.user, slug=org_slug)
    request.user.__dict__.setdefault("_samskapa_roles", {})[organisation.pk] = membership.role
    require(request.user, capability, organisation)
    return organisation
