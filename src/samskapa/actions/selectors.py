"""Reads for the action plan, always scoped to one organisation; missing and foreign alike are 404.

Every read costs a fixed number of queries whatever the number of actions. The follow-up
(indicators, annual report) builds on ``status_counts_by_focus_area`` and ``action_list``.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from samskapa.actions.models import (
    Action,
    ActionPartner,
    ActionPlan,
    ActionResponsible,
    ChildImpactAssessment,
    ProgressUpdate,
    Status,
)
from samskapa.actions.models.plan import CLOSED, OVERDUE, OVERDUE_LABEL, REPORT_INTERVAL
from samskapa.core.access import access_in_organisation
from samskapa.orgs.models import Organisation
from samskapa.strategy.models import FocusArea, Strategy


def plan_list(*, organisation: Organisation, strategy: Strategy | None = None) -> QuerySet[ActionPlan]:
    plans = ActionPlan.objects.filter(organisation=organisation).select_related("strategy")
    if strategy is not None:
        plans = plans.filter(strategy=strategy)
    return plans.annotate(action_count=Count("actions"))


def plan_get(*, organisation: Organisation, plan_id) -> ActionPlan:
    return access_in_organisation(ActionPlan.objects.select_related("strategy"), organisation, pk=plan_id)


UNREPORTED = "unreported"


def overdue_q(today: date | None = None) -> Q:
    """Actions past their end date that are neither done nor cancelled (see Action.is_overdue)."""
    return Q(end__lt=today or timezone.localdate()) & ~Q(status__in=CLOSED)


def unreported_q(today: date | None = None) -> Q:
    """Running actions, started long enough ago, without a progress report in the last interval."""
    today = today or timezone.localdate()
    since = today - REPORT_INTERVAL
    recent = ProgressUpdate.objects.filter(action=OuterRef("pk"), date__gte=since)
    running = ~Q(status__in=CLOSED) & ~overdue_q(today)
    return running & Q(start__lte=since) & ~Q(Exists(recent))


def shown_status_q(status: str, today: date | None = None) -> Q:
    """The actions a page shows with ``status``: a stored status no longer counts once overdue."""
    if status == OVERDUE:
        return overdue_q(today)
    if status == UNREPORTED:
        return unreported_q(today)
    return Q(status=status) & ~overdue_q(today)


@dataclass
class ActionFilter:
    """What a person narrows the action plan to; every criterion is optional."""

    focus_area_id: int | None = None
    status: str = ""
    lead_id: int | None = None
    funding: str = ""
    year: int | None = None
    target_group: str = ""
    affects_children: bool | None = None
    responsible_id: int | None = None
    text: str = ""

    def apply(self, actions: QuerySet[Action]) -> QuerySet[Action]:
        exact = {
            "focus_area_id": self.focus_area_id,
            "lead_id": self.lead_id,
            "funding": self.funding,
            "affects_children": self.affects_children,
            "responsible_links__user_id": self.responsible_id,
        }
        actions = actions.filter(**{key: value for key, value in exact.items() if value not in (None, "")})
        if self.status:
            actions = actions.filter(shown_status_q(self.status))
        if self.year:
            # Active in the year: starts before it ends and ends after it starts (open ends count).
            actions = actions.filter(Q(start__isnull=True) | Q(start__lte=date(self.year, 12, 31)))
            actions = actions.filter(Q(end__isnull=True) | Q(end__gte=date(self.year, 1, 1)))
        if self.target_group:
            actions = actions.filter(pk__in=_with_target_group(actions, self.target_group))
        if self.text:
            actions = actions.filter(Q(title__icontains=self.text) | Q(description__icontains=self.text))
        return actions


def _with_target_group(actions: QuerySet[Action], group: str) -> QuerySet[Action] | list[int]:
    if connection.vendor == "postgresql":
        # JSON containment, in the database: a large plan is not read into Python to be narrowed.
        return actions.filter(target_groups__contains=[group]).values("pk")
    # SQLite has no JSON "contains": filter in Python on ids only (small installations).
    return [pk for pk, groups in actions.values_list("pk", "target_groups") if group in (groups or [])]


def _actions(
    *, organisation: Organisation, plan: ActionPlan | None = None, filters: ActionFilter | None = None
) -> QuerySet[Action]:
    actions = Action.objects.filter(organisation=organisation)
    if plan is not None:
        actions = actions.filter(plan=plan)
    if filters is not None:
        actions = filters.apply(actions)
    return actions


# The order of the statuses when a list is sorted by status: from not started to closed, with the
# computed "overdue" among the running ones.
STATUS_RANK = {Status.PLANNED: 1, Status.ONGOING: 2, Status.DELAYED: 3, OVERDUE: 4, Status.DONE: 5, Status.CANCELLED: 6}
# What a person can sort an action table by (``?sort=``) and the fields it orders by.
ACTION_SORTS = {
    "number": ("plan__period_start", "plan_id", "number"),
    "title": ("title",),
    "plan": ("plan__title", "number"),
    "focus_area": ("plan__period_start", "plan_id", "focus_area__order", "focus_area__title", "number"),
    "lead": ("lead__name", "number"),
    "end": ("end", "start", "number"),
    "status": ("status_rank", "number"),
    "complete": ("percent_complete", "number"),
}
# The fields an action table reads; everything else stays in the database.
ROW_FIELDS = (
    "number",
    "title",
    "affects_children",
    "start",
    "end",
    "status",
    "percent_complete",
    "plan__title",
    "focus_area__title",
    "focus_area__order",  # the timeline groups by it
    "lead__name",
)


def action_rows(
    *,
    organisation: Organisation,
    plan: ActionPlan | None = None,
    filters: ActionFilter | None = None,
    today: date | None = None,
) -> QuerySet[Action]:
    """The actions as a table shows them: only its columns, its three names joined in, and the status
    shown (overdue computed) as ``status_shown`` with its place in the status order as ``status_rank``.

    Lean on purpose: a page of the plan reads 50 rows of this, never the links (partners, goals, ...),
    whatever the size of the plan. Order it with ``ACTION_SORTS``; label it with ``label_statuses``.
    """
    today = today or timezone.localdate()
    overdue = overdue_q(today)
    shown = Case(When(overdue, then=Value(OVERDUE)), default=F("status"), output_field=CharField())
    rank = Case(
        When(overdue, then=Value(STATUS_RANK[OVERDUE])),
        *[When(status=value, then=Value(STATUS_RANK[value])) for value in Status.values],
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        _actions(organisation=organisation, plan=plan, filters=filters)
        .select_related("focus_area", "lead", "plan")
        .only(*ROW_FIELDS)
        .annotate(status_shown=shown, status_rank=rank)
        .order_by("plan__period_start", "plan_id", "focus_area__order", "number")
    )


def label_statuses(rows) -> list[Action]:
    """The rows of one page, each with ``status_label``: the shown status in the reader's language,
    looked up once per status instead of once per row."""
    labels = {value: str(label) for value, label in shown_status_choices()}
    rows = list(rows)
    for row in rows:
        row.status_label = labels.get(row.status_shown, row.status_shown)
    return rows


def focus_area_counts(*, organisation: Organisation, plan: ActionPlan, filters: ActionFilter) -> dict[int | None, int]:
    """How many of the plan's actions match ``filters`` in each focus area (whatever area the filter
    names): one ``COUNT ... GROUP BY`` query, so a plan of 10,000 actions costs what one of 10 does."""
    actions = _actions(organisation=organisation, plan=plan, filters=replace(filters, focus_area_id=None))
    counts = actions.values("focus_area_id").annotate(count=Count("pk")).order_by()
    return {row["focus_area_id"]: row["count"] for row in counts}


@dataclass(frozen=True)
class TimelineSpan:
    """What the whole timeline covers, whichever page of bars is drawn: its first start, its last end,
    and how many actions have both dates (a bar) or lack one (only in the table)."""

    first: date | None
    last: date | None
    dated: int
    undated: int


def timeline_span(*, organisation: Organisation, plan: ActionPlan, filters: ActionFilter | None = None) -> TimelineSpan:
    """One aggregate query: every page of the timeline shares the same time axis."""
    dated = Q(start__isnull=False, end__isnull=False)
    figures = _actions(organisation=organisation, plan=plan, filters=filters).aggregate(
        first=Min("start", filter=dated),
        last=Max("end", filter=dated),
        dated=Count("pk", filter=dated),
        undated=Count("pk", filter=~dated),
    )
    return TimelineSpan(**figures)


def timeline_rows(
    *, organisation: Organisation, plan: ActionPlan, filters: ActionFilter | None = None
) -> QuerySet[Action]:
    """The actions in the timeline's order: by focus area in strategy order (none last), then number."""
    rows = action_rows(organisation=organisation, plan=plan, filters=filters)
    return rows.order_by(F("focus_area__order").asc(nulls_last=True), "focus_area_id", "number")


