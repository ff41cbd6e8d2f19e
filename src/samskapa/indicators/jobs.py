"""The background work of the indicators: fetching new values from the online sources."""

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
    return {"results": [r.as_dict() for r in results]}
