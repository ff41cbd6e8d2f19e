"""Walk the gap analysis in Chromium: upload, follow, read the report, correct, compare, the
good-practice library; axe-core finds no WCAG 2.1 AA violation on any page."""

import pytest
from playwright.sync_api import expect
from tests.analysis.conftest import STRATEGY
from tests.analysis.factories import DocumentFactory, PracticeFactory, analysed_report
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from samskapa.analysis.models import Document, GoodPractice, Passage
from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def coordinator_of_mark():
    org = OrganisationFactory(name="Marks kommun", slug="mark", municipality_code="1463")
    coordinator = UserFactory(email="samordnare@mark.test")
    MembershipFactory(organisation=org, user=coordinator, role=Role.COORDINATOR)
    # Transactional tests empty the database between tests: the library is made here.
    PracticeFactory(organisation=None, title="TUTU centre", areas=["CHI", "EDU"], link="https://example.org/tutu")
    return org, coordinator


def test_coordinator_uploads_reads_corrects_and_compares(
    coordinator_of_mark, page_for, live_server, assert_accessible, tmp_path
):
    org, coordinator = coordinator_of_mark
    DocumentFactory(
        organisation=org, title="Äldre plan", publisher="Malå kommun", report=analysed_report({"EDU": "weak"})
    )
    strategy = tmp_path / "strategi.txt"
    strategy.write_text(STRATEGY, encoding="utf-8")
    page = page_for(coordinator)
    page.goto(f"{live_server.url}/o/{org.slug}/")
    page.get_by_role("navigation", name="Marks kommun: sections").get_by_role("link", name="Documents").click()
    assert_accessible(page)

    page.get_by_label("Documents").set_input_files(str(strategy))
    page.get_by_label("Title").fill("Strategi för Exempelby")
    page.get_by_label("Published by").fill("Exempelby kommun")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Upload and analyse").click()
    assert_accessible(page)  # the progress page
    page.get_by_role("link", name="Open the result").click()
    expect(page.get_by_role("heading", name="Strategi för Exempelby", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Score per area of the framework")).to_be_visible()
    assert "TUTU centre" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="All passages and their codes").click()
    assert_accessible(page)
    position = Passage.objects.get(text__contains="Arbetsmarknadsenheten").position
    page.get_by_role("link", name=f"Correct passage {position + 1}").click()
    assert_accessible(page)
    page.get_by_label("Housing and segregation").check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "The codes were saved" in page.locator(".messages").inner_text()
    assert Passage.objects.get(position=position, document__title="Strategi för Exempelby").corrected_labels

    page.get_by_role("link", name="Back to the report").click()
    page.get_by_role("link", name="Edit the details").click()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the report").click()
    page.get_by_role("link", name="All documents").click()
    page.get_by_role("link", name="Compare documents").click()
    expect(page.get_by_role("img", name="Score of each area of the framework per document")).to_be_visible()
    table = page.get_by_role("table", name="Coverage per document and area").inner_text()
    assert "Exempelby kommun" in table and "Malå kommun" in table
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    assert download.value.suggested_filename == "coverage.csv"


def test_coordinator_keeps_the_good_practice_library(coordinator_of_mark, page_for, live_server, assert_accessible):
    org, coordinator = coordinator_of_mark
    page = page_for(coordinator)
    page.goto(f"{live_server.url}/o/{org.slug}/documents/")
    page.get_by_role("link", name="Good-practice library").click()
    assert_accessible(page)
    page.get_by_role("link", name="Add a good practice").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Läxhjälp i biblioteket")
    page.get_by_label("Organisation behind it").fill("Exempelby bibliotek")
    page.get_by_label("Summary").fill("Volontärer hjälper elever med läxor två gånger i veckan.")
    page.get_by_label("Children and youth").check()
    page.get_by_role("button", name="Add the practice").click()
    assert "The practice was added" in page.locator(".messages").inner_text()
    assert GoodPractice.objects.get(title="Läxhjälp i biblioteket").country == "Sweden"
    page.get_by_label("Area").select_option("CHI")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="Practices for Children and youth")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Edit Läxhjälp i biblioteket").click()
    assert_accessible(page)
    page.get_by_role("link", name="Good-practice library").click()
    page.get_by_role("link", name="Remove Läxhjälp i biblioteket").click()
    assert_accessible(page)
    page.get_by_role("button", name="Remove the practice").click()
    assert not GoodPractice.objects.filter(title="Läxhjälp i biblioteket").exists()


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_document_pages_are_accessible_in_swedish_and_finnish(
    coordinator_of_mark, page_for, live_server, assert_accessible, language
):
    org, coordinator = coordinator_of_mark
    analysed = DocumentFactory(
        organisation=org, title="Plan", report=analysed_report({"EDU": "covered", "HOU": "weak"})
    )
    failed = DocumentFactory(organisation=org, title="Trasig", status=Document.Status.FAILED, error_code="encrypted")
    page = page_for(coordinator, language=language)
    for path in [
        "documents/",
        f"documents/{analysed.pk}/",
        f"documents/{failed.pk}/",
        f"documents/{analysed.pk}/delete/",
        "documents/compare/",
        "documents/practices/",
        "documents/practices/new/",
    ]:
        page.goto(f"{live_server.url}/o/{org.slug}/{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
