"""Document library, gap report, passage corrections, comparison; thin over services and selectors."""

import csv

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskapa.analysis import presenters, selectors, services
from samskapa.analysis.forms import CompareForm, DocumentUploadForm, PassageCorrectionForm
from samskapa.analysis.framework import AREAS
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view


@org_view("analysis.view_documents")
def document_list(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.SAMSKAPA_MAX_UPLOAD_BYTES + 1024 * 1024:
            # Refuse before reading a huge body into temporary files.
            form = DocumentUploadForm()
            form.add_error(
                None,
                _("The file is larger than the limit of %(limit)d MB.")
                % {"limit": settings.SAMSKAPA_MAX_UPLOAD_BYTES // (1024 * 1024)},
            )
            status = 413
        elif form.is_valid():
            document = call_service(
                form,
                services.document_upload,
                actor=request.user,
                organisation=org,
                uploaded=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
            if document:
                messages.success(request, _("The document was uploaded; its analysis runs in the background."))
                return redirect("orgs:job-detail", org_slug=org.slug, job_id=document.job_id)
        status = 400 if form.errors else status
    context = {
        "documents": selectors.document_list(organisation=org),
        "form": form,
        "can_upload": request.user.has_perm("analysis.upload_documents", org),
    }
    return render(request, "analysis/document_list.html", context, status=status)


@org_view("analysis.view_documents")
def document_detail(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    practices = selectors.practices_by_area(organisation=org)
    context = {
        "document": document,
        "areas": presenters.area_rows(document.report, practices) if document.report else [],
        "elements": presenters.element_rows(document.report) if document.report else [],
        "summary": presenters.summary(document.report) if document.report else [],
        "can_correct": request.user.has_perm("analysis.correct_passages", org),
    }
    return render(request, "analysis/document_detail.html", context)


@org_view("analysis.view_documents")
def passage_list(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    passages = selectors.passage_list(organisation=org, document=document)
    return render(request, "analysis/passage_list.html", {"document": document, "passages": passages, "areas": AREAS})


@org_view("analysis.correct_passages")
def passage_correct(request: OrgRequest, passage_id: int) -> HttpResponse:
    org = request.organisation
    passage = selectors.passage_get(organisation=org, passage_id=passage_id)
    form = PassageCorrectionForm(request.POST or None, initial={"labels": passage.effective_labels})
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            services.passage_correct,
            actor=request.user,
            organisation=org,
            passage=passage,
            labels=form.cleaned_data["labels"],
        )
        if done:
            messages.success(request, _("The codes were saved and the report updated."))
            return redirect("analysis:passages", org_slug=org.slug, document_id=passage.document_id)
    return render(request, "analysis/passage_correct.html", {"form": form, "passage": passage})


@org_view("analysis.view_documents")
def compare(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    analysed = selectors.document_list(organisation=org).filter(status="analysed")
    form = CompareForm(request.GET or None, choices=[(str(d.pk), d.title) for d in analysed])
    chosen = [d for d in analysed if form.is_valid() and str(d.pk) in form.cleaned_data["documents"]] or list(analysed)
    rows = [{"document": d, "cells": [d.report.get("areas", {}).get(code, {}) for code in AREAS]} for d in chosen]
    if request.GET.get("format") == "csv":
        return _compare_csv(rows)
    return render(request, "analysis/compare.html", {"form": form, "rows": rows, "areas": AREAS})


def _compare_csv(rows: list[dict]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="coverage.csv"'
    writer = csv.writer(response)
    writer.writerow(["document", *[f"{code}_status" for code in AREAS], *[f"{code}_score" for code in AREAS]])
    for row in rows:
        writer.writerow(
            [
                row["document"].title,
                *[c.get("status", "") for c in row["cells"]],
                *[c.get("score", "") for c in row["cells"]],
            ]
        )
    return response
