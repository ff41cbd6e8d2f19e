"""Writes for action plans, actions, progress updates and child impact assessments.

Every function is keyword-only, takes the acting user (``actor``) and the organisation,
checks the permission itself (pages, API and import agree), validates with
``full_clean()`` and is atomic. Two rules live here because they span rows: an action
that affects children reaches "ongoing" or "done" only with a completed child impact
assessment, and a save that carries an outdated version of an action is refused.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samskapa.actions.models import (
    CURRENCY_OF_COUNTRY,
    NEEDS_ASSESSMENT,
    Action,
    ActionGoal,
    ActionPartner,
    ActionPlan,
    ActionPrinciple,
    ActionResponsible,
    ChildImpactAssessment,
    ProgressUpdate,
    Status,
)
from samskapa.actions.rules import EDIT
from samskapa.actors.models import Actor
from samskapa.actors.services import actor_create
from samskapa.core.errors import ConflictError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Membership, Organisation
from samskapa.orgs.services import require
from samskapa.strategy.models import FocusArea, Goal, Principle, Strategy

MANAGE, CHANGE = "actions.manage_plan", "actions.change_action"

PLAN_FIELDS = ("title", "period_start", "period_end", "description", "adopted_by", "adopted_on")
ACTION_FIELDS = (
    "title",
    "description",
    "focus_area_id",
    "lead_id",
    "start",
    "end",
    "budget",
    "currency",
    "funding",
    "funding_note",
    "target_groups",
    "affects_children",
    "status",
    "status_reason",
    "percent_complete",
)
LINK_FIELDS = ("goal_ids", "partner_ids", "principle_ids", "responsible_ids")
# A lead or partners named by the person, added to the actor registry when it lacks them.
NEW_ACTOR_FIELDS = ("new_lead_name", "new_partner_names")
ASSESSMENT_FIELDS = (
    "children_affected",
    "consulted",
    "consultation",
    "best_interest",
    "articles",
    "positive_impacts",
    "negative_impacts",
    "mitigation",
    "conclusion",
    "assessed_by",
    "assessed_on",
)


# action plans


@transaction.atomic
def plan_create(*, actor, organisation: Organisation, strategy: Strategy, **fields: Any) -> ActionPlan:
    """A new action plan for one of the organisation's strategies."""
    require(actor, MANAGE, organisation)
    refuse_unknown_fields(fields, PLAN_FIELDS)
    if strategy.organisation_id != organisation.pk:
        raise ValidationError({"strategy": _("Choose a strategy of your organisation.")})
    return save_as(ActionPlan(organisation=organisation, strategy=strategy, **fields), actor)


@transaction.atomic
def plan_update(*, actor, organisation: Organisation, plan: ActionPlan, **changes: Any) -> ActionPlan:
    require(actor, MANAGE, plan)
    refuse_unknown_fields(changes, PLAN_FIELDS)
    for field, value in changes.items():
        setattr(plan, field, value)
    return save_as(plan, actor)


# actions


def _check_children_rule(action: Action) -> None:
    """An action that affects children is not started (or done) before its children's impact is assessed."""
    if not (action.affects_children and action.status in NEEDS_ASSESSMENT):
        return
    completed = (
        action.pk
        and ChildImpactAssessment.objects.filter(
            action_id=action.pk, state=ChildImpactAssessment.State.COMPLETED
        ).exists()
    )
    if not completed:
        raise ValidationError(
            {
                "status": _(
                    "This action affects children: complete its child impact assessment "
                    "before setting it to %(status)s."
                )
                % {"status": str(Status(action.status).label).lower()}
            }
        )


def _ids_in(model, organisation: Organisation, ids, **extra) -> set[int]:
    wanted = {int(i) for i in ids}
    found = set(model.objects.filter(organisation=organisation, pk__in=wanted, **extra).values_list("pk", flat=True))
    return wanted if found == wanted else set()


