"""Background jobs: a registry of job kinds, the django-tasks task that runs them, progress.

A domain app registers a handler with ``@job_handler("analysis.document")``; the handler
receives the Job and a ``Progress`` and returns a JSON-able result. Work runs in
``samskapa db_worker`` processes (the database backend claims each task with a row lock,
so any number of workers may run) or inline when the immediate backend is configured.

A worker can die in the middle of a job (a deploy, too little memory, a restart). So a
running job holds a lease: its worker writes ``heartbeat_at`` every quarter of
SAMSKAPA_JOB_LEASE_SECONDS. A running job whose lease has run out is stale; it is found
when someone reads it, by the worker's sweep and by ``samskapa jobs recover``, and is
queued once more or, when it has already been tried twice, marked failed with the reason.
Every change of state is a conditional update, so two finders never both act on one job.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samskapa.core.errors import ApplicationError
from samskapa.core.models import Job

logger = logging.getLogger(__name__)

Handler = Callable[[Job, "Progress"], dict[str, Any] | None]
# Told that a job failed for good ("error": it raised; "stopped": its worker died), so the
# thing it worked on (a document "being analysed") does not wait for it for ever.
OnFailed = Callable[[Job, str], None]
_HANDLERS: dict[str, Handler] = {}
_ON_FAILED: dict[str, OnFailed] = {}
# The first run and one more: work that stops its worker twice (say, a file that exhausts the
# memory) is not tried a third time.
MAX_ATTEMPTS = 2


def job_handler(kind: str, *, on_failed: OnFailed | None = None) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        _HANDLERS[kind] = func
        if on_failed is not None:
            _ON_FAILED[kind] = on_failed
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
            now = timezone.now()
            Job.objects.filter(pk=self.job.pk).update(
                done_steps=done, total_steps=total, message=self.job.message, heartbeat_at=now, updated_at=now
            )


def job_start(*, organisation, user, kind: str, title: str, params: dict[str, Any] | None = None) -> Job:
    """Record a job and queue it once the surrounding transaction has committed."""
    if kind not in _HANDLERS:
        raise ApplicationError(_("Unknown kind of background work: %(kind)s") % {"kind": kind})
    job = Job(organisation=organisation, started_by=user, kind=kind, title=title, params=params or {})
    job.full_clean()
    job.save()
    _enqueue(job.pk)
    return job


def _enqueue(job_id: int) -> None:
    transaction.on_commit(lambda: run_job.enqueue(job_id))


def lease() -> timedelta:
    return timedelta(seconds=settings.SAMSKAPA_JOB_LEASE_SECONDS)


class Heartbeat:
    """While the handler works, a thread renews the job's lease; it dies with the worker."""

    def __init__(self, job: Job):
        self.job_id, self.attempt = job.pk, job.attempts
        self.interval = max(settings.SAMSKAPA_JOB_LEASE_SECONDS / 4, 0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"job-{job.pk}-heartbeat", daemon=True)

    def __enter__(self) -> "Heartbeat":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _beat(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                try:
                    Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING, attempts=self.attempt).update(
                        heartbeat_at=timezone.now()
                    )
                except DatabaseError:  # a busy database: the next beat tries again
                    logger.warning("Heartbeat of job %s not written", self.job_id, exc_info=True)
        finally:
            connection.close()  # this thread's own connection


