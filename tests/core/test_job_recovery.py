"""Background work survives a killed worker: a job left "running" by a worker that died is
found (when read, by the worker's sweep, by `samskapa jobs recover`), tried once more or
marked failed with the reason, and the person can start it again.

A killed worker is simulated by a job left running with a heartbeat from an hour ago.
"""

import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from tests.analysis.factories import DocumentFactory
from tests.factories import JobFactory

from samskapa.analysis.models import Document
from samskapa.core.jobs import job_fail_stale, job_handler, job_start, jobs_recover
from samskapa.core.management.commands.db_worker import sweep_forever
from samskapa.core.models import Job

runs: list[int] = []


@job_handler("test.recorded")
def recorded(job, progress):
    runs.append(job.pk)
    progress(1, 1, "done")
    return {"run": len(runs)}


def _left_running(org, *, attempts=1, kind="test.recorded", minutes_ago=60, **fields) -> Job:
    """A job whose worker was killed: still running, no sign of life for an hour."""
    return JobFactory(
        organisation=org,
        kind=kind,
        status=Job.Status.RUNNING,
        attempts=attempts,
        heartbeat_at=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )


@pytest.fixture(autouse=True)
def _clear_runs():
    runs.clear()


def test_a_job_left_running_is_tried_again_when_its_page_is_read(
    org, coordinator, client_for, django_capture_on_commit_callbacks
):
    job = _left_running(org)
    with django_capture_on_commit_callbacks(execute=True):
        page = client_for(coordinator).get(f"/o/{org.slug}/jobs/{job.pk}/")
    assert page.status_code == 200
    job.refresh_from_db()
    assert runs == [job.pk] and job.status == Job.Status.DONE and job.attempts == 2


def test_a_job_that_stopped_its_worker_twice_is_failed_with_the_reason(org, coordinator, api_for):
    job = _left_running(org, attempts=2)
    answer = api_for(coordinator).get(f"/orgs/{org.slug}/jobs/{job.pk}").json()
    assert answer["status"] == "failed" and "stopped" in answer["message"]
    assert runs == [] and Job.objects.get(pk=job.pk).finished_at is not None


def test_a_job_whose_worker_is_alive_is_left_running(org, coordinator, client_for):
    job = _left_running(org, minutes_ago=1)
    client_for(coordinator).get(f"/o/{org.slug}/jobs/{job.pk}/")
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and runs == []


@pytest.mark.parametrize("kind", ["indicators.sync", "indicators.followup_report", "analysis.document"])
def test_the_recover_command_fails_every_kind_of_stopped_work_and_says_how_many(org, kind):
    _left_running(org, attempts=2, kind=kind, params={"document_id": 0, "report_id": 0, "indicator_ids": None})
    out = StringIO()
    call_command("jobs", "recover", stdout=out)
    assert out.getvalue().strip() == "0 queued again, 1 marked failed."
    assert Job.objects.get().status == Job.Status.FAILED


def test_the_sweep_retries_once_then_fails(org, django_capture_on_commit_callbacks):
    first, second, fresh = _left_running(org), _left_running(org, attempts=2), _left_running(org, minutes_ago=0)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = jobs_recover()
    assert (outcome.retried, outcome.failed) == (1, 1) and runs == [first.pk]
    statuses = dict(Job.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "done", second.pk: "failed", fresh.pk: "running"}


@pytest.mark.django_db(transaction=True)
def test_the_worker_sweeps_when_it_starts(org):
    job = _left_running(org, attempts=2)
    stopped = threading.Event()
    stopped.set()  # one sweep at start, then stop
    sweeper = threading.Thread(target=sweep_forever, args=(stopped, 60))  # as in db_worker
    sweeper.start()
    sweeper.join(timeout=60)
    assert Job.objects.get(pk=job.pk).status == Job.Status.FAILED


def test_the_worker_command_is_ours(org):
    from django.core.management import get_commands

    assert get_commands()["db_worker"] == "samskapa.core"


