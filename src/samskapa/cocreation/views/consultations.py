"""Consultation pages: the list, one consultation with who took part and its inputs, inputs by area."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from samskapa.actors.forms import initial_from
from samskapa.actors.selectors import actor_list
from samskapa.actors.views import form_page
from samskapa.cocreation import selectors
from samskapa.cocreation.forms import BulkTagForm, ConfirmCodesForm, ConsultationForm, InputForm, ParticipationForm
from samskapa.cocreation.inbox import BULK_LIMIT, MAX_EVIDENCE, InboxFilters
from samskapa.cocreation.models import Consultation, Group, Input
from samskapa.cocreation.services import consultations as services
from samskapa.cocreation.services import inbox as inbox_services
from samskapa.cocreation.services.consultations import CONSULTATION_FIELDS
from samskapa.core.access import numbers_in
from samskapa.core.errors import ApplicationError
from samskapa.core.paging import paginate, sort_order
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.core.widgets import option_tags
from samskapa.strategy.models import FocusArea, FrameworkCode

VIEW, CHANGE = "cocreation.view_consultations", "cocreation.change_consultations"
INPUTS_SHOWN = 20


def _to_detail(consultation: Consultation):
    return redirect(
        "cocreation:consultation-detail", org_slug=consultation.organisation.slug, consultation_id=consultation.pk
    )


@org_view(VIEW)
def consultation_index(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    kind = request.GET.get("kind", "")
    kind = kind if kind in Consultation.Kind.values else ""
    sorting = sort_order(request, CONSULTATION_SORTS, default="-date")
    consultations = selectors.consultation_list(organisation=org, kind=kind).order_by(*sorting.fields)
    page = paginate(request, consultations)
    context = {
        "page": page,
        "consultations": page.object_list,
        "sorting": sorting,
        "sort_query": _without(request, "sort", "page"),
        "kind": kind,
        "kinds": Consultation.Kind.choices,
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "cocreation/consultation_list.html", context)


# What the consultation list sorts by (?sort=, "-" for descending).
CONSULTATION_SORTS = {"title": ("title",), "kind": ("kind",), "date": ("held_on",), "status": ("status",)}


def _without(request: OrgRequest, *names: str) -> str:
    """The address's query string without ``names``: what a sortable header keeps."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _consultation_form(request: OrgRequest, **kwargs):
    return ConsultationForm(request.POST or None, actors=actor_list(organisation=request.organisation), **kwargs)


@org_view(CHANGE)
def consultation_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = _consultation_form(request, initial={"languages": [org.default_language]})
    if request.method == "POST" and form.is_valid():
        created = call_service(
            form, services.consultation_create, actor=request.user, organisation=org, **form.cleaned_data
        )
        if created:
            messages.success(request, _("The consultation was saved."))
            return _to_detail(created)
    back = ("cocreation:consultations", [])
    return form_page(request, form, title=_("New consultation"), submit=_("Save the consultation"), back=back)


@org_view(VIEW)
def consultation_detail(request: OrgRequest, consultation_id: int) -> HttpResponse:
    org = request.organisation
    consultation = selectors.consultation_get(organisation=org, consultation_id=consultation_id)
    counts = {p.group: p.count for p in consultation.participation.all()}
    inputs = selectors.input_list(organisation=org, consultation=consultation, newest_first=True)
    context = {
        "consultation": consultation,
        "participation": [(label, counts.get(value, 0)) for value, label in Group.choices],
        # The newest; the inbox (linked) pages through all of them.
        "inputs": inputs[:INPUTS_SHOWN],
        "input_total": inputs.count(),
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "cocreation/consultation_detail.html", context)


@org_view(CHANGE)
def consultation_edit(request: OrgRequest, consultation_id: int) -> HttpResponse:
    org = request.organisation
    consultation = selectors.consultation_get(organisation=org, consultation_id=consultation_id)
    initial = initial_from(consultation, CONSULTATION_FIELDS) | {"actor_ids": [a.pk for a in consultation.actors.all()]}
    bound = consultation.kind if consultation.kind in ("survey", "committee") else ""
    form = _consultation_form(request, initial=initial, bound_kind=bound)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "consultation": consultation, **form.cleaned_data}
        if call_service(form, services.consultation_update, **kwargs):
            messages.success(request, _("The consultation was saved."))
            return _to_detail(consultation)
    back = ("cocreation:consultation-detail", [consultation.pk])
    return form_page(request, form, title=_("Edit the consultation"), submit=_("Save"), back=back)


