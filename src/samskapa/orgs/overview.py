"""The organisation's overview: the figures a council member reads in ten seconds, each linking to the
list of exactly the items it counts, and the getting-started checklist of a new organisation.

It only composes the apps' own selectors (reads); a fixed number of queries whatever the data.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskapa.actions.models import OVERDUE, Status
from samskapa.actions.selectors import UNREPORTED, action_status_summary, shown_status_choices
from samskapa.actors.models import Actor
from samskapa.analysis.models import Document
from samskapa.cocreation.models import Consultation, Finding, Survey
from samskapa.cocreation.selectors import finding_undecided_list, participation_overview, survey_list
from samskapa.indicators.models import Indicator
from samskapa.indicators.status import Status as IndicatorStatus
from samskapa.publicsite.selectors import site_get
from samskapa.strategy.models import FocusArea

# How each figure is toned: a figure that needs someone's attention is marked, in words as well.
ACTION_TONES = {OVERDUE: "bad", Status.DELAYED: "bad", UNREPORTED: "warn", Status.DONE: "good"}
ACTION_ORDER = [OVERDUE, Status.DELAYED, UNREPORTED, Status.ONGOING, Status.PLANNED, Status.DONE, Status.CANCELLED]
INDICATOR_TONES = {"on_track": "good", "at_risk": "warn", "off_track": "bad"}


@dataclass
class Figure:
    label: str
    count: int
    url: str
    tone: str = ""


@dataclass
class Step:
    label: str
    done: bool
    url: str
    hint: str


@dataclass
class Overview:
    actions: list[Figure] = field(default_factory=list)
    action_total: int = 0
    indicators: list[Figure] = field(default_factory=list)
    indicator_total: int = 0
    groups_planned: int = 0
    groups_on_track: int = 0
    groups_short: list = field(default_factory=list)
    undecided: int = 0
    findings: int = 0
    surveys: list[Survey] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def started(self) -> bool:
        """Every step of getting started is done: the checklist gives way to the dashboard alone."""
        return all(step.done for step in self.steps)


def _url(name: str, organisation, query: str = "") -> str:
    return reverse(name, args=[organisation.slug]) + (f"?{query}" if query else "")


def action_figures(organisation) -> tuple[list[Figure], int]:
    counts = action_status_summary(organisation=organisation)
    labels = dict(shown_status_choices()) | {UNREPORTED: _("No progress report for six months")}
    figures = [
        Figure(
            str(labels[value]),
            counts[value],
            _url("actions:list", organisation, f"status={value}"),
            ACTION_TONES.get(value, ""),
        )
        for value in ACTION_ORDER
    ]
    total = sum(counts[value] for value, _label in shown_status_choices())
    return figures, total


def indicator_figures(organisation) -> tuple[list[Figure], int]:
    # Counted in the database from the stored status (indicators/standing.py): one query however many.
    counts = dict(
        Indicator.objects.filter(organisation=organisation)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    figures = [
        Figure(
            str(status.label),
            counts.get(status.value, 0),
            _url("indicators:index", organisation, f"status={status.value}"),
            INDICATOR_TONES.get(status.value, ""),
        )
        for status in IndicatorStatus
    ]
    return figures, sum(counts.values())


def getting_started(organisation) -> list[Step]:
    """The six steps of a first strategy, each ticked by the data itself (one query each)."""
    org = organisation
    checks = [
        (
            _("Upload your current documents"),
            Document.objects.filter(organisation=org).exists(),
            "analysis:documents",
            _("Strategies, plans and analyses you already have: the gap analysis reads them."),
        ),
        (
            _("Map the actors"),
            Actor.objects.filter(organisation=org).exists(),
            "actors:index",
            _("Departments, partners and groups: their influence, interest and how to engage them."),
        ),
        (
            _("Plan the consultations"),
            Consultation.objects.filter(organisation=org).exists(),
            "cocreation:consultations",
            _("Interviews, focus groups, workshops and surveys: who is heard, and how."),
        ),
        (
            _("Write the strategy"),
            FocusArea.objects.filter(organisation=org).exists(),
            "strategy:index",
            _("Vision, focus areas and goals, built on what people said."),
        ),
        (
            _("Add indicators"),
            Indicator.objects.filter(organisation=org).exists(),
            "indicators:index",
            _("How the goals are measured: from Kolada, Statistics Sweden or Finland, or by hand."),
        ),
        (
            _("Open the public site"),
            bool(site_get(organisation=org).is_public),
            "public-manage:overview",
            _("What residents read: the strategy, the actions and what was decided."),
        ),
    ]
    return [Step(str(label), done, _url(name, org), str(hint)) for label, done, name, hint in checks]


def overview(*, organisation) -> Overview:
    """Everything the overview page shows, for a member of the organisation."""
    result = Overview()
    result.actions, result.action_total = action_figures(organisation)
    result.indicators, result.indicator_total = indicator_figures(organisation)
    heard = participation_overview(organisation=organisation)
    planned = [g for g in heard.groups if g.target is not None]
    result.groups_planned = len(planned)
    result.groups_on_track = sum(1 for g in planned if g.status == "on_track")
    result.groups_short = [g for g in planned if g.status in ("behind", "not_heard")]
    result.undecided = finding_undecided_list(organisation=organisation).count()
    result.findings = Finding.objects.filter(organisation=organisation).count()
    result.surveys = list(survey_list(organisation=organisation).filter(status=Survey.Status.OPEN).order_by("-pk")[:5])
    result.steps = getting_started(organisation)
    return result
