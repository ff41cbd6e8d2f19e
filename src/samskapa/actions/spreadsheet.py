"""The action plan as a table: the columns written to XLSX/CSV and read back from them.

Export and import share one list of columns, so a file exported can be edited and imported
again. Headings are written in the reader's language and recognised in Swedish, Finnish and
English alike; values (statuses, funding sources, target groups, yes/no) likewise. Lists
(goals, partners, ...) are one item per line inside the cell.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.actions.models import Action, Funding, ProgressUpdate, Status, TargetGroup
from samskapa.core.downloads import streaming_file_response, temporary_file_response
from samskapa.core.errors import ApplicationError
from samskapa.core.tabular import Sheet, csv_chunks, xlsx_file

LANGUAGES = ("sv", "fi", "en")


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # a lazy translation
    width: int = 18
    export_only: bool = False


COLUMNS = [
    Column("number", gettext_lazy("No."), 6),
    Column("title", gettext_lazy("Title"), 40),
    Column("description", gettext_lazy("Description"), 50),
    Column("focus_area", gettext_lazy("Focus area"), 28),
    Column("goals", gettext_lazy("Goals"), 40),
    Column("lead", gettext_lazy("Lead"), 28),
    Column("partners", gettext_lazy("Partners"), 30),
    Column("start", gettext_lazy("Start"), 12),
    Column("end", gettext_lazy("End"), 12),
    Column("budget", gettext_lazy("Budget"), 14),
    Column("currency", gettext_lazy("Currency"), 9),
    Column("funding", gettext_lazy("Funding source"), 24),
    Column("funding_note", gettext_lazy("About the funding"), 28),
    Column("target_groups", gettext_lazy("Target groups"), 26),
    Column("affects_children", gettext_lazy("Affects children"), 10),
    Column("principles", gettext_lazy("Principles"), 30),
    Column("status", gettext_lazy("Status"), 12),
    Column("status_reason", gettext_lazy("Reason for the status"), 30),
    Column("percent_complete", gettext_lazy("Percent complete"), 10),
    Column("responsible", gettext_lazy("Responsible people (email)"), 30),
    Column("assessment", gettext_lazy("Child impact assessment"), 16, export_only=True),
    Column("latest_progress", gettext_lazy("Latest progress"), 50, export_only=True),
]
REQUIRED = ("title", "focus_area", "lead")


def lines(values: Iterable[Any]) -> str:
    return "\n".join(str(v) for v in values)


def row_of(action: Action) -> list[Any]:
    """One action as the exported row (reads what ``selectors.action_export_list`` prefetched)."""
    values = {
        "number": action.number,
        "title": action.title,
        "description": action.description,
        "focus_area": action.focus_area.title if action.focus_area else "",
        "goals": lines(goal.text for goal in action.goals.all()),
        "lead": action.lead.name,
        "partners": lines(link.actor.name for link in action.partner_links.all()),
        "start": action.start,
        "end": action.end,
        "budget": action.budget,
        "currency": action.currency if action.budget is not None else "",
        "funding": action.get_funding_display() if action.funding else "",
        "funding_note": action.funding_note,
        "target_groups": lines(action.get_target_groups_display()),
        "affects_children": action.affects_children,
        "principles": lines(p.name for p in action.principles.all()),
        "status": action.get_status_display(),
        "status_reason": action.status_reason,
        "percent_complete": action.percent_complete,
        "responsible": lines(link.user.email for link in action.responsible_links.all()),
        "assessment": _assessment_state(action),
        "latest_progress": _latest(action),
    }
    return [values[column.key] for column in COLUMNS]


def _latest(action: Action) -> str:
    text = getattr(action, "latest_progress_text", None)
    return f"{action.latest_progress_date.isoformat()}: {text}" if text else ""


def _assessment_state(action: Action) -> str:
    from samskapa.actions.selectors import assessment_of

    assessment = assessment_of(action)
    if assessment is not None:
        return str(assessment.get_state_display())
    return _("Missing") if action.affects_children else ""


def header() -> list[str]:
    return [str(column.label) for column in COLUMNS]


PROGRESS_HEADER = (
    gettext_lazy("No."),
    gettext_lazy("Action"),
    gettext_lazy("Date"),
    gettext_lazy("Status"),
    gettext_lazy("Percent complete"),
    gettext_lazy("What happened"),
    gettext_lazy("Reported by"),
)


# Rows fetched from the database at a time when writing a file: memory stays flat at any size; each
# chunk costs its own few prefetch queries (partners, goals, principles, responsible people).
CHUNK = 1000


def _progress_rows(updates: Iterable[ProgressUpdate]) -> Iterator[list[Any]]:
    for u in updates:
        yield [
            u.action.number,
            u.action.title,
            u.date,
            u.get_status_display(),
            u.percent_complete,
            u.text,
            u.author.get_short_name() if u.author else "",
        ]


def _sheets(plan_title: str, actions: Iterable[Action], updates: Iterable[ProgressUpdate]) -> list[Sheet]:
    """The actions on the first sheet (the one import reads), their progress updates on the second."""
    widths = {index: column.width for index, column in enumerate(COLUMNS)}
    return [
        Sheet(plan_title, header(), (row_of(action) for action in actions), widths),
        Sheet(_("Progress updates"), [str(h) for h in PROGRESS_HEADER], _progress_rows(updates), {1: 40, 5: 60}),
    ]


def plan_download(organisation, plan, *, kind: str, language: str, filters=None) -> HttpResponseBase:
    """The plan (narrowed by ``filters``) as an XLSX or CSV download, headings in ``language``.

    Both stream at flat memory whatever the plan's size: the actions are read ``CHUNK`` at a time;
    the CSV is sent as it is written, the XLSX is written to a temporary file and sent from it.
    """
    from samskapa.actions import selectors

    if kind not in ("xlsx", "csv"):
        raise ApplicationError(_("Choose xlsx or csv."))
    language = language if language in LANGUAGES else "en"
    actions = selectors.action_export_list(organisation=organisation, plan=plan, filters=filters)
    rows = actions.iterator(chunk_size=CHUNK)
    # The streamed body is drawn in the language active here (core.downloads.in_language).
    with translation.override(language):
        if kind == "csv":
            chunks = csv_chunks(header(), (row_of(action) for action in rows))
            return streaming_file_response(chunks, title=plan.title, extension="csv")
        updates = selectors.progress_list(organisation=organisation, plan=plan).iterator(chunk_size=CHUNK)
        content = xlsx_file(_sheets(plan.title, rows, updates))
        return temporary_file_response(content, title=plan.title, extension="xlsx")


# reading


def _normal(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def _in_every_language(label) -> set[str]:
    names = set()
    for language in LANGUAGES:
        with translation.override(language):
            names.add(_normal(str(label)))
    return names


def column_keys(headings: list[str]) -> tuple[dict[str, str], list[str]]:
    """Which column each heading is (in any of the three languages), and the headings we do not know."""
    known = {}
    for column in COLUMNS:
        for name in _in_every_language(column.label) | {column.key}:
            known[name] = column.key
    mapping, unknown = {}, []
    for heading in headings:
        key = known.get(_normal(heading))
        if key is None:
            unknown.append(heading)
        else:
            mapping[heading] = key
    return mapping, unknown


def choice_aliases(choices, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Codes and labels in sv, fi and en, all pointing at the code."""
    aliases = {_normal(code): code for code, _label in choices}
    for code, label in choices:
        aliases.update(dict.fromkeys(_in_every_language(label), code))
    aliases.update({_normal(k): v for k, v in (extra or {}).items()})
    return aliases


