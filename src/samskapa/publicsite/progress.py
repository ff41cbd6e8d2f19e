"""Reads for the public pages of the action plan, the indicators, the consultations and "you said,
we did": only published rows of one organisation, their texts in the reader's language.

Each read costs a fixed number of queries whatever the number of rows (the translations of a
whole page come with one query), so a large plan is as quick to show as a small one.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, F, Model, Prefetch, QuerySet, Sum, When

from samskapa.actions.models import Action, ProgressUpdate
from samskapa.cocreation.models import Consultation, Finding, FindingDecision, Participation, Survey
from samskapa.indicators import charts
from samskapa.indicators.models import Indicator
from samskapa.indicators.series import indicator_views
from samskapa.orgs.models import Organisation
from samskapa.publicsite.selectors import localise_snapshot, public_strategy_list
from samskapa.publicsite.texts import Text, lookup, row_units


def localised_texts(*, organisation: Organisation, rows: list[Model], language: str) -> dict[tuple, Text]:
    """The translatable texts of live rows in ``language``, by (model label, pk, field): one query."""
    written = {(type(row), row.pk): getattr(row, "language", "") or organisation.default_language for row in rows}
    units = [unit for row in rows for unit in row_units(row)]
    found = lookup(organisation=organisation, units=units, language=language)
    return {
        (unit.model._meta.label_lower, unit.object_id, unit.field): found.text(
            unit, written.get((unit.model, unit.object_id), organisation.default_language)
        )
        for unit in units
    }


@dataclass
class Shown:
    """A published row with its texts in the reader's language (``texts.title`` and so on)."""

    obj: Any
    texts: dict[str, Text]
    extra: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        # Templates read ``item.title`` for the text and ``item.obj.status`` for the rest.
        try:
            return self.__dict__["texts"][name]
        except KeyError as missing:
            raise AttributeError(name) from missing

    @property
    def fallbacks(self) -> int:
        return sum(text.fallback for text in self.texts.values() if text)


def shown(obj: Model, texts: dict[tuple, Text], **extra) -> Shown:
    label = obj._meta.label_lower
    names = getattr(type(obj), "TRANSLATABLE_FIELDS", ())
    return Shown(obj, {name: texts[(label, obj.pk, name)] for name in names}, extra)


@dataclass
class PublicAreas:
    """The focus areas and goals of the published strategies (as adopted), in one language, by id."""

    areas: dict[int, dict] = field(default_factory=dict)
    goals: dict[int, dict] = field(default_factory=dict)


def public_areas(*, organisation: Organisation, language: str) -> PublicAreas:
    """The focus areas of every published strategy (as adopted), in ``language``, by id."""
    found = PublicAreas()
    for published in public_strategy_list(organisation=organisation):
        localised = localise_snapshot(
            organisation=organisation, strategy_id=published.pk, content=published.version.snapshot, language=language
        )
        for order, area in enumerate(localised.data["focus_areas"], start=1):
            found.areas.setdefault(area["id"], {**area, "order": order})
            for goal in area.get("goals", []):
                found.goals.setdefault(goal["id"], {**goal, "area": area})
    return found


# The action plan


def public_action_queryset(organisation: Organisation) -> QuerySet[Action]:
    updates = ProgressUpdate.objects.filter(is_published=True).order_by("-date", "-created_at")
    return (
        Action.objects.filter(organisation=organisation, is_published=True)
        .select_related("plan")
        .prefetch_related(Prefetch("progress_updates", queryset=updates, to_attr="public_updates"))
        .order_by("focus_area_id", "plan_id", "number", "pk")
    )


def public_actions(*, organisation: Organisation, language: str, rows: list[Action]) -> list[Shown]:
    """The actions with their texts and their latest published progress update."""
    actions = rows
    updates = [a.public_updates[0] for a in actions if a.public_updates]
    texts = localised_texts(organisation=organisation, rows=[*actions, *updates], language=language)
    return [shown(a, texts, update=shown(a.public_updates[0], texts) if a.public_updates else None) for a in actions]


def group_by_area(items: list[Shown], areas: dict[int, dict]) -> list[tuple[dict | None, list[Shown]]]:
    """Items in the order given, grouped under their (public) focus area; the rest last, untitled."""
    groups: dict[int | None, list[Shown]] = {}
    for item in items:
        area_id = item.obj.focus_area_id if item.obj.focus_area_id in areas else None
        groups.setdefault(area_id, []).append(item)
    ordered = sorted(groups, key=lambda key: (key is None, areas[key]["order"] if key is not None else 0))
    return [(areas[key] if key is not None else None, groups[key]) for key in ordered]