def action_list(
    *, organisation: Organisation, plan: ActionPlan | None = None, filters: ActionFilter | None = None
) -> QuerySet[Action]:
    """Actions with their names and links (partners, goals, principles) prefetched: for what writes
    them all out (the API, the export). Pages use the leaner ``action_rows``."""
    # No .distinct(): the only to-many filter (a responsible person) matches one row per action,
    # (action, user) being unique.
    return (
        _actions(organisation=organisation, plan=plan, filters=filters)
        .select_related("focus_area", "lead", "plan", "assessment")
        .prefetch_related(
            Prefetch("partner_links", queryset=ActionPartner.objects.select_related("actor").order_by("actor__name")),
            "goals",
            "principles",
        )
        .order_by("plan", "focus_area__order", "number")
    )


def action_export_list(
    *, organisation: Organisation, plan: ActionPlan, filters: ActionFilter | None = None
) -> QuerySet[Action]:
    """What the XLSX/CSV export writes per action, with the latest progress text, in a fixed number of queries."""
    latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date", "-created_at")
    return (
        action_list(organisation=organisation, plan=plan, filters=filters)
        .prefetch_related(Prefetch("responsible_links", queryset=ActionResponsible.objects.select_related("user")))
        .annotate(latest_progress_text=Subquery(latest.values("text")[:1]))
        .annotate(latest_progress_date=Subquery(latest.values("date")[:1]))
    )


