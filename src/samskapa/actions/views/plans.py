"""Action plan pages: the plans, one plan as a filterable list, its timeline and focus-area overview,
export and import. Thin over the selectors and services."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskapa.actions import selectors, services
from samskapa.actions.charts import overview_chart, timeline_chart
from samskapa.actions.forms import FilterForm, ImportForm, PlanForm
from samskapa.actions.models import Status
from samskapa.actions.spreadsheet import plan_download
from samskapa.core.paging import PER_PAGE, paginate, sort_order
from samskapa.core.tabular import MAX_TABLE_BYTES
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.strategy.models import FocusArea
from samskapa.strategy.selectors import strategy_list

VIEW, MANAGE, CHANGE = "actions.view_actions", "actions.manage_plan", "actions.change_action"


@org_view(VIEW)
def index(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    mine = selectors.action_rows(organisation=org, filters=selectors.ActionFilter(responsible_id=request.user.pk))
    context = {
        "plans": selectors.plan_list(organisation=org),
        # The first page's worth; the whole list is on the page "Your actions".
        "mine": selectors.label_statuses(mine.exclude(status__in=[Status.DONE, Status.CANCELLED])[:PER_PAGE]),
        "awaiting": selectors.actions_awaiting_assessment(organisation=org),
        "can_manage": request.user.has_perm(MANAGE, org),
    }
    return render(request, "actions/index.html", context)


@org_view(VIEW)
def mine(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    rows = selectors.action_rows(organisation=org, filters=selectors.ActionFilter(responsible_id=request.user.pk))
    return render(request, "actions/mine.html", _table(request, rows))


def _table(request: OrgRequest, rows, *, default_sort: str = "number", sorts=selectors.ACTION_SORTS) -> dict:
    """One page of an action table in the order the address asks for, with what its headers and
    pager need: the rows, the sort and the address without sort and page (for the headers' links)."""
    sorting = sort_order(request, sorts, default=default_sort)
    page = paginate(request, rows.order_by(*sorting.fields))
    page.object_list = selectors.label_statuses(page.object_list)
    query = request.GET.copy()
    for name in ("sort", "page"):
        query.pop(name, None)
    return {"page": page, "actions": page.object_list, "sorting": sorting, "sort_query": query.urlencode()}


@org_view(VIEW)
def action_index(request: OrgRequest) -> HttpResponse:
    """Every action of every plan, filtered by the address (what the overview's figures link to), paged."""
    org = request.organisation
    areas = FocusArea.objects.filter(organisation=org).select_related("strategy")
    form = FilterForm(request.GET or None, areas=areas, leads=selectors.lead_list(organisation=org))
    rows = selectors.action_rows(organisation=org, filters=form.to_filter())
    context = {"form": form, **_table(request, rows)}
    return render(request, "actions/list.html", context)


def _plan_form_page(request, form, *, title, submit, plan=None):
    return render(request, "actions/plan_form.html", {"form": form, "title": title, "submit": submit, "plan": plan})


@org_view(MANAGE)
def plan_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    strategies = list(strategy_list(organisation=org))
    initial = {"strategy_id": request.GET.get("strategy")}
    form = PlanForm(request.POST or None, strategies=strategies, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        strategy = next(s for s in strategies if s.pk == data.pop("strategy_id"))
        plan = call_service(form, services.plan_create, actor=request.user, organisation=org, strategy=strategy, **data)
        if plan:
            messages.success(request, _("The action plan was created. Add its actions."))
            return redirect("actions:plan", org_slug=org.slug, plan_id=plan.pk)
    return _plan_form_page(request, form, title=_("New action plan"), submit=_("Create the action plan"))


@org_view(MANAGE)
def plan_edit(request: OrgRequest, plan_id: int) -> HttpResponse:
    org = request.organisation
    plan = selectors.plan_get(organisation=org, plan_id=plan_id)
    initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
    form = PlanForm(request.POST or None, initial=initial, editing=True)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form, services.plan_update, actor=request.user, organisation=org, plan=plan, **form.cleaned_data
        )
    ):
        messages.success(request, _("The action plan was saved."))
        return redirect("actions:plan", org_slug=org.slug, plan_id=plan.pk)
    return _plan_form_page(request, form, title=_("Edit the action plan"), submit=_("Save"), plan=plan)


def _filters(request: OrgRequest, plan, areas=None) -> FilterForm:
    org = request.organisation
    if areas is None:
        areas = FocusArea.objects.filter(organisation=org, strategy_id=plan.strategy_id)
    leads = selectors.lead_list(organisation=org, plan=plan)
    return FilterForm(request.GET or None, areas=areas, leads=leads, years=plan.years)


