"""Writes for actors: keyword-only, take the acting user, check the capability, validate, atomic.

As everywhere in Samskapa, ``actor`` is the person acting; the thing in the registry is ``target``.
"""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from samskapa.actors.models import Actor, Engagement, Relation
from samskapa.core.errors import ApplicationError, ConflictError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
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


def _refuse_duplicate_name(organisation: Organisation, name: str, exclude_pk=None) -> None:
    if Actor.objects.filter(organisation=organisation, name__iexact=name).exclude(pk=exclude_pk).exists():
        raise ConflictError(_("There is already an actor called “%(name)s”.") % {"name": name})


@transaction.atomic
def actor_create(*, actor, organisation: Organisation, **fields) -> Actor:
    require(actor, CHANGE, organisation)
    refuse_unknown_fields(fields, ACTOR_FIELDS)
    _refuse_duplicate_name(organisation, fields.get("name", ""))
    return save_as(Actor(organisation=organisation, **fields), actor)


@transaction.atomic
def actor_update(*, actor, organisation: Organisation, target: Actor, **changes) -> Actor:
    require(actor, CHANGE, target)
    refuse_unknown_fields(changes, ACTOR_FIELDS)
    if "name" in changes:
        _refuse_duplicate_name(organisation, changes["name"], exclude_pk=target.pk)
    for field, value in changes.items():
        setattr(target, field, value)
    return save_as(target, actor)


@transaction.atomic
def actor_delete(*, actor, organisation: Organisation, target: Actor) -> None:
    """Remove an actor from the registry; refused while actions still name it (deactivate it instead)."""
    require(actor, CHANGE, target)
    try:
        delete_as(target, actor)
    except ProtectedError as protected:
        raise ConflictError(
            _("“%(name)s” is still named in the action plan. Mark it as not active instead.") % {"name": target.name}
        ) from protected


def _own_actor(organisation: Organisation, actor_id) -> Actor:
    found = Actor.objects.filter(organisation=organisation, pk=actor_id).first() if actor_id else None
    if found is None:
        raise ApplicationError(_("Choose an actor from your organisation's registry."))
    return found


@transaction.atomic
def relation_create(
    *, actor, organisation: Organisation, source_id: int, target_id: int, kind: str, note: str = ""
) -> Relation:
    """Record that two actors of the registry work together (an edge of the network)."""
    require(actor, CHANGE, organisation)
    source, target = _own_actor(organisation, source_id), _own_actor(organisation, target_id)
    if Relation.objects.filter(source=source, target=target, kind=kind).exists():
        raise ConflictError(_("This relation is already recorded."))
    relation = Relation(organisation=organisation, source=source, target=target, kind=kind, note=note)
    return save_as(relation, actor)


@transaction.atomic
def relation_delete(*, actor, organisation: Organisation, relation: Relation) -> None:
    require(actor, CHANGE, relation)
    delete_as(relation, actor)


ENGAGEMENT_FIELDS = ("level", "method", "starts_on", "ends_on", "responsible_id", "status", "note")


@transaction.atomic
def engagement_create(*, actor, organisation: Organisation, actor_id: int, **fields) -> Engagement:
    """Add a line to the engagement plan: how, when and by whom an actor is engaged."""
    require(actor, CHANGE, organisation)
    refuse_unknown_fields(fields, ENGAGEMENT_FIELDS)
    target = _own_actor(organisation, actor_id)
    fields.setdefault("level", target.engagement_level)
    return save_as(Engagement(organisation=organisation, actor=target, **fields), actor)


@transaction.atomic
def engagement_update(*, actor, organisation: Organisation, engagement: Engagement, **changes) -> Engagement:
    require(actor, CHANGE, engagement)
    refuse_unknown_fields(changes, ENGAGEMENT_FIELDS + ("actor_id",))
    if "actor_id" in changes:
        engagement.actor = _own_actor(organisation, changes.pop("actor_id"))
    for field, value in changes.items():
        setattr(engagement, field, value)
    return save_as(engagement, actor)


@transaction.atomic
def engagement_delete(*, actor, organisation: Organisation, engagement: Engagement) -> None:
    require(actor, CHANGE, engagement)
    delete_as(engagement, actor)
