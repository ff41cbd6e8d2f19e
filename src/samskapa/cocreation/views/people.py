"""People and consent: the personal data of co-creation, its export and its erasure."""

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskapa.actors.forms import initial_from
from samskapa.actors.selectors import actor_list
from samskapa.actors.views import form_page
from samskapa.cocreation import gdpr, selectors
from samskapa.cocreation.forms import ConsentForm, NewPersonForm, PersonForm, WithdrawForm
from samskapa.cocreation.services import people as services
from samskapa.core.access import number_in
from samskapa.core.downloads import file_response
from samskapa.core.paging import paginate
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view

PEOPLE = "cocreation.manage_personal_data"


def _to_person(person):
    return redirect("cocreation:person-detail", org_slug=person.organisation.slug, person_id=person.pk)


@org_view(PEOPLE)
def person_index(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    page = paginate(request, selectors.person_list(organisation=org))
    context = {
        "page": page,
        "people": page.object_list,
        "retention_days": gdpr.retention_days(),
        "due": gdpr.retention_due(organisation=org),
    }
    return render(request, "cocreation/person_list.html", context)


@org_view(PEOPLE)
def person_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    actor = request.GET.get("actor")
    form = NewPersonForm(
        request.POST or None,
        actors=actor_list(organisation=org),
        initial={"actor_id": number_in(actor) if actor else None, "consent_purpose": "contact"},
    )
    if request.method == "POST" and form.is_valid():
        fields, consent = form.split()
        if person := call_service(
            form, services.person_create, actor=request.user, organisation=org, consent=consent, **fields
        ):
            messages.success(request, _("The person and their consent were recorded."))
            return _to_person(person)
    intro = _("Record a person only with their consent: say for what, since when, and how it was given.")
    return form_page(
        request, form, title=_("New person"), submit=_("Save"), back=("cocreation:people", []), intro=intro
    )


@org_view(PEOPLE)
def person_detail(request: OrgRequest, person_id: int) -> HttpResponse:
    person = selectors.person_get(organisation=request.organisation, person_id=person_id)
    return render(request, "cocreation/person_detail.html", {"person": person, "consent_form": ConsentForm()})


@org_view(PEOPLE)
def person_edit(request: OrgRequest, person_id: int) -> HttpResponse:
    org = request.organisation
    person = selectors.person_get(organisation=org, person_id=person_id)
    fields = ["full_name", "email", "phone", "title", "note", "actor_id"]
    form = PersonForm(request.POST or None, actors=actor_list(organisation=org), initial=initial_from(person, fields))
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form, services.person_update, actor=request.user, organisation=org, person=person, **form.cleaned_data
        )
    ):
        messages.success(request, _("The person was saved."))
        return _to_person(person)
    return form_page(
        request,
        form,
        title=_("Edit %(name)s") % {"name": person.full_name},
        submit=_("Save"),
        back=("cocreation:person-detail", [person.pk]),
    )


@org_view(PEOPLE)
def consent_add(request: OrgRequest, person_id: int) -> HttpResponse:
    org = request.organisation
    person = selectors.person_get(organisation=org, person_id=person_id)
    form = ConsentForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form, services.consent_add, actor=request.user, organisation=org, person=person, **form.cleaned_data
        )
    ):
        messages.success(request, _("The consent was recorded."))
        return _to_person(person)
    return form_page(
        request, form, title=_("Record a consent"), submit=_("Save"), back=("cocreation:person-detail", [person.pk])
    )


@org_view(PEOPLE)
def consent_withdraw(request: OrgRequest, consent_id: int) -> HttpResponse:
    org = request.organisation
    consent = selectors.consent_get(organisation=org, consent_id=consent_id)
    form = WithdrawForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(
            form, services.consent_withdraw, actor=request.user, organisation=org, consent=consent, **form.cleaned_data
        )
    ):
        messages.success(request, _("The withdrawal was recorded."))
        return _to_person(consent.person)
    title = _("Withdraw: %(purpose)s") % {"purpose": consent.get_purpose_display()}
    return form_page(
        request,
        form,
        title=title,
        submit=_("Record the withdrawal"),
        back=("cocreation:person-detail", [consent.person_id]),
    )


@org_view(PEOPLE)
def person_export(request: OrgRequest, person_id: int) -> HttpResponse:
    """All data about the person as JSON (the data subject's right of access)."""
    org = request.organisation
    person = selectors.person_get(organisation=org, person_id=person_id)
    data = gdpr.person_export(actor=request.user, organisation=org, person=person)
    content = json.dumps(data, ensure_ascii=False, indent=2).encode()
    return file_response(content, title=f"{person.full_name} data", extension="json")


@org_view(PEOPLE)
def person_erase(request: OrgRequest, person_id: int) -> HttpResponse:
    """Confirm, then remove the person everywhere; what they said stays, anonymous."""
    org = request.organisation
    person = selectors.person_get(organisation=org, person_id=person_id)
    if request.method == "POST" and request.POST.get("confirm") == "erase":
        left = gdpr.person_erase(actor=request.user, organisation=org, person=person)
        messages.success(request, _("The person was erased. Their anonymous inputs were kept."))
        if left:
            tables = sorted({table for table, _pk, _column in left.found})
            messages.warning(
                request,
                _("Their name still appears in: %(tables)s. Edit those texts by hand.") % {"tables": ", ".join(tables)},
            )
        return redirect("cocreation:people", org_slug=org.slug)
    return render(request, "cocreation/person_erase.html", {"person": person})
