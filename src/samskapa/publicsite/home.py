"""What the public home page shows at a glance: open surveys to answer, the latest decisions
("you said, we did"), how the actions are going and a few headline indicators.

Each part is a bounded read (a few rows, a fixed number of queries) so the home page costs the
same whatever the size of the organisation.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q

from samskapa.cocreation.models import Consultation, FindingDecision
from samskapa.orgs.models import Organisation
from samskapa.publicsite import progress

# How many of each the home page shows; the section pages list them all.
OPEN_SURVEYS = 3
LATEST_DECISIONS = 3
HEADLINE_INDICATORS = 4


@dataclass
class Home:
    """The parts of the home page; an empty part is left out of the page."""

    surveys: list[progress.Shown] = field(default_factory=list)
    decisions: list[progress.Shown] = field(default_factory=list)
    actions: dict[str, Any] = field(default_factory=dict)
    indicators: list[progress.Shown] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.surveys or self.decisions or self.actions.get("total") or self.indicators)

    @property
    def fallbacks(self) -> int:
        return sum(item.fallbacks for item in (*self.surveys, *self.decisions, *self.indicators))


def open_surveys(*, organisation: Organisation, language: str) -> list[progress.Shown]:
    """Open consultations whose published survey is open now, the newest first."""
    rows = list(
        progress.public_consultation_queryset(organisation)
        .filter(status=Consultation.Status.OPEN, survey__is_published=True, survey__status="open")
        .order_by("-pk")[:OPEN_SURVEYS]
    )
    return progress.public_consultations(organisation=organisation, language=language, rows=rows)


def latest_decisions(*, organisation: Organisation, language: str, public) -> list[progress.Shown]:
    """Published findings with an outcome or a decision, the most recently changed first."""
    decided = Q(outcome__gt="") | Exists(FindingDecision.objects.filter(finding=OuterRef("pk")))
    latest = progress.public_finding_queryset(organisation).filter(decided).order_by("-updated_at", "-pk")
    rows = list(latest[:LATEST_DECISIONS])
    return progress.public_findings(organisation=organisation, language=language, rows=rows, public=public)


def home_overview(*, organisation: Organisation, language: str, public) -> Home:
    first = list(progress.public_indicator_queryset(organisation)[:HEADLINE_INDICATORS])
    return Home(
        surveys=open_surveys(organisation=organisation, language=language),
        decisions=latest_decisions(organisation=organisation, language=language, public=public),
        actions=progress.action_summary(organisation=organisation),
        indicators=progress.public_indicators(organisation=organisation, language=language, rows=first),
    )