def progress_list(*, organisation: Organisation, plan: ActionPlan) -> QuerySet[ProgressUpdate]:
    return (
        ProgressUpdate.objects.filter(organisation=organisation, action__plan=plan)
        .select_related("action", "author")
        .order_by("action__number", "-date", "-created_at")
    )


def action_get(*, organisation: Organisation, action_id) -> Action:
    """One action with everything its page shows, in a fixed number of queries."""
    queryset = Action.objects.select_related("plan__strategy", "focus_area", "lead", "assessment").prefetch_related(
        Prefetch("partner_links", queryset=ActionPartner.objects.select_related("actor").order_by("actor__name")),
        Prefetch("responsible_links", queryset=ActionResponsible.objects.select_related("user")),
        Prefetch("progress_updates", queryset=ProgressUpdate.objects.select_related("author")),
        "goals",
        "principles",
    )
    return access_in_organisation(queryset, organisation, pk=action_id)


def actions_assigned(*, organisation: Organisation, user) -> QuerySet[Action]:
    """The actions a person is responsible for: what a department or partner reports on."""
    return action_list(organisation=organisation, filters=ActionFilter(responsible_id=user.pk))


def assessment_of(action: Action) -> ChildImpactAssessment | None:
    try:
        return action.assessment
    except ChildImpactAssessment.DoesNotExist:
        return None


def actions_awaiting_assessment(*, organisation: Organisation) -> QuerySet[Action]:
    """Actions that affect children and have no completed child impact assessment yet (not cancelled)."""
    completed = ChildImpactAssessment.objects.filter(state=ChildImpactAssessment.State.COMPLETED)
    return (
        Action.objects.filter(organisation=organisation, affects_children=True)
        .exclude(status=Status.CANCELLED)
        .exclude(pk__in=completed.values("action_id"))
        .select_related("plan")
        .order_by("plan", "number")
    )


CENT = Decimal("0.01")


