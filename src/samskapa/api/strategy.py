"""The strategy: strategies, focus areas, goals, foundations, principles, adopt, revise, versions, compare."""

from datetime import date

from ninja import Router, Schema, Status
from pydantic import Field

from samskapa.api.pagination import paged
from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.core.types import OrgRequest
from samskapa.reports.strategy import strategy_download
from samskapa.strategy import selectors, services
from samskapa.strategy.models import FocusArea, FrameworkCode, Goal, Strategy
from samskapa.strategy.versions import compare, snapshot

router = Router(tags=["strategy"])
VIEW, CHANGE, ADOPT = "strategy.view_strategy", "strategy.change_strategy", "strategy.adopt_strategy"


class GoalOut(Schema):
    id: int
    text: str
    target: str
    order: int


class FocusAreaOut(Schema):
    id: int
    title: str
    order: int
    description: str
    summary: str
    we_want: list[str]
    we_will: list[str]
    strategic_choices: list[str]
    framework_codes: list[FrameworkCode]
    goals: list[GoalOut]

    @staticmethod
    def resolve_goals(obj):
        return list(obj.goals.all())


class StrategySummaryOut(Schema):
    id: int
    title: str
    status: Strategy.Status
    period_start: int | None
    period_end: int | None
    revision_date: date | None


class FoundationOut(Schema):
    id: int
    name: str
    description: str


class StrategyOut(StrategySummaryOut):
    language: str
    vision: str
    purpose: str
    target_groups: str
    adopted_by: str
    adopted_on: date | None
    decision_reference: str
    foundations: list[FoundationOut]
    focus_areas: list[FocusAreaOut]

    @staticmethod
    def resolve_foundations(obj):
        return list(obj.foundations.all())

    @staticmethod
    def resolve_focus_areas(obj):
        return list(obj.focus_areas.all())


class StrategyIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    period_start: int | None = Field(None, ge=1900, le=2200)
    period_end: int | None = Field(None, ge=1900, le=2200)
    language: str | None = Field(None, max_length=8)
    vision: str = ""
    purpose: str = ""
    target_groups: str = ""
    revision_date: date | None = None
    foundation_ids: list[int] | None = None


class StrategyPatch(PatchSchema):
    patches = (Strategy,)
    title: str | None = Field(None, min_length=1, max_length=300)
    period_start: int | None = Field(None, ge=1900, le=2200)
    period_end: int | None = Field(None, ge=1900, le=2200)
    language: str | None = Field(None, max_length=8)
    vision: str | None = None
    purpose: str | None = None
    target_groups: str | None = None
    revision_date: date | None = None
    foundation_ids: list[int] | None = None


class FocusAreaIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    summary: str = ""
    we_want: list[str] = []
    we_will: list[str] = []
    strategic_choices: list[str] = []
    framework_codes: list[FrameworkCode] = []


class FocusAreaPatch(PatchSchema):
    patches = (FocusArea,)
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    summary: str | None = None
    we_want: list[str] | None = None
    we_will: list[str] | None = None
    strategic_choices: list[str] | None = None
    framework_codes: list[FrameworkCode] | None = None


class MoveIn(Schema):
    direction: str = Field(pattern="^(up|down)$")


class GoalIn(Schema):
    text: str = Field(min_length=1)
    target: str = Field("", max_length=300)


class GoalPatch(PatchSchema):
    patches = (Goal,)
    text: str | None = Field(None, min_length=1)
    target: str | None = Field(None, max_length=300)


class AdoptIn(Schema):
    adopted_by: str = Field(min_length=1, max_length=200)
    adopted_on: date
    decision_reference: str = Field("", max_length=200)


class StatusIn(Schema):
    status: Strategy.Status


class FoundationIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    description: str = ""


class PrincipleOut(Schema):
    id: int
    code: str
    name: str
    description: str


class VersionOut(Schema):
    id: int
    number: int
    adopted_by: str
    adopted_on: date | None
    decision_reference: str


class VersionDetailOut(VersionOut):
    snapshot: dict


class CompareOut(Schema):
    old: str
    new: str
    changes: dict


def _strategy(request, org_slug, strategy_id, capability=VIEW):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.strategy_get(organisation=organisation, strategy_id=strategy_id)


def _full(organisation, strategy):
    return selectors.strategy_get_full(organisation=organisation, strategy_id=strategy.pk)


@router.get("/orgs/{org_slug}/strategies", response=list[StrategySummaryOut])
@paged
def strategy_list(request: OrgRequest, org_slug: str):
    return selectors.strategy_list(organisation=org_scope(request, org_slug, VIEW))


