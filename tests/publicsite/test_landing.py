"""`/` leads a visitor who is not signed in to the public sites, and to signing in."""

from django.test import Client
from tests.publicsite.factories import PublicSiteFactory


def test_the_front_page_lists_the_public_sites_and_offers_to_sign_in(org, other_org, db):
    PublicSiteFactory(organisation=org, is_public=True)
    PublicSiteFactory(organisation=other_org, is_public=False)
    page = Client().get("/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert f'href="/p/{org.slug}/"' in page and org.name in page
    assert other_org.name not in page, "a site that is not public is not listed"
    assert 'href="/accounts/login/' in page and "Logga in" in page


def test_the_front_page_says_so_when_nothing_is_public_yet(db):
    page = Client().get("/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert 'href="/accounts/login/' in page and '<html lang="fi"' in page


def test_someone_signed_in_sees_their_organisations(org, coordinator, client_for):
    page = client_for(coordinator).get("/").content.decode()
    assert f'href="/o/{org.slug}/"' in page
