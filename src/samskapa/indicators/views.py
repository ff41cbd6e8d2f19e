"""Indicator pages: the list, one indicator with its chart and comparison, entering and
importing values, fetching, exports. Thin over the selectors and services."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.core.errors import ApplicationError
from samskapa.core.paging import paginate, sort_order
from samskapa.core.tabular import table_read
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.indicators import exports, selectors, series, services
from samskapa.indicators.forms import ImportForm, IndicatorFilterForm, IndicatorForm, ObservationForm
from samskapa.indicators.models import Breakdown, Source
from samskapa.indicators.periods import period_label
from samskapa.indicators.sources import registry
from samskapa.indicators.status import Status as IndicatorStatus
from samskapa.strategy.models import FocusArea, Goal

VIEW, CHANGE, ENTER = "indicators.view_indicators", "indicators.change_indicators", "indicators.enter_values"
# What the indicator form edits directly (the areas to compare with are resolved first).
INDICATOR_FORM_FIELDS = tuple(
    f for f in services.INDICATOR_FIELDS if f in IndicatorForm.base_fields and f != "reference_areas"
)


def goal_choices(organisation):
    return (
        Goal.objects.filter(organisation=organisation)
        .select_related("focus_area")
        .order_by("focus_area__strategy_id", "focus_area__order", "order")
    )


def focus_area_choices(organisation):
    return (
        FocusArea.objects.filter(organisation=organisation).select_related("strategy").order_by("strategy_id", "order")
    )


def member_choices(organisation):
    return get_user_model().objects.filter(memberships__organisation=organisation).order_by("full_name", "email")


def indicator_form(request, organisation, *, initial=None, data=None):
    return IndicatorForm(
        data,
        initial=initial,
        goals=goal_choices(organisation),
        focus_areas=focus_area_choices(organisation),
        members=member_choices(organisation),
    )


def form_fields(form: IndicatorForm, organisation, source: str) -> tuple[dict, dict] | None:
    """The service's keyword arguments from a valid indicator form, or None (errors added)."""
    data = {f: form.cleaned_data[f] for f in INDICATOR_FORM_FIELDS}
    codes, unknown = selectors.areas_resolve(scheme=source, entries=form.cleaned_data["reference_areas"])
    if unknown:
        form.add_error("reference_areas", _("Not known: %(areas)s.") % {"areas": ", ".join(unknown)})
        return None
    data["reference_areas"] = codes
    links = {
        "goal_ids": [goal.pk for goal in form.cleaned_data["goals"]],
        "focus_area_ids": [area.pk for area in form.cleaned_data["focus_areas"]],
    }
    return data, links


def _to_detail(indicator):
    return redirect("indicators:detail", org_slug=indicator.organisation.slug, indicator_id=indicator.pk)


# ?sort= keys of the indicator list and the fields they order by.
SORTS = {"title": ("title",), "status": ("status_rank", "title"), "source": ("source", "title")}


@org_view(VIEW)
def indicator_index(request: OrgRequest) -> HttpResponse:
    """The indicators a page at a time: filtered by status (stored, see standing.py) and title, sorted."""
    org = request.organisation
    form = IndicatorFilterForm(request.GET or None)
    sorting = sort_order(request, SORTS, default="title")
    rows = selectors.indicator_rows(organisation=org, **form.chosen()).order_by(*sorting.fields)
    page = paginate(request, rows)
    can_change = request.user.has_perm(CHANGE, org)
    query = request.GET.copy()
    for key in ("sort", "page"):
        query.pop(key, None)
    context = {
        "form": form,
        "page": page,
        "rows": series.list_rows(page.object_list),
        "sorting": sorting,
        "query": query.urlencode(),
        "status_filter": IndicatorStatus(form.chosen()["status"]).label if form.chosen()["status"] else "",
        "reminders": selectors.reminders_first(organisation=org) if can_change else selectors.Reminders([], 0),
        "can_change": can_change,
        "has_online": can_change and selectors.has_online(organisation=org),
    }
    return render(request, "indicators/index.html", context)


@org_view(CHANGE)
def indicator_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = indicator_form(request, org, data=request.POST or None, initial={"due_days": 90, "decimals": 1})
    if request.method == "POST" and form.is_valid() and (fields := form_fields(form, org, Source.MANUAL)):
        data, links = fields
        indicator = call_service(
            form, services.indicator_create, actor=request.user, organisation=org, **links, source=Source.MANUAL, **data
        )
        if indicator:
            messages.success(request, _("The indicator was created. Enter its values below."))
            return _to_detail(indicator)
    context = {"form": form, "title": _("New indicator"), "submit": _("Create the indicator")}
    return render(request, "indicators/form.html", context)


