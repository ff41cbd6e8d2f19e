"""Snapshots of a strategy and the comparison of two of them (pure functions, no queries)."""

from typing import Any

from django.utils.translation import gettext as _

from samskapa.strategy.models import FocusArea, Goal, Strategy

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


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def snapshot(strategy: Strategy) -> dict[str, Any]:
    """The strategy as JSON; reads ``focus_areas``/``goals``/``foundations`` prefetched by the caller."""
    return {
        **{field: _plain(getattr(strategy, field)) for field in STRATEGY_FIELDS},
        "foundations": [f.name for f in strategy.foundations.all()],
        "focus_areas": [
            {
                "id": area.pk,
                **{field: getattr(area, field) for field in FOCUS_AREA_FIELDS},
                "goals": [{"id": goal.pk, **{f: getattr(goal, f) for f in GOAL_FIELDS}} for goal in area.goals.all()],
            }
            for area in strategy.focus_areas.all()
        ],
    }


def _kind(old, new) -> str:
    if old == new:
        return "same"
    if old in (None, "", []):
        return "added"
    if new in (None, "", []):
        return "removed"
    return "changed"


def _field_changes(model, fields, old: dict, new: dict) -> list[dict[str, Any]]:
    changes = []
    for name in fields:
        before, after = old.get(name), new.get(name)
        kind = _kind(before, after)
        if kind == "same":
            continue
        change = {"field": name, "label": str(model._meta.get_field(name).verbose_name), "kind": kind}
        if isinstance(before, list) or isinstance(after, list):
            before, after = before or [], after or []
            change["added_items"] = [item for item in after if item not in before]
            change["removed_items"] = [item for item in before if item not in after]
        change.update(old=before, new=after)
        changes.append(change)
    return changes


def _by_id(rows: list[dict]) -> dict:
    return {row["id"]: row for row in rows}


def _goal_changes(old_goals: list[dict], new_goals: list[dict]) -> list[dict[str, Any]]:
    old, new = _by_id(old_goals), _by_id(new_goals)
    changes = []
    for goal_id, goal in new.items():
        if goal_id not in old:
            changes.append({"kind": "added", "old": None, "new": goal})
        elif _field_changes(Goal, GOAL_FIELDS, old[goal_id], goal):
            changes.append({"kind": "changed", "old": old[goal_id], "new": goal})
    changes += [{"kind": "removed", "old": goal, "new": None} for goal_id, goal in old.items() if goal_id not in new]
    return changes


def compare(old: dict, new: dict) -> dict[str, Any]:
    """What changed from ``old`` to ``new``: fields, foundations, and per focus area and goal."""
    old_areas, new_areas = _by_id(old.get("focus_areas", [])), _by_id(new.get("focus_areas", []))
    areas = []
    for area_id, area in new_areas.items():
        before = old_areas.get(area_id)
        if before is None:
            areas.append({"title": area["title"], "kind": "added", "area": area, "fields": [], "goals": []})
            continue
        fields = _field_changes(FocusArea, FOCUS_AREA_FIELDS, before, area)
        goals = _goal_changes(before.get("goals", []), area.get("goals", []))
        kind = "changed" if fields or goals else "same"
        areas.append({"title": area["title"], "kind": kind, "area": area, "fields": fields, "goals": goals})
    for area_id, area in old_areas.items():
        if area_id not in new_areas:
            areas.append({"title": area["title"], "kind": "removed", "area": area, "fields": [], "goals": []})
    old_foundations, new_foundations = old.get("foundations", []), new.get("foundations", [])
    return {
        "fields": _field_changes(Strategy, STRATEGY_FIELDS, old, new),
        "foundations_added": [f for f in new_foundations if f not in old_foundations],
        "foundations_removed": [f for f in old_foundations if f not in new_foundations],
        "focus_areas": areas,
    }


def kind_label(kind: str) -> str:
    return {"added": _("Added"), "changed": _("Changed"), "removed": _("Removed"), "same": _("Unchanged")}[kind]
