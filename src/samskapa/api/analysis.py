"""Gap analysis: documents (upload, status, report), passages (correction), compare, good practices."""

from datetime import datetime

from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field, HttpUrl

from samskapa.analysis import presenters, selectors, services, suggest
from samskapa.analysis.framework import AreaCode as Code
from samskapa.analysis.jobs import error_message
from samskapa.analysis.models import Document, GoodPractice
from samskapa.api.pagination import paged
from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.core.errors import ApplicationError
from samskapa.core.types import OrgRequest
from samskapa.reports.gap import gap_report_pdf

router = Router(tags=["analysis"])
VIEW, UPLOAD = "analysis.view_documents", "analysis.upload_documents"


class DocumentOut(Schema):
    id: int
    title: str
    publisher: str
    year: int | None
    mode: Document.Mode
    original_filename: str
    size: int
    status: Document.Status
    error: str | None = Field(None, description="Why the document could not be read, when it failed.")
    language: str
    pages: int
    job_id: int | None
    created_at: datetime
    analysed_at: datetime | None

    @staticmethod
    def resolve_error(obj):
        return error_message(obj.error_code) if obj.status == Document.Status.FAILED else None


class DocumentPatch(PatchSchema):
    patches = (Document,)
    title: str | None = Field(None, min_length=1, max_length=300)
    publisher: str | None = Field(None, max_length=200)
    year: int | None = Field(None, ge=1900, le=2200)


class ReanalyseIn(Schema):
    mode: Document.Mode | None = None


class PassageRefOut(Schema):
    passage_id: str
    page: int
    text: str
    heading: str | None = None


class EvidenceOut(PassageRefOut):
    score: float
    terms: list[str] = Field([], description="The terms of the area found in the passage.")


class ElementEvidenceOut(PassageRefOut):
    match: str | None = Field(None, description="The words that show the element.")


class PracticeOut(Schema):
    id: int
    title: str
    practised_by: str
    country: str
    summary: str
    areas: list[Code]
    link: str
    shared: bool = Field(description="True for the shared library, false for the organisation's own.")

    @staticmethod
    def resolve_shared(obj):
        return obj.organisation_id is None


class AreaOut(Schema):
    code: Code
    name: str
    status: str = Field(description="covered, weak or missing")
    status_label: str
    score: float
    count: int
    evidence: list[EvidenceOut]
    practices: list[PracticeOut] = Field(description="Good practices that address the area, when it is a gap.")


class ElementOut(Schema):
    key: str = Field(description="vision, target_groups, measurable_goals_or_indicators, ...")
    name: str
    present: bool
    evidence: list[ElementEvidenceOut]


class ReportOut(Schema):
    document: DocumentOut
    language: str | None
    summary: list[str]
    confidence: list[str] = Field(
        default_factory=list, description="What makes this report less sure: a short document, few passages, poor text."
    )
    corrections: int
    areas: list[AreaOut]
    elements: list[ElementOut]


class PassageOut(Schema):
    id: int
    position: int
    page: int
    kind: str
    heading: str
    text: str
    language: str
    labels: list[str] = Field(description="The codes that count: a person's correction, else the classifier's.")
    suggested_labels: list[str]
    corrected: bool
    scores: dict[str, float]

    @staticmethod
    def resolve_labels(obj):
        return obj.effective_labels

    @staticmethod
    def resolve_suggested_labels(obj):
        return obj.labels

    @staticmethod
    def resolve_corrected(obj):
        return obj.corrected_labels is not None


class CorrectionIn(Schema):
    labels: list[Code] | None = Field(description="The passage's codes; null gives it back the classifier's.")


class CompareCellOut(Schema):
    code: Code
    status: str | None
    score: float | None
    count: int | None


class CompareRowOut(Schema):
    document_id: int
    title: str
    publisher: str
    year: int | None
    areas: list[CompareCellOut]


class PracticeIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    practised_by: str = Field(min_length=1, max_length=200)
    country: str = Field(min_length=1, max_length=100)
    summary: str = Field(min_length=1)
    areas: list[Code] = Field(min_length=1)
    link: HttpUrl | None = None


