"""The co-creation committee: its members, its meetings with agenda, minutes and decisions."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.actors.forms import initial_from
from samskapa.actors.selectors import actor_list
from samskapa.actors.views import form_page
from samskapa.cocreation import selectors
from samskapa.cocreation.forms import CommitteeForm, DecisionForm, MeetingForm, MemberForm, MinutesForm
from samskapa.cocreation.services import committee as services
from samskapa.core.paging import paginate
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view

VIEW, CHANGE = "cocreation.view_committee", "cocreation.change_consultations"
MINUTES = "cocreation.record_committee_minutes"
DELETE_DECISIONS = "cocreation.delete_committee_decisions"


def _to_committee(committee):
    return redirect("cocreation:committee-detail", org_slug=committee.organisation.slug, committee_id=committee.pk)


def _to_meeting(meeting):
    return redirect("cocreation:meeting-detail", org_slug=meeting.organisation.slug, meeting_id=meeting.pk)


@org_view(VIEW)
def committee_index(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    committees = list(selectors.committee_list(organisation=org))
    if len(committees) == 1 and not request.GET.get("all"):
        return _to_committee(committees[0])
    context = {"committees": committees, "can_change": request.user.has_perm(CHANGE, org)}
    return render(request, "cocreation/committee_list.html", context)


@org_view(CHANGE)
def committee_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = CommitteeForm(request.POST or None, initial={"name": _("Co-creation committee")})
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            created := call_service(
                form, services.committee_create, actor=request.user, organisation=org, **form.cleaned_data
            )
        )
    ):
        messages.success(request, _("The committee was set up."))
        return _to_committee(created)
    return form_page(
        request, form, title=_("Set up a co-creation committee"), submit=_("Set up"), back=("cocreation:committees", [])
    )


@org_view(VIEW)
def committee_detail(request: OrgRequest, committee_id: int) -> HttpResponse:
    org = request.organisation
    committee = selectors.committee_get(organisation=org, committee_id=committee_id, with_meetings=False)
    context = {
        "committee": committee,
        "meetings": paginate(request, selectors.meeting_list(committee=committee)),
        "can_change": request.user.has_perm(CHANGE, org),
        "can_delete_decisions": request.user.has_perm(DELETE_DECISIONS, org),
        "can_see_people": request.user.has_perm("cocreation.manage_personal_data", org),
    }
    return render(request, "cocreation/committee_detail.html", context)


@org_view(CHANGE)
def committee_edit(request: OrgRequest, committee_id: int) -> HttpResponse:
    org = request.organisation
    committee = selectors.committee_get(organisation=org, committee_id=committee_id)
    form = CommitteeForm(request.POST or None, initial=initial_from(committee, ["name", "mandate"]))
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "committee": committee, **form.cleaned_data}
        if call_service(form, services.committee_update, **kwargs):
            messages.success(request, _("The committee was saved."))
            return _to_committee(committee)
    return form_page(
        request,
        form,
        title=_("Edit the committee"),
        submit=_("Save"),
        back=("cocreation:committee-detail", [committee.pk]),
    )


def _member_form(request: OrgRequest, **kwargs):
    org = request.organisation
    people = selectors.person_list(organisation=org).filter(consents__purpose="committee").distinct()
    return MemberForm(request.POST or None, actors=actor_list(organisation=org), people=people, **kwargs)


@org_view(CHANGE)
def member_add(request: OrgRequest, committee_id: int) -> HttpResponse:
    org = request.organisation
    committee = selectors.committee_get(organisation=org, committee_id=committee_id)
    form = _member_form(request)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "committee": committee, **form.cleaned_data}
        if call_service(form, services.member_add, **kwargs):
            messages.success(request, _("The member was added."))
            return _to_committee(committee)
    intro = _(
        "A seat can be held by an actor (an organisation or group), by a named person who has consented, "
        "or by a person for an actor."
    )
    back = ("cocreation:committee-detail", [committee.pk])
    return form_page(request, form, title=_("Add a member"), submit=_("Add the member"), back=back, intro=intro)


@org_view(CHANGE)
def member_edit(request: OrgRequest, member_id: int) -> HttpResponse:
    org = request.organisation
    member = selectors.member_get(organisation=org, member_id=member_id)
    form = _member_form(request, initial=initial_from(member, ["role", "joined_on", "left_on"]))
    del form.fields["actor_id"], form.fields["person_id"]
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "member": member, **form.cleaned_data}
        if call_service(form, services.member_update, **kwargs):
            messages.success(request, _("The member was saved."))
            return _to_committee(member.committee)
    title = _("Edit the seat of %(name)s") % {"name": member}
    return form_page(
        request, form, title=title, submit=_("Save"), back=("cocreation:committee-detail", [member.committee_id])
    )


@require_POST
@org_view(CHANGE)
def member_remove(request: OrgRequest, member_id: int) -> HttpResponse:
    org = request.organisation
    member = selectors.member_get(organisation=org, member_id=member_id)
    services.member_remove(actor=request.user, organisation=org, member=member)
    messages.success(request, _("The member was removed from the committee."))
    return _to_committee(member.committee)


@org_view(CHANGE)
def meeting_create(request: OrgRequest, committee_id: int) -> HttpResponse:
    org = request.organisation
    committee = selectors.committee_get(organisation=org, committee_id=committee_id)
    number = len(committee.meetings.all()) + 1
    form = MeetingForm(
        request.POST or None,
        initial={"title": _("%(name)s, meeting %(n)s") % {"name": committee.name, "n": number}, "status": "planned"},
    )
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "committee": committee, **form.cleaned_data}
        if meeting := call_service(form, services.meeting_create, **kwargs):
            messages.success(request, _("The meeting was saved."))
            return _to_meeting(meeting)
    return form_page(
        request,
        form,
        title=_("New committee meeting"),
        submit=_("Save the meeting"),
        back=("cocreation:committee-detail", [committee.pk]),
    )


@org_view(VIEW)
def meeting_detail(request: OrgRequest, meeting_id: int) -> HttpResponse:
    org = request.organisation
    meeting = selectors.meeting_get(organisation=org, meeting_id=meeting_id)
    can_minute = request.user.has_perm(MINUTES, org)
    areas, goals, actions = selectors.strategy_elements(organisation=org)
    context = {
        "meeting": meeting,
        "can_minute": can_minute,
        "can_change": request.user.has_perm(CHANGE, org),
        "can_delete_decisions": request.user.has_perm(DELETE_DECISIONS, org),
        "decision_form": DecisionForm(focus_areas=areas, goals=goals, actions=actions) if can_minute else None,
        "participant_total": _people(meeting.consultation),
    }
    return render(request, "cocreation/meeting_detail.html", context)


@org_view(MINUTES)
def meeting_minutes(request: OrgRequest, meeting_id: int) -> HttpResponse:
    org = request.organisation
    meeting = selectors.meeting_get(organisation=org, meeting_id=meeting_id)
    form = MinutesForm(request.POST or None, initial={"agenda": meeting.agenda, "minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "meeting": meeting, **form.cleaned_data}
        if call_service(form, services.meeting_update, **kwargs):
            messages.success(request, _("The agenda and minutes were saved."))
            return _to_meeting(meeting)
    title = _("Agenda and minutes: %(title)s") % {"title": meeting.consultation.title}
    return form_page(request, form, title=title, submit=_("Save"), back=("cocreation:meeting-detail", [meeting.pk]))


@require_POST
@org_view(MINUTES)
def decision_add(request: OrgRequest, meeting_id: int) -> HttpResponse:
    org = request.organisation
    meeting = selectors.meeting_get(organisation=org, meeting_id=meeting_id)
    areas, goals, actions = selectors.strategy_elements(organisation=org)
    form = DecisionForm(request.POST, focus_areas=areas, goals=goals, actions=actions)
    if form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "meeting": meeting, "text": form.cleaned_data["text"]}
        if call_service(form, services.decision_add, **kwargs, **form.target_ids()):
            messages.success(request, _("The decision was recorded."))
            return _to_meeting(meeting)
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return _to_meeting(meeting)


@require_POST
@org_view(DELETE_DECISIONS)
def decision_delete(request: OrgRequest, decision_id: int) -> HttpResponse:
    org = request.organisation
    decision = selectors.decision_get(organisation=org, decision_id=decision_id)
    services.decision_delete(actor=request.user, organisation=org, decision=decision)
    messages.success(request, _("The decision was removed."))
    return _to_meeting(decision.meeting)


def _people(consultation) -> int:
    """Each person once: the head count, else the largest group (groups overlap)."""
    if consultation.people is not None:
        return consultation.people
    return max((p.count for p in consultation.participation.all()), default=0)
