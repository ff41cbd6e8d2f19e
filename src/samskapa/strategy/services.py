"""Writes for strategies, focus areas, goals, foundations and versions.

Every function is keyword-only, takes the acting user and the organisation, checks the
capability itself (pages and API agree), validates with ``full_clean()`` and is atomic.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samskapa.core.errors import ApplicationError, ConflictError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require
from samskapa.strategy import selectors
from samskapa.strategy.models import (
    FocusArea,
    Foundation,
    Goal,
    Principle,
    Strategy,
    StrategyFoundation,
    StrategyVersion,
)
from samskapa.strategy.versions import snapshot

CHANGE, ADOPT = "strategy.change_strategy", "strategy.adopt_strategy"

# Seeded per organisation, in its default language; the list can be extended.
DEFAULT_FOUNDATIONS = [
    gettext_noop("UN Convention on the Rights of the Child"),
    gettext_noop("Agenda 2030 and the Sustainable Development Goals"),
    gettext_noop("EU Action Plan on Integration and Inclusion 2021-2027"),
    gettext_noop("National law and integration goals"),
]
# The eight cross-cutting empowerment actions of Mark's strategy.
DEFAULT_PRINCIPLES = [
    ("co-creation", gettext_noop("Co-creation of programmes and policies")),
    ("inclusive-governance", gettext_noop("Inclusive governance structures")),
    ("capacity-building", gettext_noop("Capacity building and training for all stakeholders")),
    ("mainstreaming-participation", gettext_noop("Mainstreaming participation across all areas")),
    ("participatory-monitoring", gettext_noop("Participatory monitoring and evaluation")),
    ("transparency", gettext_noop("Transparency and communication")),
    ("social-cohesion", gettext_noop("Social cohesion and joint activities")),
    ("long-term-sustainability", gettext_noop("Long-term sustainability")),
]
STRATEGY_FIELDS = (
    "title",
    "period_start",
    "period_end",
    "language",
    "vision",
    "purpose",
    "target_groups",
    "revision_date",
)
FOCUS_AREA_FIELDS = ("title", "description", "summary", "we_want", "we_will", "strategic_choices", "framework_codes")
GOAL_FIELDS = ("text", "target")


def defaults_ensure(*, actor, organisation: Organisation) -> None:
    """Give the organisation the default foundations and the eight principles, once."""
    require(actor, CHANGE, organisation)
    with translation.override(organisation.default_language):
        if not Foundation.objects.filter(organisation=organisation).exists():
            for order, name in enumerate(DEFAULT_FOUNDATIONS):
                save_as(Foundation(organisation=organisation, name=_(name), order=order), actor)
        existing = set(Principle.objects.filter(organisation=organisation).values_list("code", flat=True))
        for order, (code, name) in enumerate(DEFAULT_PRINCIPLES):
            if code not in existing:
                save_as(Principle(organisation=organisation, code=code, name=_(name), order=order), actor)


def _require_editable(strategy: Strategy) -> None:
    if not strategy.is_editable:
        raise ConflictError(
            _("This strategy is %(status)s and cannot be changed. Start a revision first.")
            % {"status": strategy.get_status_display().lower()}
        )


def _set_foundations(*, actor, organisation, strategy: Strategy, foundation_ids) -> None:
    wanted = set(foundation_ids)
    found = set(Foundation.objects.filter(organisation=organisation, pk__in=wanted).values_list("pk", flat=True))
    if found != wanted:
        raise ApplicationError(_("Choose foundations from your organisation's list."))
    links = StrategyFoundation.objects.filter(strategy=strategy)
    links.exclude(foundation_id__in=wanted).delete()
    present = set(links.values_list("foundation_id", flat=True))
    for foundation_id in sorted(wanted - present):
        save_as(StrategyFoundation(organisation=organisation, strategy=strategy, foundation_id=foundation_id), actor)


@transaction.atomic
def strategy_create(*, actor, organisation: Organisation, foundation_ids=None, **fields: Any) -> Strategy:
    """A new strategy in draft; the default foundations are chosen unless others are given."""
    require(actor, CHANGE, organisation)
    refuse_unknown_fields(fields, STRATEGY_FIELDS)
    defaults_ensure(actor=actor, organisation=organisation)
    fields.setdefault("language", organisation.default_language)
    strategy = save_as(Strategy(organisation=organisation, **fields), actor)
    if foundation_ids is None:
        foundation_ids = Foundation.objects.filter(organisation=organisation).values_list("pk", flat=True)
    _set_foundations(actor=actor, organisation=organisation, strategy=strategy, foundation_ids=foundation_ids)
    return strategy


@transaction.atomic
def strategy_update(
    *, actor, organisation: Organisation, strategy: Strategy, foundation_ids=None, **changes: Any
) -> Strategy:
    require(actor, CHANGE, strategy)
    refuse_unknown_fields(changes, STRATEGY_FIELDS)
    _require_editable(strategy)
    for field, value in changes.items():
        setattr(strategy, field, value)
    save_as(strategy, actor)
    if foundation_ids is not None:
        _set_foundations(actor=actor, organisation=organisation, strategy=strategy, foundation_ids=foundation_ids)
    return strategy


# Moves by hand; adopting and revising have their own services.
MANUAL_MOVES = {
    Strategy.Status.DRAFT: {Strategy.Status.CONSULTATION, Strategy.Status.ARCHIVED},
    Strategy.Status.CONSULTATION: {Strategy.Status.DRAFT, Strategy.Status.ARCHIVED},
    Strategy.Status.REVISION: {Strategy.Status.CONSULTATION, Strategy.Status.ARCHIVED},
    Strategy.Status.ADOPTED: {Strategy.Status.ARCHIVED},
    Strategy.Status.ARCHIVED: set(),
}


@transaction.atomic
def strategy_set_status(*, actor, organisation: Organisation, strategy: Strategy, status: str) -> Strategy:
    """Send out for consultation, take back to draft, or archive."""
    require(actor, CHANGE, strategy)
    if status not in MANUAL_MOVES[Strategy.Status(strategy.status)]:
        raise ConflictError(
            _("A strategy that is %(current)s cannot be set to %(new)s.")
            % {"current": strategy.get_status_display().lower(), "new": _status_label(status)}
        )
    strategy.status = status
    return save_as(strategy, actor)


def _status_label(status: str) -> str:
    try:
        return str(Strategy.Status(status).label).lower()
    except ValueError:
        return status


def _lock_and_refresh_status(strategy: Strategy) -> None:
    """Lock the row so two people adopting at once cannot both freeze a version."""
    strategy.status = Strategy.objects.select_for_update().values_list("status", flat=True).get(pk=strategy.pk)


@transaction.atomic
def strategy_adopt(
    *,
    actor,
    organisation: Organisation,
    strategy: Strategy,
    adopted_by: str,
    adopted_on: date,
    decision_reference: str = "",
) -> StrategyVersion:
    """Record the decision and freeze the strategy as it stands into a new version."""
    require(actor, ADOPT, strategy)
    _lock_and_refresh_status(strategy)
    _require_editable(strategy)
    if not adopted_by.strip() or adopted_on is None:
        raise ApplicationError(_("Say which body adopted the strategy and on which date."))
    strategy.status = Strategy.Status.ADOPTED
    strategy.adopted_by, strategy.adopted_on, strategy.decision_reference = adopted_by, adopted_on, decision_reference
    save_as(strategy, actor)
    return version_freeze(actor=actor, organisation=organisation, strategy=strategy)


def version_freeze(*, actor, organisation: Organisation, strategy: Strategy) -> StrategyVersion:
    """Store the strategy as it stands now as its next version (called while adopting)."""
    require(actor, ADOPT, strategy)
    full = selectors.strategy_get_full(organisation=organisation, strategy_id=strategy.pk)
    number = (StrategyVersion.objects.filter(strategy=strategy).aggregate(n=Max("number"))["n"] or 0) + 1
    version = StrategyVersion(
        organisation=organisation,
        strategy=strategy,
        number=number,
        snapshot=snapshot(full),
        adopted_by=strategy.adopted_by,
        adopted_on=strategy.adopted_on,
        decision_reference=strategy.decision_reference,
        created_by=actor,
    )
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def strategy_revise(*, actor, organisation: Organisation, strategy: Strategy) -> Strategy:
    """Open the adopted strategy for revision: the working copy starts from the adopted text,
    which stays frozen in its version until the revision is adopted as the next version."""
    require(actor, ADOPT, strategy)
    _lock_and_refresh_status(strategy)
    if strategy.status != Strategy.Status.ADOPTED:
        raise ConflictError(_("Only an adopted strategy can be revised."))
    strategy.status = Strategy.Status.REVISION
    return save_as(strategy, actor)


@transaction.atomic
def foundation_create(*, actor, organisation: Organisation, name: str, description: str = "") -> Foundation:
    require(actor, CHANGE, organisation)
    name = name.strip()
    if Foundation.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise ConflictError(_("“%(name)s” is already in the list.") % {"name": name})
    order = (Foundation.objects.filter(organisation=organisation).aggregate(n=Max("order"))["n"] or 0) + 1
    return save_as(Foundation(organisation=organisation, name=name, description=description, order=order), actor)


@transaction.atomic
def focus_area_create(*, actor, organisation: Organisation, strategy: Strategy, **fields: Any) -> FocusArea:
    """A new focus area at the end of the strategy's list."""
    require(actor, CHANGE, strategy)
    refuse_unknown_fields(fields, FOCUS_AREA_FIELDS)
    _require_editable(strategy)
    order = (FocusArea.objects.filter(strategy=strategy).aggregate(n=Max("order"))["n"] or 0) + 1
    return save_as(FocusArea(organisation=organisation, strategy=strategy, order=order, **fields), actor)