class PracticePatch(PatchSchema):
    patches = (GoodPractice,)
    title: str | None = Field(None, min_length=1, max_length=200)
    practised_by: str | None = Field(None, min_length=1, max_length=200)
    country: str | None = Field(None, min_length=1, max_length=100)
    summary: str | None = Field(None, min_length=1)
    areas: list[Code] | None = Field(None, min_length=1)
    link: HttpUrl | None = None


class SuggestIn(Schema):
    texts: list[str] = Field(min_length=1, max_length=1000)


class SuggestionOut(Schema):
    codes: list[Code]
    scores: dict[str, float]


def _document(request, org_slug, document_id, capability=VIEW):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.document_get(organisation=organisation, document_id=document_id)


def _analysed(document: Document) -> Document:
    if not document.is_analysed:
        raise ApplicationError(
            error_message(document.error_code)
            if document.status == Document.Status.FAILED
            else str(document.get_status_display()),
            status=409,
            extra={"status": document.status},
        )
    return document


def _practice_fields(payload: Schema, *, exclude_unset: bool) -> dict:
    data = payload.dict(exclude_unset=exclude_unset)
    if "areas" in data and data["areas"] is not None:
        data["areas"] = [str(code) for code in data["areas"]]
    if "link" in data:
        data["link"] = str(data["link"]) if data["link"] else ""
    return data


@router.get("/orgs/{org_slug}/documents", response=list[DocumentOut])
@paged
def document_list(request: OrgRequest, org_slug: str):
    return selectors.document_list(organisation=org_scope(request, org_slug, VIEW))


@router.post("/orgs/{org_slug}/documents", response={201: DocumentOut})
def document_upload(
    request: OrgRequest,
    org_slug: str,
    file: File[UploadedFile],
    title: Form[str] = "",
    publisher: Form[str] = "",
    year: Form[int | None] = None,
    mode: Form[Document.Mode] = Document.Mode.FAST,
):
    """Upload a document (multipart form); its analysis runs in the background: follow `job_id`."""
    organisation = org_scope(request, org_slug)
    document = services.document_upload(
        actor=request.user,
        organisation=organisation,
        uploaded=file,
        title=title,
        publisher=publisher,
        year=year,
        mode=str(mode),
    )
    return Status(201, document)


@router.get("/orgs/{org_slug}/documents/compare", response=list[CompareRowOut])
@paged
def document_compare(request: OrgRequest, org_slug: str, documents: str = ""):
    """Coverage of every area for many documents (all analysed ones, or `documents=1,2,3`)."""
    organisation = org_scope(request, org_slug, VIEW)
    try:
        ids = [int(part) for part in documents.split(",") if part.strip()]
    except ValueError:
        raise ApplicationError(presenters.bad_ids_message()) from None
    return [
        {**row["document"], "document_id": row["document"]["pk"], "areas": row["cells"]}
        for row in selectors.compare_rows(organisation=organisation, document_ids=ids)
    ]


@router.get("/orgs/{org_slug}/documents/{document_id}", response=DocumentOut)
def document_detail(request: OrgRequest, org_slug: str, document_id: int):
    return _document(request, org_slug, document_id)[1]


@router.patch("/orgs/{org_slug}/documents/{document_id}", response=DocumentOut)
def document_update(request: OrgRequest, org_slug: str, document_id: int, payload: DocumentPatch):
    organisation, document = _document(request, org_slug, document_id)
    changes = payload.dict(exclude_unset=True)
    return services.document_update(actor=request.user, organisation=organisation, document=document, **changes)


@router.delete("/orgs/{org_slug}/documents/{document_id}", response={204: None})
def document_delete(request: OrgRequest, org_slug: str, document_id: int):
    organisation, document = _document(request, org_slug, document_id)
    services.document_delete(actor=request.user, organisation=organisation, document=document)
    return Status(204, None)


@router.post("/orgs/{org_slug}/documents/{document_id}/reanalyse", response={202: DocumentOut})
def document_reanalyse(request: OrgRequest, org_slug: str, document_id: int, payload: ReanalyseIn):
    """Analyse the stored file again, optionally in another mode; corrections are kept."""
    organisation, document = _document(request, org_slug, document_id)
    mode = str(payload.mode) if payload.mode else None
    return Status(
        202, services.document_reanalyse(actor=request.user, organisation=organisation, document=document, mode=mode)
    )


