"""Indicators and follow-up: indicators, observations, fetching, comparisons, reminders, catalogue."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Query, Router, Schema, Status
from pydantic import Field

from samskapa.api.pagination import Rows, paged
from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.core.types import OrgRequest
from samskapa.indicators import catalogue, selectors, series, services
from samskapa.indicators.models import Breakdown, Direction, Frequency, Indicator, Origin, Sex
from samskapa.indicators.sources.registry import MANUAL, SourceKey

router = Router(tags=["indicators"])
VIEW, CHANGE, ENTER = "indicators.view_indicators", "indicators.change_indicators", "indicators.enter_values"


class IndicatorOut(Schema):
    id: int
    title: str
    definition: str
    unit: str
    decimals: int
    direction: Direction
    frequency: Frequency
    breakdowns: list[Breakdown]
    source: SourceKey
    source_config: dict
    home_area: str
    reference_areas: list[str]
    national_area: str
    all_areas: bool
    baseline_year: int | None
    baseline_value: Decimal | None
    target_year: int | None
    target_value: Decimal | None
    goal_ids: list[int]
    focus_area_ids: list[int]
    owner_id: int | None
    due_days: int
    is_published: bool
    sync_status: str
    last_fetched_at: datetime | None
    last_error: str

    @staticmethod
    def resolve_goal_ids(obj):
        return [goal.pk for goal in obj.goals.all()]

    @staticmethod
    def resolve_focus_area_ids(obj):
        return [area.pk for area in obj.focus_areas.all()]


class IndicatorSummaryOut(IndicatorOut):
    latest_period: str | None
    latest_value: Decimal | None
    status: str


class IndicatorIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    definition: str = ""
    unit: str = Field("", max_length=40)
    decimals: int = Field(1, ge=0, le=6)
    direction: Direction
    frequency: Frequency = Frequency.YEAR
    breakdowns: list[Breakdown] = []
    source: SourceKey = SourceKey(MANUAL)
    source_config: dict = {}
    home_area: str = Field("", max_length=24)
    reference_areas: list[str] = []
    national_area: str | None = Field(None, max_length=24)
    all_areas: bool = False
    baseline_year: int | None = Field(None, ge=1900, le=2200)
    baseline_value: Decimal | None = None
    target_year: int | None = Field(None, ge=1900, le=2200)
    target_value: Decimal | None = None
    goal_ids: list[int] = []
    focus_area_ids: list[int] = []
    due_days: int = Field(90, ge=0, le=730)
    is_published: bool = False


class IndicatorPatch(PatchSchema):
    patches = (Indicator,)
    title: str | None = Field(None, min_length=1, max_length=300)
    definition: str | None = None
    unit: str | None = Field(None, max_length=40)
    decimals: int | None = Field(None, ge=0, le=6)
    direction: Direction | None = None
    frequency: Frequency | None = None
    breakdowns: list[Breakdown] | None = None
    source_config: dict | None = None
    home_area: str | None = Field(None, max_length=24)
    reference_areas: list[str] | None = None
    national_area: str | None = Field(None, max_length=24)
    all_areas: bool | None = None
    baseline_year: int | None = Field(None, ge=1900, le=2200)
    baseline_value: Decimal | None = None
    target_year: int | None = Field(None, ge=1900, le=2200)
    target_value: Decimal | None = None
    goal_ids: list[int] | None = None
    focus_area_ids: list[int] | None = None
    due_days: int | None = Field(None, ge=0, le=730)
    is_published: bool | None = None


class ObservationOut(Schema):
    id: int
    indicator_id: int
    area_code: str
    period: str
    period_start: date
    period_end: date
    sex: Sex
    age: str
    origin: Origin
    value: Decimal
    status: str
    source: str
    fetched_at: datetime
    previous_value: Decimal | None
    revised_at: datetime | None
    note: str


class ObservationIn(Schema):
    period: str = Field(min_length=4, max_length=20, description="2024, 2024Q1 or 2024-03")
    value: Decimal
    area_code: str = Field("", max_length=24, description="Empty for the indicator's own area")
    sex: Sex = Sex.TOTAL
    age: str = Field("", max_length=24)
    origin: Origin = Origin.ALL
    note: str = Field("", max_length=300)


class JobOut(Schema):
    id: int
    kind: str
    title: str
    status: str
    url: str


class ComparisonOut(Schema):
    area_code: str
    name: str
    kind: str
    period: str
    value: Decimal | None
    rank: int | None
    ranked_among: int


class ReminderOut(Schema):
    indicator_id: int
    title: str
    period: str
    due_on: date
    owner_email: str | None


class KpiOut(Schema):
    id: str
    title: str
    description: str
    is_divided_by_gender: bool
    municipality_type: str
    publication_date: str
    publ_period: str
    unit: str


class KpiAddIn(Schema):
    kpi: str = Field(min_length=6, max_length=6)
    goal_ids: list[int] = []


def _indicator(request, org_slug, indicator_id, capability=VIEW):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.indicator_get(organisation=organisation, indicator_id=indicator_id)


def _job(job) -> JobOut:
    url = f"/api/v1/orgs/{job.organisation.slug}/jobs/{job.pk}"
    return JobOut(id=job.pk, kind=job.kind, title=job.title, status=job.status, url=url)


def _summary(view):
    """The indicator, carrying its latest value and status for the summary schema."""
    indicator, latest = view.indicator, view.latest
    indicator.latest_period = latest.label if latest else None
    indicator.latest_value = latest.value if latest else None
    indicator.status = view.assessment.status.value
    return indicator


@router.get("/orgs/{org_slug}/indicators", response=list[IndicatorSummaryOut])
@paged
def indicator_list(request: OrgRequest, org_slug: str):
    """Every indicator with its latest value of our own area and its status against the target."""
    organisation = org_scope(request, org_slug, VIEW)

    def present(page):
        # latest values and status worked out for the page's indicators only
        return [_summary(v) for v in series.indicator_views(organisation=organisation, indicators=page)]

    return Rows(
        Indicator.objects.filter(organisation=organisation).order_by("title", "pk"),
        load=lambda ids: selectors.indicator_list(organisation=organisation).filter(pk__in=ids),
        present=present,
    )


@router.post("/orgs/{org_slug}/indicators", response={201: IndicatorOut})
def indicator_create(request: OrgRequest, org_slug: str, payload: IndicatorIn):
    organisation = org_scope(request, org_slug)
    data = payload.dict(exclude_none=True)
    links = {"goal_ids": data.pop("goal_ids"), "focus_area_ids": data.pop("focus_area_ids")}
    data["breakdowns"] = [str(b) for b in data["breakdowns"]]
    indicator = services.indicator_create(actor=request.user, organisation=organisation, **links, **data)
    return Status(201, selectors.indicator_get(organisation=organisation, indicator_id=indicator.pk))


@router.get("/orgs/{org_slug}/indicators/{indicator_id}", response=IndicatorOut)
def indicator_detail(request: OrgRequest, org_slug: str, indicator_id: int):
    return _indicator(request, org_slug, indicator_id)[1]


@router.patch("/orgs/{org_slug}/indicators/{indicator_id}", response=IndicatorOut)
def indicator_update(request: OrgRequest, org_slug: str, indicator_id: int, payload: IndicatorPatch):
    organisation, indicator = _indicator(request, org_slug, indicator_id)
    changes = payload.dict(exclude_unset=True)
    links = {"goal_ids": changes.pop("goal_ids", None), "focus_area_ids": changes.pop("focus_area_ids", None)}
    if changes.get("breakdowns") is not None:
        changes["breakdowns"] = [str(b) for b in changes["breakdowns"]]
    services.indicator_update(actor=request.user, organisation=organisation, indicator=indicator, **links, **changes)
    return selectors.indicator_get(organisation=organisation, indicator_id=indicator.pk)


@router.delete("/orgs/{org_slug}/indicators/{indicator_id}", response={204: None})
def indicator_delete(request: OrgRequest, org_slug: str, indicator_id: int):
    organisation, indicator = _indicator(request, org_slug, indicator_id)
    services.indicator_delete(actor=request.user, organisation=organisation, indicator=indicator)
    return Status(204, None)


@router.get("/orgs/{org_slug}/indicators/{indicator_id}/observations", response=list[ObservationOut])
@paged
def observation_list(
    request: OrgRequest,
    org_slug: str,
    indicator_id: int,
    area: str | None = None,
):
    """The indicator's values, by area and period (``area`` keeps one area)."""
    organisation, indicator = _indicator(request, org_slug, indicator_id)
    return selectors.observation_list(organisation=organisation, indicator=indicator, areas=[area] if area else None)


