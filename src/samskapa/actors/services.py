"""Writes for actors: keyword-only, take the acting user, check the capability, validate, atomic.

As everywhere in Samskapa, ``actor`` is the person acting; the thing in the registry is ``target``.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from samskapa.actors.models import Actor
from samskapa.core.errors import ApplicationError, ConflictError
from samskapa.core.history import save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require

CHANGE = "actors.change_actors"
ACTOR_FIELDS = (
    "name",
    "kind",
    "sector",
    "description",
    "tasks",
    "influence",
    "interest",
    "engagement_level",
    "engagement_note",
    "website",
    "is_active",
)


def _refuse_unknown(changes: dict) -> None:
    if unknown := set(changes) - set(ACTOR_FIELDS):
        raise ApplicationError(_("These fields cannot be changed: %(fields)s") % {"fields": ", ".join(sorted(unknown))})


def _refuse_duplicate_name(organisation: Organisation, name: str, exclude_pk=None) -> None:
    if Actor.objects.filter(organisation=organisation, name__iexact=name).exclude(pk=exclude_pk).exists():
        raise ConflictError(_("There is already an actor called “%(name)s”.") % {"name": name})


@transaction.atomic
def actor_create(*, actor, organisation: Organisation, **fields) -> Actor:
    require(actor, CHANGE, organisation)
    _refuse_unknown(fields)
    _refuse_duplicate_name(organisation, fields.get("name", ""))
    return save_as(Actor(organisation=organisation, **fields), actor)


@transaction.atomic
def actor_update(*, actor, organisation: Organisation, target: Actor, **changes) -> Actor:
    require(actor, CHANGE, target)
    _refuse_unknown(changes)
    if "name" in changes:
        _refuse_duplicate_name(organisation, changes["name"], exclude_pk=target.pk)
    for field, value in changes.items():
        setattr(target, field, value)
    return save_as(target, actor)
