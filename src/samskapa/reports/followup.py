"""The annual follow-up report of a strategy, as the council reads it: per focus area, the
indicators drawn against their targets (with the values as tables), the actions done,
ongoing and delayed, and the child impact assessments made in the year.

``followup_content`` gathers it (in the strategy's language); ``followup_pdf`` renders the
HTML template through WeasyPrint, ``followup_docx`` (in followup_docx.py) writes Word.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samskapa.actions.models import ChildImpactAssessment, Status
from samskapa.indicators import followup
from samskapa.indicators.charts import indicator_chart
from samskapa.indicators.series import IndicatorView, Series, comparison_series
from samskapa.orgs.models import Organisation
from samskapa.reports.pdf import render_pdf
from samskapa.strategy.models import Strategy

REPORT_PERIODS = 10  # values shown per indicator: the latest ten periods
CHART_SIZE = (640, 300)

Progress = Callable[[int, int, str], None]


def report_language(strategy) -> str:
    """The strategy's language if the interface speaks it, else English (labels only)."""
    known = {code for code, _name in settings.LANGUAGES}
    return strategy.language if strategy.language in known else "en"


@dataclass
class Chart:
    view: IndicatorView
    chart_id: str
    svg: SafeString
    series: list[Series]
    rows: list[dict]
    png: bytes = b""

    @property
    def indicator(self):
        return self.view.indicator


@dataclass
class Section:
    """One chapter: a focus area (or the indicators and actions linked to none)."""

    title: str
    area: followup.AreaFollowUp
    charts: list[Chart] = field(default_factory=list)
    assessments: list[ChildImpactAssessment] = field(default_factory=list)

    @property
    def done(self):
        return self.area.actions_with(Status.DONE)

    @property
    def ongoing(self):
        return self.area.actions_with(Status.ONGOING, Status.PLANNED)

    @property
    def delayed(self):
        return self.area.actions_with(Status.DELAYED, Status.CANCELLED)


@dataclass
class Content:
    organisation: Organisation
    strategy: Strategy
    year: int
    language: str
    title: str
    generated_on: date
    sections: list[Section]
    statuses: list[tuple[str, str, int]]
    facts: followup.YearFacts
    sources: list[str]

    @property
    def credits(self) -> list[tuple[str, str]]:
        """Each source's credit line as its terms ask for it ("Källa: Kolada"), with its language, once."""
        lines = {(c.indicator.source_credit, c.indicator.source_credit_language) for c in self.charts}
        return sorted(line for line in lines if line[0])

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]


def report_title(strategy, year: int) -> str:
    with translation.override(report_language(strategy)):
        return _("Follow-up %(year)s: %(strategy)s") % {"year": year, "strategy": strategy.title}


def _chart(organisation, view: IndicatorView, chart_id: str) -> Chart:
    indicator = view.indicator
    series = [
        Series(s.key, s.label, s.kind, s.points[-REPORT_PERIODS:])
        for s in comparison_series(organisation=organisation, indicator=indicator)
    ]
    drawn = indicator_chart(indicator, series, chart_id=chart_id, width=CHART_SIZE[0], height=CHART_SIZE[1])
    return Chart(view, chart_id, drawn["svg"], series, drawn["rows"])


def followup_content(*, organisation, strategy, year: int, progress: Progress | None = None) -> Content:
    """Everything the report shows, gathered in the strategy's language."""
    with translation.override(report_language(strategy)):
        state = followup.follow_up(organisation=organisation, strategy=strategy)
        facts = followup.year_facts(organisation=organisation, strategy=strategy, year=year)
        areas = [(f"{n}. {a.focus_area.title if a.focus_area else ''}", a) for n, a in enumerate(state.areas, start=1)]
        if state.unlinked.views or state.unlinked.actions:
            areas.append((_("Not linked to a focus area"), state.unlinked))
        total = sum(len(a.views) for _t, a in areas)
        sections, done = [], 0
        for number, (title, area) in enumerate(areas):
            section = Section(title, area)
            for view in area.views:
                section.charts.append(_chart(organisation, view, f"r{number}-{view.indicator.pk}"))
                done += 1
                if progress:
                    progress(done, total, view.indicator.title)
            ids = {a.pk for a in area.actions}
            section.assessments = [x for x in facts.assessments if x.action_id in ids]
            sections.append(section)
        sources = sorted({str(v.indicator.get_source_display()) for v in state.all_views})
        return Content(
            organisation=organisation,
            strategy=strategy,
            year=year,
            language=report_language(strategy),
            title=report_title(strategy, year),
            generated_on=timezone.localdate(),
            sections=sections,
            statuses=state.statuses,
            facts=facts,
            sources=sources,
        )


def followup_pdf(content: Content) -> bytes:
    return render_pdf("reports/followup.html", {"report": content}, language=content.language)
