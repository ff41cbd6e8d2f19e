"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser), and
axe-core (installed from npm) checks every page visited against WCAG 2.1 A and AA."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("SAMSKAPA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it (factories, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium where apt-get works)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make install runs npm install)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page_for(chromium, live_server):
    """A new page, logged in as ``user`` when given, with the interface in ``language``."""
    contexts = []

    def open_page(user=None, language="en", viewport=(1280, 900)):
        context = chromium.new_context(
            locale=language,
            viewport={"width": viewport[0], "height": viewport[1]},
            extra_http_headers={"Accept-Language": language},
        )
        contexts.append(context)
        if user is not None:
            from django.test import Client

            client = Client()
            client.force_login(user)
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
            )
        page = context.new_page()
        # CI shares two cores between the live server, Chromium and the suite: be patient.
        page.set_default_timeout(30_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def axe_violations(page) -> list[str]:
    # Evaluated rather than added as a <script>: the pages' Content-Security-Policy refuses inline scripts.
    page.evaluate(AXE.read_text() + "\n;0")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert violations == [], f"axe-core on {page.url}:\n" + "\n".join(violations)

    return check


@pytest.fixture
def mark_with_coordinator():
    """Marks kommun with the languages a walk needs, and its coordinator who signs in."""
    from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

    from samskapa.orgs.models import Role

    def make(languages: list[str]):
        org = OrganisationFactory(name="Marks kommun", slug="mark", municipality_code="1463", languages=languages)
        coordinator = UserFactory(email="samordnare@mark.test", full_name="Sara Samordnare")
        MembershipFactory(organisation=org, user=coordinator, role=Role.COORDINATOR)
        return org, coordinator

    return make
