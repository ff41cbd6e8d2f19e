"""A survey answer renews only the public pages that show how many people were heard; the rest
of the site stays cached. Changes to published content still renew every page."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import parse_http_date
from tests.cocreation.factories import QuestionFactory, SurveyFactory

from samskapa.cocreation.services.surveys import survey_answer
from samskapa.publicsite import services
from samskapa.publicsite.models import PublicSite

OTHER_PAGES = ["sv/", "sv/strategy/", "sv/actions/", "sv/you-said-we-did/", "data/focus-areas.json", "sv/data/"]
COUNT_PAGES = ["sv/consultations/", "data/consultations.json", "data/consultations.csv"]


@pytest.fixture
def survey(org, published):
    survey = SurveyFactory(
        organisation=org,
        consultation__is_published=True,
        consultation__title="Enkät om fritid",
        status="open",
        is_published=True,
        languages=["sv"],
    )
    QuestionFactory(survey=survey, order=1, text="Vad saknar du?")
    return survey


def _answer(survey, group: str = "") -> None:
    question = survey.questions.get()
    survey_answer(survey=survey, language="sv", answers={question.pk: "Fler mötesplatser"}, group=group)


def _etags(org, pages: list[str]) -> dict[str, str]:
    reader = Client()
    tags = {}
    for page in pages:
        response = reader.get(f"/p/{org.slug}/{page}")
        assert response.status_code == 200, page
        tags[page] = response["ETag"]
    return tags


def _heard(org) -> int:
    rows = json.loads(Client().get(f"/p/{org.slug}/data/consultations.json").getvalue())["items"]
    return next(row["heard_newcomers"] for row in rows if row["title"]["sv"] == "Enkät om fritid")


def test_an_answer_with_a_group_renews_only_the_pages_that_count_people(org, survey):
    others, counting = _etags(org, OTHER_PAGES), _etags(org, COUNT_PAGES)
    assert _heard(org) == 0
    _answer(survey, group="newcomers")
    assert _etags(org, OTHER_PAGES) == others
    renewed = _etags(org, COUNT_PAGES)
    assert all(renewed[page] != counting[page] for page in COUNT_PAGES)
    assert _heard(org) == 1


def test_an_answer_without_a_group_renews_no_page(org, survey):
    before = _etags(org, OTHER_PAGES + COUNT_PAGES)
    site = PublicSite.objects.get(organisation=org)
    _answer(survey)
    _answer(survey)
    assert _etags(org, OTHER_PAGES + COUNT_PAGES) == before
    site.refresh_from_db()
    assert PublicSite.objects.get(organisation=org).content_version == site.content_version


def test_a_count_page_is_dated_by_the_latest_answer_and_not_answered_304_by_an_older_date(org, survey):
    two_days_ago = timezone.now() - timedelta(days=2)
    PublicSite.objects.filter(organisation=org).update(content_changed_at=two_days_ago, counts_changed_at=two_days_ago)
    before = Client().get(f"/p/{org.slug}/data/consultations.json")["Last-Modified"]  # this morning
    _answer(survey, group="newcomers")
    counting = Client().get(f"/p/{org.slug}/data/consultations.json", HTTP_IF_MODIFIED_SINCE=before)
    assert counting.status_code == 200
    assert parse_http_date(counting["Last-Modified"]) > parse_http_date(before)
    other = Client().get(f"/p/{org.slug}/data/focus-areas.json", HTTP_IF_MODIFIED_SINCE=before)
    assert other.status_code == 304


def test_published_content_and_the_nightly_fetch_still_renew_every_page(org, survey, coordinator):
    before = _etags(org, OTHER_PAGES + COUNT_PAGES)
    services.public_content_changed(org.pk)  # what a statistics fetch calls after storing new values
    after = _etags(org, OTHER_PAGES + COUNT_PAGES)
    assert all(after[page] != before[page] for page in before)
