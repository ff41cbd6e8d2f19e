"""The background work of the indicators: fetching new values from the online sources."""

from samskapa.core.errors import ApplicationError
from samskapa.core.jobs import job_handler
from samskapa.indicators.sync import organisation_sync, summary


@job_handler("indicators.sync")
def sync_indicators(job, progress) -> dict:
    results = organisation_sync(
        organisation=job.organisation, indicator_ids=job.params.get("indicator_ids"), progress=progress
    )
    job.message = summary(results)
    ids = job.params.get("indicator_ids") or []
    slug = job.organisation.slug
    job.result_url = f"/o/{slug}/indicators/{ids[0]}/" if len(ids) == 1 else f"/o/{slug}/indicators/"
    result = {"results": [r.as_dict() for r in results]}
    failed = [r for r in results if not r.ok]
    if failed:
        # A fetch that failed is a failure the coordinator must see, with the source's reason;
        # the values of the indicators that were fetched are kept all the same.
        reason = "; ".join(f"{r.title}: {r.error}" for r in failed[:3])
        raise ApplicationError(f"{job.message} {reason}", extra={"result": result})
    return result


@job_handler("indicators.followup_report")
def write_follow_up_report(job, progress) -> dict:
    """Gather the follow-up, draw the charts, write the PDF and the DOCX, keep both files."""
    from django.core.files.base import ContentFile
    from django.utils.translation import gettext as _

    from samskapa.core.downloads import download_name
    from samskapa.indicators.models import FollowUpReport
    from samskapa.reports.followup import followup_content, followup_pdf
    from samskapa.reports.followup_docx import followup_docx

    report = FollowUpReport.objects.select_related("strategy").get(
        pk=job.params["report_id"], organisation=job.organisation
    )
    steps = [0]

    def charts_drawn(done: int, total: int, message: str) -> None:
        steps[0] = total + 3
        progress(done, total + 3, message)

    content = followup_content(
        organisation=job.organisation, strategy=report.strategy, year=report.year, progress=charts_drawn
    )
    total = steps[0] or 3
    progress(total - 3, total, _("Writing the PDF"))
    pdf = followup_pdf(content)
    progress(total - 2, total, _("Writing the DOCX"))
    docx = followup_docx(content)
    report.pdf.save(download_name(report.title, "pdf"), ContentFile(pdf), save=False)
    report.docx.save(download_name(report.title, "docx"), ContentFile(docx), save=False)
    report.save(update_fields=["pdf", "docx", "updated_at"])
    progress(total, total, _("The report is ready."))
    job.message = _("The report is ready.")
    job.result_url = f"/o/{job.organisation.slug}/indicators/reports/"
    return {"report_id": report.pk, "pdf_bytes": len(pdf), "docx_bytes": len(docx)}
