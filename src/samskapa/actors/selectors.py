"""Reads for actors, always scoped to one organisation."""

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils.translation import gettext as _

from samskapa.actors.models import Actor, Engagement, Relation
from samskapa.core.access import access_in_organisation
from samskapa.orgs.models import Organisation


def actor_list(
    *, organisation: Organisation, internal_only: bool = False, kinds=(), levels=(), active_only: bool = False
) -> QuerySet[Actor]:
    actors = Actor.objects.filter(organisation=organisation)
    if internal_only:
        actors = actors.filter(kind__in=Actor.INTERNAL_KINDS)
    if kinds:
        actors = actors.filter(kind__in=kinds)
    if levels:
        actors = actors.filter(engagement_level__in=levels)
    if active_only:
        actors = actors.filter(is_active=True)
    return actors


def actor_get(*, organisation: Organisation, actor_id) -> Actor:
    return access_in_organisation(Actor.objects.all(), organisation, pk=actor_id)


def actor_list_with_counts(*, organisation: Organisation, **filters) -> QuerySet[Actor]:
    """Actors with how many consultations they took part in and how many plan lines they have."""
    return actor_list(organisation=organisation, **filters).annotate(
        consultation_count=Count("consultation_links", distinct=True),
        engagement_count=Count("engagements", distinct=True),
    )


def with_engagement_rank(actors: QuerySet[Actor]) -> QuerySet[Actor]:
    """``engagement_rank``: the planned level's step on the participation ladder (inform = 0), to sort by."""
    steps = [When(engagement_level=value, then=Value(step)) for step, value in enumerate(Actor.Engagement.values)]
    return actors.annotate(engagement_rank=Case(*steps, default=Value(0), output_field=IntegerField()))


def relation_list(*, organisation: Organisation, actor: Actor | None = None) -> QuerySet[Relation]:
    relations = Relation.objects.filter(organisation=organisation).select_related("source", "target")
    if actor is not None:
        relations = relations.filter(source=actor) | relations.filter(target=actor)
    return relations


def relation_get(*, organisation: Organisation, relation_id) -> Relation:
    return access_in_organisation(Relation.objects.select_related("source", "target"), organisation, pk=relation_id)


def engagement_list(
    *, organisation: Organisation, actor: Actor | None = None, status: str = ""
) -> QuerySet[Engagement]:
    engagements = Engagement.objects.filter(organisation=organisation).select_related("actor", "responsible")
    if actor is not None:
        engagements = engagements.filter(actor=actor)
    if status:
        engagements = engagements.filter(status=status)
    return engagements


def engagement_get(*, organisation: Organisation, engagement_id) -> Engagement:
    return access_in_organisation(Engagement.objects.select_related("actor"), organisation, pk=engagement_id)


def network_links(*, organisation: Organisation, actor_ids: set[int] | None = None) -> list[tuple[int, int, str]]:
    """Who works with whom: recorded relations, and actors who share an action (lead and partners).

    With ``actor_ids`` (the actors a picture draws), only the rows that involve them are read."""
    from samskapa.actions.models import Action, ActionPartner
    from samskapa.actors.pictures import relation_links

    relations = Relation.objects.filter(organisation=organisation)
    actions = Action.objects.filter(organisation=organisation)
    partners = ActionPartner.objects.filter(organisation=organisation)
    if actor_ids is not None:
        relations = relations.filter(source_id__in=actor_ids, target_id__in=actor_ids)
        actions = actions.filter(lead_id__in=actor_ids)
        partners = partners.filter(actor_id__in=actor_ids)
    links = relation_links(list(relations))
    members: dict[int, set[int]] = {}
    for action_id, lead_id in actions.values_list("pk", "lead_id"):
        members.setdefault(action_id, set()).add(lead_id)
    for action_id, actor_id in partners.values_list("action_id", "actor_id"):
        members.setdefault(action_id, set()).add(actor_id)
    shared = str(_("Share an action"))
    for actors in members.values():
        ordered = sorted(actors)
        links += [(a, b, shared) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
    return links
