"""The action plan: plans, actions, progress updates, child impact assessments, import and export.

Writes go through the same services as the pages, so permissions (including "assigned to
me" for editors and partners), the children rule and optimistic locking hold alike: a
PATCH must carry the ``version`` it read, and an outdated one answers 409.
"""

from datetime import date, datetime
from decimal import Decimal

from django.db.models import F
from django.utils import translation
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from samskapa.actions import history, selectors, services, spreadsheet
from samskapa.actions.models import (
    Action,
    ActionGoal,
    ActionPartner,
    ActionPlan,
    ActionPrinciple,
    ChildImpactAssessment,
    Currency,
    Funding,
    ProgressUpdate,
    TargetGroup,
    UNCRCArticle,
)
from samskapa.actions.models import Status as ActionStatus
from samskapa.actions.selectors import ActionFilter
from samskapa.api.errors import ErrorOut
from samskapa.api.pagination import Rows, grouped, paged
from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.core.access import access_in_organisation
from samskapa.core.types import OrgRequest
from samskapa.strategy import selectors as strategy_selectors

router = Router(tags=["actions"])
Day = date  # a schema field is called "date"
VIEW = "actions.view_actions"


class PlanOut(Schema):
    id: int
    strategy_id: int
    title: str
    period_start: date
    period_end: date
    description: str
    adopted_by: str
    adopted_on: date | None


class PlanIn(Schema):
    strategy_id: int
    title: str = Field(min_length=1, max_length=300)
    period_start: date
    period_end: date
    description: str = ""
    adopted_by: str = Field("", max_length=200)
    adopted_on: date | None = None


class PlanPatch(PatchSchema):
    patches = (ActionPlan,)
    title: str | None = Field(None, min_length=1, max_length=300)
    period_start: date | None = None
    period_end: date | None = None
    description: str | None = None
    adopted_by: str | None = Field(None, max_length=200)
    adopted_on: date | None = None


class NamedOut(Schema):
    id: int
    name: str


class PartnerOut(NamedOut):
    commitment: str


class ActionOut(Schema):
    id: int
    plan_id: int
    number: int
    title: str
    description: str
    focus_area_id: int | None
    lead: NamedOut
    partners: list[PartnerOut]
    goal_ids: list[int]
    principle_ids: list[int]
    start: date | None
    end: date | None
    budget: Decimal | None
    currency: Currency
    funding: Funding | None
    funding_note: str
    target_groups: list[TargetGroup]
    affects_children: bool
    status: ActionStatus
    overdue: bool = Field(
        description="Past its end date and neither done nor cancelled: the pages show it as overdue, "
        "whatever the stored status says"
    )
    status_reason: str
    percent_complete: int
    assessment: str | None = Field(description="none, draft or completed")
    is_published: bool
    version: int
    updated_at: datetime

    # A row of a list carries lean lists of its links (see _rows); one action read alone has its
    # relations prefetched as usual (selectors.action_get).
    @staticmethod
    def resolve_overdue(obj):
        return obj.is_overdue()

    @staticmethod
    def resolve_lead(obj):
        if hasattr(obj, "lead_name"):
            return {"id": obj.lead_id, "name": obj.lead_name}
        return obj.lead

    @staticmethod
    def resolve_partners(obj):
        if hasattr(obj, "partner_list"):
            return obj.partner_list
        return [
            {"id": link.actor_id, "name": link.actor.name, "commitment": link.commitment}
            for link in obj.partner_links.all()
        ]

    @staticmethod
    def resolve_goal_ids(obj):
        if hasattr(obj, "goal_id_list"):
            return obj.goal_id_list
        return [goal.pk for goal in obj.goals.all()]

    @staticmethod
    def resolve_principle_ids(obj):
        if hasattr(obj, "principle_id_list"):
            return obj.principle_id_list
        return [principle.pk for principle in obj.principles.all()]

    @staticmethod
    def resolve_funding(obj):
        return obj.funding or None

    @staticmethod
    def resolve_assessment(obj):
        if hasattr(obj, "assessment_state"):
            return obj.assessment_state or "none"
        assessment = selectors.assessment_of(obj)
        return assessment.state if assessment else "none"


