"""Reads for background jobs."""

from django.db.models import QuerySet

from samskapa.core.access import access_in_organisation
from samskapa.core.jobs import job_recover
from samskapa.core.models import Job


def job_list(*, organisation) -> QuerySet[Job]:
    return Job.objects.filter(organisation=organisation).select_related("started_by")


def job_get(*, organisation, job_id) -> Job:
    """The job; one whose worker stopped is recovered first, so no page shows it "running" for ever."""
    return job_recover(access_in_organisation(Job.objects.all(), organisation, pk=job_id))
