"""Reads for actors, always scoped to one organisation."""

from django.db.models import QuerySet

from samskapa.actors.models import Actor
from samskapa.core.access import access_in_organisation
from samskapa.orgs.models import Organisation


def actor_list(*, organisation: Organisation, internal_only: bool = False) -> QuerySet[Actor]:
    actors = Actor.objects.filter(organisation=organisation)
    if internal_only:
        actors = actors.filter(kind__in=Actor.INTERNAL_KINDS)
    return actors


def actor_get(*, organisation: Organisation, actor_id) -> Actor:
    return access_in_organisation(Actor.objects.all(), organisation, pk=actor_id)
