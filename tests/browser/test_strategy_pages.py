"""Walk the strategy in Chromium: create, add a focus area, adopt, revise, compare; axe-clean throughout."""

import pytest
from playwright.sync_api import expect
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_creates_adopts_revises_and_compares_a_strategy(page_for, live_server, assert_accessible):
    org = OrganisationFactory(name="Malå kommun", slug="mala", municipality_code="2418")
    coordinator = UserFactory(email="samordnare@mala.test")
    MembershipFactory(organisation=org, user=coordinator, role=Role.COORDINATOR)
    page = page_for(coordinator)
    page.goto(f"{live_server.url}/o/{org.slug}/")
    page.get_by_role("navigation", name="Malå kommun: sections").get_by_role("link", name="Strategy").click()
    assert_accessible(page)
    page.get_by_role("link", name="Write a new strategy").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Strategi för integration")
    page.get_by_label("Vision").fill("Malå — en attraktiv plats")
    page.get_by_label("Revise by").fill("2027-12-31")
    page.get_by_role("button", name="Create the strategy").click()
    expect(page.get_by_role("heading", name="Strategi för integration", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a focus area").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Tillhörighet")
    page.get_by_label("We will").fill("Erbjuda samhällsorientering\nSkapa mötesplatser")
    page.get_by_label("Participation, social cohesion and leisure").check()
    page.get_by_role("button", name="Add the focus area").click()
    expect(page.get_by_role("heading", name="1. Tillhörighet")).to_be_visible()
    page.get_by_role("link", name="Add a goal to Tillhörighet").click()
    page.get_by_label("Goal").fill("Alla känner sig välkomna")
    page.get_by_role("button", name="Add the goal").click()
    assert_accessible(page)

    page.get_by_role("link", name="Adopt the strategy").click()
    assert_accessible(page)
    page.get_by_label("Adopted by").fill("Kommunfullmäktige")
    page.get_by_label("Adopted on").fill("2026-06-01")
    page.get_by_role("button", name="Adopt and freeze").click()
    assert "frozen as version 1" in page.locator(".messages").inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Start a revision").click()
    page.get_by_role("link", name="Edit the focus area Tillhörighet").click()
    page.get_by_label("Title").fill("Tillhörighet och trygghet")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="1 adopted version").click()
    assert_accessible(page)
    page.get_by_label("Compare").select_option("1")
    page.get_by_label("with").select_option("current")
    page.get_by_role("button", name="Compare").click()
    body = page.locator("main").inner_text()
    assert "Tillhörighet och trygghet" in body and "Changed" in body
    assert_accessible(page)

    page.goto(f"{live_server.url}/o/{org.slug}/strategy/foundations/")
    assert_accessible(page)
    page.get_by_role("link", name="All strategies").click()
    page.get_by_role("link", name="Strategi för integration").click()
    page.get_by_role("link", name="1 adopted version").click()
    page.get_by_role("link", name="Version 1").click()
    expect(page.get_by_role("heading", name="1. Tillhörighet", exact=True)).to_be_visible()
    assert_accessible(page)
