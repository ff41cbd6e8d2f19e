"""Walk the platform's pages in Chromium: every page axe-clean, the main flows work by keyboard and mouse."""

import pytest
from tests.factories import PASSWORD, JobFactory, MembershipFactory, OrganisationFactory, UserFactory

from samskapa.orgs.models import Membership, Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setting():
    org = OrganisationFactory(name="Marks kommun", slug="mark", municipality_code="1463")
    admin = UserFactory(email="admin@mark.test", full_name="Ada Admin")
    MembershipFactory(organisation=org, user=admin, role=Role.ADMIN)
    MembershipFactory(organisation=OrganisationFactory(slug="mala", name="Malå kommun"), user=admin, role=Role.VIEWER)
    job = JobFactory(organisation=org, title="Läser dokument", done_steps=2, total_steps=5, status="running")
    return org, admin, job


@pytest.mark.parametrize("language", ["en", "sv", "fi"])
def test_member_pages_are_accessible(setting, page_for, live_server, assert_accessible, language):
    org, admin, job = setting
    page = page_for(admin, language=language)
    membership = Membership.objects.get(user=admin, organisation=org)
    for path in [
        "/",
        f"/o/{org.slug}/",
        f"/o/{org.slug}/members/",
        f"/o/{org.slug}/members/{membership.pk}/",
        f"/o/{org.slug}/settings/",
        f"/o/{org.slug}/jobs/{job.pk}/",
        "/accounts/me/",
        "/accounts/password/change/",
        "/o/no-such-org/",
    ]:
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def test_anonymous_pages_are_accessible(db, page_for, live_server, assert_accessible):
    page = page_for()
    for path in ["/", "/accounts/login/", "/accounts/password/reset/", "/invite/unknown-token/"]:
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_login_invite_and_join_by_browser(setting, page_for, live_server, assert_accessible):
    org, admin, _job = setting
    page = page_for()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Marks kommun").click()
    page.get_by_role("navigation", name="Marks kommun: sections").get_by_role("link", name="Members").click()
    page.get_by_label("Email address").fill("ny@mark.test")
    page.get_by_label("Role").select_option("editor")
    page.get_by_role("button", name="Send invitation").click()
    link = page.locator("code.copyable").inner_text()
    assert_accessible(page)

    newcomer = page_for()
    newcomer.goto(link)
    assert_accessible(newcomer)
    newcomer.get_by_label("Your name").fill("Nadia Nyström")
    newcomer.get_by_label("Choose a password").fill("a-long-secret-77")
    newcomer.get_by_label("Repeat the password").fill("a-long-secret-77")
    newcomer.get_by_role("button", name="Accept the invitation").click()
    newcomer.wait_for_url(f"{live_server.url}/o/{org.slug}/")
    assert "Editor" in newcomer.locator("main").inner_text()
    assert_accessible(newcomer)


def test_skip_link_is_the_first_tab_stop_and_moves_focus(setting, page_for, live_server):
    org, admin, _job = setting
    page = page_for(admin)
    page.goto(f"{live_server.url}/o/{org.slug}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_token_created_in_the_browser_works_for_the_api(setting, page_for, live_server, assert_accessible):
    _org, admin, _job = setting
    page = page_for(admin)
    page.goto(live_server.url + "/accounts/me/")
    page.get_by_label("What the token is for").fill("Statistikimport")
    page.get_by_role("button", name="Create a token").click()
    raw = page.locator("code.copyable").inner_text()
    assert_accessible(page)
    answer = page.request.get(live_server.url + "/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert answer.ok and answer.json()["email"] == admin.email


def test_phone_sized_pages_are_accessible(setting, page_for, live_server, assert_accessible):
    org, admin, _job = setting
    page = page_for(admin, viewport=(375, 740))
    page.goto(f"{live_server.url}/o/{org.slug}/members/")
    assert_accessible(page)
