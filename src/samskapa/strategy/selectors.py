"""Reads for strategies, always scoped to one organisation; missing and foreign alike are 404."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.core.access import access_in_organisation, number_in
from samskapa.orgs.models import Organisation
from samskapa.strategy.models import FocusArea, Foundation, Goal, Principle, Strategy, StrategyVersion
from samskapa.strategy.versions import snapshot

REMINDER_DAYS = 90


def strategy_list(*, organisation: Organisation) -> QuerySet[Strategy]:
    return Strategy.objects.filter(organisation=organisation)


def strategy_get(*, organisation: Organisation, strategy_id) -> Strategy:
    return access_in_organisation(Strategy.objects.all(), organisation, pk=strategy_id)


def strategy_get_full(*, organisation: Organisation, strategy_id) -> Strategy:
    """The strategy with its foundations, focus areas in order and their goals: a fixed number of queries."""
    queryset = Strategy.objects.prefetch_related(
        Prefetch("foundations", queryset=Foundation.objects.order_by("order", "name")),
        Prefetch("focus_areas", queryset=FocusArea.objects.prefetch_related("goals")),
    )
    return access_in_organisation(queryset, organisation, pk=strategy_id)


def focus_area_get(*, organisation: Organisation, focus_area_id) -> FocusArea:
    return access_in_organisation(FocusArea.objects.select_related("strategy"), organisation, pk=focus_area_id)


def goal_get(*, organisation: Organisation, goal_id) -> Goal:
    return access_in_organisation(Goal.objects.select_related("focus_area__strategy"), organisation, pk=goal_id)


def foundation_list(*, organisation: Organisation) -> QuerySet[Foundation]:
    return Foundation.objects.filter(organisation=organisation)


def principle_list(*, organisation: Organisation) -> QuerySet[Principle]:
    return Principle.objects.filter(organisation=organisation)


def version_list(*, organisation: Organisation, strategy: Strategy) -> QuerySet[StrategyVersion]:
    return StrategyVersion.objects.filter(organisation=organisation, strategy=strategy).order_by("-number")


def version_get(*, organisation: Organisation, version_id) -> StrategyVersion:
    return access_in_organisation(StrategyVersion.objects.select_related("strategy"), organisation, pk=version_id)


@dataclass
class Side:
    """One side of a comparison: a frozen version or the working copy."""

    key: str
    label: str
    snapshot: dict


def compare_side(*, organisation: Organisation, strategy: Strategy, key: str) -> Side:
    """``key`` is a version number or "current" for the working copy; anything else is 404."""
    if key == "current":
        full = strategy_get_full(organisation=organisation, strategy_id=strategy.pk)
        return Side("current", _("Working copy"), snapshot(full))
    number = number_in(key)
    if number is None:
        raise Http404
    version = access_in_organisation(StrategyVersion.objects.all(), organisation, strategy=strategy, number=number)
    return Side(str(version.number), _("Version %(number)s") % {"number": version.number}, version.snapshot)


@dataclass
class Reminder:
    strategy: Strategy
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def revision_reminders(*, organisation: Organisation, today: date | None = None) -> list[Reminder]:
    """Strategies whose revision date is at most 90 days away or already past (not archived)."""
    today = today or timezone.localdate()
    due = Strategy.objects.filter(
        organisation=organisation, revision_date__isnull=False, revision_date__lte=today + timedelta(REMINDER_DAYS)
    ).exclude(status=Strategy.Status.ARCHIVED)
    return [Reminder(s, (s.revision_date - today).days) for s in due.order_by("revision_date")]