@router.get("/orgs/{org_slug}/documents/{document_id}/report", response=ReportOut)
def document_report(request: OrgRequest, org_slug: str, document_id: int):
    """The gap report: areas with evidence and matching good practices, elements, summary."""
    organisation, document = _document(request, org_slug, document_id)
    report = _analysed(document).report
    practices = selectors.practices_by_area(organisation=organisation)
    return {
        "document": document,
        "language": report.get("language"),
        "summary": presenters.summary(report),
        "confidence": presenters.confidence(report),
        "corrections": report.get("corrections", 0),
        "areas": presenters.area_rows(report, practices),
        "elements": presenters.element_rows(report),
    }


@router.get("/orgs/{org_slug}/documents/{document_id}/report.pdf", response={200: None})
def document_report_pdf(request: OrgRequest, org_slug: str, document_id: int, lang: str | None = None):
    """The gap report as PDF, in `lang` (sv, fi or en) or the language of the request."""
    organisation, document = _document(request, org_slug, document_id)
    return gap_report_pdf(organisation=organisation, document=_analysed(document), language=lang)


@router.get("/orgs/{org_slug}/documents/{document_id}/passages", response=list[PassageOut])
@paged
def passage_list(request: OrgRequest, org_slug: str, document_id: int):
    organisation, document = _document(request, org_slug, document_id)
    return selectors.passage_list(organisation=organisation, document=document)


@router.put("/orgs/{org_slug}/passages/{passage_id}/correction", response=PassageOut)
def passage_correct(request: OrgRequest, org_slug: str, passage_id: int, payload: CorrectionIn):
    """Set the passage's codes; the document's report is rebuilt at once."""
    organisation = org_scope(request, org_slug, VIEW)
    passage = selectors.passage_get(organisation=organisation, passage_id=passage_id)
    labels = None if payload.labels is None else [str(code) for code in payload.labels]
    return services.passage_correct(actor=request.user, organisation=organisation, passage=passage, labels=labels)


@router.post("/orgs/{org_slug}/suggest-codes", response=list[SuggestionOut])
def suggest_codes(request: OrgRequest, org_slug: str, payload: SuggestIn):
    """Framework codes for free texts, such as consultation inputs (the fast classifier)."""
    org_scope(request, org_slug, "analysis.suggest_codes")
    return [{"codes": s.codes, "scores": s.scores} for s in suggest.suggest_codes_many(payload.texts)]


@router.get("/orgs/{org_slug}/practices", response=list[PracticeOut])
@paged
def practice_list(request: OrgRequest, org_slug: str, area: Code | None = None):
    """The shared good-practice library and the organisation's own practices, optionally for one area."""
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.practice_list(organisation=organisation, area=str(area) if area else None)


@router.post("/orgs/{org_slug}/practices", response={201: PracticeOut})
def practice_create(request: OrgRequest, org_slug: str, payload: PracticeIn):
    organisation = org_scope(request, org_slug)
    fields = _practice_fields(payload, exclude_unset=False)
    return Status(201, services.practice_create(actor=request.user, organisation=organisation, **fields))


@router.get("/orgs/{org_slug}/practices/{practice_id}", response=PracticeOut)
def practice_detail(request: OrgRequest, org_slug: str, practice_id: int):
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.practice_get(organisation=organisation, practice_id=practice_id)


@router.patch("/orgs/{org_slug}/practices/{practice_id}", response=PracticeOut)
def practice_update(request: OrgRequest, org_slug: str, practice_id: int, payload: PracticePatch):
    organisation = org_scope(request, org_slug)
    practice = selectors.practice_get(organisation=organisation, practice_id=practice_id)
    changes = _practice_fields(payload, exclude_unset=True)
    return services.practice_update(actor=request.user, organisation=organisation, practice=practice, **changes)


@router.delete("/orgs/{org_slug}/practices/{practice_id}", response={204: None})
def practice_delete(request: OrgRequest, org_slug: str, practice_id: int):
    organisation = org_scope(request, org_slug)
    practice = selectors.practice_get(organisation=organisation, practice_id=practice_id)
    services.practice_delete(actor=request.user, organisation=organisation, practice=practice)
    return Status(204, None)