@transaction.atomic
def focus_area_update(*, actor, organisation: Organisation, focus_area: FocusArea, **changes: Any) -> FocusArea:
    require(actor, CHANGE, focus_area)
    refuse_unknown_fields(changes, FOCUS_AREA_FIELDS)
    _require_editable(focus_area.strategy)
    for field, value in changes.items():
        setattr(focus_area, field, value)
    return save_as(focus_area, actor)


@transaction.atomic
def focus_area_delete(*, actor, organisation: Organisation, focus_area: FocusArea) -> None:
    require(actor, CHANGE, focus_area)
    _require_editable(focus_area.strategy)
    for goal in focus_area.goals.all():
        delete_as(goal, actor)
    delete_as(focus_area, actor)


@transaction.atomic
def focus_area_move(*, actor, organisation: Organisation, focus_area: FocusArea, direction: str) -> FocusArea:
    """Move a focus area one place up or down in the strategy's order."""
    require(actor, CHANGE, focus_area)
    _require_editable(focus_area.strategy)
    if direction not in ("up", "down"):
        raise ApplicationError(_("Move a focus area up or down."))
    areas = list(FocusArea.objects.select_for_update().filter(strategy_id=focus_area.strategy_id))
    index = next(i for i, area in enumerate(areas) if area.pk == focus_area.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(areas):
        areas[index], areas[other] = areas[other], areas[index]
    for position, area in enumerate(areas, start=1):
        if area.order != position:
            area.order = position
            save_as(area, actor)
    return next(area for area in areas if area.pk == focus_area.pk)


@transaction.atomic
def goal_create(*, actor, organisation: Organisation, focus_area: FocusArea, text: str, target: str = "") -> Goal:
    require(actor, CHANGE, focus_area)
    _require_editable(focus_area.strategy)
    order = (Goal.objects.filter(focus_area=focus_area).aggregate(n=Max("order"))["n"] or 0) + 1
    goal = Goal(organisation=organisation, focus_area=focus_area, text=text, target=target, order=order)
    return save_as(goal, actor)


@transaction.atomic
def goal_update(*, actor, organisation: Organisation, goal: Goal, **changes: Any) -> Goal:
    require(actor, CHANGE, goal)
    refuse_unknown_fields(changes, GOAL_FIELDS)
    _require_editable(goal.focus_area.strategy)
    for field, value in changes.items():
        setattr(goal, field, value)
    return save_as(goal, actor)


@transaction.atomic
def goal_delete(*, actor, organisation: Organisation, goal: Goal) -> None:
    require(actor, CHANGE, goal)
    _require_editable(goal.focus_area.strategy)
    delete_as(goal, actor)