@require_POST
@org_view(CHANGE)
def consultation_delete(request: OrgRequest, consultation_id: int) -> HttpResponse:
    org = request.organisation
    consultation = selectors.consultation_get(organisation=org, consultation_id=consultation_id)
    services.consultation_delete(actor=request.user, organisation=org, consultation=consultation)
    messages.success(request, _("The consultation was removed."))
    return redirect("cocreation:consultations", org_slug=org.slug)


@org_view(CHANGE)
def participation_edit(request: OrgRequest, consultation_id: int) -> HttpResponse:
    org = request.organisation
    consultation = selectors.consultation_get(organisation=org, consultation_id=consultation_id)
    counts = {p.group: p.count for p in consultation.participation.all()}
    people = consultation.people if consultation.people is not None else max(counts.values(), default=None)
    form = ParticipationForm(request.POST or None, counts=counts, people=people)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "consultation": consultation, "counts": form.counts()}
        kwargs["people"] = form.people()
        if call_service(form, services.participation_set, **kwargs):
            messages.success(request, _("Who took part was saved."))
            return _to_detail(consultation)
    intro = _(
        "Count the people who took part, each once, and then the people of each group; no names are needed. "
        "One person may count in several groups."
    )
    back = ("cocreation:consultation-detail", [consultation.pk])
    return form_page(request, form, title=_("Who took part"), submit=_("Save"), back=back, intro=intro)


def _input_form(request: OrgRequest, **kwargs):
    org = request.organisation
    areas = FocusArea.objects.filter(organisation=org).select_related("strategy").order_by("strategy", "order")
    people = selectors.person_list(organisation=org)
    return InputForm(request.POST or None, focus_areas=areas, people=people, **kwargs)


@org_view(CHANGE)
def input_create(request: OrgRequest, consultation_id: int) -> HttpResponse:
    org = request.organisation
    consultation = selectors.consultation_get(organisation=org, consultation_id=consultation_id)
    language = (consultation.languages or [""])[0]
    form = _input_form(request, initial={"language": language})
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "consultation": consultation, **form.cleaned_data}
        if call_service(form, services.input_create, **kwargs):
            messages.success(request, _("The input was recorded."))
            if "another" in request.POST:
                return redirect("cocreation:input-create", org_slug=org.slug, consultation_id=consultation.pk)
            return _to_detail(consultation)
    back = ("cocreation:consultation-detail", [consultation.pk])
    title = _("Record what was said in %(title)s") % {"title": consultation.title}
    return render(
        request,
        "cocreation/input_form.html",
        {"form": form, "title": title, "back": back, "consultation": consultation},
    )


@org_view(CHANGE)
def input_edit(request: OrgRequest, input_id: int) -> HttpResponse:
    org = request.organisation
    item = selectors.input_get(organisation=org, input_id=input_id)
    initial = initial_from(
        item, ["kind", "text", "group", "language", "translation", "translation_language", "framework_codes"]
    )
    initial |= {"person_id": item.person_id, "focus_area_ids": [a.pk for a in item.focus_areas.all()]}
    initial["translation_language"] = item.translation_language or org.default_language
    form = _input_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "item": item, **form.cleaned_data}
        if call_service(form, services.input_update, **kwargs):
            messages.success(request, _("The input was saved."))
            return _to_detail(item.consultation)
    back = ("cocreation:consultation-detail", [item.consultation_id])
    return form_page(request, form, title=_("Edit the input"), submit=_("Save"), back=back)


@require_POST
@org_view(CHANGE)
def input_delete(request: OrgRequest, input_id: int) -> HttpResponse:
    org = request.organisation
    item = selectors.input_get(organisation=org, input_id=input_id)
    services.input_delete(actor=request.user, organisation=org, item=item)
    messages.success(request, _("The input was removed."))
    return _to_detail(item.consultation)


