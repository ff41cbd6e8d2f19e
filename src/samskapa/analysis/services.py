"""Writes for documents, the gap analysis and the good-practice library."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from samskapa.analysis import engine
from samskapa.analysis.models import Document, GoodPractice, Passage
from samskapa.analysis.report import rebuild_report
from samskapa.analysis.rules import REANALYSE
from samskapa.analysis.uploads import limit_message
from samskapa.core.errors import ApplicationError, PermissionRefused
from samskapa.core.history import delete_as, save_as
from samskapa.core.jobs import job_replace, job_start
from samskapa.orgs.services import require

ACCEPTED_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt", ".md"}
PRACTICE_FIELDS = ("title", "practised_by", "country", "summary", "areas", "link")


def _check_upload(uploaded: UploadedFile) -> None:
    name = uploaded.name or ""
    if Path(name).suffix.lower() not in ACCEPTED_SUFFIXES:
        raise ApplicationError(_("Upload a PDF, DOCX, HTML or text file."))
    if uploaded.size is None or uploaded.size == 0:
        raise ApplicationError(_("The file is empty."))
    if uploaded.size > settings.SAMSKAPA_MAX_UPLOAD_BYTES:
        raise ApplicationError(limit_message(), status=413)


def _check_codes(codes) -> list[str]:
    """The codes in the framework's order; unknown codes are refused."""
    unknown = set(codes) - set(engine.CODES)
    if unknown:
        raise ApplicationError(
            _("Unknown framework codes: %(codes)s") % {"codes": ", ".join(sorted(map(str, unknown)))}
        )
    return [code for code in engine.CODES if code in codes]


def _check_mode(mode: str) -> str:
    if mode not in Document.Mode.values:
        raise ApplicationError(_("Unknown analysis mode: %(mode)s") % {"mode": mode})
    return mode


def _sha256(uploaded: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return digest.hexdigest()


def _queue_analysis(document: Document, actor) -> None:
    document.job = job_start(
        organisation=document.organisation,
        user=actor,
        kind="analysis.document",
        title=Truncator(_("Gap analysis of %(title)s") % {"title": document.title}).chars(200),  # a job's title
        params={"document_id": document.pk},
    )
    document.save(update_fields=["job", "status", "mode", "updated_at"])


@transaction.atomic
def document_upload(
    *,
    actor,
    organisation,
    uploaded: UploadedFile,
    title: str = "",
    publisher: str = "",
    year: int | None = None,
    mode: str = Document.Mode.FAST,
) -> Document:
    """Store an uploaded document and queue its analysis as background work."""
    require(actor, "analysis.upload_documents", organisation)
    _check_upload(uploaded)
    filename = Path(uploaded.name or "document").name[:300]  # the name as the person knows it, kept for them
    document = Document(
        organisation=organisation,
        title=title.strip() or Path(filename).stem[:200],
        publisher=publisher.strip(),
        year=year,
        mode=_check_mode(mode),
        original_filename=filename,
        size=uploaded.size or 0,
        sha256=_sha256(uploaded),
        uploaded_by=actor,
    )
    document.file.save(filename, uploaded, save=False)
    save_as(document, actor)
    _queue_analysis(document, actor)
    return document


@transaction.atomic
def document_upload_many(
    *,
    actor,
    organisation,
    uploads: list[UploadedFile],
    title: str = "",
    publisher: str = "",
    year: int | None = None,
    mode: str = Document.Mode.FAST,
) -> list[Document]:
    """Store several documents at once (a study of many programmes); one refused file refuses all.

    Every file is checked before any is stored. With several files each takes its file name as
    its title; the publisher and year, when given, apply to all.
    """
    require(actor, "analysis.upload_documents", organisation)
    for uploaded in uploads:
        try:
            _check_upload(uploaded)
        except ApplicationError as error:
            if len(uploads) == 1:
                raise
            name = Path(uploaded.name or "").name
            raise ApplicationError(f"{name}: {error.message}", status=error.status) from error
    one_title = title if len(uploads) == 1 else ""
    return [
        document_upload(
            actor=actor,
            organisation=organisation,
            uploaded=uploaded,
            title=one_title,
            publisher=publisher,
            year=year,
            mode=mode,
        )
        for uploaded in uploads
    ]


@transaction.atomic
def document_update(*, actor, organisation, document: Document, **changes) -> Document:
    """Change the title, publisher or year of a document (its analysis stays as it is)."""
    require(actor, "analysis.upload_documents", organisation)
    for field in ("title", "publisher", "year"):
        if field in changes:
            value = changes[field]
            setattr(document, field, value.strip() if isinstance(value, str) else value)
    return save_as(document, actor)


@transaction.atomic
def document_reanalyse(*, actor, organisation, document: Document, mode: str | None = None) -> Document:
    """Analyse the stored file again, in the same or another mode; people's corrections are kept."""
    require(actor, REANALYSE, document)
    locked = Document.objects.select_for_update(of=("self",)).select_related("job").get(pk=document.pk)
    if locked.status in Document.BUSY and _analysis_under_way(locked.job):
        raise ApplicationError(_("The document is already being analysed."), status=409)
    document.mode = _check_mode(mode or document.mode)
    document.status = Document.Status.QUEUED
    _queue_analysis(document, actor)
    return document


def _analysis_under_way(job) -> bool:
    """A document waits for its job unless the job has ended or its worker stopped.

    A stopped one (or its queued second try) is given up here: the person asks for a new analysis now.
    """
    if job is None or job.is_finished:
        return False
    return not job_replace(job, _("The worker doing this stopped before it was done; a new analysis was started."))


@transaction.atomic
def document_delete(*, actor, organisation, document: Document) -> None:
    """Remove a document, its passages and its stored file."""
    require(actor, "analysis.delete_documents", organisation)
    file = document.file
    delete_as(document, actor)
    transaction.on_commit(lambda: file.storage.delete(file.name) if file.name else None)


def document_store_analysis(*, document: Document, report: "engine.DocumentReport") -> Document:
    """Replace the document's passages with the engine's and keep its report.

    A person's correction is carried over to the new passage with the same text, so
    analysing a document again (for example in another mode) loses no one's work.
    """
    with transaction.atomic():
        kept = {
            p.text: (p.corrected_labels, p.corrected_by_id, p.corrected_at)
            for p in Passage.objects.filter(document=document, corrected_labels__isnull=False)
        }
        Passage.objects.filter(document=document).delete()
        rows = []
        for i, (p, lab) in enumerate(zip(report.passages, report.labels, strict=True)):
            corrected, corrected_by, corrected_at = kept.get(p.text, (None, None, None))
            rows.append(
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
                    corrected_labels=corrected,
                    corrected_by_id=corrected_by,
                    corrected_at=corrected_at,
                )
            )
        Passage.objects.bulk_create(rows, batch_size=500)
        document.language, document.pages = report.language or "", report.n_pages
        document.status, document.error_code, document.analysed_at = Document.Status.ANALYSED, "", timezone.now()
        document.report = report.to_dict()
        if kept:
            document.report = rebuild_report(document)
        document.save()
    return document


