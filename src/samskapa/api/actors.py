"""The actor registry: actors, their relations and the engagement plan."""

from datetime import date

from ninja import ModelSchema, Query, Router, Schema, Status
from pydantic import Field

from samskapa.actors import pictures, selectors, services
from samskapa.actors.models import Actor, Engagement, Relation
from samskapa.api.pagination import paged
from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.core.types import OrgRequest

router = Router(tags=["actors"])
VIEW, CHANGE = "actors.view_actors", "actors.change_actors"


class ActorOut(ModelSchema):
    quadrant: str

    class Meta:
        model = Actor
        fields = [
            "id",
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
        ]

    @staticmethod
    def resolve_quadrant(obj):
        return pictures.quadrant(obj)


class ActorIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    kind: Actor.Kind
    sector: Actor.Sector | None = None
    description: str = ""
    tasks: str = ""
    influence: int = Field(3, ge=1, le=5)
    interest: int = Field(3, ge=1, le=5)
    engagement_level: Actor.Engagement = Actor.Engagement.CONSULT
    engagement_note: str = ""
    website: str = Field("", max_length=200)
    is_active: bool = True


class ActorPatch(PatchSchema):
    patches = (Actor,)
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: Actor.Kind | None = None
    sector: Actor.Sector | None = None
    description: str | None = None
    tasks: str | None = None
    influence: int | None = Field(None, ge=1, le=5)
    interest: int | None = Field(None, ge=1, le=5)
    engagement_level: Actor.Engagement | None = None
    engagement_note: str | None = None
    website: str | None = Field(None, max_length=200)
    is_active: bool | None = None


class RelationOut(ModelSchema):
    source_id: int
    target_id: int

    class Meta:
        model = Relation
        fields = ["id", "kind", "note"]


class RelationIn(Schema):
    source_id: int
    target_id: int
    kind: Relation.Kind = Relation.Kind.COLLABORATES
    note: str = ""


class EngagementOut(ModelSchema):
    actor_id: int
    responsible_id: int | None
    is_overdue: bool

    class Meta:
        model = Engagement
        fields = ["id", "level", "method", "starts_on", "ends_on", "status", "note"]


class EngagementIn(Schema):
    actor_id: int
    level: Actor.Engagement | None = None
    method: str = Field(min_length=1, max_length=300)
    starts_on: date | None = None
    ends_on: date | None = None
    responsible_id: int | None = None
    status: Engagement.Status = Engagement.Status.PLANNED
    note: str = ""


class EngagementPatch(PatchSchema):
    patches = (Engagement,)
    actor_id: int | None = None
    level: Actor.Engagement | None = None
    method: str | None = Field(None, min_length=1, max_length=300)
    starts_on: date | None = None
    ends_on: date | None = None
    responsible_id: int | None = None
    status: Engagement.Status | None = None
    note: str | None = None


class NodeOut(Schema):
    number: int
    actor_id: int
    name: str
    x: float
    y: float


class EdgeOut(Schema):
    source_id: int
    target_id: int
    kinds: list[str]
    weight: int


class NetworkOut(Schema):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


def _plain(data: dict) -> dict:
    """Enum members as their values, ``None`` sector as blank (the models store text)."""
    out = {k: (v.value if hasattr(v, "value") else v) for k, v in data.items()}
    if "sector" in out and out["sector"] is None:
        out["sector"] = ""
    return out


@router.get("/orgs/{org_slug}/actors", response=list[ActorOut])
@paged
def actor_list(
    request: OrgRequest,
    org_slug: str,
    kind: list[Actor.Kind] = Query(None),  # noqa: B008 - ninja reads repeated parameters this way
    level: list[Actor.Engagement] = Query(None),  # noqa: B008
):
    """The registry, filtered by kind and planned engagement level (repeat the parameter for several)."""
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.actor_list(
        organisation=organisation, kinds=[k.value for k in kind or []], levels=[v.value for v in level or []]
    )


@router.post("/orgs/{org_slug}/actors", response={201: ActorOut})
def actor_create(request: OrgRequest, org_slug: str, payload: ActorIn):
    organisation = org_scope(request, org_slug)
    return Status(201, services.actor_create(actor=request.user, organisation=organisation, **_plain(payload.dict())))