@require_POST
@org_view(CHANGE)
def input_confirm(request: OrgRequest, input_id: int) -> HttpResponse:
    """Confirm the suggested areas as they are, or as corrected by ticking boxes."""
    org = request.organisation
    item = selectors.input_get(organisation=org, input_id=input_id)
    form = ConfirmCodesForm(request.POST)
    codes = form.cleaned_data["framework_codes"] if form.is_valid() and "correct" in request.POST else None
    services.input_confirm_codes(actor=request.user, organisation=org, item=item, codes=codes)
    messages.success(request, _("The areas were confirmed."))
    if _safe_next(request):
        return redirect(request.POST["next"])
    return redirect("cocreation:inputs", org_slug=org.slug)


def _safe_next(request) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})


@org_view(VIEW)
def input_index(request: OrgRequest) -> HttpResponse:
    """The inbox of inputs: filtered, newest first, paged with a total; links keep the filters."""
    org = request.organisation
    filters = InboxFilters.from_params(request.GET)
    inputs = selectors.input_list(organisation=org, newest_first=True, **filters.selector_kwargs())
    page = paginate(request, inputs)
    areas = FocusArea.objects.filter(organisation=org).select_related("strategy").order_by("strategy", "order")
    context = {
        "page": page,
        "filters": filters,
        "codes": FrameworkCode.choices,
        "groups": Group.choices,
        "content_languages": settings.SAMSKAPA_CONTENT_LANGUAGES,
        # Hundreds in a large municipality: written in Python, not by a template loop per option.
        "consultation_options": option_tags(_consultation_choices(org), {str(filters.consultation_id)}),
        "focus_areas": areas,
        "can_change": request.user.has_perm(CHANGE, org),
        "query": InboxFilters.querystring(request.GET),
        "kinds": dict(Input.Kind.choices),
        "bulk_limit": BULK_LIMIT,
    }
    return render(request, "cocreation/input_list.html", context)


def _consultation_choices(org) -> list[tuple[int, str]]:
    """(id, "title (kind)") of every consultation, for the inbox's filter: a large municipality has
    hundreds, and a display method per option in the template cost most of the page."""
    kinds = {value: str(label).lower() for value, label in Consultation.Kind.choices}
    rows = Consultation.objects.filter(organisation=org).values_list("pk", "title", "kind")
    return [(pk, f"{title} ({kinds.get(kind, kind)})") for pk, title, kind in rows]


def _chosen_ids(request: OrgRequest, filters: InboxFilters) -> list[int]:
    """The ticked inputs, or every input matching the inbox's filter when "all matching" was chosen."""
    if request.POST.get("scope") == "all":
        matching = selectors.input_list(organisation=request.organisation, **filters.selector_kwargs())
        return list(matching.order_by().values_list("pk", flat=True)[: BULK_LIMIT + 1])
    return numbers_in(request.POST.getlist("input"))[: BULK_LIMIT + 1]


@require_POST
@org_view(CHANGE)
def input_bulk(request: OrgRequest) -> HttpResponse:
    """Act on many inputs at once: tag them, mark them reviewed, or make a finding of them."""
    org = request.organisation
    query = request.POST.get("filter", "")
    filters = InboxFilters.from_params(QueryDict(query))
    back: HttpResponse = redirect(
        f"{reverse('cocreation:inputs', args=[org.slug])}?{InboxFilters.querystring(QueryDict(query))}"
    )
    ids = _chosen_ids(request, filters)
    if request.POST.get("do") == "finding":
        target = reverse("cocreation:finding-create", args=[org.slug])
        if request.POST.get("scope") == "all":
            return redirect(f"{target}?all=1&{InboxFilters.querystring(QueryDict(query))}")
        return redirect(f"{target}?{urlencode([('input', i) for i in ids[:MAX_EVIDENCE]])}")
    form = BulkTagForm(request.POST, focus_areas=FocusArea.objects.filter(organisation=org))
    if not form.is_valid():
        messages.error(request, _("Choose areas from the lists."))
        return back
    try:
        n = inbox_services.inputs_tag(
            actor=request.user,
            organisation=org,
            input_ids=ids,
            codes=form.cleaned_data["codes"],
            focus_area_ids=form.cleaned_data["focus_area_ids"],
            mark_reviewed=request.POST.get("do") == "review" or form.cleaned_data["mark_reviewed"],
        )
    except ApplicationError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, ngettext("%(n)s input was updated.", "%(n)s inputs were updated.", n) % {"n": n})
    return back
