"""The background work of the gap analysis: read, classify and store one document."""

from django.conf import settings
from django.utils.translation import gettext as _

from samskapa.analysis import engine
from samskapa.analysis.models import Document
from samskapa.analysis.services import document_mark_failed, document_store_analysis
from samskapa.core.errors import ApplicationError
from samskapa.core.jobs import job_handler

STAGES = {
    "extract": _("Reading pages"),
    "ocr": _("Reading scanned pages"),
    "classify": _("Classifying passages"),
}


def error_message(code: str) -> str:
    messages = {
        "encrypted": _("The document is encrypted. Upload a copy without a password."),
        "corrupt": _("The file is damaged or not the kind of file its name says."),
        "structure": _(
            "This PDF's structure cannot be read (its pages are nested too deeply). "
            "Save or print it again as a new PDF and upload that."
        ),
        "empty": _("No text was found in the document."),
        "image_only": _("The document is scanned images and text recognition (OCR) is not installed here."),
        "too_large": _("The document is larger than the limit."),
        "too_many_pages": _(
            "The document has more than %(pages)d pages, the most that can be analysed. "
            "Split it or upload the relevant part."
        )
        % {"pages": settings.SAMSKAPA_MAX_PAGES},
        "zip_bomb": _("The file unpacks to far more than a document can hold and was refused."),
        "unsupported": _("This kind of file cannot be analysed."),
        "interrupted": _(
            "The analysis stopped because the background worker stopped (a restart or too little memory). "
            "Analyse the document again."
        ),
        "unexpected": _("The analysis failed unexpectedly. Analyse the document again or ask an administrator."),
        "ocr_failed": _("Text recognition (OCR) failed on the scanned pages."),
    }
    return messages.get(code, _("The document could not be read."))


def document_job_failed(job, reason: str) -> None:
    """The job ended without a result: the document stops waiting and says why."""
    code = "interrupted" if reason == "stopped" else "unexpected"
    Document.objects.filter(pk=job.params.get("document_id"), job_id=job.pk, status__in=Document.BUSY).update(
        status=Document.Status.FAILED, error_code=code
    )


@job_handler("analysis.document", on_failed=document_job_failed)
def analyse_document(job, progress) -> dict:
    document = Document.objects.get(pk=job.params["document_id"], organisation=job.organisation)
    Document.objects.filter(pk=document.pk).update(status=Document.Status.ANALYSING)

    def report_progress(stage: str, done: int, total: int) -> None:
        # Three stages share one bar: reading is the first half, classifying the second.
        offset = 0 if stage in ("extract", "ocr") else 50
        progress(offset + (50 * done // max(total, 1)), 100, str(STAGES.get(stage, stage)))

    with document.file.open("rb") as handle:
        data = handle.read()
    limits = engine.Limits(max_bytes=settings.SAMSKAPA_MAX_UPLOAD_BYTES, max_pages=settings.SAMSKAPA_MAX_PAGES)
    try:
        report = engine.analyse_bytes(data, document.original_filename, progress=report_progress, limits=limits)
    except engine.DocumentError as error:
        document_mark_failed(document=document, code=error.code)
        raise ApplicationError(error_message(error.code)) from error
    document_store_analysis(document=document, report=report)
    job.result_url = f"/o/{job.organisation.slug}/documents/{document.pk}/"
    return {"document_id": document.pk, "gaps": report.gaps()}
