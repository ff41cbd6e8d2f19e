"""The follow-up dashboard per focus area and the annual follow-up report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.core.access import number_in
from samskapa.core.downloads import file_response
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.indicators import followup, selectors, services
from samskapa.indicators.forms import ReportForm
from samskapa.indicators.views import CHANGE, VIEW


def _strategy(request: OrgRequest):
    org = request.organisation
    wanted = request.GET.get("strategy", "")
    if wanted:
        if number_in(wanted) is None:
            raise Http404
        strategy = followup.strategy_choices(organisation=org).filter(pk=number_in(wanted)).first()
        if strategy is None:
            raise Http404
        return strategy
    return followup.default_strategy(organisation=org)


@org_view(VIEW)
def dashboard(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    strategy = _strategy(request)
    year = timezone.localdate().year
    consultations, open_findings = followup.co_creation_facts(organisation=org, year=year)
    context = {
        "strategy": strategy,
        "year": year,
        "consultations": consultations,
        "open_findings": open_findings,
        "strategies": followup.strategy_choices(organisation=org),
        "follow_up": followup.follow_up(organisation=org, strategy=strategy) if strategy else None,
        "today": timezone.localdate(),
    }
    return render(request, "indicators/followup.html", context)


@org_view(VIEW)
def report_list(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    can_change = request.user.has_perm(CHANGE, org)
    strategies = followup.strategy_choices(organisation=org)
    initial = {"strategy": followup.default_strategy(organisation=org), "year": timezone.localdate().year - 1}
    form = ReportForm(request.POST or None, initial=initial, strategies=strategies)
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            report = call_service(
                form, services.follow_up_report_start, actor=request.user, organisation=org, **form.cleaned_data
            )
            if report:
                messages.success(request, _("The report is being written in the background."))
                return redirect("orgs:job-detail", org_slug=org.slug, job_id=report.job_id)
    context = {"reports": selectors.follow_up_report_list(organisation=org), "form": form, "can_change": can_change}
    return render(request, "indicators/reports.html", context, status=400 if form.errors else 200)


def _download(request: OrgRequest, report_id: int, extension: str) -> HttpResponse:
    report = selectors.follow_up_report_get(organisation=request.organisation, report_id=report_id)
    stored = report.pdf if extension == "pdf" else report.docx
    if not stored:
        raise Http404
    with stored.open("rb") as handle:
        return file_response(handle.read(), title=report.title, extension=extension)


@org_view(VIEW)
def report_pdf(request: OrgRequest, report_id: int) -> HttpResponse:
    return _download(request, report_id, "pdf")


@org_view(VIEW)
def report_docx(request: OrgRequest, report_id: int) -> HttpResponse:
    return _download(request, report_id, "docx")