def action_summary(*, organisation: Organisation) -> dict[str, Any]:
    """How many published actions there are per status, and how far they are on average."""
    rows = Action.objects.filter(organisation=organisation, is_published=True)
    counts = dict(rows.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    total = sum(counts.values())
    percent = rows.aggregate(total=Sum("percent_complete"))["total"] or 0
    by_status = [(label, counts[code]) for code, label in Action._meta.get_field("status").choices if counts.get(code)]
    return {"counts": by_status, "total": total, "average": round(percent / total) if total else 0}


# The indicators


def public_indicator_queryset(organisation: Organisation) -> QuerySet[Indicator]:
    return Indicator.objects.filter(organisation=organisation, is_published=True).order_by("title", "pk")


def public_indicators(*, organisation: Organisation, language: str, rows: list[Indicator]) -> list[Shown]:
    """The indicators with their own series (values for everyone in the municipality) and status."""
    indicators = rows
    texts = localised_texts(organisation=organisation, rows=indicators, language=language)
    views = indicator_views(organisation=organisation, indicators=indicators)
    return [shown(view.indicator, texts, view=view) for view in views]


def indicator_chart(item: Shown) -> dict:
    """The chart of one indicator with its values as table rows, its words in the reader's language."""
    indicator, view = item.obj, item.extra["view"]
    unit = str(item.unit) if item.unit else ""
    svg = charts.line_chart(
        series=[view.home],
        title=str(item.title),
        unit=unit,
        decimals=indicator.decimals,
        baseline=indicator.baseline,
        target=indicator.target,
        chart_id=f"indicator-{indicator.pk}",
    )
    return {
        "svg": svg,
        "rows": charts.table_rows([view.home], indicator.decimals),
        "series": [view.home],
        "unit": unit,
        "chart_id": f"indicator-{indicator.pk}",
    }


# Consultations


def public_consultation_queryset(organisation: Organisation) -> QuerySet[Consultation]:
    """Published consultations, open ones first; cancelled ones are not shown."""
    surveys = Survey.objects.filter(is_published=True)
    return (
        Consultation.objects.filter(organisation=organisation, is_published=True)
        .exclude(status=Consultation.Status.CANCELLED)
        .prefetch_related(
            Prefetch("participation", queryset=Participation.objects.filter(count__gt=0).order_by("group")),
            Prefetch("survey", queryset=surveys),
        )
        .alias(
            rank=Case(
                When(status=Consultation.Status.OPEN, then=0),
                When(status=Consultation.Status.PLANNED, then=1),
                default=2,
            )
        )
        .order_by("rank", F("held_on").desc(nulls_last=True), "-pk")
    )


def public_survey(consultation: Consultation) -> Survey | None:
    """The consultation's published survey (prefetched), else None; the page links to it only while open."""
    try:
        survey = consultation.survey
    except Survey.DoesNotExist:
        return None
    return survey if survey.is_published else None


def public_consultations(*, organisation: Organisation, language: str, rows: list) -> list[Shown]:
    consultations = rows
    surveys = {c.pk: public_survey(c) for c in consultations}
    rows = [*consultations, *(s for s in surveys.values() if s)]
    texts = localised_texts(organisation=organisation, rows=rows, language=language)
    items = []
    for consultation in consultations:
        heard = [(row.get_group_display(), row.count) for row in consultation.participation.all()]
        survey = surveys[consultation.pk]
        items.append(
            shown(
                consultation,
                texts,
                heard=heard,
                total=sum(n for _g, n in heard),
                survey=shown(survey, texts) if survey else None,
            )
        )
    return items


# You said, we did


def public_finding_queryset(organisation: Organisation) -> QuerySet[Finding]:
    decisions = FindingDecision.objects.select_related(
        "action", "focus_area__strategy", "goal__focus_area__strategy"
    ).order_by("pk")
    return (
        Finding.objects.filter(organisation=organisation, is_published=True)
        .prefetch_related(Prefetch("decisions", queryset=decisions))
        .order_by("statement", "pk")
    )


def public_findings(*, organisation: Organisation, language: str, rows: list, public: PublicAreas) -> list[Shown]:
    """Each finding with what it led to. A decision is always named (a finding that led to a focus
    area of a strategy still in draft is decided all the same); it is linked only where what it
    names is public itself (an area of a published strategy, a published action)."""
    findings = rows
    actions = {d.action for f in findings for d in f.decisions.all() if d.action_id and d.action.is_published}
    texts = localised_texts(organisation=organisation, rows=[*findings, *actions], language=language)
    source = Decided(public, actions, texts, language, organisation.default_language)
    return [shown(f, texts, led_to=[source.led_to(d) for d in f.decisions.all()]) for f in findings]


@dataclass
class Decided:
    """Names what a decision led to: as published where it is public, else as written, unlinked."""

    public: PublicAreas
    actions: set
    texts: dict
    language: str
    default_language: str

    def led_to(self, decision: FindingDecision) -> tuple[str, Any, int | None]:
        """(kind, title or None when it may not be named, id to link to or None)."""
        if decision.focus_area_id in self.public.areas:
            return ("area", self.public.areas[decision.focus_area_id]["title"], decision.focus_area_id)
        if decision.goal_id in self.public.goals:
            goal = self.public.goals[decision.goal_id]
            return ("goal", goal["text"], goal["area"]["id"])
        if decision.action in self.actions:
            return ("action", self.texts[("actions.action", decision.action_id, "title")], decision.action_id)
        if (focus_area := decision.focus_area) is not None:
            return ("area", self.as_written(focus_area.title, focus_area.strategy), None)
        if (live_goal := decision.goal) is not None:
            return ("goal", self.as_written(live_goal.text, live_goal.focus_area.strategy), None)
        # An action not published yet is named only as such: its plan is not public.
        return ("action", None, None)

    def as_written(self, value: str, row: Model) -> Text:
        """A text with no public translation, in the language its row records."""
        written_in = getattr(row, "language", "") or self.default_language
        return Text(value, written_in, fallback=written_in != self.language)
