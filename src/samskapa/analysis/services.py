"""Writes for documents and the gap analysis."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.analysis import engine
from samskapa.analysis.models import Document, GoodPractice, Passage
from samskapa.analysis.report import rebuild_report
from samskapa.core.errors import ApplicationError
from samskapa.core.history import save_as
from samskapa.core.jobs import job_start
from samskapa.orgs.services import require

ACCEPTED_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt", ".md"}


def _check_upload(uploaded: UploadedFile) -> None:
    name = uploaded.name or ""
    if Path(name).suffix.lower() not in ACCEPTED_SUFFIXES:
        raise ApplicationError(_("Upload a PDF, DOCX, HTML or text file."))
    if uploaded.size is None or uploaded.size == 0:
        raise ApplicationError(_("The file is empty."))
    if uploaded.size > settings.SAMSKAPA_MAX_UPLOAD_BYTES:
        limit = settings.SAMSKAPA_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ApplicationError(_("The file is larger than the limit of %(limit)d MB.") % {"limit": limit}, status=413)


def _sha256(uploaded: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return digest.hexdigest()


@transaction.atomic
def document_upload(*, actor, organisation, uploaded: UploadedFile, title: str = "") -> Document:
    """Store an uploaded document and queue its analysis as background work."""
    require(actor, "analysis.upload_documents", organisation)
    _check_upload(uploaded)
    filename = Path(uploaded.name or "document").name
    document = Document(
        organisation=organisation,
        title=title.strip() or Path(filename).stem,
        original_filename=filename,
        size=uploaded.size or 0,
        sha256=_sha256(uploaded),
        uploaded_by=actor,
    )
    document.file.save(filename, uploaded, save=False)
    save_as(document, actor)
    document.job = job_start(
        organisation=organisation,
        user=actor,
        kind="analysis.document",
        title=_("Gap analysis of %(title)s") % {"title": document.title},
        params={"document_id": document.pk},
    )
    document.save(update_fields=["job"])
    return document


def document_store_analysis(*, document: Document, report: "engine.DocumentReport") -> Document:
    """Replace the document's passages with the engine's and keep its report (no corrections yet)."""
    with transaction.atomic():
        Passage.objects.filter(document=document).delete()
        Passage.objects.bulk_create(
            [
                Passage(
                    organisation_id=document.organisation_id,
                    document=document,
                    position=i,
                    page=p.page,
                    kind=p.kind,
                    heading=p.heading or "",
                    text=p.text,
                    language=p.language or "",
                    labels=lab.labels,
                    scores={k: round(v, 4) for k, v in lab.scores.items()},
                    terms=lab.terms,
                )
                for i, (p, lab) in enumerate(zip(report.passages, report.labels, strict=True))
            ],
            batch_size=500,
        )
        document.language, document.pages = report.language or "", report.n_pages
        document.status, document.error_code, document.analysed_at = Document.Status.ANALYSED, "", timezone.now()
        document.report = report.to_dict()
        document.save()
    return document


def document_mark_failed(*, document: Document, code: str) -> None:
    Document.objects.filter(pk=document.pk).update(status=Document.Status.FAILED, error_code=code)


@transaction.atomic
def passage_correct(*, actor, organisation, passage: Passage, labels: list[str]) -> Passage:
    """A person sets a passage's codes; the document's report is rebuilt from all passages."""
    require(actor, "analysis.correct_passages", organisation)
    unknown = set(labels) - set(engine.CODES)
    if unknown:
        raise ApplicationError(_("Unknown framework codes: %(codes)s") % {"codes": ", ".join(sorted(unknown))})
    passage.corrected_labels = [code for code in engine.CODES if code in labels]
    passage.corrected_by, passage.corrected_at = actor, timezone.now()
    save_as(passage, actor)
    document = passage.document
    document.report = rebuild_report(document)
    document.save(update_fields=["report", "updated_at"])
    return passage


@transaction.atomic
def practice_create(*, actor, organisation, **fields) -> GoodPractice:
    require(actor, "analysis.correct_passages", organisation)
    unknown = set(fields.get("areas", [])) - set(engine.CODES)
    if unknown:
        raise ApplicationError(_("Unknown framework codes: %(codes)s") % {"codes": ", ".join(sorted(unknown))})
    return save_as(GoodPractice(organisation=organisation, **fields), actor)
