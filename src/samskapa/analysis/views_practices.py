"""The good-practice library: everyone reads it, coordinators add and edit their organisation's own."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskapa.analysis import selectors, services
from samskapa.analysis.forms import PracticeFilterForm, PracticeForm
from samskapa.analysis.framework import AREAS
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view

VIEW, CHANGE = "analysis.view_documents", "analysis.change_practices"
PRACTICES_PER_PAGE = 20


def _own(request: OrgRequest, practice_id: int):
    practice = selectors.practice_get(organisation=request.organisation, practice_id=practice_id)
    if practice.organisation_id != request.organisation.pk:
        raise PermissionDenied  # the shared library is read-only: add your own practice instead
    return practice


def _to_list(request: OrgRequest):
    return redirect("analysis:practices", org_slug=request.organisation.slug)


@org_view(VIEW)
def practice_list(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = PracticeFilterForm(request.GET or None)
    area = form.cleaned_data["area"] if form.is_valid() else ""
    listed = selectors.practice_list(organisation=org, area=area or None).order_by("title", "pk")
    page = Paginator(listed, PRACTICES_PER_PAGE).get_page(request.GET.get("page"))
    practices = [{"practice": p, "areas": [AREAS[c] for c in p.areas if c in AREAS]} for p in page]
    context = {
        "form": form,
        "practices": practices,
        "page": page,
        "area": area,
        "area_name": AREAS.get(area, ""),
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "analysis/practice_list.html", context)


@org_view(CHANGE)
def practice_create(request: OrgRequest) -> HttpResponse:
    form = PracticeForm(request.POST or None, initial={"country": request.organisation.get_country_display()})
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": request.organisation, **form.cleaned_data}
        if call_service(form, services.practice_create, **kwargs):
            messages.success(request, _("The practice was added to your library."))
            return _to_list(request)
    context = {"form": form, "title": _("Add a good practice"), "submit": _("Add the practice")}
    return render(request, "analysis/practice_form.html", context)


@org_view(CHANGE)
def practice_edit(request: OrgRequest, practice_id: int) -> HttpResponse:
    practice = _own(request, practice_id)
    initial = {field: getattr(practice, field) for field in services.PRACTICE_FIELDS}
    form = PracticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": request.organisation, "practice": practice}
        if call_service(form, services.practice_update, **kwargs, **form.cleaned_data):
            messages.success(request, _("The practice was saved."))
            return _to_list(request)
    context = {
        "form": form,
        "practice": practice,
        "title": _("Edit %(title)s") % {"title": practice.title},
        "submit": _("Save"),
    }
    return render(request, "analysis/practice_form.html", context)


@org_view(CHANGE)
def practice_delete(request: OrgRequest, practice_id: int) -> HttpResponse:
    practice = _own(request, practice_id)
    if request.method == "POST":
        services.practice_delete(actor=request.user, organisation=request.organisation, practice=practice)
        messages.success(request, _("The practice %(title)s was removed.") % {"title": practice.title})
        return _to_list(request)
    return render(request, "analysis/practice_delete.html", {"practice": practice})
