"""One action's pages: read it, create and edit it, report progress, assess its impact on children,
record partners' commitments, remove it. Thin over the selectors and services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.actions import selectors, services
from samskapa.actions.forms import ActionForm, AssessmentForm, CommitmentsForm, ProgressForm
from samskapa.actions.history import action_history
from samskapa.actions.models import CURRENCY_OF_COUNTRY, GENERAL_PRINCIPLES, Action
from samskapa.actions.rules import EDIT, REPORT
from samskapa.core.errors import ApplicationError
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view

VIEW, MANAGE, CHANGE = "actions.view_actions", "actions.manage_plan", "actions.change_action"
REPORTING = "actions.post_progress"


def _to_action(action: Action) -> HttpResponse:
    return redirect("actions:action", org_slug=action.organisation.slug, action_id=action.pk)


def _require(request: OrgRequest, permission: str, action: Action) -> None:
    if not request.user.has_perm(permission, action):
        raise PermissionDenied


@org_view(VIEW)
def action_detail(request: OrgRequest, action_id: int) -> HttpResponse:
    org = request.organisation
    action = selectors.action_get(organisation=org, action_id=action_id)
    can_report = request.user.has_perm(REPORT, action)
    context = {
        "action": action,
        "assessment": selectors.assessment_of(action),
        "history": action_history(organisation=org, action=action),
        "can_edit": request.user.has_perm(EDIT, action),
        "can_report": can_report,
        "can_manage": request.user.has_perm(MANAGE, org),
        "progress_form": _progress_form(action) if can_report else None,
    }
    return render(request, "actions/detail.html", context)


def _progress_form(action: Action, data=None) -> ProgressForm:
    initial = {
        "date": timezone.localdate(),
        "status": action.status,
        "percent_complete": action.percent_complete,
        "version": action.version,
    }
    return ProgressForm(data, initial=initial)


def _action_form(request: OrgRequest, plan, *, initial: dict) -> ActionForm:
    org = request.organisation
    choices = selectors.form_choices(organisation=org, plan=plan)
    can_assign = request.user.has_perm(MANAGE, org)
    return ActionForm(request.POST or None, initial=initial, choices=choices, can_assign=can_assign)


def _form_page(request, form, *, title, submit, plan, action=None, status=200):
    context = {"form": form, "title": title, "submit": submit, "plan": plan, "action": action}
    return render(request, "actions/action_form.html", context, status=status)


@org_view(CHANGE)
def action_create(request: OrgRequest, plan_id: int) -> HttpResponse:
    org = request.organisation
    plan = selectors.plan_get(organisation=org, plan_id=plan_id)
    initial = {
        "currency": CURRENCY_OF_COUNTRY.get(org.country, "EUR"),
        "status": "planned",
        "focus_area_id": request.GET.get("focus_area"),
        "start": plan.period_start,
        "end": plan.period_end,
    }
    form = _action_form(request, plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        action = call_service(form, services.action_create, actor=request.user, organisation=org, plan=plan, **data)
        if action:
            messages.success(request, _("The action was added as number %(n)s.") % {"n": action.number})
            return _to_action(action)
    title = _("New action in %(plan)s") % {"plan": plan.title}
    return _form_page(request, form, title=title, submit=_("Add the action"), plan=plan)


def _initial(action: Action) -> dict:
    initial = {name: getattr(action, name) for name in services.ACTION_FIELDS}
    initial.update(
        goal_ids=[g.pk for g in action.goals.all()],
        principle_ids=[p.pk for p in action.principles.all()],
        partner_ids=[link.actor_id for link in action.partner_links.all()],
        responsible_ids=[link.user_id for link in action.responsible_links.all()],
        version=action.version,
    )
    return initial


@org_view(CHANGE)
def action_edit(request: OrgRequest, action_id: int) -> HttpResponse:
    org = request.organisation
    action = selectors.action_get(organisation=org, action_id=action_id)
    _require(request, EDIT, action)
    form = _action_form(request, action.plan, initial=_initial(action))
    status, loaded = 200, action.version
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "action": action, **form.cleaned_data}
        if call_service(form, services.action_update, **kwargs):
            messages.success(request, _("The action was saved."))
            return _to_action(action)
        status = 409 if form.cleaned_data.get("version") not in (None, loaded) else 400
    title = _("Edit “%(title)s”") % {"title": action.title}
    return _form_page(request, form, title=title, submit=_("Save"), plan=action.plan, action=action, status=status)


@org_view(REPORTING)
def progress_post(request: OrgRequest, action_id: int) -> HttpResponse:
    org = request.organisation
    action = selectors.action_get(organisation=org, action_id=action_id)
    _require(request, REPORT, action)
    form = _progress_form(action, request.POST or None)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "action": action, **form.cleaned_data}
        if call_service(form, services.progress_post, **kwargs):
            messages.success(request, _("The progress update was posted."))
            return _to_action(action)
    return render(request, "actions/progress_form.html", {"form": form, "action": action})


@org_view(CHANGE)
def assessment_edit(request: OrgRequest, action_id: int) -> HttpResponse:
    org = request.organisation
    action = selectors.action_get(organisation=org, action_id=action_id)
    _require(request, EDIT, action)
    assessment = selectors.assessment_of(action)
    fields = services.ASSESSMENT_FIELDS
    initial = {name: getattr(assessment, name) for name in fields} if assessment else {"articles": GENERAL_PRINCIPLES}
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        complete = "complete" in request.POST or bool(assessment and assessment.is_completed)
        kwargs = {"actor": request.user, "organisation": org, "action": action, "complete": complete}
        if call_service(form, services.assessment_save, **kwargs, **form.cleaned_data):
            done = _("The child impact assessment was completed.") if complete else _("The draft was saved.")
            messages.success(request, done)
            return redirect(reverse("actions:action", args=[org.slug, action.pk]) + "#assessment")
    context = {"form": form, "action": action, "assessment": assessment}
    return render(request, "actions/assessment_form.html", context)


@org_view(CHANGE)
def partner_commitments(request: OrgRequest, action_id: int) -> HttpResponse:
    """One field per partner: what it has committed to."""
    org = request.organisation
    action = selectors.action_get(organisation=org, action_id=action_id)
    _require(request, EDIT, action)
    links = list(action.partner_links.all())
    form = CommitmentsForm(request.POST or None, links=links)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "action": action, "commitments": form.commitments()}
        if call_service(form, services.partner_commitments_set, **kwargs):
            messages.success(request, _("The partners' commitments were saved."))
            return redirect(reverse("actions:action", args=[org.slug, action.pk]) + "#partners")
    return render(request, "actions/partners_form.html", {"action": action, "form": form})


@require_POST
@org_view(MANAGE)
def action_delete(request: OrgRequest, action_id: int) -> HttpResponse:
    org = request.organisation
    action = selectors.action_get(organisation=org, action_id=action_id)
    try:
        services.action_delete(actor=request.user, organisation=org, action=action)
    except ApplicationError as error:
        messages.error(request, error.message)
        return _to_action(action)
    messages.success(request, _("The action “%(title)s” was removed.") % {"title": action.title})
    return redirect("actions:plan", org_slug=org.slug, plan_id=action.plan_id)
