"""Strategy pages: thin over the selectors and services."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.core.errors import ApplicationError
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.reports.strategy import strategy_download
from samskapa.strategy import selectors, services
from samskapa.strategy.forms import (
    AdoptForm,
    CompareForm,
    FocusAreaForm,
    FoundationForm,
    GoalForm,
    StatusForm,
    StrategyForm,
)
from samskapa.strategy.versions import compare, snapshot

VIEW, CHANGE, ADOPT = "strategy.view_strategy", "strategy.change_strategy", "strategy.adopt_strategy"


def _form_page(request, form, *, title, submit, back, strategy=None):
    context = {"form": form, "title": title, "submit": submit, "back": back, "strategy": strategy}
    return render(request, "strategy/form.html", context)


def _to_detail(strategy):
    return redirect("strategy:detail", org_slug=strategy.organisation.slug, strategy_id=strategy.pk)


@org_view(VIEW)
def strategy_index(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    return render(request, "strategy/index.html", {"strategies": selectors.strategy_list(organisation=org)})


@org_view(CHANGE)
def strategy_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    foundations = selectors.foundation_list(organisation=org)
    initial = {"language": org.default_language, "foundation_ids": [f.pk for f in foundations]}
    form = StrategyForm(request.POST or None, initial=initial, foundations=foundations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not foundations:
            data.pop("foundation_ids")  # the defaults are created and chosen with the first strategy
        strategy = call_service(form, services.strategy_create, actor=request.user, organisation=org, **data)
        if strategy:
            messages.success(request, _("The strategy was created as a draft."))
            return _to_detail(strategy)
    back = ("strategy:index", [])
    return _form_page(request, form, title=_("New strategy"), submit=_("Create the strategy"), back=back)


@org_view(VIEW)
def strategy_detail(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get_full(organisation=org, strategy_id=strategy_id)
    context = {
        "strategy": strategy,
        "content": snapshot(strategy),
        "principles": selectors.principle_list(organisation=org),
        "version_count": selectors.version_list(organisation=org, strategy=strategy).count(),
        "can_change": request.user.has_perm(CHANGE, org) and strategy.is_editable,
        "can_adopt": request.user.has_perm(ADOPT, org),
    }
    return render(request, "strategy/detail.html", context)


@org_view(CHANGE)
def strategy_edit(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get_full(organisation=org, strategy_id=strategy_id)
    initial = {f: getattr(strategy, f) for f in services.STRATEGY_FIELDS}
    initial["foundation_ids"] = [f.pk for f in strategy.foundations.all()]
    foundations = selectors.foundation_list(organisation=org)
    form = StrategyForm(request.POST or None, initial=initial, foundations=foundations)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "strategy": strategy, **form.cleaned_data}
        if call_service(form, services.strategy_update, **kwargs):
            messages.success(request, _("The strategy was saved."))
            return _to_detail(strategy)
    back = ("strategy:detail", [strategy.pk])
    return _form_page(request, form, title=_("Edit the strategy"), submit=_("Save"), back=back, strategy=strategy)


@require_POST
@org_view(CHANGE)
def strategy_status(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get(organisation=org, strategy_id=strategy_id)
    form = StatusForm(request.POST)
    if form.is_valid() and call_service(
        form, services.strategy_set_status, actor=request.user, organisation=org, strategy=strategy, **form.cleaned_data
    ):
        messages.success(request, _("The status is now: %(status)s.") % {"status": strategy.get_status_display()})
    else:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()) or _("Choose a status."))
    return _to_detail(strategy)


@org_view(ADOPT)
def strategy_adopt(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get(organisation=org, strategy_id=strategy_id)
    form = AdoptForm(request.POST or None, initial={"adopted_by": strategy.adopted_by})
    if request.method == "POST" and form.is_valid():
        version = call_service(
            form, services.strategy_adopt, actor=request.user, organisation=org, strategy=strategy, **form.cleaned_data
        )
        if version:
            messages.success(
                request, _("The strategy was adopted and frozen as version %(n)s.") % {"n": version.number}
            )
            return _to_detail(strategy)
    back = ("strategy:detail", [strategy.pk])
    title = _("Adopt the strategy")
    return _form_page(request, form, title=title, submit=_("Adopt and freeze"), back=back, strategy=strategy)


@require_POST
@org_view(ADOPT)
def strategy_revise(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get(organisation=org, strategy_id=strategy_id)
    try:
        services.strategy_revise(actor=request.user, organisation=org, strategy=strategy)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("A revision has started. The adopted version stays as it was."))
    return _to_detail(strategy)


@org_view(CHANGE)
def focus_area_create(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get(organisation=org, strategy_id=strategy_id)
    form = FocusAreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "strategy": strategy, **form.cleaned_data}
        if call_service(form, services.focus_area_create, **kwargs):
            messages.success(request, _("The focus area was added."))
            return _to_detail(strategy)
    back = ("strategy:detail", [strategy.pk])
    return _form_page(
        request, form, title=_("New focus area"), submit=_("Add the focus area"), back=back, strategy=strategy
    )


@org_view(CHANGE)
def focus_area_edit(request: OrgRequest, focus_area_id: int) -> HttpResponse:
    org = request.organisation
    area = selectors.focus_area_get(organisation=org, focus_area_id=focus_area_id)
    initial = {f: getattr(area, f) for f in services.FOCUS_AREA_FIELDS}
    form = FocusAreaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "focus_area": area, **form.cleaned_data}
        if call_service(form, services.focus_area_update, **kwargs):
            messages.success(request, _("The focus area was saved."))
            return _to_detail(area.strategy)
    context = {"form": form, "area": area, "strategy": area.strategy}
    return render(request, "strategy/focus_area_form.html", context)


@require_POST
@org_view(CHANGE)
def focus_area_move(request: OrgRequest, focus_area_id: int) -> HttpResponse:
    org = request.organisation
    area = selectors.focus_area_get(organisation=org, focus_area_id=focus_area_id)
    direction = request.POST.get("direction", "")
    try:
        services.focus_area_move(actor=request.user, organisation=org, focus_area=area, direction=direction)
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect(_detail_url(area.strategy) + f"#focus-area-{area.pk}")


def _detail_url(strategy) -> str:
    from django.urls import reverse

    return reverse("strategy:detail", args=[strategy.organisation.slug, strategy.pk])


@require_POST
@org_view(CHANGE)
def focus_area_delete(request: OrgRequest, focus_area_id: int) -> HttpResponse:
    org = request.organisation
    area = selectors.focus_area_get(organisation=org, focus_area_id=focus_area_id)
    try:
        services.focus_area_delete(actor=request.user, organisation=org, focus_area=area)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The focus area “%(title)s” was removed.") % {"title": area.title})
    return _to_detail(area.strategy)


@org_view(CHANGE)
def goal_create(request: OrgRequest, focus_area_id: int) -> HttpResponse:
    org = request.organisation
    area = selectors.focus_area_get(organisation=org, focus_area_id=focus_area_id)
    form = GoalForm(request.POST or None)
    kwargs = {"actor": request.user, "organisation": org, "focus_area": area}
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(form, services.goal_create, **kwargs, **form.cleaned_data)
    ):
        messages.success(request, _("The goal was added."))
        return redirect(_detail_url(area.strategy) + f"#focus-area-{area.pk}")
    title = _("New goal in “%(area)s”") % {"area": area.title}
    back = ("strategy:detail", [area.strategy_id])
    return _form_page(request, form, title=title, submit=_("Add the goal"), back=back, strategy=area.strategy)


@org_view(CHANGE)
def goal_edit(request: OrgRequest, goal_id: int) -> HttpResponse:
    org = request.organisation
    goal = selectors.goal_get(organisation=org, goal_id=goal_id)
    form = GoalForm(request.POST or None, initial={"text": goal.text, "target": goal.target})
    if request.method == "POST":
        strategy = goal.focus_area.strategy
        if "delete" in request.POST:
            if call_service(form, services.goal_delete, actor=request.user, organisation=org, goal=goal):
                messages.success(request, _("The goal was removed."))
                return _to_detail(strategy)
        elif form.is_valid() and call_service(
            form, services.goal_update, actor=request.user, organisation=org, goal=goal, **form.cleaned_data
        ):
            messages.success(request, _("The goal was saved."))
            return _to_detail(strategy)
    context = {"form": form, "goal": goal, "strategy": goal.focus_area.strategy}
    return render(request, "strategy/goal_form.html", context)


@org_view(VIEW)
def version_list(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get(organisation=org, strategy_id=strategy_id)
    # The list and the form need the numbers and dates, never each version's whole frozen content.
    versions = list(selectors.version_list(organisation=org, strategy=strategy).defer("snapshot"))
    initial = {"a": str(versions[0].number) if versions else "current", "b": "current"}
    form = CompareForm(initial=initial, versions=versions)
    return render(request, "strategy/versions.html", {"strategy": strategy, "versions": versions, "form": form})


@org_view(VIEW)
def version_detail(request: OrgRequest, version_id: int) -> HttpResponse:
    org = request.organisation
    version = selectors.version_get(organisation=org, version_id=version_id)
    context = {"version": version, "strategy": version.strategy, "content": version.snapshot}
    return render(request, "strategy/version_detail.html", context)


@org_view(VIEW)
def strategy_export(request: OrgRequest, strategy_id: int, kind: str) -> HttpResponse:
    """The strategy as a PDF or Word document a council could adopt, in the strategy's language."""
    org = request.organisation
    strategy = selectors.strategy_get(organisation=org, strategy_id=strategy_id)
    return strategy_download(organisation=org, strategy=strategy, kind=kind)


