"""Request types for views behind login (and behind an organisation), for the type checker."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from samskapa.accounts.models import User
    from samskapa.orgs.models import Membership, Organisation


class AuthedRequest(HttpRequest):
    user: "User"  # type: ignore[assignment]


class OrgRequest(AuthedRequest):
    organisation: "Organisation"
    membership: "Membership"
