"""Import actions into a plan from an XLSX or CSV file with the export's columns.

Every row goes through the same services as the pages (permissions, the children rule,
validation), inside one transaction: when any row is wrong, every error is reported with
its line and column, and nothing is written. A row whose number is an action of the plan
updates it; a row without a number (or with a new one) adds an action.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samskapa.actions import spreadsheet as sheet
from samskapa.actions.models import Action, ActionPlan, Currency
from samskapa.actions.services.actions import MANAGE, action_create, action_update, actor_for_name
from samskapa.actors.models import Actor
from samskapa.core.errors import ApplicationError
from samskapa.core.tabular import table_read
from samskapa.orgs.models import Membership, Organisation
from samskapa.orgs.services import require
from samskapa.strategy.models import FocusArea, Goal, Principle

MAX_IMPORT_ROWS = 2000

# Where the services name a field, the file names a column.
FIELD_COLUMNS = {
    "focus_area_id": "focus_area",
    "lead_id": "lead",
    "goal_ids": "goals",
    "partner_ids": "partners",
    "principle_ids": "principles",
    "responsible_ids": "responsible",
}


@dataclass
class RowError:
    line: int | None
    column: str
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    created_actors: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _key(text: Any) -> str:
    return sheet._normal(text)


class _Lookups:
    """Names in the file to ids in the organisation, loaded once for the whole file."""

    def __init__(self, organisation: Organisation, plan: ActionPlan):
        areas = list(FocusArea.objects.filter(organisation=organisation, strategy_id=plan.strategy_id))
        self.areas = {_key(a.title): a.pk for a in areas}
        self.areas.update({str(position): a.pk for position, a in enumerate(areas, start=1)})
        self.areas.update({_key(f"{position}. {a.title}"): a.pk for position, a in enumerate(areas, start=1)})
        goals = Goal.objects.filter(organisation=organisation, focus_area__strategy_id=plan.strategy_id)
        self.goals = {_key(g.text): g.pk for g in goals}
        self.actors = {_key(a.name): a for a in Actor.objects.filter(organisation=organisation)}
        principles = Principle.objects.filter(organisation=organisation)
        self.principles = {_key(p.name): p.pk for p in principles} | {_key(p.code): p.pk for p in principles}
        members = Membership.objects.filter(organisation=organisation).select_related("user")
        self.people = {_key(m.user.email): m.user_id for m in members}
        self.actions = {a.number: a for a in Action.objects.filter(plan=plan)}
        self.statuses, self.funding = sheet.status_aliases(), sheet.funding_aliases()
        self.groups = sheet.target_group_aliases()


class _Row:
    """Turns one row's cells into the fields the services take, collecting every problem."""

    def __init__(self, values: dict[str, Any], lookups: _Lookups, adder):
        self.values, self.lookups, self.add_actor = values, lookups, adder
        self.problems: dict[str, str] = {}

    def read(self, key: str, parse):
        try:
            return parse(self.values.get(key))
        except sheet.CellError as error:
            self.problems[key] = str(error)
            return None

    def named(self, key: str, table: dict, message: str):
        name = str(self.values.get(key) or "").strip()
        if not name:
            self.problems[key] = _("This column must not be empty.")
            return None
        if _key(name) not in table:
            self.problems[key] = message % {"name": name}
            return None
        return table[_key(name)]

    def items(self, key: str, table: dict, message: str) -> list[int]:
        cell = str(self.values.get(key) or "").strip()
        names = [cell] if _key(cell) in table else sheet.split_items(cell)
        unknown = [n for n in names if _key(n) not in table]
        if unknown:
            self.problems[key] = message % {"name": "; ".join(unknown)}
        return [table[_key(n)] for n in names if _key(n) in table]

    def actor(self, name: str, *, lead: bool) -> Actor | None:
        found = self.lookups.actors.get(_key(name))
        if found is None and self.add_actor is not None:
            found = self.add_actor(name, lead=lead)
        return found


def _fields(row: _Row) -> dict[str, Any]:
    """The service fields of the columns present in the file; an empty cell empties the field."""
    look, values, out = row.lookups, row.values, {}
    if "title" in values:
        out["title"] = str(values.get("title") or "").strip()
        if not out["title"]:
            row.problems["title"] = _("This column must not be empty.")
    for key in ("description", "funding_note", "status_reason"):
        if key in values:
            out[key] = str(values.get(key) or "").strip()
    if "focus_area" in values:
        out["focus_area_id"] = row.named("focus_area", look.areas, _("The strategy has no focus area “%(name)s”."))
    if "goals" in values:
        out["goal_ids"] = row.items("goals", look.goals, _("The strategy has no goal “%(name)s”."))
    _actor_fields(row, out)
    for key, parse in (("start", sheet.parse_date), ("end", sheet.parse_date), ("budget", sheet.parse_money)):
        if key in values:
            out[key] = row.read(key, parse)
    if "currency" in values and values.get("currency"):
        out["currency"] = row.read("currency", lambda v: sheet.parse_choice(v, _currencies(), _("currency")))
    if "funding" in values:
        out["funding"] = row.read("funding", lambda v: sheet.parse_choice(v, look.funding, _("funding source")))
    if "target_groups" in values:
        out["target_groups"] = row.read("target_groups", lambda v: _groups(v, look.groups))
    if "affects_children" in values:
        out["affects_children"] = row.read("affects_children", sheet.parse_yes_no)
    if "principles" in values:
        out["principle_ids"] = row.items("principles", look.principles, _("There is no principle “%(name)s”."))
    if "status" in values and values.get("status"):
        out["status"] = row.read("status", lambda v: sheet.parse_choice(v, look.statuses, _("status")))
    if "percent_complete" in values and values.get("percent_complete") not in (None, ""):
        out["percent_complete"] = row.read("percent_complete", sheet.parse_percent)
    if "responsible" in values:
        message = _("%(name)s is not a member of the organisation.")
        out["responsible_ids"] = row.items("responsible", look.people, message)
    return out


