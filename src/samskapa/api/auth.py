"""API authentication: personal access tokens (Bearer) or the browser session (with CSRF)."""

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from samskapa.accounts.services import token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = token_authenticate(token)
        if user is not None:
            # Services, permission rules and the history middleware all read request.user.
            request.user = user
        return user


class SessionUserAuth(SessionAuth):
    """The browser session, for the interactive docs and htmx; CSRF is enforced by ninja."""


api_auth = [TokenAuth(), SessionUserAuth()]