FUNDING_SHORT = {"AMIF": Funding.AMIF, "ESF+": Funding.ESF, "ESF": Funding.ESF, "EU": Funding.EU_OTHER}
YES = {"yes", "y", "ja", "j", "kyllä", "k", "true", "1", "x"}
NO = {"no", "n", "nej", "ei", "false", "0", ""}


class CellError(ValueError):
    """A cell that cannot be read; the message says what to write instead."""


def split_items(value: Any) -> list[str]:
    text = str(value or "").strip()
    if not text:
        return []
    parts = text.splitlines() if "\n" in text else text.split(";")
    return [part.strip() for part in parts if part.strip()]


def parse_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date, no time)
        except ValueError:
            continue
    raise CellError(_("“%(value)s” is not a date: write it as 2025-03-31.") % {"value": text})


def parse_money(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0\u202f]|kr|sek|eur|€", "", str(value).casefold())
        if "," in text and "." in text:
            text = text.replace("," if text.index(",") < text.index(".") else ".", "")
        try:
            amount = Decimal(text.replace(",", "."))
        except InvalidOperation:
            amount = None
    if amount is None or not amount.is_finite():
        raise CellError(_("“%(value)s” is not an amount: write it as 125000.50.") % {"value": value})
    return amount.quantize(Decimal("0.01"))


def parse_percent(value: Any) -> int | None:
    if value in (None, ""):
        return None
    text = str(value).replace("%", "").strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        number = -1
    if isinstance(value, float) and 0 < value <= 1 and "%" not in str(value):
        number = value * 100  # Excel's percent format stores 40 % as 0.4
    if not 0 <= number <= 100:
        raise CellError(_("“%(value)s” is not a percentage from 0 to 100.") % {"value": value})
    return round(number)


def parse_yes_no(value: Any) -> bool:
    text = _normal(value)
    if isinstance(value, bool):
        return value
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(_("Write yes or no (not “%(value)s”).") % {"value": value})


def parse_choice(value: Any, aliases: dict[str, str], what: str) -> str:
    text = _normal(value)
    if not text:
        return ""
    if text not in aliases:
        raise CellError(_("“%(value)s” is not a known %(what)s.") % {"value": value, "what": what})
    return aliases[text]


def parse_number(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(float(str(value).strip()))
    except ValueError as error:
        raise CellError(_("“%(value)s” is not an action number.") % {"value": value}) from error
    if number < 1:
        raise CellError(_("“%(value)s” is not an action number.") % {"value": value})
    return number


Parser = Callable[[Any], Any]


def status_aliases() -> dict[str, str]:
    return choice_aliases(Status.choices)


def funding_aliases() -> dict[str, str]:
    return choice_aliases(Funding.choices, FUNDING_SHORT)


def target_group_aliases() -> dict[str, str]:
    return choice_aliases(TargetGroup.choices)