def _claim(job_id: int) -> Job | None:
    """Mark a queued job running for this worker; None when it is not waiting (done, or taken)."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, attempts=F("attempts") + 1, heartbeat_at=now, updated_at=now
    )
    if not claimed:
        logger.warning("Background job %s is not waiting to run; left as it is", job_id)
        return None
    return Job.objects.select_related("organisation").get(pk=job_id)


def _finish(job: Job, status: str, message: str, result: dict[str, Any] | None) -> bool:
    """Record the outcome, unless the job was meanwhile taken as stopped and handed on."""
    now = timezone.now()
    job.status, job.message, job.finished_at, job.result = status, message[:500], now, result or {}
    finished = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, attempts=job.attempts).update(
        status=status,
        message=job.message,
        result=job.result,
        result_url=job.result_url,
        finished_at=now,
        updated_at=now,
    )
    if not finished:
        logger.warning("Background job %s was recovered while it ran; this run's outcome is dropped", job.pk)
    return bool(finished)


def _failed(job: Job, message: str, reason: str, result: dict[str, Any] | None = None) -> None:
    if _finish(job, Job.Status.FAILED, message, result) and job.kind in _ON_FAILED:
        _ON_FAILED[job.kind](job, reason)


@task()
def run_job(job_id: int) -> None:
    job = _claim(job_id)
    if job is None:
        return
    try:
        with Heartbeat(job):
            result = _HANDLERS[job.kind](job, Progress(job))
    except ApplicationError as error:
        # A handler that did part of the work says what it did in ``extra["result"]``.
        _failed(job, error.message, "error", error.extra.get("result"))
    except Exception:
        # The user sees a plain message; the traceback goes to the worker's log.
        logger.exception("Background job %s (%s) failed", job.pk, job.kind)
        _failed(job, _("The work failed unexpectedly. Try again or ask an administrator."), "error")
    else:
        _finish(job, Job.Status.DONE, job.message or _("Done."), result)


# --- Recovery of work whose worker stopped -------------------------------------------------


def _stale(now=None) -> Q:
    cutoff = (now or timezone.now()) - lease()
    expired = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, updated_at__lt=cutoff)
    return Q(status=Job.Status.RUNNING) & expired


def job_is_stale(job: Job | None) -> bool:
    """Whether the job is running on a worker that has given no sign of life within the lease."""
    if job is None or job.status != Job.Status.RUNNING:
        return False
    return (job.heartbeat_at or job.updated_at) < timezone.now() - lease()


def _retry(job: Job) -> bool:
    message = _("The worker doing this stopped before it was done; the work has started again.")
    retried = (
        Job.objects.filter(_stale(), pk=job.pk, attempts=job.attempts)
        .filter(attempts__lt=MAX_ATTEMPTS)
        .update(status=Job.Status.QUEUED, heartbeat_at=None, message=message, updated_at=timezone.now())
    )
    if retried:
        logger.warning("Background job %s (%s) had stopped; queued again", job.pk, job.kind)
        _enqueue(job.pk)
    return bool(retried)


def job_fail_stale(job: Job, message: str = "") -> bool:
    """Mark a stale job failed with the reason; True when this call did it."""
    message = message or _(
        "The worker doing this stopped before it was done (a restart or too little memory), "
        "also when it was tried again. Start it again, and ask an administrator if it happens again."
    )
    now = timezone.now()
    failed = Job.objects.filter(_stale(now), pk=job.pk, attempts=job.attempts).update(
        status=Job.Status.FAILED, message=message[:500], finished_at=now, updated_at=now
    )
    if failed:
        logger.warning("Background job %s (%s) had stopped; marked failed", job.pk, job.kind)
        job.status, job.message = Job.Status.FAILED, message[:500]
        if job.kind in _ON_FAILED:
            _ON_FAILED[job.kind](job, "stopped")
    return bool(failed)


def job_replace(job: Job, message: str) -> bool:
    """Give up a job that stopped, or waits to be tried again after stopping, for a new one.

    A job waiting for its first run is not replaced: it runs as soon as a worker is free.
    """
    if job_is_stale(job):
        return job_fail_stale(job, message)
    now = timezone.now()
    given_up = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED, attempts__gte=1).update(
        status=Job.Status.FAILED, message=message[:500], finished_at=now, updated_at=now
    )
    return bool(given_up)


def job_recover(job: Job) -> Job:
    """A stale job is queued once more, or marked failed; any other job is left as it is."""
    if not job_is_stale(job):
        return job
    if not _retry(job):
        job_fail_stale(job)
    job.refresh_from_db()
    return job


@dataclass
class Recovered:
    retried: int = 0
    failed: int = 0


def jobs_recover() -> Recovered:
    """Sweep: recover every stale job of every organisation (the worker and `jobs recover`)."""
    outcome = Recovered()
    for job in Job.objects.filter(_stale()).order_by("pk"):
        with transaction.atomic():
            if _retry(job):
                outcome.retried += 1
            elif job_fail_stale(job):
                outcome.failed += 1
    return outcome