@router.post("/orgs/{org_slug}/strategies", response={201: StrategyOut})
def strategy_create(request: OrgRequest, org_slug: str, payload: StrategyIn):
    organisation = org_scope(request, org_slug)
    data = payload.dict(exclude_none=True)
    strategy = services.strategy_create(actor=request.user, organisation=organisation, **data)
    return Status(201, _full(organisation, strategy))


@router.get("/orgs/{org_slug}/strategies/{strategy_id}", response=StrategyOut)
def strategy_detail(request: OrgRequest, org_slug: str, strategy_id: int):
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.strategy_get_full(organisation=organisation, strategy_id=strategy_id)


@router.patch("/orgs/{org_slug}/strategies/{strategy_id}", response=StrategyOut)
def strategy_update(request: OrgRequest, org_slug: str, strategy_id: int, payload: StrategyPatch):
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    changes = payload.dict(exclude_unset=True)
    services.strategy_update(actor=request.user, organisation=organisation, strategy=strategy, **changes)
    return _full(organisation, strategy)


@router.post("/orgs/{org_slug}/strategies/{strategy_id}/status", response=StrategyOut)
def strategy_status(request: OrgRequest, org_slug: str, strategy_id: int, payload: StatusIn):
    """Send out for consultation, take back to draft, or archive."""
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    services.strategy_set_status(actor=request.user, organisation=organisation, strategy=strategy, **payload.dict())
    return _full(organisation, strategy)


@router.post("/orgs/{org_slug}/strategies/{strategy_id}/adopt", response={201: VersionOut})
def strategy_adopt(request: OrgRequest, org_slug: str, strategy_id: int, payload: AdoptIn):
    """Record the decision and freeze the strategy as its next version."""
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    kwargs = {"actor": request.user, "organisation": organisation, "strategy": strategy, **payload.dict()}
    return Status(201, services.strategy_adopt(**kwargs))


@router.post("/orgs/{org_slug}/strategies/{strategy_id}/revise", response=StrategyOut)
def strategy_revise(request: OrgRequest, org_slug: str, strategy_id: int):
    """Open the adopted strategy for revision; the adopted version stays frozen."""
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    services.strategy_revise(actor=request.user, organisation=organisation, strategy=strategy)
    return _full(organisation, strategy)


@router.get("/orgs/{org_slug}/strategies/{strategy_id}/versions", response=list[VersionOut])
@paged
def version_list(request: OrgRequest, org_slug: str, strategy_id: int):
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    return selectors.version_list(organisation=organisation, strategy=strategy)


@router.get("/orgs/{org_slug}/strategy-versions/{version_id}", response=VersionDetailOut)
def version_detail(request: OrgRequest, org_slug: str, version_id: int):
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.version_get(organisation=organisation, version_id=version_id)


@router.get("/orgs/{org_slug}/strategies/{strategy_id}/compare", response=CompareOut)
def version_compare(request: OrgRequest, org_slug: str, strategy_id: int, a: str, b: str = "current"):
    """Compare two versions by number, or one with the working copy ("current")."""
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    old = selectors.compare_side(organisation=organisation, strategy=strategy, key=a)
    new = selectors.compare_side(organisation=organisation, strategy=strategy, key=b)
    return {"old": old.label, "new": new.label, "changes": compare(old.snapshot, new.snapshot)}


@router.get("/orgs/{org_slug}/strategies/{strategy_id}/export.pdf", response={200: None})
def strategy_export_pdf(request: OrgRequest, org_slug: str, strategy_id: int):
    """The strategy as a PDF a council could adopt (cover, contents, focus areas, action plan)."""
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    return strategy_download(organisation=organisation, strategy=strategy, kind="pdf")


@router.get("/orgs/{org_slug}/strategies/{strategy_id}/export.docx", response={200: None})
def strategy_export_docx(request: OrgRequest, org_slug: str, strategy_id: int):
    """The strategy as a Word document, with the same chapters as the PDF."""
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    return strategy_download(organisation=organisation, strategy=strategy, kind="docx")


@router.get("/orgs/{org_slug}/strategy-versions/{version_id}/export.pdf", response={200: None})
def version_export_pdf(request: OrgRequest, org_slug: str, version_id: int):
    """An adopted version, frozen as the council decided it, as PDF."""
    organisation = org_scope(request, org_slug, VIEW)
    version = selectors.version_get(organisation=organisation, version_id=version_id)
    return strategy_download(organisation=organisation, strategy=version.strategy, kind="pdf", version=version)


@router.get("/orgs/{org_slug}/strategy-versions/{version_id}/export.docx", response={200: None})
def version_export_docx(request: OrgRequest, org_slug: str, version_id: int):
    """An adopted version as a Word document."""
    organisation = org_scope(request, org_slug, VIEW)
    version = selectors.version_get(organisation=organisation, version_id=version_id)
    return strategy_download(organisation=organisation, strategy=version.strategy, kind="docx", version=version)


