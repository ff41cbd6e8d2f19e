"""The history of one action, told as a person reads it: who changed what, when, from what to what.

Built from django-simple-history's rows of the action, its links (goals, partners,
principles, responsible people) and its child impact assessment, in a fixed number of
queries however long the history is.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from samskapa.actions.models import (
    Action,
    ActionGoal,
    ActionPartner,
    ActionPrinciple,
    ActionResponsible,
    ChildImpactAssessment,
    Currency,
    Funding,
    Status,
    TargetGroup,
)
from samskapa.actors.models import Actor
from samskapa.orgs.models import Organisation
from samskapa.strategy.models import FocusArea, Goal, Principle

TRACKED = (
    "title",
    "description",
    "focus_area",
    "lead",
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
    "is_published",
)
CHOICES = {"status": Status, "funding": Funding, "currency": Currency}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: str
    kind: str  # created, changed, status, linked, unlinked, assessment, deleted
    summary: str
    changes: list[Change] = field(default_factory=list)


def _who(record) -> str:
    user = record.history_user
    return user.get_full_name() if user else _("Samskapa")


def _shown(name: str, value: Any, names: dict) -> str:
    if value in (None, "", []):
        return "—"
    if name in CHOICES:
        try:
            return str(CHOICES[name](value).label)
        except ValueError:
            return str(value)
    if name == "target_groups":
        return ", ".join(str(TargetGroup(v).label) for v in value if v in TargetGroup.values)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return f"{value:,.2f}".replace(",", "\u202f")
    if name in ("focus_area", "lead"):
        return names[name].get(value, _("(removed)"))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _field_changes(before, after, names: dict) -> list[Change]:
    changes = []
    for name in TRACKED:
        attname = Action._meta.get_field(name).attname
        old, new = getattr(before, attname), getattr(after, attname)
        if old != new:
            label = str(Action._meta.get_field(name).verbose_name)
            changes.append(Change(label[:1].upper() + label[1:], _shown(name, old, names), _shown(name, new, names)))
    return changes


def _action_entries(records: list, names: dict) -> list[Entry]:
    entries, previous = [], None
    for record in records:
        if record.history_type == "+":
            entries.append(Entry(record.history_date, _who(record), "created", _("Created the action")))
        elif record.history_type == "-":
            entries.append(Entry(record.history_date, _who(record), "deleted", _("Removed the action")))
        elif previous is not None:
            changes = _field_changes(previous, record, names)
            if changes:
                status = previous.status != record.status
                summary = (
                    _("Status: %(old)s → %(new)s")
                    % {"old": _shown("status", previous.status, names), "new": _shown("status", record.status, names)}
                    if status
                    else _("Changed %(fields)s") % {"fields": ", ".join(c.label.lower() for c in changes)}
                )
                entries.append(
                    Entry(record.history_date, _who(record), "status" if status else "changed", summary, changes)
                )
        previous = record
    return entries


def _link_kinds():
    return [
        (ActionGoal, "goal_id", Goal, "text", _("goal")),
        (ActionPartner, "actor_id", Actor, "name", _("partner")),
        (ActionPrinciple, "principle_id", Principle, "name", _("principle")),
        (ActionResponsible, "user_id", None, None, _("responsible person")),
    ]


def _link_entries(organisation: Organisation, action: Action) -> list[Entry]:
    entries = []
    for model, key, target, label_field, noun in _link_kinds():
        rows = list(model.history.filter(action_id=action.pk).select_related("history_user").order_by("history_date"))
        ids = {getattr(r, key) for r in rows}
        if target is None:
            from samskapa.accounts.models import User

            titles = {u.pk: u.get_full_name() for u in User.objects.filter(pk__in=ids)}
        else:
            titles = dict(target.objects.filter(organisation=organisation, pk__in=ids).values_list("pk", label_field))
        for row in rows:
            title = str(titles.get(getattr(row, key), _("(removed)")))[:120]
            if row.history_type == "+":
                summary = _("Added %(what)s: %(name)s") % {"what": noun, "name": title}
            elif row.history_type == "-":
                summary = _("Removed %(what)s: %(name)s") % {"what": noun, "name": title}
            else:
                summary = _("Changed %(what)s: %(name)s") % {"what": noun, "name": title}
            entries.append(
                Entry(row.history_date, _who(row), "linked" if row.history_type == "+" else "unlinked", summary)
            )
    return entries


def _assessment_entries(action: Action) -> list[Entry]:
    rows = ChildImpactAssessment.history.filter(action_id=action.pk).select_related("history_user")
    entries, previous_state = [], None
    for row in rows.order_by("history_date"):
        if row.state == ChildImpactAssessment.State.COMPLETED and previous_state != row.state:
            summary = _("Completed the child impact assessment")
        else:
            summary = _("Saved the child impact assessment")
        entries.append(Entry(row.history_date, _who(row), "assessment", summary))
        previous_state = row.state
    return entries


def action_history(*, organisation: Organisation, action: Action) -> list[Entry]:
    """Newest first."""
    records = list(action.history.select_related("history_user").order_by("history_date", "history_id"))
    area_ids = {r.focus_area_id for r in records} - {None}
    lead_ids = {r.lead_id for r in records} - {None}
    names = {
        "focus_area": dict(
            FocusArea.objects.filter(organisation=organisation, pk__in=area_ids).values_list("pk", "title")
        ),
        "lead": dict(Actor.objects.filter(organisation=organisation, pk__in=lead_ids).values_list("pk", "name")),
    }
    entries = _action_entries(records, names) + _link_entries(organisation, action) + _assessment_entries(action)
    return sorted(entries, key=lambda e: e.when, reverse=True)