@router.post("/orgs/{org_slug}/indicators/{indicator_id}/observations", response={201: ObservationOut})
def observation_record(request: OrgRequest, org_slug: str, indicator_id: int, payload: ObservationIn):
    """Enter or correct one value (indicators entered by hand); the same cell is updated, with history."""
    organisation, indicator = _indicator(request, org_slug, indicator_id)
    data = {**payload.dict(), "sex": str(payload.sex), "origin": str(payload.origin)}
    return Status(
        201, services.observation_record(actor=request.user, organisation=organisation, indicator=indicator, **data)
    )


@router.delete("/orgs/{org_slug}/observations/{observation_id}", response={204: None})
def observation_delete(request: OrgRequest, org_slug: str, observation_id: int):
    organisation = org_scope(request, org_slug)
    observation = selectors.observation_get(organisation=organisation, observation_id=observation_id)
    services.observation_delete(actor=request.user, organisation=organisation, observation=observation)
    return Status(204, None)


@router.post("/orgs/{org_slug}/indicators/{indicator_id}/sync", response={202: JobOut})
def indicator_sync(request: OrgRequest, org_slug: str, indicator_id: int):
    """Fetch new values for one indicator, as background work (follow the job's progress)."""
    organisation, indicator = _indicator(request, org_slug, indicator_id)
    return Status(
        202, _job(services.indicator_sync_start(actor=request.user, organisation=organisation, indicator=indicator))
    )