@router.get("/orgs/{org_slug}/strategies/{strategy_id}/snapshot", response=dict)
def strategy_snapshot(request: OrgRequest, org_slug: str, strategy_id: int):
    """The working copy in the same shape as a frozen version's snapshot."""
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    return snapshot(_full(organisation, strategy))


@router.post("/orgs/{org_slug}/strategies/{strategy_id}/focus-areas", response={201: FocusAreaOut})
def focus_area_create(request: OrgRequest, org_slug: str, strategy_id: int, payload: FocusAreaIn):
    organisation, strategy = _strategy(request, org_slug, strategy_id)
    data = {**payload.dict(), "framework_codes": [str(c) for c in payload.framework_codes]}
    area = services.focus_area_create(actor=request.user, organisation=organisation, strategy=strategy, **data)
    return Status(201, area)


@router.patch("/orgs/{org_slug}/focus-areas/{focus_area_id}", response=FocusAreaOut)
def focus_area_update(request: OrgRequest, org_slug: str, focus_area_id: int, payload: FocusAreaPatch):
    organisation = org_scope(request, org_slug)
    area = selectors.focus_area_get(organisation=organisation, focus_area_id=focus_area_id)
    changes = payload.dict(exclude_unset=True)
    if changes.get("framework_codes") is not None:
        changes["framework_codes"] = [str(c) for c in changes["framework_codes"]]
    return services.focus_area_update(actor=request.user, organisation=organisation, focus_area=area, **changes)


@router.post("/orgs/{org_slug}/focus-areas/{focus_area_id}/move", response=FocusAreaOut)
def focus_area_move(request: OrgRequest, org_slug: str, focus_area_id: int, payload: MoveIn):
    organisation = org_scope(request, org_slug)
    area = selectors.focus_area_get(organisation=organisation, focus_area_id=focus_area_id)
    return services.focus_area_move(actor=request.user, organisation=organisation, focus_area=area, **payload.dict())


@router.delete("/orgs/{org_slug}/focus-areas/{focus_area_id}", response={204: None})
def focus_area_delete(request: OrgRequest, org_slug: str, focus_area_id: int):
    organisation = org_scope(request, org_slug)
    area = selectors.focus_area_get(organisation=organisation, focus_area_id=focus_area_id)
    services.focus_area_delete(actor=request.user, organisation=organisation, focus_area=area)
    return Status(204, None)


@router.post("/orgs/{org_slug}/focus-areas/{focus_area_id}/goals", response={201: GoalOut})
def goal_create(request: OrgRequest, org_slug: str, focus_area_id: int, payload: GoalIn):
    organisation = org_scope(request, org_slug)
    area = selectors.focus_area_get(organisation=organisation, focus_area_id=focus_area_id)
    goal = services.goal_create(actor=request.user, organisation=organisation, focus_area=area, **payload.dict())
    return Status(201, goal)


@router.patch("/orgs/{org_slug}/goals/{goal_id}", response=GoalOut)
def goal_update(request: OrgRequest, org_slug: str, goal_id: int, payload: GoalPatch):
    organisation = org_scope(request, org_slug)
    goal = selectors.goal_get(organisation=organisation, goal_id=goal_id)
    changes = payload.dict(exclude_unset=True)
    return services.goal_update(actor=request.user, organisation=organisation, goal=goal, **changes)


@router.delete("/orgs/{org_slug}/goals/{goal_id}", response={204: None})
def goal_delete(request: OrgRequest, org_slug: str, goal_id: int):
    organisation = org_scope(request, org_slug)
    goal = selectors.goal_get(organisation=organisation, goal_id=goal_id)
    services.goal_delete(actor=request.user, organisation=organisation, goal=goal)
    return Status(204, None)


@router.get("/orgs/{org_slug}/foundations", response=list[FoundationOut])
@paged
def foundation_list(request: OrgRequest, org_slug: str):
    return selectors.foundation_list(organisation=org_scope(request, org_slug, VIEW))


@router.post("/orgs/{org_slug}/foundations", response={201: FoundationOut})
def foundation_create(request: OrgRequest, org_slug: str, payload: FoundationIn):
    organisation = org_scope(request, org_slug)
    return Status(201, services.foundation_create(actor=request.user, organisation=organisation, **payload.dict()))


@router.get("/orgs/{org_slug}/principles", response=list[PrincipleOut])
@paged
def principle_list(request: OrgRequest, org_slug: str):
    return selectors.principle_list(organisation=org_scope(request, org_slug, VIEW))