class ActionDetailOut(ActionOut):
    responsible_ids: list[int]

    @staticmethod
    def resolve_responsible_ids(obj):
        return [link.user_id for link in obj.responsible_links.all()]


class ActionIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    description: str = ""
    focus_area_id: int
    lead_id: int
    start: date | None = None
    end: date | None = None
    budget: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    currency: Currency | None = None
    funding: Funding | None = None
    funding_note: str = Field("", max_length=300)
    target_groups: list[TargetGroup] = []
    affects_children: bool = False
    status: ActionStatus = ActionStatus.PLANNED
    status_reason: str = ""
    percent_complete: int = Field(0, ge=0, le=100)
    goal_ids: list[int] = []
    partner_ids: list[int] = []
    principle_ids: list[int] = []
    responsible_ids: list[int] = []


class ActionPatch(PatchSchema):
    patches = (Action,)
    version: int = Field(description="The version you read; if someone saved the action since, the answer is 409.")
    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = None
    focus_area_id: int | None = None
    lead_id: int | None = None
    start: date | None = None
    end: date | None = None
    budget: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    currency: Currency | None = None
    funding: Funding | None = None
    funding_note: str | None = Field(None, max_length=300)
    target_groups: list[TargetGroup] | None = None
    affects_children: bool | None = None
    status: ActionStatus | None = None
    status_reason: str | None = None
    percent_complete: int | None = Field(None, ge=0, le=100)
    goal_ids: list[int] | None = None
    partner_ids: list[int] | None = None
    principle_ids: list[int] | None = None
    responsible_ids: list[int] | None = None


class CommitmentIn(Schema):
    commitment: str = Field(max_length=300)


class ProgressIn(Schema):
    text: str = Field(min_length=1)
    date: Day | None = None
    status: ActionStatus | None = None
    percent_complete: int | None = Field(None, ge=0, le=100)
    version: int | None = Field(None, description="Required in effect when the update changes status or percent.")


class ProgressOut(Schema):
    id: int
    date: Day
    text: str
    status: ActionStatus
    percent_complete: int
    author: str | None
    created_at: datetime

    @staticmethod
    def resolve_author(obj):
        return obj.author.get_short_name() if obj.author else None


class AssessmentIn(Schema):
    children_affected: str = ""
    consulted: ChildImpactAssessment.Consulted | None = None
    consultation: str = ""
    best_interest: str = ""
    articles: list[UNCRCArticle] = []
    positive_impacts: str = ""
    negative_impacts: str = ""
    mitigation: str = ""
    conclusion: str = ""
    assessed_by: str = Field("", max_length=300)
    assessed_on: date | None = None
    complete: bool = Field(False, description="Mark the assessment completed; every answer must then be given.")


class AssessmentOut(Schema):
    state: ChildImpactAssessment.State
    children_affected: str
    consulted: str
    consultation: str
    best_interest: str
    articles: list[int]
    positive_impacts: str
    negative_impacts: str
    mitigation: str
    conclusion: str
    assessed_by: str
    assessed_on: date | None


class FocusAreaSummaryOut(Schema):
    focus_area_id: int | None
    title: str | None
    counts: dict[str, int]
    total: int
    mean_percent: int
    budgets: dict[str, Decimal]


class RowErrorOut(Schema):
    line: int | None
    column: str
    message: str


class ImportOut(Schema):
    created: int
    updated: int
    dry_run: bool
    ignored_columns: list[str]
    created_actors: list[str]
    errors: list[RowErrorOut]


class ChangeOut(Schema):
    label: str
    old: str
    new: str


class HistoryOut(Schema):
    when: datetime
    who: str
    kind: str
    summary: str
    changes: list[ChangeOut]


