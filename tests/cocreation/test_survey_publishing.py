"""A survey as a coordinator publishes and shares it, and as a resident meets it: one publish step,
every text in every language (or a marked fallback), the language offered from the browser, a share kit."""

import pytest
from django.test import Client
from tests.cocreation.factories import QuestionFactory, SurveyFactory

from samskapa.cocreation.models import Consultation, Survey
from samskapa.cocreation.services import surveys
from samskapa.core.errors import ApplicationError
from samskapa.publicsite.models import PublicSite
from samskapa.publicsite.progress import public_consultation_queryset


def _resident(language="sv"):
    return Client(HTTP_ACCEPT_LANGUAGE=language, REMOTE_ADDR="203.0.113.9")


def test_published_on_the_survey_puts_it_and_its_consultation_on_the_public_site_and_off_again(org, coordinator):
    survey = surveys.survey_create(actor=coordinator, organisation=org, title="Fritid", languages=["sv"])
    assert not public_consultation_queryset(org).exists()
    surveys.survey_update(actor=coordinator, organisation=org, survey=survey, is_published=True)
    survey.refresh_from_db()
    assert survey.is_published and survey.consultation.is_published
    assert list(public_consultation_queryset(org)) == [survey.consultation]
    surveys.survey_update(actor=coordinator, organisation=org, survey=survey, is_published=False)
    survey.refresh_from_db()
    assert not survey.is_published and not survey.consultation.is_published
    assert not public_consultation_queryset(org).exists()


def test_a_survey_created_as_published_is_on_the_public_site_at_once(org, coordinator):
    survey = surveys.survey_create(
        actor=coordinator, organisation=org, title="Fritid", languages=["sv"], is_published=True
    )
    assert Consultation.objects.get(pk=survey.consultation_id).is_published


def test_a_member_who_may_not_publish_cannot_publish_through_the_survey(org, member_factory):
    viewer = member_factory("viewer")
    survey = SurveyFactory(organisation=org, status="draft")
    with pytest.raises(Exception):  # noqa: B017, PT011  (the permission refusal, whichever error type)
        surveys.survey_update(actor=viewer, organisation=org, survey=survey, is_published=True)
    survey.refresh_from_db()
    assert not survey.is_published and not survey.consultation.is_published


def _arabic_survey(org, **texts):
    survey = SurveyFactory(
        organisation=org,
        status="draft",
        title="Hur trivs du?",
        intro="Svara gärna, det tar två minuter.",
        thanks="Tack, vi läser varje svar.",
        languages=["sv", "ar"],
        texts={"ar": {"title": "كيف حالك هنا؟", **texts}},
    )
    QuestionFactory(survey=survey, order=1, text="Vad saknar du?", texts={"ar": {"text": "ماذا ينقصك؟"}})
    return survey


def test_a_survey_without_its_arabic_introduction_and_thank_you_text_cannot_open(org, coordinator):
    survey = _arabic_survey(org)
    with pytest.raises(ApplicationError) as refused:
        surveys.survey_set_status(actor=coordinator, organisation=org, survey=survey, status="open")
    assert "introduction" in refused.value.message.lower() or "introduktion" in refused.value.message.lower()
    survey.refresh_from_db()
    assert survey.status == "draft"
    surveys.survey_update(
        actor=coordinator,
        organisation=org,
        survey=survey,
        texts={"ar": {"title": "كيف حالك هنا؟", "intro": "أجب من فضلك.", "thanks": "شكرًا لك."}},
    )
    surveys.survey_set_status(actor=coordinator, organisation=org, survey=survey, status="open")
    assert Survey.objects.get(pk=survey.pk).status == "open"


def test_an_open_survey_cannot_lose_a_translation_or_gain_an_untranslated_question(org, coordinator):
    survey = _arabic_survey(org, intro="أجب من فضلك.", thanks="شكرًا لك.")
    surveys.survey_set_status(actor=coordinator, organisation=org, survey=survey, status="open")
    with pytest.raises(ApplicationError):
        surveys.survey_update(
            actor=coordinator, organisation=org, survey=survey, texts={"ar": {"title": "كيف حالك هنا؟"}}
        )
    with pytest.raises(ApplicationError):
        surveys.question_add(actor=coordinator, organisation=org, survey=survey, kind="text", text="Något mer?")
    with pytest.raises(ApplicationError):
        surveys.survey_update(actor=coordinator, organisation=org, survey=survey, languages=["sv", "ar", "fi"])
    survey = Survey.objects.get(pk=survey.pk)
    assert survey.texts["ar"]["intro"] == "أجب من فضلك." and survey.questions.count() == 1
    assert survey.languages == ["sv", "ar"]


