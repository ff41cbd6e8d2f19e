"""Public pages are cached, and the cache never outlives a change to what they show."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samskapa.publicsite import services
from samskapa.strategy import services as strategy_services


@pytest.fixture
def reader():
    return Client()


def test_pages_carry_an_etag_and_last_modified_and_answer_304_when_unchanged(org, published, reader):
    first = reader.get(f"/p/{org.slug}/sv/strategy/")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert first["Cache-Control"] == "public, no-cache" and first["Content-Language"] == "sv"
    again = reader.get(f"/p/{org.slug}/sv/strategy/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = reader.get(f"/p/{org.slug}/sv/strategy/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_each_language_has_its_own_etag(org, published, reader):
    assert reader.get(f"/p/{org.slug}/sv/")["ETag"] != reader.get(f"/p/{org.slug}/en/")["ETag"]


def test_a_cached_page_is_served_with_a_couple_of_queries(org, published, reader):
    reader.get(f"/p/{org.slug}/sv/strategy/")
    with CaptureQueriesContext(connection) as captured:
        response = reader.get(f"/p/{org.slug}/sv/strategy/")
    assert response.status_code == 200 and b"Tillh" in response.content
    assert len(captured) <= 2, [q["sql"] for q in captured]


def test_unpublishing_removes_the_content_from_the_cached_page_at_once(org, coordinator, published, reader):
    first = reader.get(f"/p/{org.slug}/sv/strategy/")
    assert "Tillhörighet" in first.content.decode()
    services.content_unpublish(actor=coordinator, organisation=org, obj=published)
    after = reader.get(f"/p/{org.slug}/sv/strategy/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200 and "Tillhörighet" not in after.content.decode()
    assert after["ETag"] != first["ETag"]


def test_a_new_adopted_version_renews_the_page(org, coordinator, published, reader):
    from tests.publicsite.conftest import adopt

    reader.get(f"/p/{org.slug}/sv/strategy/")
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=published)
    published.refresh_from_db()
    strategy_services.strategy_update(actor=coordinator, organisation=org, strategy=published, vision="En ny vision")
    assert "En ny vision" not in reader.get(f"/p/{org.slug}/sv/strategy/").content.decode()
    adopt(coordinator, org, published)
    assert "En ny vision" in reader.get(f"/p/{org.slug}/sv/strategy/").content.decode()


def test_a_new_translation_renews_the_page(org, coordinator, published, reader):
    from tests.publicsite.test_services import key

    reader.get(f"/p/{org.slug}/en/strategy/")
    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={key(published, "title"): "Our plan"}
    )
    assert "Our plan" in reader.get(f"/p/{org.slug}/en/strategy/").content.decode()


def test_closing_the_site_takes_every_page_and_file_down_at_once(org, coordinator, published, reader):
    assert reader.get(f"/p/{org.slug}/data/strategies.json").status_code == 200
    services.site_update(actor=coordinator, organisation=org, is_public=False)
    assert reader.get(f"/p/{org.slug}/sv/").status_code == 404
    assert reader.get(f"/p/{org.slug}/data/strategies.json").status_code == 404


def test_open_data_is_cached_like_the_pages(org, published, reader):
    first = reader.get(f"/p/{org.slug}/data/focus-areas.csv")
    assert first.status_code == 200 and first["ETag"]
    assert reader.get(f"/p/{org.slug}/data/focus-areas.csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert first["Access-Control-Allow-Origin"] == "*"
    assert reader.get(f"/p/{org.slug}/data/focus-areas.csv")["Access-Control-Allow-Origin"] == "*"


def test_a_write_that_bypasses_signals_is_announced_with_one_call(org, published, reader):
    from samskapa.strategy.models import StrategyVersion

    reader.get(f"/p/{org.slug}/sv/strategy/")
    version = StrategyVersion.objects.get(strategy=published)
    StrategyVersion.objects.filter(pk=version.pk).update(adopted_by="Kommunstyrelsen")
    assert "Kommunstyrelsen" not in reader.get(f"/p/{org.slug}/sv/strategy/").content.decode()
    services.public_content_changed(org.pk)
    assert "Kommunstyrelsen" in reader.get(f"/p/{org.slug}/sv/strategy/").content.decode()