class ActionQuery(Schema):
    focus_area: int | None = None
    status: ActionStatus | None = None
    updated_since: datetime | None = Field(None, description="Only actions changed at or after this moment.")
    lead: int | None = None
    funding: Funding | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    target_group: TargetGroup | None = None
    affects_children: bool | None = None
    q: str = ""

    def to_filter(self) -> ActionFilter:
        return ActionFilter(
            focus_area_id=self.focus_area,
            status=self.status or "",
            lead_id=self.lead,
            funding=self.funding or "",
            year=self.year,
            target_group=self.target_group or "",
            affects_children=self.affects_children,
            text=self.q,
        )


def _rows(
    organisation, *, plan: ActionPlan | None = None, filters: ActionFilter, updated_since: datetime | None = None
) -> Rows:
    """The actions of ``selectors.action_list`` in its order, with only what a row of the API shows.

    The page's ids are sorted alone; then the lead's name and the assessment's state come in one
    query, goals, principles and partners as plain values, one query each for the page's actions.
    No related object or manager is built: the managers and querysets Django makes per object for
    prefetched relations were most of the cost of a long list. Nor is the list DISTINCT (over every
    column, it cost more than the page): a filter joins at most one link per action, as an action
    has one link per responsible person.
    """
    actions = Action.objects.filter(organisation=organisation)
    if plan is not None:
        actions = actions.filter(plan=plan)
    actions = filters.apply(actions)
    if updated_since is not None:
        actions = actions.filter(updated_at__gte=updated_since)

    def load(ids: list[int]) -> list[Action]:
        rows = list(
            Action.objects.filter(pk__in=ids)
            .order_by()  # the page keeps the order of its ids
            .annotate(lead_name=F("lead__name"), assessment_state=F("assessment__state"))
        )
        links = {"action_id__in": ids}
        # goals and principles in their own order, as the action's own page lists them
        goals = grouped(ActionGoal.objects.filter(**links).order_by("goal__order", "goal_id"), "action_id", "goal_id")
        principles = grouped(
            ActionPrinciple.objects.filter(**links).order_by("principle__order", "principle__name", "principle_id"),
            "action_id",
            "principle_id",
        )
        partners = grouped(
            ActionPartner.objects.filter(**links).order_by("actor__name", "pk"),
            "action_id",
            "actor_id",
            "actor__name",
            "commitment",
        )
        for action in rows:
            action.goal_id_list, action.principle_id_list = goals[action.pk], principles[action.pk]
            action.partner_list = [{"id": i, "name": n, "commitment": c} for i, n, c in partners[action.pk]]
        return rows

    # Within one plan its own order key is the same for every action: not sorting on it spares a join.
    order = ("focus_area__order", "number", "pk") if plan is not None else ("plan", "focus_area__order", "number", "pk")
    return Rows(actions.order_by(*order), load)


def _plan(request, org_slug, plan_id):
    organisation = org_scope(request, org_slug, VIEW)
    return organisation, selectors.plan_get(organisation=organisation, plan_id=plan_id)


def _action(request, org_slug, action_id):
    organisation = org_scope(request, org_slug, VIEW)
    return organisation, selectors.action_get(organisation=organisation, action_id=action_id)


def _payload(payload: Schema, **dump) -> dict:
    data = payload.dict(**dump)
    for key in ("currency", "funding", "status", "consulted"):
        if key in data and data[key] is not None:
            data[key] = str(data[key])
    if data.get("target_groups") is not None:
        data["target_groups"] = [str(g) for g in data["target_groups"]]
    if data.get("articles") is not None:
        data["articles"] = [int(a) for a in data["articles"]]
    if "funding" in data and data["funding"] is None:
        data["funding"] = ""
    return data


@router.get("/orgs/{org_slug}/action-plans", response=list[PlanOut])
@paged
def plan_list(request: OrgRequest, org_slug: str):
    return selectors.plan_list(organisation=org_scope(request, org_slug, VIEW))


@router.post("/orgs/{org_slug}/action-plans", response={201: PlanOut})
def plan_create(request: OrgRequest, org_slug: str, payload: PlanIn):
    organisation = org_scope(request, org_slug, VIEW)
    data = payload.dict()
    strategy = strategy_selectors.strategy_get(organisation=organisation, strategy_id=data.pop("strategy_id"))
    return Status(201, services.plan_create(actor=request.user, organisation=organisation, strategy=strategy, **data))


