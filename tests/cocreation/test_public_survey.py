"""The public survey at /s/<key>/: answered without an account, in the respondent's language, and
safe against floods, bots, oversized and hostile input."""

import pytest
from django.test import Client, override_settings

from samskapa.cocreation.models import Answer, Input, Participation, Response


def _public():
    return Client(HTTP_ACCEPT_LANGUAGE="sv", REMOTE_ADDR="203.0.113.7")


def _answers(survey, **overrides):
    q = {question.order: question for question in survey.questions.prefetch_related("choices")}
    data = {
        f"q{q[1].pk}": "Fler mötesplatser för unga",
        f"q{q[2].pk}": str(q[2].choices.all()[1].pk),
        f"q{q[3].pk}": [str(c.pk) for c in q[3].choices.all()][:2],
        f"q{q[4].pk}": "4",
        "group": "children",
    }
    data.update(overrides)
    return data


def test_a_resident_answers_in_arabic_right_to_left_and_the_free_text_becomes_an_input(open_survey):
    client = _public()
    page = client.get(f"/s/{open_survey.key}/ar/").content.decode()
    assert 'lang="ar" dir="rtl"' in page and "ماذا ينقصك؟" in page and "كينا" in page
    response = client.post(f"/s/{open_survey.key}/ar/", _answers(open_survey))
    assert response.status_code == 302 and response["Location"].endswith("/ar/thanks/")
    stored = Response.objects.get(survey=open_survey)
    assert stored.language == "ar" and stored.group == "children"
    assert Answer.objects.filter(response=stored).count() == 4
    item = Input.objects.get(consultation=open_survey.consultation)
    assert item.text == "Fler mötesplatser för unga" and item.language == "ar" and item.group == "children"
    assert not item.codes_confirmed  # the classifier suggests, a person confirms
    assert Participation.objects.get(consultation=open_survey.consultation, group="children").count == 1


def test_the_start_page_offers_the_survey_in_each_of_its_languages(open_survey):
    body = _public().get(f"/s/{open_survey.key}/").content.decode()
    assert f"/s/{open_survey.key}/ar/" in body and f"/s/{open_survey.key}/sv/" in body


def test_a_draft_survey_and_an_unknown_language_are_not_found(open_survey):
    assert _public().get(f"/s/{open_survey.key}/fi/").status_code == 404
    open_survey.status = "draft"
    open_survey.save()
    assert _public().get(f"/s/{open_survey.key}/sv/").status_code == 404
    assert _public().get("/s/no-such-survey/").status_code == 404


def test_a_closed_survey_says_so_and_stores_nothing(open_survey):
    open_survey.status = "closed"
    open_survey.save()
    response = _public().post(f"/s/{open_survey.key}/sv/", _answers(open_survey))
    assert response.status_code == 410
    assert "stängd" in response.content.decode()
    assert not Response.objects.exists()


@override_settings(SAMSKAPA_SURVEY_ANSWERS_PER_HOUR=3)
def test_a_flood_of_answers_from_one_address_is_throttled_with_a_clear_message(open_survey):
    client = _public()
    statuses = [client.post(f"/s/{open_survey.key}/sv/", _answers(open_survey)).status_code for _ in range(6)]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert Response.objects.count() == 3
    refused = client.post(f"/s/{open_survey.key}/sv/", _answers(open_survey)).content.decode()
    assert "För många svar" in refused or "Too many answers" in refused
    other = Client(REMOTE_ADDR="198.51.100.9").post(f"/s/{open_survey.key}/sv/", _answers(open_survey))
    assert other.status_code == 302  # another address is not affected


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_stored(open_survey):
    response = _public().post(f"/s/{open_survey.key}/sv/", _answers(open_survey, website="http://spam.example"))
    assert response.status_code == 302
    assert not Response.objects.exists() and not Input.objects.exists()


def test_an_oversized_answer_is_refused_with_a_clear_message_and_nothing_is_stored(open_survey):
    q1 = open_survey.questions.get(order=1)
    response = _public().post(f"/s/{open_survey.key}/sv/", _answers(open_survey, **{f"q{q1.pk}": "x" * 2001}))
    assert response.status_code == 200
    assert "2000" in response.content.decode()
    assert not Response.objects.exists()


def test_hostile_html_is_stored_as_plain_text_only(open_survey):
    q1 = open_survey.questions.get(order=1)
    evil = "<script>alert('x')</script><b>Bättre</b> skolor"
    _public().post(f"/s/{open_survey.key}/sv/", _answers(open_survey, **{f"q{q1.pk}": evil}))
    answer = Answer.objects.get(question=q1)
    assert "<" not in answer.text and "Bättre skolor" in answer.text
    assert "<script>" not in Input.objects.get().text


def test_a_choice_of_another_question_or_a_number_off_the_scale_is_refused(open_survey):
    q = {question.order: question for question in open_survey.questions.prefetch_related("choices")}
    foreign_choice = str(q[3].choices.all()[0].pk)
    for bad in ({f"q{q[2].pk}": foreign_choice}, {f"q{q[4].pk}": "9"}, {"group": "robots"}):
        response = _public().post(f"/s/{open_survey.key}/sv/", _answers(open_survey, **bad))
        assert response.status_code == 200
    assert not Response.objects.exists()


def test_an_empty_submission_asks_for_an_answer(open_survey):
    response = _public().post(f"/s/{open_survey.key}/sv/", {})
    assert response.status_code == 200 and not Response.objects.exists()


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_public_pages_need_no_account_and_show_no_organisation_menu(open_survey, language):
    body = _public().get(f"/s/{open_survey.key}/{language}/").content.decode()
    assert "org-nav" not in body and "Log in" not in body
