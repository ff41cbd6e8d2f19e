"""Walk the indicator pages in Chromium: write an indicator, enter a value, add a Kolada KPI,
pick a PxWeb table and a Eurostat dataset; axe-core finds nothing on any page."""

import re

import pytest
from playwright.sync_api import expect
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.indicators.stub_server import StubServer, point_sources_at

from samskapa.indicators.areas import swedish_areas_load
from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stub(settings):
    server = StubServer().start()
    point_sources_at(settings, server)
    settings.SAMSKAPA_SOURCE_TIMEOUT = 5  # a browser test's server is busier
    yield server
    server.stop()


@pytest.fixture
def coordinator():
    # Transactional tests empty every table after them, the names of Sweden's areas that a
    # data migration loaded included: load them again (the loader ignores rows already there).
    swedish_areas_load()
    org = OrganisationFactory(name="Marks kommun", slug="mark", municipality_code="1463")
    user = UserFactory(email="samordnare@mark.test", full_name="Samira Samordnare")
    MembershipFactory(organisation=org, user=user, role=Role.COORDINATOR)
    return org, user


def test_coordinator_writes_an_indicator_and_enters_a_value(page_for, live_server, assert_accessible, coordinator):
    org, user = coordinator
    page = page_for(user)
    page.goto(f"{live_server.url}/o/{org.slug}/")
    page.get_by_role("navigation", name="Marks kommun: sections").get_by_role("link", name="Indicators").click()
    expect(page.get_by_role("heading", name="Indicators and follow-up", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Write your own (values by hand or from a file)").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Besök på språkcaféer")
    page.get_by_label("Unit").fill("besök")
    page.get_by_label("Decimals shown").fill("0")
    page.get_by_label("Which direction is better").select_option("higher")
    page.get_by_label("Baseline year").fill("2023")
    page.get_by_label("Baseline value").fill("400")
    page.get_by_label("Target year").fill("2027")
    page.get_by_label("Target value").fill("900")
    page.get_by_label("Areas to compare with").fill("Borås")
    page.get_by_role("button", name="Create the indicator").click()
    expect(page.get_by_role("heading", name="Besök på språkcaféer", level=1)).to_be_visible()
    page.get_by_label("Period").fill("2024")
    page.get_by_role("textbox", name="Value:").fill("455")
    page.get_by_role("button", name="Save the value").click()
    expect(page.locator(".messages")).to_contain_text("The value was saved.")
    assert page.locator("svg[role=img]").count() >= 1
    assert "455 besök" in page.locator("#values ~ .table-scroll table").first.inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Correct 2024 Everyone").click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/{org.slug}/indicators/")
    assert "At risk" in page.locator("main").inner_text() or "On track" in page.locator("main").inner_text()
    assert_accessible(page)


def test_coordinator_adds_a_kolada_kpi_and_reads_its_comparison(
    page_for, live_server, assert_accessible, coordinator, stub
):
    org, user = coordinator
    stub.route("GET", r"/v3/kpi$", "kolada/kpi_search_page2.json")
    stub.route("GET", r"/v3/kpi/N01987$", "kolada/kpi_search_page2.json")
    stub.route("GET", r"/v3/data/", "kolada/data_N00973.json")
    page = page_for(user)
    page.goto(f"{live_server.url}/o/{org.slug}/indicators/catalogue/kolada/")
    assert_accessible(page)
    page.get_by_label("Search words").fill("mottagna")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 key figure found")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Add as indicator\W+Kommunmottagna")).click()
    expect(page.locator(".messages")).to_contain_text("values are being fetched")
    expect(page.get_by_role("heading", name="Compared with others")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Edit the indicator").click()
    assert_accessible(page)


def test_coordinator_picks_a_pxweb_table_and_a_eurostat_dataset(
    page_for, live_server, assert_accessible, coordinator, stub
):
    org, user = coordinator
    stub.route("GET", r"/api/v2/tables$", "scb/tables_search.json")
    stub.route("GET", r"/api/v2/tables/TAB4823/metadata", "scb/TAB4823_metadata.json")
    page = page_for(user)
    page.goto(f"{live_server.url}/o/{org.slug}/indicators/catalogue/pxweb/")
    assert_accessible(page)
    page.get_by_label("Search words").fill("utrikes födda")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Befolkningen efter region, ålder, kön och födelseregion. År 2000-2024").click()
    expect(page.get_by_role("heading", name="What to fetch from the table")).to_be_visible()
    assert_accessible(page)
    stub.route("GET", r"/data/lfsa_ergacob$", "eurostat/lfsa_ergacob_structure.json")
    page.goto(f"{live_server.url}/o/{org.slug}/indicators/catalogue/eurostat/")
    assert_accessible(page)
    page.get_by_label("Eurostat dataset").fill("lfsa_ergacob")
    page.get_by_role("button", name="Show its dimensions").click()
    expect(page.get_by_role("heading", name="What to fetch from the dataset")).to_be_visible()
    expect(page.get_by_role("group", name="Unit of measure").get_by_label("Thousand persons (THS_PER)")).to_be_visible()
    assert_accessible(page)


def test_council_reads_the_follow_up_and_a_report_is_written(page_for, live_server, assert_accessible, coordinator):
    from tests.actions.factories import ActionFactory, ActionPlanFactory
    from tests.factories import FocusAreaFactory, GoalFactory, StrategyFactory
    from tests.indicators.factories import IndicatorFactory, series

    from samskapa.indicators.models import IndicatorGoal

    org, user = coordinator
    strategy = StrategyFactory(organisation=org, title="Integrationsstrategi", status="adopted")
    area = FocusAreaFactory(strategy=strategy, organisation=org, title="Arbete och egenförsörjning")
    goal = GoalFactory(focus_area=area, organisation=org, text="Fler i arbete")
    indicator = IndicatorFactory(organisation=org, title="Sysselsättning", target_year=2027, target_value=70)
    IndicatorGoal.objects.create(organisation=org, indicator=indicator, goal=goal)
    series(indicator, {2022: 55, 2023: 58, 2024: 60})
    ActionFactory(plan=ActionPlanFactory(strategy=strategy), focus_area=area, title="Jobbspår", status="ongoing")
    page = page_for(user)
    page.goto(f"{live_server.url}/o/{org.slug}/indicators/")
    page.get_by_role("link", name="Follow-up per focus area").click()
    expect(page.get_by_role("heading", name="1. Arbete och egenförsörjning")).to_be_visible()
    assert "Jobbspår" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="The annual follow-up report (PDF and DOCX)").click()
    assert_accessible(page)
    page.get_by_label("Year followed up").fill("2025")
    page.get_by_role("button", name="Write the report").click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/{org.slug}/indicators/reports/")
    expect(page.get_by_role("link", name="PDF Uppföljning 2025: Integrationsstrategi")).to_be_visible()
    assert_accessible(page)
