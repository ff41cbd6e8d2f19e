"""A fetch that fails is reported as failed, with the source's reason, on the job's page."""

import pytest
from django.db import transaction
from tests.indicators.factories import KoladaIndicatorFactory

from samskapa.core.models import Job
from samskapa.indicators.services import indicator_sync_start


@pytest.mark.django_db(transaction=True)
def test_a_failed_kolada_fetch_is_shown_as_failed_with_its_reason_never_done(stub, org, coordinator, client_for):
    indicator = KoladaIndicatorFactory(organisation=org, title="Sysselsättning", source_config={"kpi": "N00973"})
    stub.route("GET", r"/v3/data/", ("status", 500, {}))
    with transaction.atomic():
        job = indicator_sync_start(actor=coordinator, organisation=org, indicator=indicator)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "Sysselsättning" in job.message and "had a problem of its own" in job.message
    page = client_for(coordinator).get(f"/o/{org.slug}/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Misslyckades" in page and "Klar" not in page
    assert "Sysselsättning" in page and 'role="alert"' in page


@pytest.mark.django_db(transaction=True)
def test_a_fetch_that_works_is_done(stub, org, coordinator):
    indicator = KoladaIndicatorFactory(organisation=org, home_area="1463", source_config={"kpi": "N00973"})
    stub.route("GET", r"/v3/data/", lambda handler: (200, {}, b'{"values": [], "next_url": null}'))
    stub.route("GET", r"/v3/municipality", "kolada/municipality.json")
    with transaction.atomic():
        job = indicator_sync_start(actor=coordinator, organisation=org, indicator=indicator)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