def _config_form(indicator, data=None):
    """The form of what the indicator fetches, where its source offers one (sources/registry.py)."""
    adapter = registry.get(indicator.source)
    if adapter is None or adapter.config_form is None:
        return None
    return adapter.config_form(data, prefix="source", initial=adapter.config_initial(indicator.source_config))


def _config_from(form, indicator) -> dict | None:
    if form is None:
        return None
    try:
        return registry.adapter_for(indicator.source).config_from_form(dict(form.cleaned_data), indicator.source_config)
    except ValidationError as error:
        form.add_error(None, error)
        return None


@org_view(CHANGE)
def indicator_edit(request: OrgRequest, indicator_id: int) -> HttpResponse:
    org = request.organisation
    indicator = selectors.indicator_get(organisation=org, indicator_id=indicator_id)
    initial = {f: getattr(indicator, f) for f in INDICATOR_FORM_FIELDS}
    initial.update(
        goals=list(indicator.goals.all()),
        focus_areas=list(indicator.focus_areas.all()),
        reference_areas=", ".join(indicator.reference_areas),
    )
    form = indicator_form(request, org, data=request.POST or None, initial=initial)
    source_form = _config_form(indicator, request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and (source_form is None or source_form.is_valid())
        and (fields := form_fields(form, org, indicator.source))
    ):
        data, links = fields
        config = _config_from(source_form, indicator)
        if config is not None:
            data["source_config"] = config
        if (source_form is None or config is not None) and call_service(
            form, services.indicator_update, actor=request.user, organisation=org, indicator=indicator, **links, **data
        ):
            messages.success(request, _("The indicator was saved."))
            return _to_detail(indicator)
    context = {
        "form": form,
        "source_form": source_form,
        "indicator": indicator,
        "title": _("Edit the indicator"),
        "submit": _("Save"),
    }
    return render(request, "indicators/form.html", context)


@org_view(CHANGE)
def indicator_delete(request: OrgRequest, indicator_id: int) -> HttpResponse:
    org = request.organisation
    indicator = selectors.indicator_get(organisation=org, indicator_id=indicator_id)
    if request.method == "POST":
        services.indicator_delete(actor=request.user, organisation=org, indicator=indicator)
        messages.success(request, _("The indicator “%(title)s” was removed.") % {"title": indicator.title})
        return redirect("indicators:index", org_slug=org.slug)
    count = indicator.observations.count()
    return render(request, "indicators/delete.html", {"indicator": indicator, "count": count})


@org_view(VIEW)
def indicator_detail(request: OrgRequest, indicator_id: int) -> HttpResponse:
    org = request.organisation
    indicator = selectors.indicator_get(organisation=org, indicator_id=indicator_id)
    compared = series.comparison_series(organisation=org, indicator=indicator)
    home = next(s for s in compared if s.kind == "home") if indicator.home_area in indicator.areas else None
    table, ranked = series.comparison_table(organisation=org, indicator=indicator, series=compared)
    breakdowns = [
        (Breakdown(b).label, rows, f"chart-{b}")
        for b in indicator.breakdowns
        if (rows := series.breakdown_series(organisation=org, indicator=indicator, breakdown=b))
    ]
    can_enter = request.user.has_perm(ENTER, org) and not indicator.is_online
    context = {
        "indicator": indicator,
        "compared": compared,
        "assessment": series.assessment_of(indicator, home.points if home else []),
        "latest": home.latest if home else None,
        "table": table,
        "ranked": ranked,
        "breakdowns": breakdowns,
        "values": selectors.observation_list(organisation=org, indicator=indicator, areas=[indicator.home_area]),
        "can_change": request.user.has_perm(CHANGE, org),
        "can_enter": can_enter,
        "value_form": ObservationForm() if can_enter else None,
        "import_form": ImportForm() if can_enter else None,
    }
    return render(request, "indicators/detail.html", context)


@require_POST
@org_view(ENTER)
def observation_create(request: OrgRequest, indicator_id: int) -> HttpResponse:
    org = request.organisation
    indicator = selectors.indicator_get(organisation=org, indicator_id=indicator_id)
    form = ObservationForm(request.POST)
    if form.is_valid() and call_service(
        form,
        services.observation_record,
        actor=request.user,
        organisation=org,
        indicator=indicator,
        **form.cleaned_data,
    ):
        messages.success(request, _("The value was saved."))
        return redirect(_detail_url(indicator) + "#values")
    return render(request, "indicators/value_form.html", {"form": form, "indicator": indicator}, status=400)


def _detail_url(indicator) -> str:
    from django.urls import reverse

    return reverse("indicators:detail", args=[indicator.organisation.slug, indicator.pk])


