"""Under the Content-Security-Policy the pages still work in Chromium: htmx loads and polls, charts
and styles show, the API docs run, and the browser reports no blocked script, style or request."""

import pytest
from django.conf import settings
from tests.factories import JobFactory, MembershipFactory, OrganisationFactory, UserFactory
from tests.publicsite.factories import PublicSiteFactory

from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setting():
    org = OrganisationFactory(name="Marks kommun", slug="mark", municipality_code="1463", languages=["fi", "en"])
    admin = UserFactory(email="admin@mark.test", full_name="Ada Admin")
    MembershipFactory(organisation=org, user=admin, role=Role.ADMIN)
    PublicSiteFactory(organisation=org)
    job = JobFactory(organisation=org, title="Läser dokument", done_steps=2, total_steps=5, status="running")
    return org, admin, job


def _watch(page) -> list[str]:
    """Every policy violation the browser reports on the page, as text."""
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text) if "Security Policy" in message.text else None)
    return blocked


@pytest.mark.parametrize("language", ["sv", "fi", "en"])
def test_pages_work_under_the_policy_without_a_violation(setting, page_for, live_server, language):
    org, admin, job = setting
    page = page_for(admin, language=language)
    blocked = _watch(page)
    page.goto(f"{live_server.url}/o/{org.slug}/jobs/{job.pk}/")
    if settings.SAMSKAPA_HTMX:
        assert page.evaluate("typeof htmx") == "object"
        with page.expect_request(lambda request: f"/jobs/{job.pk}/" in request.url):
            pass  # htmx polls the job's progress with a request of its own
    page.goto(f"{live_server.url}/p/{org.slug}/{language}/")
    assert page.evaluate("getComputedStyle(document.body).margin") != "8px"  # our stylesheet applies
    page.goto(f"{live_server.url}/o/{org.slug}/")
    assert blocked == []


def test_the_api_docs_run_under_the_policy(setting, page_for, live_server):
    _org, admin, _job = setting
    page = page_for(admin)
    blocked = _watch(page)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=30_000)
    assert blocked == []
