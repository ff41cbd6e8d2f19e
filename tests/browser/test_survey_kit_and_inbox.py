"""In Chromium, in Swedish and Finnish: the survey's share kit and poster, an Arabic survey on a phone
with an untranslated text marked as such, and the inputs inbox acting on every page of a filter."""

import pytest
from playwright.sync_api import expect
from tests.cocreation.factories import ConsultationFactory, InputFactory, QuestionFactory, SurveyFactory

from samskapa.cocreation.models import Input, Survey

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mark(mark_with_coordinator):
    return mark_with_coordinator(["fi", "ar"])


@pytest.fixture
def survey(mark):
    org, _coordinator = mark
    survey = SurveyFactory(
        organisation=org,
        status="open",
        title="Hur trivs du i Mark?",
        intro="Svara gärna, det tar två minuter.",
        languages=["sv", "ar"],
        texts={"ar": {"title": "كيف حالك في مارك؟", "intro": "أجب من فضلك، يستغرق الأمر دقيقتين."}},
    )
    QuestionFactory(survey=survey, order=1, text="Vad saknar du?", texts={"ar": {"text": "ماذا ينقصك؟"}})
    return survey


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_the_share_kit_and_the_poster(mark, survey, page_for, live_server, assert_accessible, language):
    org, coordinator = mark
    page = page_for(coordinator, language=language)
    page.goto(f"{live_server.url}/o/{org.slug}/cocreation/surveys/new/")
    assert page.locator('input[name="languages"]:checked').count() == 1
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/{org.slug}/cocreation/surveys/{survey.pk}/")
    expect(page.locator("#share-link")).to_have_value(f"{live_server.url}/s/{survey.key}/")
    expect(page.locator("[data-copy]")).to_be_visible()  # the copy button appears where JavaScript runs
    expect(page.locator(".share-kit__qr svg")).to_be_visible()
    assert_accessible(page)
    page.locator('a[href$="/poster/ar/"]').click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_role("heading", name="كيف حالك في مارك؟")).to_be_visible()
    assert_accessible(page)


def test_an_arabic_phone_offers_arabic_first_and_marks_what_is_not_translated(
    survey, page_for, live_server, assert_accessible
):
    Survey.objects.filter(pk=survey.pk).update(texts={"ar": {"title": "كيف حالك في مارك؟"}})  # written before the rule
    page = page_for(language="ar", viewport=(390, 800))
    page.goto(f"{live_server.url}/s/{survey.key}/")
    first = page.locator(".language-choice li").first
    assert first.get_attribute("lang") == "ar" and "اختر لغتك" in first.inner_text()
    assert_accessible(page)
    first.locator("a").click()
    fallback = page.locator('main span[lang="sv"]').first
    expect(fallback).to_have_text("Svara gärna, det tar två minuter.")
    expect(page.locator(".badge--fallback").first).to_contain_text("غير مترجم")
    assert _no_sideways_scroll(page)
    assert_accessible(page)


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_the_inbox_marks_every_input_of_a_filter_reviewed(mark, page_for, live_server, assert_accessible, language):
    org, coordinator = mark
    survey = ConsultationFactory(organisation=org, title="Enkät om fritid", kind="survey")
    other = ConsultationFactory(organisation=org, title="Fokusgrupp")
    for n in range(55):
        InputFactory(consultation=survey, text=f"Svar {n}", language="ar", suggested_codes=["PAR"])
    InputFactory(consultation=other, text="Annat", language="sv")
    page = page_for(coordinator, language=language)
    page.goto(f"{live_server.url}/o/{org.slug}/cocreation/inputs/")
    page.locator("#f-consultation").select_option(str(survey.pk))
    page.locator(".filter-form button[type=submit]").click()
    expect(page.locator("#scope-all")).to_be_enabled()
    assert_accessible(page)
    page.locator("#scope-all").check()
    page.locator('button[name="do"][value="review"]').click()
    expect(page.locator(".inbox-list")).to_be_visible()
    assert not Input.objects.filter(consultation=survey, codes_confirmed=False).exists()
    assert not Input.objects.get(text="Annat").codes_confirmed
    assert f"consultation={survey.pk}" in page.url  # back on the same filter
    page.set_viewport_size({"width": 390, "height": 800})
    page.reload()
    assert _no_sideways_scroll(page)
