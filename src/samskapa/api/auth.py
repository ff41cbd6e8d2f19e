"""API authentication: personal access tokens (Bearer) or the browser session (with CSRF).

Authentication also resolves the organisation of an org-scoped route (``{org_slug}``), so a
non-member gets 404 before the request body is even read: another organisation's routes
look exactly like routes that do not exist.
"""

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from samskapa.accounts.services import token_authenticate
from samskapa.orgs.selectors import organisation_for_request


def _resolve_organisation(request: HttpRequest) -> None:
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("org_slug") if match else None
    if slug is None:
        return
    # The same lookup as the pages (core.views.org_view): memberships read once per request, and the
    # roles noted on the person itself (not the lazy request.user wrapper) for the permission rules.
    organisation, membership = organisation_for_request(request, slug=slug)
    request.organisation, request.membership = organisation, membership  # type: ignore[attr-defined]


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = token_authenticate(token)
        if user is not None:
            # Services, permission rules and the history middleware all read request.user.
            request.user = user
            _resolve_organisation(request)
        return user


class SessionUserAuth(SessionAuth):
    """The browser session, for the interactive docs and htmx; CSRF is enforced by ninja."""

    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        if user:
            _resolve_organisation(request)
        return user


api_auth = [TokenAuth(), SessionUserAuth()]