def _check_links(organisation: Organisation, plan: ActionPlan, links: dict) -> None:
    """Goals of the plan's strategy, actors and principles of the organisation, members as responsible people."""
    checks = {
        "goal_ids": (Goal, {"focus_area__strategy_id": plan.strategy_id}, _("Choose goals of the plan's strategy.")),
        "partner_ids": (Actor, {}, _("Choose partners from your organisation's actors.")),
        "principle_ids": (Principle, {}, _("Choose principles from your organisation's list.")),
    }
    errors = {}
    for name, (model, extra, message) in checks.items():
        ids = links.get(name)
        if ids and not _ids_in(model, organisation, ids, **extra):
            errors[name] = message
    people = links.get("responsible_ids")
    if people:
        members = Membership.objects.filter(organisation=organisation, user_id__in=people)
        if members.count() != len(set(people)):
            errors["responsible_ids"] = _("Choose responsible people among the organisation's members.")
    if errors:
        raise ValidationError(errors)


def _check_lead_and_focus_area(organisation: Organisation, fields: dict) -> None:
    """Foreign or missing ids answer like a wrong choice, never a server error."""
    if "lead_id" in fields and not Actor.objects.filter(organisation=organisation, pk=fields["lead_id"]).exists():
        raise ValidationError({"lead_id": _("Choose a lead from your organisation's actors.")})
    area = fields.get("focus_area_id")
    if area is not None and not FocusArea.objects.filter(organisation=organisation, pk=area).exists():
        raise ValidationError({"focus_area_id": _("Choose a focus area of the plan's strategy.")})


def _set_links(*, actor, organisation: Organisation, action: Action, model, field: str, ids) -> None:
    wanted = {int(i) for i in ids}
    existing = {getattr(link, field): link for link in model.objects.filter(action=action)}
    for key, link in existing.items():
        if key not in wanted:
            delete_as(link, actor)
    for key in sorted(wanted - set(existing)):
        save_as(model(organisation=organisation, action=action, **{field: key}), actor)


LINKS = {
    "goal_ids": (ActionGoal, "goal_id"),
    "partner_ids": (ActionPartner, "actor_id"),
    "principle_ids": (ActionPrinciple, "principle_id"),
    "responsible_ids": (ActionResponsible, "user_id"),
}


def _save_links(*, actor, organisation: Organisation, action: Action, links: dict) -> None:
    for name, ids in links.items():
        if ids is not None:
            model, field = LINKS[name]
            _set_links(actor=actor, organisation=organisation, action=action, model=model, field=field, ids=ids)


def actor_for_name(*, actor, organisation: Organisation, name: str, lead: bool) -> Actor:
    """The registry's actor of that name, or a new one (a lead is an internal department, a partner 'other')."""
    name = " ".join(name.split())
    found = Actor.objects.filter(organisation=organisation, name__iexact=name).first()
    if found is not None:
        return found
    kind = Actor.Kind.DEPARTMENT if lead else Actor.Kind.OTHER
    return actor_create(actor=actor, organisation=organisation, name=name, kind=kind)


def _new_actors(*, actor, organisation: Organisation, fields: dict, links: dict) -> None:
    """Leads and partners named in the form that the registry does not have yet are added to it."""
    lead_name = (fields.pop("new_lead_name", "") or "").strip()
    partner_names = [n for n in fields.pop("new_partner_names", None) or [] if n.strip()]
    if lead_name:
        fields["lead_id"] = actor_for_name(actor=actor, organisation=organisation, name=lead_name, lead=True).pk
    if partner_names:
        new = [actor_for_name(actor=actor, organisation=organisation, name=n, lead=False).pk for n in partner_names]
        links["partner_ids"] = sorted({*(links.get("partner_ids") or []), *new})


def _split(fields: dict) -> tuple[dict, dict]:
    refuse_unknown_fields(fields, ACTION_FIELDS + LINK_FIELDS + NEW_ACTOR_FIELDS)
    links = {name: fields.pop(name) for name in LINK_FIELDS if name in fields}
    return fields, links


def _validate_focus_area_required(action: Action) -> None:
    if action.focus_area_id is None:
        raise ValidationError({"focus_area_id": _("Choose the focus area the action belongs to.")})


