"""The base layout: accessible structure, language switching, escaping, login protection."""

import pytest
from django.test import Client

from samskapa.orgs.models import Role


def test_layout_has_skip_link_landmarks_and_language(org, coordinator, client_for):
    html = client_for(coordinator).get(f"/o/{org.slug}/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert '<html lang="en" dir="ltr">' in html


@pytest.mark.parametrize("language,text", [("sv", "Hoppa till huvudinnehållet"), ("fi", "Siirry pääsisältöön")])
def test_interface_speaks_the_chosen_language(db, language, text):
    client = Client()
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    html = client.get("/").content.decode()
    assert f'lang="{language}"' in html and text in html


def test_hostile_html_in_names_is_escaped(org, admin, client_for):
    org.name = '<script>alert("x")</script>'
    org.save()
    html = client_for(admin).get(f"/o/{org.slug}/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_anonymous_visitors_are_sent_to_login(org, db):
    response = Client().get(f"/o/{org.slug}/members/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_someone_in_two_organisations_switches_between_them(org, other_org, member_factory, client_for):
    user = member_factory(Role.EDITOR)
    from tests.factories import MembershipFactory

    MembershipFactory(organisation=other_org, user=user, role=Role.ADMIN)
    html = client_for(user).get(f"/o/{org.slug}/").content.decode()
    assert "Switch organisation" in html and f"/o/{other_org.slug}/" in html
    assert client_for(user).get(f"/o/{other_org.slug}/settings/").status_code == 200
    assert client_for(user).get(f"/o/{org.slug}/settings/").status_code == 403


def test_repeated_failed_logins_lock_the_account_from_that_address(db, settings):
    from tests.factories import PASSWORD, UserFactory

    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory()
    client = Client()
    for _ in range(3):
        client.post("/accounts/login/", {"username": user.email, "password": "wrong"})
    locked = client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_with_email_and_password(db):
    from tests.factories import PASSWORD, UserFactory

    user = UserFactory()
    response = Client().post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_dashboard_query_count_does_not_grow_with_members(
    org, coordinator, member_factory, client_for, django_assert_max_num_queries
):
    client = client_for(coordinator)
    client.get(f"/o/{org.slug}/members/")
    for _ in range(30):
        member_factory(Role.VIEWER)
    with django_assert_max_num_queries(12):
        client.get(f"/o/{org.slug}/members/")


def test_the_login_page_names_the_product_not_the_server(client):
    """Django's login view sets its own ``site_name`` (the host); the header and footer keep ours."""
    page = client.get("/accounts/login/").content.decode()
    assert 'class="brand" href="/">Samskapa</a>' in page
    assert "testserver" not in page
