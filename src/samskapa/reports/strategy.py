"""The strategy as a document a council could adopt: cover (title, organisation, period, state or
adoption decision), contents, vision, purpose, target groups, foundations, focus areas with their
statements, choices and goals, and the action plan as a table. PDF (WeasyPrint) and DOCX.

Both read one ``StrategyDocument``, made from a snapshot: the working copy's (``snapshot()`` of
the rows) or an adopted version's frozen one, so the export of version 2 says what the council
decided then. Labels are in the strategy's language. The action plan is the living one: its
actions as they stand today.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samskapa.actions.models import Action, ActionPlan
from samskapa.core.downloads import file_response
from samskapa.orgs.models import Organisation
from samskapa.reports.docx import docx_bullets, docx_bytes, docx_contents, docx_new, docx_table
from samskapa.reports.followup import report_language
from samskapa.reports.pdf import render_pdf
from samskapa.strategy import selectors
from samskapa.strategy.models import FrameworkCode, Strategy, StrategyVersion
from samskapa.strategy.versions import snapshot


@dataclass
class PlanTable:
    plan: ActionPlan
    rows: list[list[str]]


@dataclass
class StrategyDocument:
    organisation: Organisation
    strategy: Strategy
    content: dict[str, Any]  # the snapshot: title, vision, ..., focus_areas with goals
    language: str
    state: str
    adoption: str
    version_number: int | None
    generated_on: date
    plans: list[PlanTable] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.content.get("title") or self.strategy.title

    @property
    def period(self) -> str:
        start, end = self.content.get("period_start"), self.content.get("period_end")
        return f"{start}–{end}" if start and end else str(start or end or "")

    @property
    def header(self) -> list[str]:
        """The action table's headings, in the language active while rendering."""
        return action_table_header()

    @property
    def focus_areas(self) -> list[dict]:
        return [
            {**area, "framework_labels": [str(FrameworkCode(c).label) for c in area.get("framework_codes", [])]}
            for area in self.content.get("focus_areas", [])
        ]


def action_table_header() -> list[str]:
    return [_("No."), _("Action"), _("Focus area"), _("Lead"), _("Period"), _("Budget"), _("Status")]


def _money(action: Action) -> str:
    if action.budget is None:
        return ""
    whole = f"{action.budget:,.0f}".replace(",", "\u00a0")  # thin groups read the same in sv, fi, en
    return f"{whole} {action.currency}"


def _action_row(action: Action, area_titles: dict[int, str]) -> list[str]:
    area = area_titles.get(action.focus_area_id) or (action.focus_area.title if action.focus_area else "")
    span = " – ".join(d.isoformat() for d in (action.start, action.end) if d)  # en dash between, as in the plan
    status = action.get_status_display()
    if action.status not in ("planned", "done", "cancelled"):
        status = f"{status} ({action.percent_complete} %)"
    return [str(action.number), action.title, area, action.lead.name, span, _money(action), status]


def _plans(organisation, strategy, content) -> list[PlanTable]:
    area_titles = {area["id"]: area["title"] for area in content.get("focus_areas", [])}
    plans = ActionPlan.objects.filter(organisation=organisation, strategy=strategy).order_by("period_start", "pk")
    actions = (
        Action.objects.filter(organisation=organisation, plan__in=plans)
        .select_related("focus_area", "lead")
        .order_by("plan_id", "number")
    )
    by_plan: dict[int, list[Action]] = {}
    for action in actions:
        by_plan.setdefault(action.plan_id, []).append(action)
    return [PlanTable(plan, [_action_row(a, area_titles) for a in by_plan.get(plan.pk, [])]) for plan in plans]


def _adoption(adopted_by: str, adopted_on, reference: str) -> str:
    if not adopted_on:
        return ""
    text = _("Adopted by %(body)s on %(date)s") % {"body": adopted_by, "date": adopted_on.isoformat()}
    return f"{text} ({reference})" if reference else text