@router.get("/orgs/{org_slug}/action-plans/{plan_id}", response=PlanOut)
def plan_detail(request: OrgRequest, org_slug: str, plan_id: int):
    return _plan(request, org_slug, plan_id)[1]


@router.patch("/orgs/{org_slug}/action-plans/{plan_id}", response=PlanOut)
def plan_update(request: OrgRequest, org_slug: str, plan_id: int, payload: PlanPatch):
    organisation, plan = _plan(request, org_slug, plan_id)
    changes = payload.dict(exclude_unset=True)
    return services.plan_update(actor=request.user, organisation=organisation, plan=plan, **changes)


@router.get("/orgs/{org_slug}/action-plans/{plan_id}/actions", response=list[ActionOut])
@paged
def action_list(request: OrgRequest, org_slug: str, plan_id: int, filters: Query[ActionQuery]):
    """The plan's actions in the plan's order (focus area, number), narrowed by focus area, status, lead,
    funding, year (active in it), target group, text, or changed since a moment."""
    organisation, plan = _plan(request, org_slug, plan_id)
    return _rows(organisation, plan=plan, filters=filters.to_filter(), updated_since=filters.updated_since)


@router.post("/orgs/{org_slug}/action-plans/{plan_id}/actions", response={201: ActionDetailOut})
def action_create(request: OrgRequest, org_slug: str, plan_id: int, payload: ActionIn):
    organisation, plan = _plan(request, org_slug, plan_id)
    data = _payload(payload, exclude_none=True)
    action = services.action_create(actor=request.user, organisation=organisation, plan=plan, **data)
    return Status(201, selectors.action_get(organisation=organisation, action_id=action.pk))


@router.get("/orgs/{org_slug}/action-plans/{plan_id}/overview", response=list[FocusAreaSummaryOut])
@paged
def plan_overview(request: OrgRequest, org_slug: str, plan_id: int):
    """Per focus area: the actions' counts per status, average percent complete and budget per currency."""
    organisation, plan = _plan(request, org_slug, plan_id)
    rows = selectors.status_counts_by_focus_area(organisation=organisation, plan=plan)
    return [
        {
            "focus_area_id": row.focus_area.pk if row.focus_area else None,
            "title": row.focus_area.title if row.focus_area else None,
            "counts": {status: row.count(status) for status in ActionStatus.values},
            "total": row.total,
            "mean_percent": row.mean_percent,
            "budgets": row.budgets,
        }
        for row in rows
    ]


@router.get("/orgs/{org_slug}/action-plans/{plan_id}/export", response={200: None})
def plan_export(request: OrgRequest, org_slug: str, plan_id: int, format: str = "xlsx", language: str = ""):
    """The plan as XLSX (actions and progress updates) or CSV (actions), headings in ``language`` (sv, fi, en)."""
    organisation, plan = _plan(request, org_slug, plan_id)
    return spreadsheet.plan_download(organisation, plan, kind=format, language=language or translation.get_language())


@router.post("/orgs/{org_slug}/action-plans/{plan_id}/import", response={200: ImportOut, 400: ImportOut | ErrorOut})
def plan_import(
    request: OrgRequest,
    org_slug: str,
    plan_id: int,
    file: File[UploadedFile],
    dry_run: bool = False,
    create_actors: bool = False,
):
    """Add and update actions from an XLSX or CSV with the export's columns: all rows or none
    (400 lists every error)."""
    organisation, plan = _plan(request, org_slug, plan_id)
    result = services.plan_import(
        actor=request.user,
        organisation=organisation,
        plan=plan,
        content=file.read(),
        filename=file.name or "",
        dry_run=dry_run,
        create_actors=create_actors,
    )
    return Status(200 if result.ok else 400, result)


