"""Picking indicators from the sources' catalogues: Kolada KPIs, PxWeb tables, Eurostat datasets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.core.errors import ApplicationError
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.indicators import catalogue, services
from samskapa.indicators.fetch import home_area_for, national_area_for
from samskapa.indicators.forms import (
    EurostatDatasetForm,
    EurostatDimensionsForm,
    PxWebSearchForm,
    SearchForm,
    TableForm,
)
from samskapa.indicators.models import Direction, Source
from samskapa.indicators.sources import registry
from samskapa.indicators.sources.eurostat import SUGGESTED_DATASETS
from samskapa.indicators.sources.http import SourceError
from samskapa.indicators.views import CHANGE, form_fields, indicator_form


def _site(key: str) -> str | None:
    """The key of a table database (a PxWeb source) named in the address, or None."""
    return key if key in {adapter.key for adapter in registry.table_sources()} else None


def _added(request: OrgRequest, indicator, job) -> HttpResponse:
    messages.success(
        request,
        _("“%(title)s” was added; its values are being fetched in the background.") % {"title": indicator.title},
    )
    return redirect("indicators:detail", org_slug=request.organisation.slug, indicator_id=indicator.pk)


@org_view(CHANGE)
def kolada_search(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = SearchForm(request.GET or None)
    results, problem = [], ""
    if form.is_valid():
        try:
            results = catalogue.kolada_search(text=form.cleaned_data["q"])
        except SourceError as error:
            problem = error.message
    context = {
        "form": form,
        "results": results,
        "problem": problem,
        "known": catalogue.kolada_known(organisation=org),
        "searched": form.is_valid(),
        "sweden": org.country == "SE",
    }
    return render(request, "indicators/catalogue_kolada.html", context)


@require_POST
@org_view(CHANGE)
def kolada_add(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    try:
        indicator, job = catalogue.kolada_indicator_add(
            actor=request.user, organisation=org, kpi_id=request.POST.get("kpi", "")
        )
    except (ApplicationError, SourceError) as error:
        messages.error(request, error.message)
        return redirect("indicators:kolada", org_slug=org.slug)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("indicators:kolada", org_slug=org.slug)
    return _added(request, indicator, job)


@org_view(CHANGE)
def pxweb_search(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    initial = {"site": registry.table_source_for(org).key}
    form = PxWebSearchForm(request.GET or None, initial=initial)
    results, problem = [], ""
    if form.is_valid():
        try:
            results = catalogue.pxweb_search(site=form.cleaned_data["site"], text=form.cleaned_data["q"])
        except SourceError as error:
            problem = error.message
    context = {"form": form, "results": results, "problem": problem, "searched": form.is_valid()}
    context["site"] = form.cleaned_data["site"] if form.is_valid() else initial["site"]
    return render(request, "indicators/catalogue_pxweb.html", context)


@org_view(CHANGE)
def pxweb_table(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    site = _site(request.GET.get("site", ""))
    table = request.GET.get("table", "").strip()
    try:
        if site is None:
            raise ApplicationError(_("Choose a statistics database from the list."))
        meta = catalogue.table_metadata(site=site, table=table)
    except (ApplicationError, SourceError) as error:
        messages.error(request, error.message)
        return redirect("indicators:pxweb", org_slug=org.slug)
    data = request.POST or None
    initial = {
        "title": meta.title,
        "direction": Direction.NEITHER,
        "decimals": 0,
        "due_days": 90,
        "national_area": national_area_for(site),
    }
    form = indicator_form(request, org, data=data, initial=initial)
    table_form = TableForm(data, prefix="table", meta=meta, roles=catalogue.table_roles(meta, site=site))
    if (
        request.method == "POST"
        and form.is_valid()
        and table_form.is_valid()
        and (fields := form_fields(form, org, site))
    ):
        values, links = fields
        indicator = call_service(
            form,
            services.indicator_create,
            actor=request.user,
            organisation=org,
            **links,
            source=site,
            source_config=table_form.cleaned_data["config"],
            **values,
        )
        if indicator:
            job = services.indicator_sync_start(actor=request.user, organisation=org, indicator=indicator)
            return _added(request, indicator, job)
    context = {"form": form, "table_form": table_form, "meta": meta, "site": request.GET.get("site")}
    return render(request, "indicators/catalogue_table.html", context)


@org_view(CHANGE)
def eurostat_pick(request: OrgRequest) -> HttpResponse:
    """Pick a Eurostat dataset, then the values of its dimensions from its own structure."""
    org = request.organisation
    home = home_area_for(Source.EUROSTAT, org)
    dataset_form = EurostatDatasetForm(request.GET or None)
    context: dict = {"dataset_form": dataset_form, "suggestions": SUGGESTED_DATASETS, "home": home}
    if not dataset_form.is_valid():
        return render(request, "indicators/catalogue_eurostat.html", context)
    dataset = dataset_form.cleaned_data["dataset"]
    try:
        # The structure under our own area and the EU, with the latest period only: small and enough.
        meta = catalogue.eurostat_metadata(dataset=dataset, filters={"geo": [home, "EU27_2020"]})
    except (ApplicationError, SourceError) as error:
        messages.error(request, error.message)
        return redirect("indicators:eurostat", org_slug=org.slug)
    data = request.POST or None
    initial = {"title": meta.title, "direction": Direction.NEITHER, "decimals": 1, "due_days": 90}
    form = indicator_form(request, org, data=data, initial={**initial, "national_area": "EU27_2020"})
    picker = EurostatDimensionsForm(data, prefix="source", meta=meta, roles=catalogue.table_roles(meta, eurostat=True))
    if request.method == "POST" and form.is_valid() and picker.is_valid():
        indicator = _eurostat_create(request, form, dataset, picker.cleaned_data)
        if indicator:
            job = services.indicator_sync_start(actor=request.user, organisation=org, indicator=indicator)
            return _added(request, indicator, job)
    context.update({"form": form, "picker": picker, "meta": meta, "dataset": dataset})
    return render(request, "indicators/catalogue_eurostat.html", context)


def _eurostat_create(request: OrgRequest, form, dataset: str, picked: dict):
    org = request.organisation
    fields = form_fields(form, org, Source.EUROSTAT)
    if fields is None:
        return None
    values, links = fields
    source_config = {"dataset": dataset, "filters": picked["filters"], "since": picked.get("since")}
    return call_service(
        form,
        services.indicator_create,
        actor=request.user,
        organisation=org,
        **links,
        source=Source.EUROSTAT,
        source_config=source_config,
        **values,
    )
