"""The public pages as residents read them: no account, their language, plain HTML."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.factories import FocusAreaFactory, GoalFactory
from tests.publicsite.conftest import adopt

from samskapa.publicsite import services
from samskapa.publicsite.models import PublicSite
from samskapa.strategy import services as strategy_services
from samskapa.strategy.models import FocusArea

CSS = Path(__file__).resolve().parents[2] / "src/samskapa/publicsite/static/publicsite/public.css"
PAGES = ["", "strategy/", "accessibility/", "data/"]


@pytest.fixture
def reader():
    return Client()


def body(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_site_address_sends_readers_to_the_first_of_their_languages_it_offers(org, site, reader):
    response = reader.get(f"/p/{org.slug}/", HTTP_ACCEPT_LANGUAGE="ar-SY,ar;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == f"/p/{org.slug}/ar/"
    assert reader.get(f"/p/{org.slug}/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == f"/p/{org.slug}/sv/"


def test_a_site_that_is_not_public_is_not_found_but_its_publishers_preview_it(org, published, coordinator, client_for):
    PublicSite.objects.filter(organisation=org).update(is_public=False)
    assert Client().get(f"/p/{org.slug}/sv/").status_code == 404
    assert Client().get(f"/p/{org.slug}/data/strategies.json").status_code == 404
    assert b"mark" not in Client().get("/p/organisations.json").content
    preview = client_for(coordinator).get(f"/p/{org.slug}/en/strategy/")
    assert preview.status_code == 200 and "Preview" in preview.content.decode()
    assert preview["Cache-Control"] == "private, no-store"


def test_an_organisation_without_a_site_is_not_found(org, reader):
    assert reader.get(f"/p/{org.slug}/").status_code == 404
    assert reader.get(f"/p/{org.slug}/sv/").status_code == 404


def test_a_language_the_site_does_not_offer_goes_to_the_default_and_nonsense_is_not_found(org, site, reader):
    response = reader.get(f"/p/{org.slug}/fi/strategy/")
    assert response.status_code == 302 and response["Location"] == f"/p/{org.slug}/sv/strategy/"
    assert reader.get(f"/p/{org.slug}/xx/").status_code == 404


def test_the_strategy_page_shows_the_adopted_version_never_the_working_copy(org, coordinator, published, reader):
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=published)
    published.refresh_from_db()
    strategy_services.strategy_update(
        actor=coordinator, organisation=org, strategy=published, vision="ARBETSKOPIA som ingen har beslutat"
    )
    page = body(reader.get(f"/p/{org.slug}/sv/strategy/"))
    assert "Alla ska känna att de hör hemma här." in page
    assert "ARBETSKOPIA" not in page
    assert "Kommunfullmäktige" in page and "Tillhörighet" in page and "Erbjuda samhällsorientering." in page


def test_a_missing_translation_falls_back_visibly_to_the_original(org, published, reader):
    page = body(reader.get(f"/p/{org.slug}/en/strategy/"))
    assert 'lang="sv"' in page and "Integrationsstrategi för Mark" in page
    assert "not yet translated into English" in page
    assert 'class="fallback"' not in body(reader.get(f"/p/{org.slug}/sv/strategy/"))


def test_a_translated_text_is_shown_in_the_readers_language_with_its_direction(org, coordinator, published, reader):
    from tests.publicsite.test_services import key

    area = FocusArea.objects.get(strategy=published, title="Tillhörighet")
    services.translations_save(
        actor=coordinator,
        organisation=org,
        obj=published,
        language="ar",
        values={key(published, "title"): "استراتيجية الاندماج في مارك", key(area, "title"): "الانتماء"},
    )
    page = body(reader.get(f"/p/{org.slug}/ar/strategy/"))
    assert '<html lang="ar" dir="rtl">' in page
    assert re.search(r'<h1 lang="ar" dir="rtl">\s*استراتيجية الاندماج في مارك</h1>', page)
    assert '<span lang="ar" dir="rtl">الانتماء</span>' in page
    # The vision is not translated: shown in Swedish, left to right, marked.
    assert re.search(
        r'<p lang="sv" dir="ltr" class="lead"><span class="fallback" lang="sv" dir="ltr">Svenska</span>', page
    )


def test_hostile_html_in_content_and_translations_is_shown_as_text(org, coordinator, published, reader):
    from tests.publicsite.test_services import key

    evil = "<script>alert(1)</script>"
    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={key(published, "title"): evil}
    )
    services.site_update(actor=coordinator, organisation=org, intro=evil)
    for path in ["en/", "en/strategy/", "sv/"]:
        page = body(reader.get(f"/p/{org.slug}/{path}"))
        assert evil not in page
    assert "&lt;script&gt;" in body(reader.get(f"/p/{org.slug}/en/strategy/"))


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_need_no_javascript_and_carry_no_login_chrome(org, published, reader, path):
    page = body(reader.get(f"/p/{org.slug}/sv/{path}"))
    assert "<script" not in page and "csrfmiddlewaretoken" not in page and "/accounts/login" not in page
    assert 'href="#main"' in page and '<main id="main"' in page


def _many_areas(org, coordinator, strategy, count):
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=strategy)
    for n in range(count):
        area = FocusAreaFactory(
            strategy=strategy,
            organisation=org,
            title=f"Område {n} med en lagom lång rubrik",
            summary="En sammanfattning på lätt svenska som alla kan läsa och förstå.",
            we_want=["Att alla ska känna sig välkomna och trygga i kommunen."] * 3,
            we_will=["Skapa fler mötesplatser i skolor och bibliotek."] * 3,
        )
        for _ in range(3):
            GoalFactory(focus_area=area, organisation=org, text="Fler nyanlända i arbete eller studier", target="60 %")
    strategy.status = "revision"
    return adopt(coordinator, org, strategy)


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_take_the_same_number_of_queries_for_ten_times_the_content(
    org, coordinator, published, reader, path
):
    def queries(count):
        _many_areas(org, coordinator, published, count)
        with CaptureQueriesContext(connection) as captured:
            body(reader.get(f"/p/{org.slug}/en/{path}"))
        return len(captured)

    assert queries(2) == queries(20)


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_stay_under_100_kb_of_html_and_css_with_a_large_strategy(
    org, coordinator, published, reader, path
):
    _many_areas(org, coordinator, published, 12)
    size = len(reader.get(f"/p/{org.slug}/sv/{path}").content) + CSS.stat().st_size
    assert size < 100_000, f"{path}: {size} bytes"


def test_the_summary_is_a_one_page_pdf_in_the_readers_language(org, published, reader):
    import io

    from pypdf import PdfReader

    response = reader.get(f"/p/{org.slug}/en/summary.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Integration in Marks kommun" in text and "Tillhörighet" in text
    assert pdf.trailer["/Root"].get("/Lang") == "en"


def test_the_summary_stays_on_one_page_with_a_large_strategy(org, coordinator, published, reader):
    import io

    from pypdf import PdfReader

    _many_areas(org, coordinator, published, 12)
    pdf = PdfReader(io.BytesIO(reader.get(f"/p/{org.slug}/sv/summary.pdf").content))
    assert len(pdf.pages) == 1


def test_the_index_lists_only_public_sites(org, other_org, site, reader):
    from tests.publicsite.factories import PublicSiteFactory

    PublicSiteFactory(organisation=other_org, is_public=False)
    page = body(reader.get("/p/?lang=en"))
    assert "Marks kommun" in page and "Främmande kommun" not in page
    assert '<html lang="en"' in page


def test_the_home_page_links_what_is_published(org, published, reader):
    page = body(reader.get(f"/p/{org.slug}/sv/"))
    assert f'href="/p/{org.slug}/sv/strategy/"' in page
    assert "Här berättar vi om arbetet med integration." in page