def strategy_document(*, organisation, strategy: Strategy, version: StrategyVersion | None = None) -> StrategyDocument:
    """What the document shows: the working copy, or ``version`` as it was adopted."""
    if version is not None:
        content = version.snapshot
        adoption = (version.adopted_by, version.adopted_on, version.decision_reference)
    else:
        full = selectors.strategy_get_full(organisation=organisation, strategy_id=strategy.pk)
        content = snapshot(full)
        adoption = (strategy.adopted_by, strategy.adopted_on, strategy.decision_reference)
    language = report_language(strategy)
    with translation.override(language):
        state = str(Strategy.Status.ADOPTED.label) if version else strategy.get_status_display()
        return StrategyDocument(
            organisation=organisation,
            strategy=strategy,
            content=content,
            language=language,
            state=state,
            adoption=_adoption(*adoption),
            version_number=version.number if version else None,
            generated_on=timezone.localdate(),
            plans=_plans(organisation, strategy, content),
        )


def strategy_pdf(document: StrategyDocument) -> bytes:
    return render_pdf("reports/strategy.html", {"doc": document}, language=document.language)


def strategy_docx(document: StrategyDocument) -> bytes:
    with translation.override(document.language):
        docx = docx_new(title=document.title, language=document.language)
        docx.add_paragraph(document.organisation.name)
        docx.add_heading(document.title, level=0)
        for line in _cover_lines(document):
            docx.add_paragraph(line)
        docx_contents(docx, _("Contents"))
        content = document.content
        for heading, key in ((_("Vision"), "vision"), (_("Purpose"), "purpose"), (_("Target groups"), "target_groups")):
            if content.get(key):
                docx.add_heading(heading, level=1)
                for paragraph in content[key].split("\n\n"):
                    docx.add_paragraph(paragraph.strip())
        if content.get("foundations"):
            docx.add_heading(_("Foundations"), level=1)
            docx_bullets(docx, content["foundations"])
        docx.add_heading(_("Focus areas"), level=1)
        for number, area in enumerate(document.focus_areas, start=1):
            _docx_area(docx, number, area)
        _docx_plans(docx, document)
        return docx_bytes(docx)


def _cover_lines(document: StrategyDocument) -> list[str]:
    lines = []
    if document.period:
        lines.append(_("Period: %(period)s") % {"period": document.period})
    if document.version_number:
        lines.append(_("Version %(n)s") % {"n": document.version_number})
    lines.append(_("State: %(state)s") % {"state": document.state})
    if document.adoption:
        lines.append(document.adoption)
    lines.append(_("Made on %(date)s with Samskapa.") % {"date": document.generated_on.isoformat()})
    if document.organisation.is_demo:
        lines.append(_("This organisation holds demo data, made up for trying the software."))
    return lines


def _docx_area(docx, number: int, area: dict) -> None:
    docx.add_heading(f"{number}. {area['title']}", level=2)
    for key in ("summary", "description"):
        if area.get(key):
            docx.add_paragraph(area[key])
    if area["framework_labels"]:
        docx.add_paragraph(_("Framework areas: %(areas)s") % {"areas": ", ".join(area["framework_labels"])})
    lists = (
        (_("We want"), area.get("we_want")),
        (_("We will"), area.get("we_will")),
        (_("Strategic choices"), area.get("strategic_choices")),
    )
    for heading, items in lists:
        if items:
            docx.add_heading(heading, level=3)
            docx_bullets(docx, items)
    if area.get("goals"):
        docx.add_heading(_("Goals"), level=3)
        docx_bullets(
            docx,
            [f"{g['text']} ({_('target')}: {g['target']})" if g.get("target") else g["text"] for g in area["goals"]],
        )


def _docx_plans(docx, document: StrategyDocument) -> None:
    docx.add_heading(_("Action plan"), level=1)
    if not document.plans:
        docx.add_paragraph(_("No action plan yet."))
    for table in document.plans:
        plan = table.plan
        docx.add_heading(f"{plan.title} ({plan.period_start.isoformat()} – {plan.period_end.isoformat()})", level=2)
        if table.rows:
            docx_table(docx, action_table_header(), table.rows)
        else:
            docx.add_paragraph(_("No actions yet."))


EXPORTS = {"pdf": strategy_pdf, "docx": strategy_docx}


def strategy_download(*, organisation, strategy: Strategy, kind: str, version: StrategyVersion | None = None):
    """The strategy (or one adopted version) as a PDF or DOCX download."""
    document = strategy_document(organisation=organisation, strategy=strategy, version=version)
    title = document.title if version is None else f"{document.title} v{version.number}"
    return file_response(EXPORTS[kind](document), title=title, extension=kind)