def _plan_context(request: OrgRequest, plan_id: int) -> dict:
    """The plan, its filters and what both of its action views share (the links keep the filters)."""
    org = request.organisation
    plan = selectors.plan_get(organisation=org, plan_id=plan_id)
    areas = list(FocusArea.objects.filter(organisation=org, strategy_id=plan.strategy_id))
    form = _filters(request, plan, areas)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "plan": plan,
        "areas": areas,
        "form": form,
        "filters": form.to_filter(),
        "query": query.urlencode(),
        "can_manage": request.user.has_perm(MANAGE, org),
        "can_add": request.user.has_perm(CHANGE, org),
    }


def _area_counts(request: OrgRequest, context: dict) -> list[dict]:
    """Per focus area, how many actions match the other filters, with the address that shows them:
    counted in the database, so the plan page stays one page of rows however large the plan."""
    counts = selectors.focus_area_counts(
        organisation=request.organisation, plan=context["plan"], filters=context["filters"]
    )
    query = request.GET.copy()
    for name in ("page", "focus_area"):
        query.pop(name, None)
    rows = []
    for area in [*context["areas"], None]:
        count = counts.get(area.pk if area else None, 0)
        if area is None and not count:
            continue
        query.setlist("focus_area", [str(area.pk)] if area else [])
        current = context["filters"].focus_area_id == (area.pk if area else None) and area is not None
        rows.append({"area": area, "count": count, "query": query.urlencode(), "current": current})
    return rows


@org_view(VIEW)
def plan_detail(request: OrgRequest, plan_id: int) -> HttpResponse:
    context = _plan_context(request, plan_id)
    rows = selectors.action_rows(organisation=request.organisation, plan=context["plan"], filters=context["filters"])
    context.update(_table(request, rows, default_sort="focus_area"))
    context["area_counts"] = _area_counts(request, context)
    return render(request, "actions/plan.html", context)


@org_view(VIEW)
def plan_timeline(request: OrgRequest, plan_id: int) -> HttpResponse:
    """The timeline, 50 actions at a time in focus-area order, on the axis of the whole (filtered) plan:
    the filters (focus area, year, status, ...) narrow it, the pager walks through it."""
    context = _plan_context(request, plan_id)
    org, plan, filters = request.organisation, context["plan"], context["filters"]
    page = paginate(request, selectors.timeline_rows(organisation=org, plan=plan, filters=filters))
    page.object_list = selectors.label_statuses(page.object_list)
    span = selectors.timeline_span(organisation=org, plan=plan, filters=filters)
    context.update(page=page, actions=page.object_list, undated=span.undated)
    context["chart"] = timeline_chart(plan, page.object_list, span=span)
    return render(request, "actions/timeline.html", context)


@org_view(VIEW)
def plan_overview(request: OrgRequest, plan_id: int) -> HttpResponse:
    org = request.organisation
    plan = selectors.plan_get(organisation=org, plan_id=plan_id)
    rows = selectors.status_counts_by_focus_area(organisation=org, plan=plan)
    statuses = selectors.shown_status_choices()
    context = {"plan": plan, "rows": rows, "statuses": statuses, "chart": overview_chart(rows)}
    return render(request, "actions/overview.html", context)


def _export(request: OrgRequest, plan_id: int, kind: str) -> HttpResponse:
    org = request.organisation
    plan = selectors.plan_get(organisation=org, plan_id=plan_id)
    form = _filters(request, plan)
    return plan_download(org, plan, kind=kind, language=request.LANGUAGE_CODE, filters=form.to_filter())


@org_view(VIEW)
def plan_export_xlsx(request: OrgRequest, plan_id: int) -> HttpResponse:
    return _export(request, plan_id, "xlsx")


@org_view(VIEW)
def plan_export_csv(request: OrgRequest, plan_id: int) -> HttpResponse:
    return _export(request, plan_id, "csv")


@org_view(MANAGE)
def plan_import(request: OrgRequest, plan_id: int) -> HttpResponse:
    """Check a file (nothing written) or import it (all rows or none)."""
    org = request.organisation
    plan = selectors.plan_get(organisation=org, plan_id=plan_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    result, status = None, 200
    if request.method == "POST" and form.is_valid() and _size_ok(form):
        upload = form.cleaned_data["file"]
        result = call_service(
            form,
            services.plan_import,
            actor=request.user,
            organisation=org,
            plan=plan,
            content=upload.read(),
            filename=upload.name or "",
            create_actors=form.cleaned_data["create_actors"],
            dry_run="check" in request.POST,
        )
        if result and result.ok and not result.dry_run:
            messages.success(
                request,
                _("Imported: %(created)s actions added, %(updated)s updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("actions:plan", org_slug=org.slug, plan_id=plan.pk)
    if form.errors or (result and not result.ok):
        status = 400
    context = {"plan": plan, "form": form, "result": result or None}
    return render(request, "actions/import.html", context, status=status)


def _size_ok(form: ImportForm) -> bool:
    """Refuse a huge file before reading it into memory."""
    if form.cleaned_data["file"].size > MAX_TABLE_BYTES:
        limit = MAX_TABLE_BYTES // (1024 * 1024)
        form.add_error("file", _("The file is larger than the limit of %(limit)d MB.") % {"limit": limit})
        return False
    return True
