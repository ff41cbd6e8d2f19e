"""The whole strategy cycle in Chromium, as a coordinator lives it: write the strategy, add a focus
area, plan an action, report progress on it, adopt, download the council documents (PDF, DOCX)
and open them, start a revision and compare it with the adopted version. axe-clean on every page."""

import io

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db(transaction=True)


def _download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return open(info.value.path(), "rb").read()


def _pdf_text(content: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).split())


def test_strategy_action_progress_adoption_export_revision_and_comparison(page_for, live_server, assert_accessible):
    org = OrganisationFactory(name="Testby kommun", slug="testby", default_language="sv")
    coordinator = UserFactory(email="samordnare@testby.test")
    MembershipFactory(organisation=org, user=coordinator, role=Role.COORDINATOR)
    page = page_for(coordinator)
    base = f"{live_server.url}/o/{org.slug}"

    page.goto(f"{base}/strategy/new/")
    assert_accessible(page)
    page.get_by_label("Title").fill("Integrationsstrategi för Testby")
    page.get_by_label("Vision").fill("Alla testbybor hör till.")
    page.get_by_role("button", name="Create the strategy").click()
    expect(page.get_by_role("heading", name="Integrationsstrategi för Testby", level=1)).to_be_visible()
    strategy_url = page.url
    page.get_by_role("link", name="Add a focus area").click()
    page.get_by_label("Title").fill("Utbildning")
    page.get_by_label("We want").fill("Alla barn ska lyckas i skolan")
    page.get_by_role("button", name="Add the focus area").click()
    expect(page.get_by_role("heading", name="1. Utbildning")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Testby kommun: sections").get_by_role("link", name="Action plan").click()
    assert_accessible(page)
    page.get_by_role("link", name="New action plan").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Handlingsplan 2026–2027")
    page.get_by_label("Starts").fill("2026-01-01")
    page.get_by_label("Ends").fill("2027-12-31")
    page.get_by_role("button", name="Create the action plan").click()
    expect(page.get_by_role("heading", name="Handlingsplan 2026–2027", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add an action").click()
    assert_accessible(page)
    page.locator("#id_title").fill("Läxhjälp på biblioteket")
    page.get_by_label("Or a new department or company as lead").fill("Skolförvaltningen")
    page.get_by_label("Budget").fill("50000")
    page.get_by_label("Funding source").select_option("state")
    page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_role("heading", name="Läxhjälp på biblioteket", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Report progress").click()
    assert_accessible(page)
    page.get_by_label("Date").fill(timezone.localdate().isoformat())
    page.get_by_label("What happened").fill("Första kvällen hölls med tolv barn.")
    page.get_by_label("Status").select_option("ongoing")
    page.get_by_label("Percent complete").fill("20")
    page.get_by_role("button", name="Post the update").click()
    expect(page.locator(".messages")).to_contain_text("The progress update was posted.")
    expect(page.locator("main")).to_contain_text("Första kvällen hölls med tolv barn.")
    assert_accessible(page)

    page.goto(strategy_url)
    page.get_by_role("link", name="Adopt the strategy").click()
    page.get_by_label("Adopted by").fill("Kommunfullmäktige")
    page.get_by_label("Adopted on").fill("2026-06-01")
    page.get_by_role("button", name="Adopt and freeze").click()
    expect(page.locator(".messages")).to_contain_text("frozen as version 1")
    assert_accessible(page)
    pdf = _pdf_text(_download(page, "Download as PDF"))
    for expected in ("Integrationsstrategi för Testby", "Antagen av Kommunfullmäktige", "Fokusområden", "Vi vill"):
        assert expected in pdf, expected
    assert "Läxhjälp på biblioteket" in pdf and "Skolförvaltningen" in pdf and "Pågår (20 %)" in pdf
    docx = Document(io.BytesIO(_download(page, "Download as Word (DOCX)")))
    assert "1. Utbildning" in [p.text for p in docx.paragraphs]
    assert docx.tables[0].rows[1].cells[1].text == "Läxhjälp på biblioteket"

    page.get_by_role("button", name="Start a revision").click()
    page.get_by_role("link", name="Edit the focus area Utbildning").click()
    page.get_by_label("Title").fill("Utbildning och språk")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="1 adopted version").click()
    assert_accessible(page)
    page.get_by_label("Compare").select_option("1")
    page.get_by_label("with").select_option("current")
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("main")).to_contain_text("Utbildning och språk")
    assert_accessible(page)
    page.goto(f"{base}/strategy/")
    page.get_by_role("link", name="Integrationsstrategi för Testby").click()
    page.get_by_role("link", name="1 adopted version").click()
    page.get_by_role("link", name="Version 1").click()
    assert_accessible(page)
    frozen = _pdf_text(_download(page, "Download as PDF"))
    assert "Version 1" in frozen and "Utbildning" in frozen and "Utbildning och språk" not in frozen