def _actor_fields(row: _Row, out: dict) -> None:
    if "lead" in row.values:
        name = str(row.values.get("lead") or "").strip()
        lead = row.actor(name, lead=True) if name else None
        if not name:
            row.problems["lead"] = _("This column must not be empty.")
        elif lead is None:
            row.problems["lead"] = _("There is no actor called “%(name)s”.") % {"name": name}
        else:
            out["lead_id"] = lead.pk
    if "partners" in row.values:
        names = sheet.split_items(row.values.get("partners"))
        partners = [(n, row.actor(n, lead=False)) for n in names]
        if unknown := [n for n, found in partners if found is None]:
            row.problems["partners"] = _("There is no actor called “%(name)s”.") % {"name": "; ".join(unknown)}
        out["partner_ids"] = [found.pk for _n, found in partners if found is not None]


def _currencies() -> dict[str, str]:
    return {sheet._normal(code): code for code in Currency.values}


def _groups(value, aliases) -> list[str]:
    return [sheet.parse_choice(item, aliases, _("target group")) for item in sheet.split_items(value)]


def _errors_of(line: int, error: ValidationError | ApplicationError) -> list[RowError]:
    labels = {column.key: str(column.label) for column in sheet.COLUMNS}
    if isinstance(error, ApplicationError):
        return [RowError(line, "", error.message)]
    found = []
    for name, messages in getattr(error, "message_dict", {"": error.messages}).items():
        column = FIELD_COLUMNS.get(name, name)
        found += [RowError(line, labels.get(column, ""), str(m)) for m in messages]
    return found


def _actor_adder(*, actor, organisation: Organisation, lookups: _Lookups, result: ImportResult):
    """Adds actors the registry lacks, and remembers them for the rows after."""

    def add(name: str, *, lead: bool) -> Actor:
        new = actor_for_name(actor=actor, organisation=organisation, name=name, lead=lead)
        lookups.actors[_key(name)] = new
        result.created_actors.append(new.name)
        return new

    return add


def _check_header(mapping: dict[str, str]) -> None:
    present = set(mapping.values())
    labels = {column.key: str(column.label) for column in sheet.COLUMNS}
    if missing := [labels[key] for key in sheet.REQUIRED if key not in present]:
        raise ApplicationError(
            _("The file lacks these columns: %(columns)s. Start from an exported action plan.")
            % {"columns": ", ".join(missing)}
        )


def plan_import(
    *,
    actor,
    organisation: Organisation,
    plan: ActionPlan,
    content: bytes,
    filename: str,
    create_actors: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Add and update the plan's actions from a file; all rows or none. ``dry_run`` only checks."""
    require(actor, MANAGE, plan)
    table = table_read(content, filename=filename, max_rows=MAX_IMPORT_ROWS)
    mapping, unknown = sheet.column_keys(table.header)
    _check_header(mapping)
    result = ImportResult(ignored_columns=unknown, dry_run=dry_run)
    with transaction.atomic():
        lookups = _Lookups(organisation, plan)
        adder = _actor_adder(actor=actor, organisation=organisation, lookups=lookups, result=result)
        seen: dict[int, int] = {}
        for line, cells in table.numbered():
            values = {mapping[h]: v for h, v in cells.items() if h in mapping}
            _import_row(
                actor, organisation, plan, line, values, lookups, adder if create_actors else None, seen, result
            )
        if result.errors or dry_run:
            transaction.set_rollback(True)
    return result


def _import_row(actor, organisation, plan, line, values, lookups, adder, seen, result: ImportResult) -> None:
    labels = {column.key: str(column.label) for column in sheet.COLUMNS}
    row = _Row(values, lookups, adder)
    number = row.read("number", sheet.parse_number)
    if number is not None and number in seen:
        row.problems["number"] = _("Number %(n)s is also on line %(line)s.") % {"n": number, "line": seen[number]}
    elif number is not None:
        seen[number] = line
    fields = _fields(row)
    if row.problems:
        result.errors += [RowError(line, labels.get(k, k), m) for k, m in row.problems.items()]
        return
    existing = lookups.actions.get(number) if number is not None else None
    try:
        if existing is not None:
            action_update(actor=actor, organisation=organisation, action=existing, **fields)
            result.updated += 1
        else:
            action_create(actor=actor, organisation=organisation, plan=plan, number=number, **fields)
            result.created += 1
    except (ValidationError, ApplicationError) as error:
        result.errors += _errors_of(line, error)
