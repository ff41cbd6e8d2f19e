"""Limits on a signed-in session: it ends when left idle, and some hours after signing in at the latest.

The idle limit is the session's own expiry (SESSION_COOKIE_AGE), renewed while the person works.
Renewing means writing the session, so it is done at most every few minutes rather than on every
request (SESSION_SAVE_EVERY_REQUEST would write the database on each page and each htmx poll).
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

STARTED = "_samskapa_started"
SEEN = "_samskapa_seen"


def _renew_every() -> int:
    """Renew when a tenth of the idle time has passed (at most five minutes): an idle session ends on time."""
    return min(300, settings.SESSION_COOKIE_AGE // 10)


def signed_in(sender, request, user, **kwargs) -> None:
    """Start both clocks at sign-in, in the save that signing in does anyway."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED] = request.session[SEEN] = now


class SessionLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        session, now = request.session, int(time.time())
        started = session.setdefault(STARTED, now)
        if now - started > settings.SAMSKAPA_SESSION_MAX_SECONDS:
            logout(request)  # the request goes on as anonymous: pages that need a login ask for it
            return
        if now - session.get(SEEN, 0) >= _renew_every():
            session[SEEN] = now  # a change, so the session is saved with a new expiry