def test_text_that_is_not_translated_is_marked_with_its_own_language_and_a_badge(org):
    """Should an untranslated text ever reach the page (written before this rule), it is never passed off as Arabic."""
    survey = _arabic_survey(org)
    Survey.objects.filter(pk=survey.pk).update(status="open")
    page = _resident().get(f"/s/{survey.key}/ar/").content.decode()
    assert 'lang="ar" dir="rtl"' in page and "ماذا ينقصك؟" in page
    assert '<span lang="sv" dir="ltr">Svara gärna, det tar två minuter.</span>' in page
    assert 'class="badge badge--fallback">غير مترجم · <span lang="sv">Svenska</span>' in page
    assert "كيف حالك هنا؟" in page  # the translated title is not marked


def test_a_new_survey_preselects_only_the_default_language(org, coordinator, client_for):
    body = client_for(coordinator).get(f"/o/{org.slug}/cocreation/surveys/new/").content.decode()
    assert 'name="languages" value="sv"' in body
    checked = [part for part in body.split("<input") if 'name="languages"' in part and "checked" in part]
    assert len(checked) == 1 and 'value="sv"' in checked[0]


def test_the_language_choice_greets_each_language_in_its_own_words_and_offers_the_browsers_first(open_survey):
    page = _resident("ar,en;q=0.8").get(f"/s/{open_survey.key}/").content.decode()
    assert '<li lang="ar" dir="rtl">' in page and '<li lang="sv" dir="ltr">' in page
    assert "اختر لغتك" in page and "Välj ditt språk" in page
    choice = page.index("language-choice")
    assert page.index('lang="ar"', choice) < page.index('lang="sv"', choice)
    swedish_first = _resident("sv-SE,sv;q=0.9").get(f"/s/{open_survey.key}/").content.decode()
    choice = swedish_first.index("language-choice")
    assert swedish_first.index('lang="sv"', choice) < swedish_first.index('lang="ar"', choice)


def test_the_thank_you_page_links_to_the_public_you_said_we_did(org, open_survey):
    assert "you-said-we-did" not in _resident().get(f"/s/{open_survey.key}/ar/thanks/").content.decode()
    PublicSite.objects.create(organisation=org, is_public=True, contact_email="info@mark.se")
    page = _resident().get(f"/s/{open_survey.key}/ar/thanks/").content.decode()
    assert f"/p/{org.slug}/ar/you-said-we-did/" in page and "اطّلع على ما قاله السكان" in page


def test_the_share_kit_gives_the_link_a_qr_code_and_a_poster_per_language(org, coordinator, client_for, open_survey):
    client = client_for(coordinator)
    body = client.get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/").content.decode()
    assert f'value="http://testserver/s/{open_survey.key}/" readonly' in body
    assert body.count('<svg role="img"') == 1 and "data-copy" in body
    assert "/poster/ar/" in body and "/poster/sv/" in body
    poster = client.get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/poster/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in poster and "كيف حالك هنا؟" in poster
    assert f"http://testserver/s/{open_survey.key}/ar/" in poster and '<svg role="img"' in poster
    qr = client.get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<path" in qr.content


def test_a_poster_in_a_language_the_survey_lacks_or_of_another_organisation_is_not_found(
    org, other_org, coordinator, client_for, open_survey
):
    client = client_for(coordinator)
    assert client.get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/poster/fi/").status_code == 404
    foreign = SurveyFactory(organisation=other_org)
    assert client.get(f"/o/{org.slug}/cocreation/surveys/{foreign.pk}/poster/sv/").status_code == 404
    assert client.get(f"/o/{org.slug}/cocreation/surveys/{foreign.pk}/qr.svg").status_code == 404


def test_the_survey_page_publishes_and_unpublishes_in_one_click(org, coordinator, client_for, open_survey):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/publish/"
    client.post(url, {"published": "1"})
    assert list(public_consultation_queryset(org)) == [open_survey.consultation]
    body = client.get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/").content.decode()
    assert "Published, with its consultation" in body and "Take it off the public site" in body
    client.post(url, {"published": "0"})
    assert not public_consultation_queryset(org).exists()


def test_the_poster_is_also_an_a4_pdf_in_the_survey_language(org, coordinator, client_for, open_survey):
    import io

    from pypdf import PdfReader

    response = client_for(coordinator).get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/poster/ar.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert f"/s/{open_survey.key}/ar/" in reader.pages[0].extract_text()
