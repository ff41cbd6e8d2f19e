"""Finding pages: the list, one finding with its evidence and outcomes, and "you said, we did"."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.actors.forms import initial_from
from samskapa.actors.views import form_page
from samskapa.cocreation import selectors
from samskapa.cocreation.forms import DecisionTargetForm, EvidenceForm, FindingForm
from samskapa.cocreation.inbox import MAX_EVIDENCE, InboxFilters
from samskapa.cocreation.services import findings as services
from samskapa.core.access import numbers_in
from samskapa.core.paging import paginate, sort_order
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view

VIEW, CHANGE = "cocreation.view_consultations", "cocreation.change_consultations"


def _to_detail(finding):
    return redirect("cocreation:finding-detail", org_slug=finding.organisation.slug, finding_id=finding.pk)


@org_view(VIEW)
def finding_index(request: OrgRequest) -> HttpResponse:
    """The findings a page at a time, sortable; ``?decided=no`` keeps those waiting for a decision."""
    org = request.organisation
    findings = selectors.finding_page_list(organisation=org)
    undecided = request.GET.get("decided") == "no"  # what the overview's "without a decision" links to
    if undecided:
        findings = findings.filter(pk__in=selectors.finding_undecided_list(organisation=org).values("pk"))
    sorting = sort_order(request, FINDING_SORTS, default="statement")
    page = paginate(request, findings.order_by(*sorting.fields))
    query = request.GET.copy()
    for name in ("sort", "page"):
        query.pop(name, None)
    context = {
        "page": page,
        "findings": page.object_list,
        "sorting": sorting,
        "sort_query": query.urlencode(),
        "undecided": undecided,
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "cocreation/finding_list.html", context)


FINDING_SORTS = {"statement": ("statement",), "evidence": ("evidence_count",), "created": ("created_at",)}


@org_view(VIEW)
def you_said_we_did(request: OrgRequest) -> HttpResponse:
    """Decided findings a page at a time; those still waiting are counted, the first few named."""
    decided, waiting = selectors.you_said_we_did_lists(organisation=request.organisation)
    context = {
        "page": paginate(request, decided),
        "waiting": waiting[:WAITING_SHOWN],
        "waiting_count": waiting.count(),
    }
    return render(request, "cocreation/you_said_we_did.html", context)


# Findings without an outcome named on "you said, we did"; the findings list (?decided=no) pages through all.
WAITING_SHOWN = 20


@org_view(CHANGE)
def finding_create(request: OrgRequest) -> HttpResponse:
    """A new finding; inputs ticked on the inputs page arrive as its first evidence."""
    org = request.organisation
    input_ids = _evidence_ids(request)
    form = FindingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "input_ids": input_ids, **form.cleaned_data}
        if finding := call_service(form, services.finding_create, **kwargs):
            messages.success(request, _("The finding was saved."))
            return _to_detail(finding)
    evidence = selectors.input_list(organisation=org).filter(pk__in=input_ids)
    context = {"form": form, "evidence": evidence, "input_ids": input_ids}
    return render(request, "cocreation/finding_form.html", context)


def _evidence_ids(request: OrgRequest) -> list[int]:
    """The inputs a new finding starts from: ticked ones, all of one consultation (or survey), or all
    matching an inbox filter; at most MAX_EVIDENCE, the newest first."""
    ticked = numbers_in(request.GET.getlist("input") + request.POST.getlist("input"))
    if ticked or request.GET.get("all") != "1":
        return ticked[:MAX_EVIDENCE]
    filters = InboxFilters.from_params(request.GET)
    if filters.is_empty():
        return []
    matching = selectors.input_list(organisation=request.organisation, newest_first=True, **filters.selector_kwargs())
    return list(matching.values_list("pk", flat=True)[:MAX_EVIDENCE])


@org_view(VIEW)
def finding_detail(request: OrgRequest, finding_id: int) -> HttpResponse:
    org = request.organisation
    finding = selectors.finding_get(organisation=org, finding_id=finding_id)
    can_change = request.user.has_perm(CHANGE, org)
    areas, goals, actions = selectors.strategy_elements(organisation=org)
    link_form = DecisionTargetForm(focus_areas=areas, goals=goals, actions=actions) if can_change else None
    context = {"finding": finding, "can_change": can_change, "link_form": link_form}
    return render(request, "cocreation/finding_detail.html", context)


@org_view(CHANGE)
def finding_edit(request: OrgRequest, finding_id: int) -> HttpResponse:
    org = request.organisation
    finding = selectors.finding_get(organisation=org, finding_id=finding_id)
    form = FindingForm(request.POST or None, initial=initial_from(finding, services.FINDING_FIELDS))
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "finding": finding, **form.cleaned_data}
        if call_service(form, services.finding_update, **kwargs):
            messages.success(request, _("The finding was saved."))
            return _to_detail(finding)
    return form_page(
        request, form, title=_("Edit the finding"), submit=_("Save"), back=("cocreation:finding-detail", [finding.pk])
    )


@require_POST
@org_view(CHANGE)
def finding_delete(request: OrgRequest, finding_id: int) -> HttpResponse:
    org = request.organisation
    finding = selectors.finding_get(organisation=org, finding_id=finding_id)
    services.finding_delete(actor=request.user, organisation=org, finding=finding)
    messages.success(request, _("The finding was removed; its inputs stay."))
    return redirect("cocreation:findings", org_slug=org.slug)


@org_view(CHANGE)
def finding_evidence(request: OrgRequest, finding_id: int) -> HttpResponse:
    """Choose the inputs a finding rests on, from a consultation or from the words they contain."""
    org = request.organisation
    finding = selectors.finding_get(organisation=org, finding_id=finding_id)
    search = request.GET.get("q", "")[:200]
    candidates = selectors.input_list(organisation=org, search=search)[:200]
    form = EvidenceForm(
        request.POST or None, inputs=candidates, initial={"input_ids": [i.pk for i in finding.inputs.all()]}
    )
    if request.method == "POST" and form.is_valid():
        kwargs = {
            "actor": request.user,
            "organisation": org,
            "finding": finding,
            "input_ids": form.cleaned_data["input_ids"],
        }
        if call_service(form, services.finding_add_evidence, **kwargs) is not None:
            messages.success(request, _("The evidence was saved."))
            return _to_detail(finding)
    context = {"finding": finding, "form": form, "search": search}
    return render(request, "cocreation/finding_evidence.html", context)


@require_POST
@org_view(CHANGE)
def finding_evidence_remove(request: OrgRequest, finding_id: int) -> HttpResponse:
    org = request.organisation
    finding = selectors.finding_get(organisation=org, finding_id=finding_id)
    drop = set(numbers_in(request.POST.getlist("input")))
    keep = [i.pk for i in finding.inputs.all() if i.pk not in drop]
    services.finding_update(actor=request.user, organisation=org, finding=finding, input_ids=keep)
    messages.success(request, _("The input is no longer evidence for this finding."))
    return _to_detail(finding)


@require_POST
@org_view(CHANGE)
def finding_link(request: OrgRequest, finding_id: int) -> HttpResponse:
    org = request.organisation
    finding = selectors.finding_get(organisation=org, finding_id=finding_id)
    areas, goals, actions = selectors.strategy_elements(organisation=org)
    form = DecisionTargetForm(request.POST, focus_areas=areas, goals=goals, actions=actions)
    if form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "finding": finding, "note": form.cleaned_data["note"]}
        if call_service(form, services.finding_link, **kwargs, **form.target_ids()):
            messages.success(request, _("The finding is now traced to what was decided."))
            return _to_detail(finding)
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors) or _("Choose."))
    return _to_detail(finding)


@require_POST
@org_view(CHANGE)
def finding_unlink(request: OrgRequest, link_id: int) -> HttpResponse:
    org = request.organisation
    link = selectors.finding_link_get(organisation=org, link_id=link_id)
    services.finding_unlink(actor=request.user, organisation=org, link=link)
    messages.success(request, _("The link was removed."))
    return _to_detail(link.finding)
