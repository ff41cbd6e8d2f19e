"""Named permissions for organisations, checked with an organisation (or org-owned object).

``user.has_perm("orgs.manage_members", organisation)`` answers from the user's role there.
Every capability in roles.CAPABILITIES becomes a rule, so views, services and API agree.
"""

import rules

from samskapa.orgs.roles import CAPABILITIES


def _organisation_of(obj):
    return obj if obj.__class__.__name__ == "Organisation" else getattr(obj, "organisation", None)


def role_in(user, obj) -> str | None:
    """The user's role in the organisation ``obj`` is or belongs to; cached per request object."""
    organisation = _organisation_of(obj)
    if organisation is None or not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_samskapa_roles", {})
    if organisation.pk not in cache:
        membership = user.memberships.filter(organisation_id=organisation.pk).only("role").first()
        cache[organisation.pk] = membership.role if membership else None
    return cache[organisation.pk]


def _has_one_of(roles):
    @rules.predicate
    def predicate(user, obj=None) -> bool:
        return obj is not None and role_in(user, obj) in roles

    return predicate


for _name, _roles in CAPABILITIES.items():
    rules.add_perm(_name, _has_one_of(_roles))