@dataclass
class FocusAreaSummary:
    """How the actions of one focus area are going: counts per status, average progress, budgets."""

    focus_area: FocusArea | None
    counts: dict[str, int] = field(default_factory=dict)  # by stored status, as the API reports them
    overdue: dict[str, int] = field(default_factory=dict)  # of those, how many are past their end date
    percent_sum: int = 0
    budgets: dict[str, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def mean_percent(self) -> int:
        return round(self.percent_sum / self.total) if self.total else 0

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def status_rows(self) -> list[tuple[str, str, int]]:
        """(status, label, count) per status as pages show it, overdue (computed) included."""
        shown = {value: n - self.overdue.get(value, 0) for value, n in self.counts.items()}
        shown[OVERDUE] = sum(self.overdue.values())
        return [(value, str(label), shown.get(value, 0)) for value, label in shown_status_choices()]


def shown_status_choices() -> list[tuple[str, str]]:
    """The statuses a page shows: the stored ones and the computed "overdue"."""
    return [*Status.choices, (OVERDUE, str(OVERDUE_LABEL))]


def status_counts_by_focus_area(
    *, organisation: Organisation, strategy: Strategy | None = None, plan: ActionPlan | None = None
) -> list[FocusAreaSummary]:
    """Per focus area of the strategy (in order), the actions' status counts, average progress and
    budget per currency; actions without a focus area come last. Two queries, the second a
    ``GROUP BY`` in the database, so the cost does not grow with the number of actions."""
    strategy = strategy or (plan.strategy if plan else None)
    areas = list(FocusArea.objects.filter(organisation=organisation, strategy=strategy)) if strategy else []
    summaries = {area.pk: FocusAreaSummary(area) for area in areas}
    actions = Action.objects.filter(organisation=organisation)
    if plan is not None:
        actions = actions.filter(plan=plan)
    elif strategy is not None:
        actions = actions.filter(plan__strategy=strategy)
    today = timezone.localdate()
    # Summed in the database: one row per focus area, status and currency, however many actions.
    groups = (
        actions.values("focus_area_id", "status", "currency")
        .annotate(
            count=Count("pk"),
            overdue=Count("pk", filter=Q(end__lt=today)),
            percent=Sum("percent_complete"),
            budget=Sum("budget"),
        )
        .order_by()
    )
    for row in groups:
        area_id, status = row["focus_area_id"], row["status"]
        summary = summaries.get(area_id) or summaries.setdefault(None, FocusAreaSummary(None))  # type: ignore[arg-type]
        summary.counts[status] = summary.counts.get(status, 0) + row["count"]
        if row["overdue"] and status not in CLOSED:
            summary.overdue[status] = summary.overdue.get(status, 0) + row["overdue"]
        summary.percent_sum += row["percent"] or 0
        if row["budget"] is not None:
            currency = row["currency"]
            # Sums come back as the database keeps them; amounts are shown to the cent.
            amount = Decimal(row["budget"]).quantize(CENT)
            summary.budgets[currency] = summary.budgets.get(currency, Decimal(0)) + amount
    return list(summaries.values())


def action_status_summary(*, organisation: Organisation, today: date | None = None) -> dict[str, int]:
    """How many actions show each status (overdue computed), and how many lack a recent report: one query."""
    today = today or timezone.localdate()
    counts = {value: Count("pk", filter=shown_status_q(value, today)) for value, _label in shown_status_choices()}
    counts[UNREPORTED] = Count("pk", filter=unreported_q(today))
    return Action.objects.filter(organisation=organisation).aggregate(**counts)


def form_choices(*, organisation: Organisation, plan: ActionPlan) -> dict[str, list[tuple[int, str]]]:
    """What the action form offers, all from the organisation (and the plan's strategy): six queries."""
    from samskapa.actors.models import Actor
    from samskapa.orgs.models import Membership
    from samskapa.strategy.models import Goal, Principle

    areas = list(FocusArea.objects.filter(organisation=organisation, strategy_id=plan.strategy_id))
    goals = Goal.objects.filter(organisation=organisation, focus_area__strategy_id=plan.strategy_id).select_related(
        "focus_area"
    )
    actors = list(Actor.objects.filter(organisation=organisation, is_active=True).order_by("name"))
    members = Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__full_name")
    return {
        "focus_area_id": [(a.pk, a.title) for a in areas],
        "goal_ids": [
            (g.pk, f"{g.focus_area.title}: {g.text}")
            for g in sorted(goals, key=lambda g: (g.focus_area.order, g.focus_area_id, g.order, g.pk))
        ],
        "principle_ids": [(p.pk, p.name) for p in Principle.objects.filter(organisation=organisation)],
        "lead_id": [(a.pk, a.name) for a in actors if a.is_internal],
        "partner_ids": [(a.pk, a.name) for a in actors],
        "responsible_ids": [(m.user_id, f"{m.user.get_full_name()} ({m.get_role_display()})") for m in members],
    }


def lead_list(*, organisation: Organisation, plan: ActionPlan | None = None) -> QuerySet:
    """(id, name) of the actors who lead at least one action (of ``plan``): the lead filter's choices.

    Offering every department and unit of a large municipality made the filter a select of a
    thousand options, rendered on every page of the plan; the leads that have actions are dozens.
    """
    actions = Action.objects.filter(organisation=organisation)
    if plan is not None:
        actions = actions.filter(plan=plan)
    actor = Action.lead.field.related_model  # the actors app imports this one
    return (
        actor._default_manager.filter(organisation=organisation, pk__in=actions.values("lead_id"))
        .order_by("name")
        .values_list("pk", "name")
    )
