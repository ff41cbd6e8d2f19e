"""The progress page of a background job; htmx polls its fragment, without JS it refreshes."""

from django.http import HttpResponse
from django.shortcuts import render

from samskapa.core.selectors import job_get
from samskapa.core.types import OrgRequest
from samskapa.core.views import org_view


@org_view("core.view_job")
def job_detail(request: OrgRequest, job_id: int) -> HttpResponse:
    job = job_get(organisation=request.organisation, job_id=job_id)
    fragment = request.headers.get("HX-Request") == "true"
    template = "core/_job_progress.html" if fragment else "core/job_detail.html"
    return render(request, template, {"job": job})
