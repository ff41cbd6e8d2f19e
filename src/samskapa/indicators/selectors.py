"""Reads for indicators and observations, always scoped to one organisation (404 alike for
missing and foreign), in a fixed number of queries however many indicators there are."""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, F, IntegerField, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from samskapa.core.access import access_in_organisation
from samskapa.indicators.models import (
    ONLINE_SOURCES,
    Area,
    FollowUpReport,
    Indicator,
    IndicatorGoal,
    Observation,
    Source,
)
from samskapa.indicators.periods import latest_due_period, period_label
from samskapa.indicators.sources import registry
from samskapa.indicators.status import Status
from samskapa.orgs.models import Organisation
from samskapa.strategy.models import Goal


def indicator_list(*, organisation: Organisation) -> QuerySet[Indicator]:
    goals = Goal.objects.select_related("focus_area__strategy").order_by("focus_area__order", "order")
    return (
        Indicator.objects.filter(organisation=organisation)
        .select_related("owner", "organisation")
        .prefetch_related(Prefetch("goals", queryset=goals), "focus_areas")
    )


# Worst first when sorted by status: what needs attention comes to the top.
STATUS_RANK = Case(
    When(status=Status.OFF_TRACK, then=Value(0)),
    When(status=Status.AT_RISK, then=Value(1)),
    When(status=Status.ON_TRACK, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def indicator_rows(*, organisation: Organisation, status: str = "", text: str = "") -> QuerySet[Indicator]:
    """The indicator list: each with its latest own value (a subquery, so a page reads only its rows).

    ``status`` filters on the stored status; ``text`` on the title. The goals are read for the rows
    of the page only (a prefetch runs on the slice the paginator takes).
    """
    latest = Observation.objects.filter(
        indicator=OuterRef("pk"), area_code=OuterRef("home_area"), sex="total", age="", origin=""
    ).order_by("-period_start", "-period_end")
    rows = (
        Indicator.objects.filter(organisation=organisation)
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_start=Subquery(latest.values("period_start")[:1]),
            latest_end=Subquery(latest.values("period_end")[:1]),
            status_rank=STATUS_RANK,
        )
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("focus_area__order", "order").only("text")))
    )
    if status in Status.values:
        rows = rows.filter(status=status)
    if text:
        rows = rows.filter(title__icontains=text)
    return rows


def has_online(*, organisation: Organisation) -> bool:
    """Whether any indicator's values are fetched (the list then offers to fetch them all)."""
    return Indicator.objects.filter(organisation=organisation).filter(source__in=ONLINE_SOURCES).exists()


def indicator_get(*, organisation: Organisation, indicator_id) -> Indicator:
    return access_in_organisation(indicator_list(organisation=organisation), organisation, pk=indicator_id)


def observation_get(*, organisation: Organisation, observation_id) -> Observation:
    return access_in_organisation(Observation.objects.select_related("indicator"), organisation, pk=observation_id)


def observation_list(
    *, organisation: Organisation, indicator: Indicator, areas: list[str] | None = None
) -> QuerySet[Observation]:
    queryset = Observation.objects.filter(organisation=organisation, indicator=indicator)
    if areas is not None:
        queryset = queryset.filter(area_code__in=areas)
    return queryset.select_related("entered_by").order_by("area_code", "period_start", "sex", "age", "origin")


def home_observations(*, organisation: Organisation, indicators) -> dict[int, list[Observation]]:
    """Each indicator's own values for everyone (no breakdown), oldest first: one query."""
    rows = (
        Observation.objects.filter(
            organisation=organisation,
            indicator__in=indicators,
            area_code=F("indicator__home_area"),
            sex="total",
            age="",
            origin="",
        )
        .only("indicator_id", "period_start", "period_end", "value", "source", "fetched_at")
        .order_by("indicator_id", "period_start", "period_end")
    )
    found: dict[int, list[Observation]] = defaultdict(list)
    for row in rows:
        found[row.indicator_id].append(row)
    return found


# Values entered by hand use the official municipality codes, which Kolada names.
NAME_SCHEMES: dict[str, str] = {Source.MANUAL: Source.KOLADA}
CODE_SHAPE = re.compile(r"^[A-Za-z0-9_\-+]{1,24}$")


def area_names(*, scheme: str, codes) -> dict[str, str]:
    scheme = NAME_SCHEMES.get(scheme, scheme)
    return dict(Area.objects.filter(scheme=scheme, code__in=list(codes)).values_list("code", "name"))


