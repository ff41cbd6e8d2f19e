"""The gap report of one document as PDF: cover, contents, summary, areas with evidence,
structural elements, good practices for each gap, and how the analysis was made."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation

from samskapa.analysis import presenters, selectors
from samskapa.core.downloads import file_response
from samskapa.reports.pdf import render_pdf


def report_language(language: str | None) -> str:
    """One of the interface languages: the one asked for, else the active one."""
    available = {code for code, _name in settings.LANGUAGES}
    if language in available:
        return language
    active = (translation.get_language() or "").split("-")[0]
    return active if active in available else settings.LANGUAGE_CODE


def gap_report_context(*, organisation, document) -> dict:
    report = document.report
    practices = selectors.practices_by_area(organisation=organisation)
    areas = presenters.area_rows(report, practices)
    return {
        "organisation": organisation,
        "document": document,
        "report": report,
        "areas": areas,
        "gaps": [a for a in areas if a["practices"]],
        "elements": presenters.element_rows(report),
        "summary": presenters.summary(report),
        "confidence": presenters.confidence(report),
        "counts": presenters.status_counts(report),
        "made_on": timezone.localdate(),
    }


def gap_report_pdf_bytes(*, organisation, document, language: str | None = None) -> bytes:
    language = report_language(language)
    with translation.override(language):
        context = gap_report_context(organisation=organisation, document=document)
    return render_pdf("reports/gap.html", context, language=language)


def gap_report_pdf(*, organisation, document, language: str | None = None) -> HttpResponse:
    content = gap_report_pdf_bytes(organisation=organisation, document=document, language=language)
    return file_response(content, title=f"{document.title} gap analysis", extension="pdf")