def document_mark_failed(*, document: Document, code: str) -> None:
    Document.objects.filter(pk=document.pk).update(status=Document.Status.FAILED, error_code=code)


@transaction.atomic
def passage_correct(*, actor, organisation, passage: Passage, labels: list[str] | None) -> Passage:
    """A person sets a passage's codes (None: back to the classifier's); the report is rebuilt."""
    require(actor, "analysis.correct_passages", organisation)
    if labels is None:
        passage.corrected_labels, passage.corrected_by, passage.corrected_at = None, None, None
    else:
        passage.corrected_labels = _check_codes(labels)
        passage.corrected_by, passage.corrected_at = actor, timezone.now()
    save_as(passage, actor)
    document = passage.document
    document.report = rebuild_report(document)
    document.save(update_fields=["report", "updated_at"])
    return passage


def _check_areas(codes) -> list[str]:
    areas = _check_codes(codes)
    if not areas:
        raise ApplicationError(_("Choose at least one area the practice addresses."))
    return areas


def _own_practice(practice: GoodPractice, organisation) -> GoodPractice:
    if practice.organisation_id != organisation.pk:
        raise PermissionRefused(_("Practices of the shared library cannot be changed; add your own instead."))
    return practice


@transaction.atomic
def practice_create(*, actor, organisation, **fields) -> GoodPractice:
    """Add a practice to the organisation's own part of the library."""
    require(actor, "analysis.change_practices", organisation)
    fields["areas"] = _check_areas(fields.get("areas", []))
    unknown = set(fields) - set(PRACTICE_FIELDS)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    return save_as(GoodPractice(organisation=organisation, **fields), actor)


@transaction.atomic
def practice_update(*, actor, organisation, practice: GoodPractice, **changes) -> GoodPractice:
    require(actor, "analysis.change_practices", organisation)
    _own_practice(practice, organisation)
    if "areas" in changes:
        changes["areas"] = _check_areas(changes["areas"])
    for field in PRACTICE_FIELDS:
        if field in changes:
            setattr(practice, field, changes[field])
    return save_as(practice, actor)


@transaction.atomic
def practice_delete(*, actor, organisation, practice: GoodPractice) -> None:
    require(actor, "analysis.change_practices", organisation)
    delete_as(_own_practice(practice, organisation), actor)