@org_view(VIEW)
def version_export(request: OrgRequest, version_id: int, kind: str) -> HttpResponse:
    """An adopted version as the council decided it, as PDF or Word."""
    org = request.organisation
    version = selectors.version_get(organisation=org, version_id=version_id)
    return strategy_download(organisation=org, strategy=version.strategy, kind=kind, version=version)


@org_view(VIEW)
def version_compare(request: OrgRequest, strategy_id: int) -> HttpResponse:
    org = request.organisation
    strategy = selectors.strategy_get(organisation=org, strategy_id=strategy_id)
    # The list and the form need the numbers and dates, never each version's whole frozen content.
    versions = list(selectors.version_list(organisation=org, strategy=strategy).defer("snapshot"))
    form = CompareForm(request.GET or None, versions=versions)
    context = {"strategy": strategy, "form": form, "diff": None}
    if form.is_valid():
        old = selectors.compare_side(organisation=org, strategy=strategy, key=form.cleaned_data["a"])
        new = selectors.compare_side(organisation=org, strategy=strategy, key=form.cleaned_data["b"])
        context.update(old=old, new=new, diff=compare(old.snapshot, new.snapshot))
    return render(request, "strategy/compare.html", context)


@org_view(VIEW)
def foundation_list(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    can_change = request.user.has_perm(CHANGE, org)
    form = FoundationForm(request.POST or None)
    if request.method == "POST":
        if not can_change:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        if form.is_valid() and call_service(
            form, services.foundation_create, actor=request.user, organisation=org, **form.cleaned_data
        ):
            messages.success(request, _("The foundation was added to the list."))
            return redirect("strategy:foundations", org_slug=org.slug)
    context = {
        "foundations": selectors.foundation_list(organisation=org),
        "principles": selectors.principle_list(organisation=org),
        "form": form,
        "can_change": can_change,
    }
    return render(request, "strategy/foundations.html", context)