# --- documents ---------------------------------------------------------------------------------


def _stuck_document(org, attempts: int) -> Document:
    job = _left_running(org, attempts=attempts, kind="analysis.document")
    document = DocumentFactory(organisation=org, status=Document.Status.ANALYSING, job=job)
    job.params = {"document_id": document.pk}
    job.save()
    return document


def test_a_document_left_analysing_leaves_it_with_a_message(org, coordinator, client_for):
    document = _stuck_document(org, attempts=2)
    page = client_for(coordinator).get(f"/o/{org.slug}/documents/{document.pk}/")
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED and document.error_code == "interrupted"
    assert "the background worker stopped" in page.content.decode()


@pytest.mark.parametrize("attempts", [1, 2])
def test_analyse_again_works_on_a_document_left_analysing(
    attempts, org, coordinator, client_for, django_capture_on_commit_callbacks
):
    document = _stuck_document(org, attempts=attempts)
    stuck_job = document.job_id
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(f"/o/{org.slug}/documents/{document.pk}/reanalyse/")
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.job_id != stuck_job and document.status == Document.Status.ANALYSED
    assert Job.objects.get(pk=stuck_job).status == Job.Status.FAILED


def test_analyse_again_is_refused_while_the_analysis_really_runs(org, coordinator, api_for):
    job = _left_running(org, kind="analysis.document", minutes_ago=0)
    document = DocumentFactory(organisation=org, status=Document.Status.ANALYSING, job=job)
    response = api_for(coordinator).post(f"/orgs/{org.slug}/documents/{document.pk}/reanalyse", {})
    assert response.status_code == 409


def test_an_analysis_that_crashes_does_not_leave_the_document_analysing(
    org, coordinator, client_for, django_capture_on_commit_callbacks, monkeypatch
):
    def crash(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("samskapa.analysis.engine.analyse_bytes", crash)
    document = DocumentFactory(organisation=org, status=Document.Status.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        document.job = job_start(
            organisation=org, user=coordinator, kind="analysis.document", title="x", params={"document_id": document.pk}
        )
        document.save()
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED and document.error_code == "unexpected"


# --- the lease itself --------------------------------------------------------------------------


@job_handler("test.taken_over")
def taken_over(job, progress):
    """Meanwhile the job is taken as stopped; this late run must not overwrite that."""
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    job_fail_stale(job, "Given up")
    return {"late": True}


@pytest.mark.django_db(transaction=True)
def test_a_late_worker_does_not_overwrite_a_recovered_job(org, coordinator):
    with transaction.atomic():
        job = job_start(organisation=org, user=coordinator, kind="test.taken_over", title="x")
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.message == "Given up" and job.result == {}


def test_a_job_that_is_not_waiting_is_not_run_again(org, coordinator, django_capture_on_commit_callbacks):
    from samskapa.core.jobs import run_job

    done = JobFactory(organisation=org, kind="test.recorded", status=Job.Status.DONE)
    run_job.enqueue(done.pk)
    assert runs == [] and Job.objects.get(pk=done.pk).status == Job.Status.DONE


@job_handler("test.slow")
def slow(job, progress):
    """Works without reporting progress until the heartbeat has been written twice."""
    seen = set()
    deadline = time.monotonic() + 30
    while len(seen) < 3 and time.monotonic() < deadline:
        seen.add(Job.objects.get(pk=job.pk).heartbeat_at)
        time.sleep(0.02)
    return {"beats": len(seen)}


@pytest.mark.django_db(transaction=True)
def test_a_working_job_renews_its_lease_without_reporting_progress(org, coordinator, settings):
    settings.SAMSKAPA_JOB_LEASE_SECONDS = 0.2  # a heartbeat every 0.05 s
    with transaction.atomic():
        job = job_start(organisation=org, user=coordinator, kind="test.slow", title="x")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result == {"beats": 3}
