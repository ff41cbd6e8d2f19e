"""`samskapa db_worker`: django-tasks-db's worker, which also recovers work a stopped worker left.

Beside the worker, a thread sweeps at start and then every half lease: a job still
"running" whose worker gave no sign of life within SAMSKAPA_JOB_LEASE_SECONDS is queued
once more or marked failed (see ``samskapa.core.jobs``). Any number of workers may sweep at
once; each stale job is acted on by one of them.
"""

import logging
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.management.commands import db_worker

from samskapa.core.jobs import jobs_recover

logger = logging.getLogger(__name__)


def sweep_once() -> None:
    try:
        close_old_connections()
        outcome = jobs_recover()
    except DatabaseError:  # a busy or restarting database: the next sweep tries again
        logger.warning("Sweep for stopped background work failed", exc_info=True)
        return
    if outcome.retried or outcome.failed:
        logger.warning("Stopped background work: %s queued again, %s marked failed", outcome.retried, outcome.failed)


def sweep_forever(stop: threading.Event, interval: float) -> None:
    try:
        sweep_once()
        while not stop.wait(interval):
            sweep_once()
    finally:
        connection.close()


class Command(db_worker.Command):
    help = "Run a background worker; it also recovers work that a stopped worker left unfinished."

    def handle(self, *args, **options) -> None:
        stop = threading.Event()
        interval = max(settings.SAMSKAPA_JOB_LEASE_SECONDS / 2, 1.0)
        sweeper = threading.Thread(target=sweep_forever, args=(stop, interval), name="job-sweeper", daemon=True)
        sweeper.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            sweeper.join(timeout=10)
