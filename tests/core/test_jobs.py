"""Background work reports progress that a page and the API can poll."""

import pytest
from django.db import transaction

from samskapa.core.errors import ApplicationError
from samskapa.core.jobs import job_handler, job_start
from samskapa.core.models import Job

seen_progress: list[tuple[int, int]] = []


@job_handler("test.count")
def count_to(job, progress):
    for step in range(1, job.params["to"] + 1):
        progress(step, job.params["to"], f"counted {step}")
        seen_progress.append(tuple(Job.objects.filter(pk=job.pk).values_list("done_steps", "total_steps").get()))
    return {"counted": job.params["to"]}


@job_handler("test.refuse")
def refuse(job, progress):
    raise ApplicationError("The document is encrypted.")


@job_handler("test.crash")
def crash(job, progress):
    raise RuntimeError("internal detail that users must not see")


def _run(org, user, kind, **params):
    with transaction.atomic():
        job = job_start(organisation=org, user=user, kind=kind, title="Test", params=params)
    job.refresh_from_db()
    return job


@pytest.mark.django_db(transaction=True)
def test_job_runs_and_stores_progress_and_result(org, coordinator):
    seen_progress.clear()
    job = _run(org, coordinator, "test.count", to=100)
    assert job.status == Job.Status.DONE and job.percent == 100
    assert job.result == {"counted": 100}
    assert seen_progress[-1] == (100, 100)
    assert len({p for p in seen_progress}) < 100, "progress is written in steps, not on every call"


@pytest.mark.django_db(transaction=True)
def test_a_refused_job_shows_its_message(org, coordinator):
    job = _run(org, coordinator, "test.refuse")
    assert job.status == Job.Status.FAILED and job.message == "The document is encrypted."


@pytest.mark.django_db(transaction=True)
def test_a_crashing_job_hides_internals(org, coordinator):
    job = _run(org, coordinator, "test.crash")
    assert job.status == Job.Status.FAILED and "internal detail" not in job.message


def test_unknown_job_kind_is_refused(org, coordinator):
    with pytest.raises(ApplicationError):
        job_start(organisation=org, user=coordinator, kind="nope", title="x")
    assert not Job.objects.exists()


def test_progress_page_and_api_show_percent(org, coordinator, client_for, api_for):
    from tests.factories import JobFactory

    job = JobFactory(organisation=org, done_steps=3, total_steps=4, status=Job.Status.RUNNING, message="Reading page 3")
    page = client_for(coordinator).get(f"/o/{org.slug}/jobs/{job.pk}/")
    assert b'<progress id="job-%d-bar" max="100" value="75">' % job.pk in page.content
    fragment = client_for(coordinator).get(f"/o/{org.slug}/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
    assert b"<html" not in fragment.content and b"hx-trigger" in fragment.content
    assert api_for(coordinator).get(f"/orgs/{org.slug}/jobs/{job.pk}").json()["percent"] == 75