@router.get("/orgs/{org_slug}/actors/{actor_id}", response=ActorOut)
def actor_detail(request: OrgRequest, org_slug: str, actor_id: int):
    return selectors.actor_get(organisation=org_scope(request, org_slug, VIEW), actor_id=actor_id)


@router.patch("/orgs/{org_slug}/actors/{actor_id}", response=ActorOut)
def actor_update(request: OrgRequest, org_slug: str, actor_id: int, payload: ActorPatch):
    organisation = org_scope(request, org_slug)
    target = selectors.actor_get(organisation=organisation, actor_id=actor_id)
    changes = _plain(payload.dict(exclude_unset=True))
    return services.actor_update(actor=request.user, organisation=organisation, target=target, **changes)


@router.delete("/orgs/{org_slug}/actors/{actor_id}", response={204: None})
def actor_delete(request: OrgRequest, org_slug: str, actor_id: int):
    organisation = org_scope(request, org_slug)
    target = selectors.actor_get(organisation=organisation, actor_id=actor_id)
    services.actor_delete(actor=request.user, organisation=organisation, target=target)
    return Status(204, None)


@router.get("/orgs/{org_slug}/actor-network", response=NetworkOut)
def actor_network(request: OrgRequest, org_slug: str):
    """Who works with whom: the same nodes and lines as the picture on the map page."""
    organisation = org_scope(request, org_slug, VIEW)
    actors = list(selectors.actor_list(organisation=organisation))
    drawn = pictures.network(actors, selectors.network_links(organisation=organisation))
    return {
        "nodes": [
            {"number": d.number, "actor_id": d.actor.pk, "name": d.actor.name, "x": d.x, "y": d.y} for d in drawn.dots
        ],
        "edges": [
            {"source_id": e.source.actor.pk, "target_id": e.target.actor.pk, "kinds": e.kinds, "weight": e.weight}
            for e in drawn.edges
        ],
    }


@router.get("/orgs/{org_slug}/actor-relations", response=list[RelationOut])
@paged
def relation_list(request: OrgRequest, org_slug: str):
    return selectors.relation_list(organisation=org_scope(request, org_slug, VIEW))


@router.post("/orgs/{org_slug}/actor-relations", response={201: RelationOut})
def relation_create(request: OrgRequest, org_slug: str, payload: RelationIn):
    organisation = org_scope(request, org_slug)
    return Status(
        201, services.relation_create(actor=request.user, organisation=organisation, **_plain(payload.dict()))
    )


@router.delete("/orgs/{org_slug}/actor-relations/{relation_id}", response={204: None})
def relation_delete(request: OrgRequest, org_slug: str, relation_id: int):
    organisation = org_scope(request, org_slug)
    relation = selectors.relation_get(organisation=organisation, relation_id=relation_id)
    services.relation_delete(actor=request.user, organisation=organisation, relation=relation)
    return Status(204, None)


@router.get("/orgs/{org_slug}/engagement-plan", response=list[EngagementOut])
@paged
def engagement_list(request: OrgRequest, org_slug: str, status: Engagement.Status | None = None):
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.engagement_list(organisation=organisation, status=status.value if status else "")


@router.post("/orgs/{org_slug}/engagement-plan", response={201: EngagementOut})
def engagement_create(request: OrgRequest, org_slug: str, payload: EngagementIn):
    organisation = org_scope(request, org_slug)
    data = _plain(payload.dict(exclude_none=True))
    return Status(201, services.engagement_create(actor=request.user, organisation=organisation, **data))


@router.patch("/orgs/{org_slug}/engagement-plan/{engagement_id}", response=EngagementOut)
def engagement_update(request: OrgRequest, org_slug: str, engagement_id: int, payload: EngagementPatch):
    organisation = org_scope(request, org_slug)
    engagement = selectors.engagement_get(organisation=organisation, engagement_id=engagement_id)
    changes = _plain(payload.dict(exclude_unset=True))
    return services.engagement_update(actor=request.user, organisation=organisation, engagement=engagement, **changes)


@router.delete("/orgs/{org_slug}/engagement-plan/{engagement_id}", response={204: None})
def engagement_delete(request: OrgRequest, org_slug: str, engagement_id: int):
    organisation = org_scope(request, org_slug)
    engagement = selectors.engagement_get(organisation=organisation, engagement_id=engagement_id)
    services.engagement_delete(actor=request.user, organisation=organisation, engagement=engagement)
    return Status(204, None)
