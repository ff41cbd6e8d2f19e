"""The organisation of an API route, resolved once during authentication (see auth.py)."""

from django.http import Http404, HttpRequest

from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require


def org_scope(request: HttpRequest, org_slug: str, capability: str = "orgs.view_organisation") -> Organisation:
    organisation = getattr(request, "organisation", None)
    if organisation is None or organisation.slug != org_slug:
        raise Http404
    require(request.user, capability, organisation)
    return organisation