@router.post("/orgs/{org_slug}/indicator-sync", response={202: JobOut})
def sync_all(request: OrgRequest, org_slug: str):
    """Fetch new values for every indicator with an online source, as background work."""
    organisation = org_scope(request, org_slug)
    return Status(202, _job(services.indicator_sync_start(actor=request.user, organisation=organisation)))


@router.get("/orgs/{org_slug}/indicators/{indicator_id}/comparison", response=list[ComparisonOut])
@paged
def comparison(request: OrgRequest, org_slug: str, indicator_id: int):
    """The latest value of our area, the areas compared with and the national figure; our rank if every
    municipality is fetched."""
    organisation, indicator = _indicator(request, org_slug, indicator_id)
    compared = series.comparison_series(organisation=organisation, indicator=indicator)
    rows, ranked = series.comparison_table(organisation=organisation, indicator=indicator, series=compared)
    return [
        ComparisonOut(
            area_code=r.code, name=r.name, kind=r.kind, period=r.period, value=r.value, rank=r.rank, ranked_among=ranked
        )
        for r in rows
    ]


@router.get("/orgs/{org_slug}/indicator-reminders", response=list[ReminderOut])
@paged
def reminders(request: OrgRequest, org_slug: str):
    """Indicators entered by hand whose value for the latest due period is missing."""
    organisation = org_scope(request, org_slug, CHANGE)
    return [
        ReminderOut(
            indicator_id=r.indicator.pk,
            title=r.indicator.title,
            period=r.period,
            due_on=r.due_on,
            owner_email=r.indicator.owner.email if r.indicator.owner else None,
        )
        for r in selectors.reminder_list(organisation=organisation)
    ]


@router.get("/orgs/{org_slug}/catalogue/kolada", response=list[KpiOut])
@paged
def kolada_search(request: OrgRequest, org_slug: str, q: str = Query(..., min_length=2, max_length=100)):
    """Kolada's KPIs whose title contains the words (asked live from Kolada)."""
    org_scope(request, org_slug, CHANGE)
    return [KpiOut(**{**kpi.__dict__, "unit": kpi.unit}) for kpi in catalogue.kolada_search(text=q)]


@router.post("/orgs/{org_slug}/catalogue/kolada", response={201: IndicatorOut})
def kolada_add(request: OrgRequest, org_slug: str, payload: KpiAddIn):
    """Add a Kolada KPI as an indicator; its values are fetched in the background."""
    organisation = org_scope(request, org_slug)
    indicator, _job = catalogue.kolada_indicator_add(
        actor=request.user, organisation=organisation, kpi_id=payload.kpi, goal_ids=payload.goal_ids
    )
    return Status(201, selectors.indicator_get(organisation=organisation, indicator_id=indicator.pk))


class ReportIn(Schema):
    strategy_id: int
    year: int = Field(ge=1990, le=2200)


class ReportOut(Schema):
    id: int
    strategy_id: int
    year: int
    language: str
    title: str
    ready: bool
    job_id: int | None
    pdf_url: str | None
    docx_url: str | None

    @staticmethod
    def resolve_ready(obj):
        return obj.is_ready

    @staticmethod
    def resolve_pdf_url(obj):
        return f"/o/{obj.organisation.slug}/indicators/reports/{obj.pk}/pdf/" if obj.is_ready else None

    @staticmethod
    def resolve_docx_url(obj):
        return f"/o/{obj.organisation.slug}/indicators/reports/{obj.pk}/docx/" if obj.is_ready else None


@router.get("/orgs/{org_slug}/follow-up-reports", response=list[ReportOut])
@paged
def report_list(request: OrgRequest, org_slug: str):
    """The annual follow-up reports written, newest first, with links to their PDF and DOCX."""
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.follow_up_report_list(organisation=organisation).select_related("organisation")


@router.post("/orgs/{org_slug}/follow-up-reports", response={202: ReportOut})
def report_start(request: OrgRequest, org_slug: str, payload: ReportIn):
    """Write the annual follow-up report of a strategy (PDF and DOCX) in the background."""
    from samskapa.strategy.selectors import strategy_get

    organisation = org_scope(request, org_slug)
    strategy = strategy_get(organisation=organisation, strategy_id=payload.strategy_id)
    report = services.follow_up_report_start(
        actor=request.user, organisation=organisation, strategy=strategy, year=payload.year
    )
    return Status(202, report)