@router.get("/orgs/{org_slug}/my-actions", response=list[ActionOut])
@paged
def my_actions(request: OrgRequest, org_slug: str):
    """The actions the caller is responsible for."""
    organisation = org_scope(request, org_slug, VIEW)
    return _rows(organisation, filters=ActionFilter(responsible_id=request.user.pk))


@router.get("/orgs/{org_slug}/actions/{action_id}", response=ActionDetailOut)
def action_detail(request: OrgRequest, org_slug: str, action_id: int):
    return _action(request, org_slug, action_id)[1]


@router.patch("/orgs/{org_slug}/actions/{action_id}", response=ActionDetailOut)
def action_update(request: OrgRequest, org_slug: str, action_id: int, payload: ActionPatch):
    organisation, action = _action(request, org_slug, action_id)
    changes = _payload(payload, exclude_unset=True)
    services.action_update(actor=request.user, organisation=organisation, action=action, **changes)
    return selectors.action_get(organisation=organisation, action_id=action.pk)


@router.delete("/orgs/{org_slug}/actions/{action_id}", response={204: None})
def action_delete(request: OrgRequest, org_slug: str, action_id: int):
    organisation, action = _action(request, org_slug, action_id)
    services.action_delete(actor=request.user, organisation=organisation, action=action)
    return Status(204, None)


@router.put("/orgs/{org_slug}/actions/{action_id}/partners/{actor_id}", response=PartnerOut)
def partner_commitment(request: OrgRequest, org_slug: str, action_id: int, actor_id: int, payload: CommitmentIn):
    """What a partner has committed to in the action."""
    organisation, action = _action(request, org_slug, action_id)
    commitments = {actor_id: payload.commitment}
    services.partner_commitments_set(
        actor=request.user, organisation=organisation, action=action, commitments=commitments
    )
    link = next(link for link in action.partner_links.all() if link.actor_id == actor_id)
    return {"id": link.actor_id, "name": link.actor.name, "commitment": payload.commitment.strip()}


@router.get("/orgs/{org_slug}/actions/{action_id}/progress", response=list[ProgressOut])
@paged
def progress_list(request: OrgRequest, org_slug: str, action_id: int):
    """The action's progress reports, newest first."""
    organisation = org_scope(request, org_slug, VIEW)
    action = access_in_organisation(Action.objects.only("pk"), organisation, pk=action_id)
    return ProgressUpdate.objects.filter(organisation=organisation, action=action).select_related("author")


@router.post("/orgs/{org_slug}/actions/{action_id}/progress", response={201: ProgressOut})
def progress_post(request: OrgRequest, org_slug: str, action_id: int, payload: ProgressIn):
    """Report on the action; a new status or percent is applied to it (409 if ``version`` is outdated)."""
    organisation, action = _action(request, org_slug, action_id)
    data = _payload(payload)
    update = services.progress_post(actor=request.user, organisation=organisation, action=action, **data)
    return Status(201, update)


@router.get("/orgs/{org_slug}/actions/{action_id}/assessment", response=AssessmentOut | None)
def assessment_detail(request: OrgRequest, org_slug: str, action_id: int):
    """The action's child impact assessment; null while it has none."""
    return selectors.assessment_of(_action(request, org_slug, action_id)[1])


@router.put("/orgs/{org_slug}/actions/{action_id}/assessment", response=AssessmentOut)
def assessment_save(request: OrgRequest, org_slug: str, action_id: int, payload: AssessmentIn):
    """Write the child impact assessment; ``complete: true`` marks it completed (every answer given)."""
    organisation, action = _action(request, org_slug, action_id)
    data = _payload(payload)
    data["consulted"] = data["consulted"] or ""
    return services.assessment_save(actor=request.user, organisation=organisation, action=action, **data)


@router.get("/orgs/{org_slug}/actions/{action_id}/history", response=list[HistoryOut])
@paged
def action_history(request: OrgRequest, org_slug: str, action_id: int):
    """Every change to the action, its links and its assessment, newest first, with who made it."""
    organisation, action = _action(request, org_slug, action_id)
    return history.action_history(organisation=organisation, action=action)
