"""The co-creation overview: who has been heard, by group, against the engagement plan."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskapa.actors.views import form_page
from samskapa.cocreation import selectors
from samskapa.cocreation.charts import bar_chart
from samskapa.cocreation.forms import GroupTargetForm
from samskapa.cocreation.models import GroupTarget
from samskapa.cocreation.services import consultations as services
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view

VIEW, CHANGE = "cocreation.view_consultations", "cocreation.change_consultations"


@org_view(VIEW)
def overview(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    heard = selectors.participation_overview(organisation=org)
    colours = {"on_track": "#1e6b35", "not_heard": "#a4262c", "unplanned": "#0b5394", "behind": "#8a4b00"}
    chart = bar_chart([(g.label, g.share, f"{g.share} %", colours[g.status]) for g in heard.groups], scale=100)
    context = {
        "overview": heard,
        "chart": chart,
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "cocreation/overview.html", context)


@org_view(CHANGE)
def group_target_edit(request: OrgRequest) -> HttpResponse:
    """Plan how many people of a group to hear (the engagement plan for groups)."""
    org = request.organisation
    group = request.GET.get("group") or request.POST.get("group")
    current = GroupTarget.objects.filter(organisation=org, group=group).first()
    initial = {"group": group} | (
        {"participants": current.participants, "consultations": current.consultations, "note": current.note}
        if current
        else {}
    )
    form = GroupTargetForm(request.POST or None, initial=initial)
    kwargs = {"actor": request.user, "organisation": org}
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(form, services.group_target_set, **kwargs, **form.cleaned_data)
    ):
        messages.success(request, _("The plan for the group was saved."))
        return redirect("cocreation:overview", org_slug=org.slug)
    return form_page(
        request, form, title=_("Plan whom to hear"), submit=_("Save the plan"), back=("cocreation:overview", [])
    )
