"""The shared good-practice library covers every area of the framework with practices worth reading:
at least two per area, at least one from Sweden or Finland, each with a link to its source; the library is paged."""

import importlib

import pytest
from django.apps import apps as django_apps
from tests.analysis.factories import PracticeFactory

from samskapa.analysis.framework import AREAS
from samskapa.analysis.models import GoodPractice
from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db

NORDIC = {"Sweden", "Finland"}


def _linked_shared_practices():
    return GoodPractice.objects.filter(organisation=None).exclude(link="")


def test_every_area_has_two_linked_practices_and_one_from_sweden_or_finland():
    practices = list(_linked_shared_practices())
    for code in AREAS:
        in_area = [p for p in practices if code in p.areas]
        assert len(in_area) >= 2, code
        assert any(p.country in NORDIC for p in in_area), code


def test_the_added_practices_link_to_a_web_page_and_use_only_framework_codes():
    migration = importlib.import_module("samskapa.analysis.migrations.0004_good_practices_per_area")
    for practice in migration.PRACTICES:
        assert practice["link"].startswith(("https://", "http://")), practice["title"]
        assert set(practice["areas"]) <= set(AREAS), practice["title"]
        assert practice["summary"] and practice["practised_by"] and practice["country"], practice["title"]


def test_seeding_again_updates_instead_of_duplicating():
    migration = importlib.import_module("samskapa.analysis.migrations.0004_good_practices_per_area")
    before = GoodPractice.objects.count()
    migration.seed(django_apps, None)
    assert GoodPractice.objects.count() == before
    assert GoodPractice.objects.filter(title="Asunto ensin – Housing First homes", organisation=None).count() == 1


def test_the_library_offers_housing_practices_with_their_source(org, member_factory, client_for):
    page = client_for(member_factory(Role.VIEWER)).get(f"/o/{org.slug}/documents/practices/?area=HOU").content
    text = page.decode()
    assert "Asunto ensin" in text and "Segregationsbarometern" in text
    assert "https://ysaatio.fi/en/about-us/history/" in text


def test_the_library_is_paged_and_keeps_the_area_filter(org, member_factory, client_for):
    PracticeFactory.create_batch(25, organisation=org, areas=["EDU"])
    in_area = GoodPractice.objects.filter(areas__icontains='"EDU"').count()
    client = client_for(member_factory(Role.VIEWER))
    first = client.get(f"/o/{org.slug}/documents/practices/?area=EDU").content.decode()
    assert first.count('<article class="card"') == 20
    assert "?area=EDU&amp;page=2" in first
    last_page = -(-in_area // 20)
    last = client.get(f"/o/{org.slug}/documents/practices/?area=EDU&page={last_page}").content.decode()
    assert last.count('<article class="card"') == in_area - 20 * (last_page - 1)
    assert 'rel="next"' not in last and "?area=EDU&amp;page=" in last