def _next_number(plan: ActionPlan, wanted: int | None) -> int:
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()  # numbers are handed out one at a time
    if wanted is not None:
        if Action.objects.filter(plan=plan, number=wanted).exists():
            raise ValidationError({"number": _("The plan already has an action number %(n)s.") % {"n": wanted}})
        return wanted
    return (Action.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def action_create(
    *, actor, organisation: Organisation, plan: ActionPlan, number: int | None = None, **fields: Any
) -> Action:
    """A new action, numbered after the plan's last one unless ``number`` is given; an editor who
    creates one is responsible for it."""
    require(actor, CHANGE, plan)
    fields, links = _split(dict(fields))
    _new_actors(actor=actor, organisation=organisation, fields=fields, links=links)
    _check_lead_and_focus_area(organisation, fields)
    _check_links(organisation, plan, links)
    if not actor.has_perm(MANAGE, organisation):
        links["responsible_ids"] = sorted({*(links.get("responsible_ids") or []), actor.pk})
    number = _next_number(plan, number)
    fields.setdefault("currency", CURRENCY_OF_COUNTRY.get(organisation.country, "EUR"))
    action = Action(organisation=organisation, plan=plan, number=number, **fields)
    _validate_focus_area_required(action)
    save_as(action, actor)
    _check_children_rule(action)  # after clean(), which decides whether it affects children; refusing rolls back
    _save_links(actor=actor, organisation=organisation, action=action, links=links)
    return action


def _claim_version(action: Action, version: int | None) -> None:
    """Take the next version of the action, or refuse if someone saved it after ``version`` was read.

    The conditional UPDATE is atomic in the database, so of two saves that carry the same
    version exactly one wins, on SQLite and PostgreSQL alike.
    """
    expected = action.version if version is None else int(version)
    claimed = Action.objects.filter(pk=action.pk, version=expected).update(version=F("version") + 1)
    if not claimed:
        raise ConflictError(_conflict_message(action), extra={"current_version": _current_version(action)})
    action.version = expected + 1


def _current_version(action: Action) -> int:
    return Action.objects.filter(pk=action.pk).values_list("version", flat=True).first() or 0


def _conflict_message(action: Action) -> str:
    last = action.history.select_related("history_user").order_by("-history_date").first()
    who = (last.history_user.get_full_name() if last and last.history_user else "") or _("Someone else")
    when = date_format(timezone.localtime(last.history_date), "SHORT_DATETIME_FORMAT") if last else ""
    return _(
        "%(who)s saved this action (%(when)s) after you opened it. Nothing of yours was saved: "
        "open the action again to see the changes, then make yours."
    ) % {"who": who, "when": when}


@transaction.atomic
def action_update(
    *, actor, organisation: Organisation, action: Action, version: int | None = None, **changes: Any
) -> Action:
    """Change an action. ``version`` is the one the person read; an older one is refused (409)."""
    require(actor, EDIT, action)
    changes, links = _split(dict(changes))
    _new_actors(actor=actor, organisation=organisation, fields=changes, links=links)
    _check_lead_and_focus_area(organisation, changes)
    _check_links(organisation, action.plan, links)
    _claim_version(action, version)
    for field, value in changes.items():
        setattr(action, field, value)
    _validate_focus_area_required(action)
    save_as(action, actor)
    _check_children_rule(action)  # after clean(), which decides whether it affects children; refusing rolls back
    _save_links(actor=actor, organisation=organisation, action=action, links=links)
    return action


@transaction.atomic
def action_delete(*, actor, organisation: Organisation, action: Action) -> None:
    """Remove an action entered by mistake; one with progress reported is cancelled instead, never removed."""
    require(actor, MANAGE, action)
    if ProgressUpdate.objects.filter(action=action).exists():
        raise ConflictError(_("Progress has been reported on this action: set it to cancelled instead."))
    for model, _field in LINKS.values():
        for link in model.objects.filter(action=action):
            delete_as(link, actor)
    assessment = ChildImpactAssessment.objects.filter(action=action).first()
    if assessment:
        delete_as(assessment, actor)
    delete_as(action, actor)


@transaction.atomic
def partner_commitments_set(
    *, actor, organisation: Organisation, action: Action, commitments: dict[int, str]
) -> list[ActionPartner]:
    """Record what partners have committed to in an action (keyed by the partner actor's id)."""
    require(actor, EDIT, action)
    links = {link.actor_id: link for link in ActionPartner.objects.filter(action=action)}
    if not set(commitments) <= set(links):
        raise ValidationError({"partner_ids": _("Choose partners from your organisation's actors.")})
    changed = []
    for partner_id, commitment in commitments.items():
        link = links[partner_id]
        if link.commitment != commitment.strip():
            link.commitment = commitment.strip()
            changed.append(save_as(link, actor))
    return changed