@org_view(ENTER)
def observation_edit(request: OrgRequest, observation_id: int) -> HttpResponse:
    org = request.organisation
    observation = selectors.observation_get(organisation=org, observation_id=observation_id)
    indicator = observation.indicator
    initial = {
        "period": period_label(observation.period_start, observation.period_end),
        "value": exports.plain_number(observation.value),
        "sex": observation.sex,
        "age": observation.age,
        "origin": observation.origin,
        "area_code": observation.area_code,
        "note": observation.note,
    }
    form = ObservationForm(request.POST or None, initial=initial)
    if request.method == "POST" and "delete" in request.POST:
        if call_service(
            form, services.observation_delete, actor=request.user, organisation=org, observation=observation
        ):
            messages.success(request, _("The value was removed; its history keeps it."))
            return redirect(_detail_url(indicator) + "#values")
    elif request.method == "POST" and form.is_valid():
        changed = {**form.cleaned_data, "area_code": form.cleaned_data["area_code"] or indicator.home_area}
        same_cell = all(
            str(changed[k] or "") == str(initial[k] or "") for k in ("period", "sex", "age", "origin", "area_code")
        )
        if same_cell and call_service(
            form, services.observation_record, actor=request.user, organisation=org, indicator=indicator, **changed
        ):
            messages.success(request, _("The value was saved."))
            return redirect(_detail_url(indicator) + "#values")
        if not same_cell:
            form.add_error(None, _("To move a value to another period or group, remove it and enter it there."))
    return render(
        request, "indicators/value_form.html", {"form": form, "indicator": indicator, "observation": observation}
    )


@require_POST
@org_view(ENTER)
def observation_import(request: OrgRequest, indicator_id: int) -> HttpResponse:
    org = request.organisation
    indicator = selectors.indicator_get(organisation=org, indicator_id=indicator_id)
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = table_read(upload.read(), filename=upload.name or "")
            count = services.observations_import(actor=request.user, organisation=org, indicator=indicator, table=table)
        except ApplicationError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("%(count)s values were read from the file.") % {"count": count})
            return redirect(_detail_url(indicator) + "#values")
    context = {"form": form, "indicator": indicator}
    return render(request, "indicators/import.html", context, status=400)


@require_POST
@org_view(CHANGE)
def indicator_sync(request: OrgRequest, indicator_id: int) -> HttpResponse:
    org = request.organisation
    indicator = selectors.indicator_get(organisation=org, indicator_id=indicator_id)
    return _start_sync(request, indicator)


@require_POST
@org_view(CHANGE)
def sync_all(request: OrgRequest) -> HttpResponse:
    return _start_sync(request, None)


def _start_sync(request: OrgRequest, indicator) -> HttpResponse:
    org = request.organisation
    try:
        job = services.indicator_sync_start(actor=request.user, organisation=org, indicator=indicator)
    except ApplicationError as error:
        messages.error(request, error.message)
        return _to_detail(indicator) if indicator else redirect("indicators:index", org_slug=org.slug)
    messages.success(request, _("Fetching new values in the background."))
    return redirect("orgs:job-detail", org_slug=org.slug, job_id=job.pk)


def _export(request: OrgRequest, indicators, title: str, extension: str) -> HttpResponseBase:
    org = request.organisation
    if extension == "csv":
        return exports.csv_response(organisation=org, indicators=indicators, title=title)
    try:
        return exports.xlsx_response(organisation=org, indicators=indicators, title=title)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("indicators:index", org_slug=org.slug)


@org_view(VIEW)
def export_all_csv(request: OrgRequest) -> HttpResponseBase:
    org = request.organisation
    return _export(
        request, selectors.indicator_list(organisation=org), _("Indicators %(org)s") % {"org": org.name}, "csv"
    )


@org_view(VIEW)
def export_all_xlsx(request: OrgRequest) -> HttpResponseBase:
    org = request.organisation
    return _export(
        request, selectors.indicator_list(organisation=org), _("Indicators %(org)s") % {"org": org.name}, "xlsx"
    )


@org_view(VIEW)
def export_one_csv(request: OrgRequest, indicator_id: int) -> HttpResponseBase:
    indicator = selectors.indicator_get(organisation=request.organisation, indicator_id=indicator_id)
    return _export(request, [indicator], indicator.title, "csv")


@org_view(VIEW)
def export_one_xlsx(request: OrgRequest, indicator_id: int) -> HttpResponseBase:
    indicator = selectors.indicator_get(organisation=request.organisation, indicator_id=indicator_id)
    return _export(request, [indicator], indicator.title, "xlsx")
