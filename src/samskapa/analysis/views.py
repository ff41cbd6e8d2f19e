"""Document library, gap report (page and PDF), passage corrections, comparison; thin over services and selectors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.analysis import heatmap, presenters, selectors, services
from samskapa.analysis.forms import (
    CompareForm,
    DocumentEditForm,
    DocumentFilterForm,
    DocumentUploadForm,
    PassageCorrectionForm,
)
from samskapa.analysis.framework import AREAS
from samskapa.analysis.rules import REANALYSE
from samskapa.analysis.uploads import body_too_large, limit_message
from samskapa.core.downloads import file_response
from samskapa.core.errors import ApplicationError
from samskapa.core.paging import paginate, sort_order
from samskapa.core.tabular import Sheet, csv_bytes, xlsx_bytes
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.reports.gap import gap_report_pdf

VIEW, UPLOAD, CORRECT = "analysis.view_documents", "analysis.upload_documents", "analysis.correct_passages"
PASSAGES_PER_PAGE = 200


def _to_document(document):
    return redirect("analysis:document", org_slug=document.organisation.slug, document_id=document.pk)


# ?sort= keys of the library and the fields they order by.
DOCUMENT_SORTS = {
    "title": ("title",),
    "publisher": ("publisher", "title"),
    "status": ("status", "title"),
    "uploaded": ("created_at",),
}


@org_view(VIEW)
def document_list(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form, status, refused = DocumentUploadForm(), 200, ""
    if request.method == "POST" and body_too_large(request):
        # Refused before the body is read (see analysis/uploads.py).
        refused, status = limit_message(), 413
    elif request.method == "POST":
        form = DocumentUploadForm(request.POST, request.FILES)
        documents = form.is_valid() and call_service(
            form,
            services.document_upload_many,
            actor=request.user,
            organisation=org,
            uploads=form.cleaned_data["file"],
            **{k: form.cleaned_data[k] for k in ("title", "publisher", "year")},
        )
        if documents and len(documents) == 1:
            messages.success(request, _("The document was uploaded; its analysis runs in the background."))
            return redirect("orgs:job-detail", org_slug=org.slug, job_id=documents[0].job_id)
        if documents:
            messages.success(
                request,
                _("%(count)d documents were uploaded; their analyses run in the background.")
                % {"count": len(documents)},
            )
            return redirect("analysis:documents", org_slug=org.slug)
        status = 400
    filters = DocumentFilterForm(request.GET or None)
    text = filters.cleaned_data["q"].strip() if filters.is_bound and filters.is_valid() else ""
    sorting = sort_order(request, DOCUMENT_SORTS, default="-uploaded")
    documents = selectors.document_list(organisation=org, text=text).order_by(*sorting.fields)
    page = paginate(request, documents)
    query = request.GET.copy()
    for key in ("sort", "page"):
        query.pop(key, None)
    context = {
        "page": page,
        "documents": page.object_list,
        "filters": filters,
        "sorting": sorting,
        "query": query.urlencode(),
        "form": form,
        "refused": refused,
        "can_upload": request.user.has_perm(UPLOAD, org),
    }
    return render(request, "analysis/document_list.html", context, status=status)


@org_view(VIEW)
def document_detail(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    report = document.report if document.is_analysed else {}
    practices = selectors.practices_by_area(organisation=org) if report else {}
    context = {
        "document": document,
        "areas": presenters.area_rows(report, practices) if report else [],
        "elements": presenters.element_rows(report) if report else [],
        "summary": presenters.summary(report) if report else [],
        "confidence": presenters.confidence(report) if report else [],
        "can_correct": request.user.has_perm(CORRECT, org),
        "can_upload": request.user.has_perm(UPLOAD, org),
        "can_delete": request.user.has_perm("analysis.delete_documents", org),
        "can_reanalyse": request.user.has_perm(REANALYSE, document),
        "error": presenters.failure_message(document),
    }
    return render(request, "analysis/document_detail.html", context)


@org_view(VIEW)
def document_report_pdf(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    if not document.is_analysed:
        messages.error(request, _("The report is ready once the analysis has finished."))
        return _to_document(document)
    try:
        return gap_report_pdf(organisation=org, document=document, language=request.GET.get("lang"))
    except ApplicationError as error:
        messages.error(request, error.message)
        return _to_document(document)


@org_view(UPLOAD)
def document_edit(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    initial = {"title": document.title, "publisher": document.publisher, "year": document.year}
    form = DocumentEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "document": document, **form.cleaned_data}
        if call_service(form, services.document_update, **kwargs):
            messages.success(request, _("The document's details were saved."))
            return _to_document(document)
    return render(request, "analysis/document_form.html", {"form": form, "document": document})


@require_POST
@org_view(UPLOAD)
def document_reanalyse(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    if not request.user.has_perm(REANALYSE, document):
        raise PermissionDenied
    try:
        services.document_reanalyse(actor=request.user, organisation=org, document=document)
    except ApplicationError as error:
        messages.error(request, error.message)
        return _to_document(document)
    messages.success(request, _("The document is analysed again in the background; corrections are kept."))
    return redirect("orgs:job-detail", org_slug=org.slug, job_id=document.job_id)


@org_view("analysis.delete_documents")
def document_delete(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    if request.method == "POST":
        services.document_delete(actor=request.user, organisation=org, document=document)
        messages.success(request, _("The document %(title)s was removed.") % {"title": document.title})
        return redirect("analysis:documents", org_slug=org.slug)
    return render(request, "analysis/document_delete.html", {"document": document})


@org_view(VIEW)
def passage_list(request: OrgRequest, document_id: int) -> HttpResponse:
    org = request.organisation
    document = selectors.document_get(organisation=org, document_id=document_id)
    page = paginate(request, selectors.passage_list(organisation=org, document=document), per_page=PASSAGES_PER_PAGE)
    context = {"document": document, "page": page, "areas": AREAS, "can_correct": request.user.has_perm(CORRECT, org)}
    return render(request, "analysis/passage_list.html", context)


@org_view(CORRECT)
def passage_correct(request: OrgRequest, passage_id: int) -> HttpResponse:
    org = request.organisation
    passage = selectors.passage_get(organisation=org, passage_id=passage_id)
    form = PassageCorrectionForm(request.POST or None, initial={"labels": passage.effective_labels})
    if request.method == "POST" and form.is_valid():
        labels = None if "reset" in request.POST else form.cleaned_data["labels"]
        kwargs = {"actor": request.user, "organisation": org, "passage": passage, "labels": labels}
        if call_service(form, services.passage_correct, **kwargs):
            messages.success(request, _("The codes were saved and the report updated."))
            return redirect("analysis:passages", org_slug=org.slug, document_id=passage.document_id)
    context = {"form": form, "passage": passage, "suggested": [AREAS[c] for c in passage.labels]}
    return render(request, "analysis/passage_correct.html", context)


COMPARE_PER_PAGE = 25
# ?sort= keys of the comparison and the fields they order by.
COMPARE_SORTS = {
    "publisher": ("publisher", "title"),
    "title": ("title", "publisher"),
    "year": ("year", "publisher", "title"),
    "score": ("mean_score", "publisher", "title"),
}


@org_view(VIEW)
def compare(request: OrgRequest) -> HttpResponse:
    """The comparison a page of documents at a time (picture and table for the page only); the
    summary across documents and the downloads cover every document the filters match."""
    org = request.organisation
    form = CompareForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    chosen = form.cleaned_data if form.is_bound and valid else {}
    ids = chosen.get("documents") or []
    if ids and selectors.compare_documents(organisation=org, document_ids=ids).count() != len(ids):
        raise Http404  # another organisation's document, or one not analysed
    documents = selectors.compare_documents(
        organisation=org, document_ids=ids, text=(chosen.get("q") or "").strip(), year=chosen.get("year")
    )
    sorting = sort_order(request, COMPARE_SORTS, default="publisher")
    ordered = selectors.with_mean_score(documents) if sorting.key == "score" else documents
    values = selectors.compare_values(ordered.order_by(*sorting.fields))
    export = request.GET.get("format")
    if export in ("csv", "xlsx") and valid:
        return _compare_export(selectors.compare_rows_of(values.iterator()), export)
    page = paginate(request, values, per_page=COMPARE_PER_PAGE)
    rows = selectors.compare_rows_of(page.object_list)
    total, counts = selectors.compare_summary(documents)
    query = request.GET.copy()
    for key in ("sort", "page", "format"):
        query.pop(key, None)
    context = {
        "form": form,
        "page": page,
        "rows": heatmap.table_rows(rows),
        "areas": AREAS,
        "sorting": sorting,
        "query": query.urlencode(),
        "summary": presenters.compare_summary(total, counts),
        "heatmap": heatmap.heatmap_svg(rows) if rows else "",
        "any_analysed": bool(rows) or selectors.compare_documents(organisation=org).exists(),
    }
    return render(request, "analysis/compare.html", context, status=200 if valid else 400)


def _compare_export(rows: list[dict], extension: str) -> HttpResponse:
    header = [
        "document_id",
        "document",
        "published_by",
        "year",
        *[f"{code}_status" for code in AREAS],
        *[f"{code}_score" for code in AREAS],
        *[f"{code}_passages" for code in AREAS],
    ]
    table = [
        [
            row["document"]["pk"],
            row["document"]["title"],
            row["document"]["publisher"],
            row["document"]["year"] or "",
            *[c["status"] or "" for c in row["cells"]],
            *[c["score"] if c["score"] is not None else "" for c in row["cells"]],
            *[c["count"] if c["count"] is not None else "" for c in row["cells"]],
        ]
        for row in rows
    ]
    if extension == "csv":
        return file_response(csv_bytes(header, table), title="coverage", extension="csv")
    sheet = Sheet(title=_("Coverage"), header=header, rows=table)
    return file_response(xlsx_bytes([sheet]), title="coverage", extension="xlsx")