def areas_resolve(*, scheme: str, entries: list[str]) -> tuple[list[str], list[str]]:
    """Codes for what a person wrote (codes or names); and what could not be found.

    Sources whose areas we only learn on the first fetch (Statistics Finland, Eurostat)
    trust anything shaped like a code; Kolada and SCB know every Swedish area beforehand.
    """
    scheme = NAME_SCHEMES.get(scheme, scheme)
    codes: list[str] = []
    unknown: list[str] = []
    for entry in (e.strip() for e in entries):
        if not entry:
            continue
        areas = Area.objects.filter(scheme=scheme)
        code = (
            areas.filter(code=entry).values_list("code", flat=True).first()
            or areas.filter(name__iexact=entry).values_list("code", flat=True).first()
        )
        if code is None and not registry.knows_areas_beforehand(scheme) and CODE_SHAPE.match(entry):
            code = entry
        (codes if code else unknown).append(code or entry)
    return list(dict.fromkeys(codes)), unknown


@dataclass
class Reminder:
    """An indicator whose owner has not entered the value that was due."""

    indicator: Indicator
    period_start: date
    period_end: date
    due_on: date
    latest: date | None

    @property
    def period(self) -> str:
        return period_label(self.period_start, self.period_end)

    @property
    def days_late(self) -> int:
        return (timezone.localdate() - self.due_on).days


def reminder_list(*, organisation: Organisation, today: date | None = None) -> list[Reminder]:
    """Indicators entered by hand whose latest due value is missing: one query for all."""
    today = today or timezone.localdate()
    indicators = list(
        Indicator.objects.filter(organisation=organisation, source=Source.MANUAL)
        .select_related("owner")
        .order_by("title")
    )
    latest = dict(
        Observation.objects.filter(organisation=organisation, indicator__in=indicators)
        .filter(area_code=F("indicator__home_area"))
        .order_by()
        .values("indicator_id")
        .annotate(latest=Max("period_end"))
        .values_list("indicator_id", "latest")
    )
    reminders = []
    for indicator in indicators:
        start, end = latest_due_period(indicator.frequency, until=today, due_days=indicator.due_days)
        seen = latest.get(indicator.pk)
        if seen is None or seen < end:
            due_on = end + timedelta(days=indicator.due_days)
            reminders.append(Reminder(indicator, start, end, due_on, seen))
    return reminders


@dataclass
class Reminders:
    """The first few late indicators and how many there are (a list page shows a handful)."""

    shown: list[Reminder]
    total: int

    def __bool__(self) -> bool:
        return self.total > 0


def reminders_first(*, organisation: Organisation, limit: int = 10, today: date | None = None) -> Reminders:
    """Like :func:`reminder_list`, in the database: the late indicators counted, the first ``limit``
    read. The due period depends on how often and how long after a value is due, so the filter is
    one condition per pair of those the organisation uses (a handful)."""
    today = today or timezone.localdate()
    manual = Indicator.objects.filter(organisation=organisation, source=Source.MANUAL)
    pairs = manual.order_by().values_list("frequency", "due_days").distinct()
    late = Q(pk__in=[])
    for frequency, due_days in pairs:
        _start, end = latest_due_period(frequency, until=today, due_days=due_days)
        late |= Q(frequency=frequency, due_days=due_days) & (Q(latest__isnull=True) | Q(latest__lt=end))
    seen = (
        Observation.objects.filter(indicator=OuterRef("pk"), area_code=OuterRef("home_area"))
        .order_by()
        .values("indicator")
        .annotate(latest=Max("period_end"))
        .values("latest")
    )
    rows = manual.annotate(latest=Subquery(seen)).filter(late).select_related("owner").order_by("title", "pk")
    total = rows.count()
    shown = []
    for indicator in rows[:limit] if total else []:
        start, end = latest_due_period(indicator.frequency, until=today, due_days=indicator.due_days)
        due_on = end + timedelta(days=indicator.due_days)
        shown.append(Reminder(indicator, start, end, due_on, indicator.latest))
    return Reminders(shown, total)


def goal_links(*, organisation: Organisation) -> QuerySet[IndicatorGoal]:
    return IndicatorGoal.objects.filter(organisation=organisation)


def follow_up_report_list(*, organisation: Organisation) -> QuerySet[FollowUpReport]:
    return FollowUpReport.objects.filter(organisation=organisation).select_related("strategy", "job")


def follow_up_report_get(*, organisation: Organisation, report_id) -> FollowUpReport:
    return access_in_organisation(FollowUpReport.objects.select_related("strategy"), organisation, pk=report_id)
