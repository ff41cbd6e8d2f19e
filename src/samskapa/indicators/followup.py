"""The follow-up of a strategy per focus area: its indicators against their targets and its
actions with their status. The dashboard page and the annual report both read this.

An indicator belongs to a focus area when it measures one of the area's goals or follows
up the area itself; the rest are listed apart. A fixed number of queries whatever the size.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from samskapa.actions import selectors as action_selectors
from samskapa.actions.models import Action, ChildImpactAssessment, Status
from samskapa.actions.selectors import overdue_q, shown_status_choices
from samskapa.cocreation import selectors as cocreation_selectors
from samskapa.cocreation.models import Consultation, Finding
from samskapa.indicators import selectors
from samskapa.indicators.series import IndicatorView, indicator_views
from samskapa.indicators.status import Status as IndicatorStatus
from samskapa.strategy.models import FocusArea, Strategy


@dataclass
class AreaFollowUp:
    """One focus area: its indicators and its actions."""

    focus_area: FocusArea | None
    views: list[IndicatorView] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def statuses(self) -> list[tuple[str, str, int]]:
        counts = Counter(v.assessment.status for v in self.views)
        return [(s.value, str(s.label), counts[s]) for s in IndicatorStatus if counts[s]]

    @property
    def action_counts(self) -> list[tuple[str, str, int]]:
        counts = Counter(a.shown_status for a in self.actions)
        return [(value, str(label), counts[value]) for value, label in shown_status_choices() if counts[value]]

    def actions_with(self, *statuses: str) -> list[Action]:
        return [a for a in self.actions if a.status in statuses]


@dataclass
class FollowUp:
    strategy: Strategy
    areas: list[AreaFollowUp]
    unlinked: AreaFollowUp

    @property
    def all_views(self) -> list[IndicatorView]:
        seen: dict[int, IndicatorView] = {}
        for area in [*self.areas, self.unlinked]:
            for view in area.views:
                seen.setdefault(view.indicator.pk, view)
        return list(seen.values())

    @property
    def statuses(self) -> list[tuple[str, str, int]]:
        return AreaFollowUp(None, self.all_views).statuses


def strategy_choices(*, organisation):
    return Strategy.objects.filter(organisation=organisation).exclude(status=Strategy.Status.ARCHIVED)


def default_strategy(*, organisation) -> Strategy | None:
    """The adopted strategy if there is one, else the newest that is not archived."""
    strategies = strategy_choices(organisation=organisation)
    return strategies.filter(status=Strategy.Status.ADOPTED).first() or strategies.first()


def follow_up(*, organisation, strategy: Strategy) -> FollowUp:
    areas = list(FocusArea.objects.filter(organisation=organisation, strategy=strategy).order_by("order", "pk"))
    by_area = {area.pk: AreaFollowUp(area) for area in areas}
    unlinked = AreaFollowUp(None)
    indicators = selectors.indicator_list(organisation=organisation)
    for view in indicator_views(organisation=organisation, indicators=indicators):
        homes = {g.focus_area_id for g in view.indicator.goals.all()} | {a.pk for a in view.indicator.focus_areas.all()}
        placed = [by_area[pk] for pk in homes if pk in by_area]
        if not homes:
            unlinked.views.append(view)
        for area in placed:
            area.views.append(view)
    actions = action_selectors.action_list(organisation=organisation).filter(plan__strategy=strategy)
    for action in actions:
        (by_area.get(action.focus_area_id or 0) or unlinked).actions.append(action)
    return FollowUp(strategy, [by_area[a.pk] for a in areas], unlinked)


@dataclass
class YearFacts:
    """What happened in the year followed up, for the annual report."""

    year: int
    assessments: list[ChildImpactAssessment]
    done: int
    delayed: int
    consultations: list[Consultation] = field(default_factory=list)
    open_findings: list[Finding] = field(default_factory=list)

    @property
    def participants(self) -> int:
        return sum(getattr(c, "participant_total", 0) for c in self.consultations)  # annotated by the selector


def co_creation_facts(*, organisation, year: int) -> tuple[list[Consultation], list[Finding]]:
    """Consultations held in the year (with participants and inputs) and findings not yet decided on."""
    held = cocreation_selectors.consultation_list(organisation=organisation, status=Consultation.Status.HELD)
    consultations = list(held.filter(held_on__year=year).order_by("held_on", "pk"))
    return consultations, cocreation_selectors.you_said_we_did(organisation=organisation).open


def year_facts(*, organisation, strategy: Strategy, year: int) -> YearFacts:
    """Child impact assessments completed in the year, how many actions are done or delayed, the
    consultations held in the year and the findings still open."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    assessments = list(
        ChildImpactAssessment.objects.filter(
            organisation=organisation,
            action__plan__strategy=strategy,
            state=ChildImpactAssessment.State.COMPLETED,
        )
        .filter(Q(assessed_on__range=(start, end)) | Q(assessed_on__isnull=True, updated_at__year=year))
        .select_related("action")
        .order_by("assessed_on", "action__number")
    )
    actions = Action.objects.filter(organisation=organisation, plan__strategy=strategy)
    counts = Counter(actions.values_list("status", flat=True))
    # An action past its end date that is not done counts as delayed, whatever its recorded status.
    counts[Status.DELAYED] += actions.filter(overdue_q()).exclude(status=Status.DELAYED).count()
    consultations, open_findings = co_creation_facts(organisation=organisation, year=year)
    return YearFacts(year, assessments, counts[Status.DONE], counts[Status.DELAYED], consultations, open_findings)
