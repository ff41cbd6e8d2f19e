"""Background jobs: a registry of job kinds, the django-tasks task that runs them, progress.

A domain app registers a handler with ``@job_handler("analysis.document")``; the handler
receives the Job and a ``Progress`` and returns a JSON-able result. Work runs in
``samskapa db_worker`` processes (the database backend claims each task with a row lock,
so any number of workers may run) or inline when the immediate backend is configured.
"""

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samskapa.core.errors import ApplicationError
from samskapa.core.models import Job

logger = logging.getLogger(__name__)

Handler = Callable[[Job, "Progress"], dict[str, Any] | None]
_HANDLERS: dict[str, Handler] = {}


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        _HANDLERS[kind] = func
        return func

    return register


class Progress:
    """Writes progress to the job row at most every few percent, so polling stays cheap."""

    def __init__(self, job: Job):
        self.job = job
        self._last_percent = -1

    def __call__(self, done: int, total: int, message: str = "") -> None:
        self.job.done_steps, self.job.total_steps = done, total
        if message:
            self.job.message = message[:500]
        if self.job.percent - self._last_percent >= 2 or done >= total:
            self._last_percent = self.job.percent
            Job.objects.filter(pk=self.job.pk).update(
                done_steps=done, total_steps=total, message=self.job.message, updated_at=timezone.now()
            )


def job_start(*, organisation, user, kind: str, title: str, params: dict[str, Any] | None = None) -> Job:
    """Record a job and queue it once the surrounding transaction has committed."""
    if kind not in _HANDLERS:
        raise ApplicationError(_("Unknown kind of background work: %(kind)s") % {"kind": kind})
    job = Job(organisation=organisation, started_by=user, kind=kind, title=title, params=params or {})
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def _finish(job: Job, status: str, message: str, result: dict[str, Any] | None) -> None:
    job.status, job.message, job.finished_at = status, message[:500], timezone.now()
    job.result = result or {}
    job.save(update_fields=["status", "message", "result", "result_url", "finished_at", "updated_at"])


@task()
def run_job(job_id: int) -> None:
    job = Job.objects.select_related("organisation").get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, updated_at=timezone.now())
    job.status = Job.Status.RUNNING
    try:
        result = _HANDLERS[job.kind](job, Progress(job))
    except ApplicationError as error:
        # A handler that did part of the work says what it did in ``extra["result"]``.
        _finish(job, Job.Status.FAILED, error.message, error.extra.get("result"))
    except Exception:
        # The user sees a plain message; the traceback goes to the worker's log.
        logger.exception("Background job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.Status.FAILED, _("The work failed unexpectedly. Try again or ask an administrator."), None)
    else:
        _finish(job, Job.Status.DONE, job.message or _("Done."), result)
