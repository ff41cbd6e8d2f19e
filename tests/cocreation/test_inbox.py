"""The inputs inbox as a coordinator works through 300 answers: filters that survive paging, newest first,
acting on many at once (also across pages), findings from a selection, and staff translations."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.cocreation.factories import ConsultationFactory, InputFactory
from tests.factories import FocusAreaFactory, StrategyFactory

from samskapa.cocreation.models import Finding, Input, InputFocusArea

ARABIC = "أريد دروسًا مسائية في اللغة السويدية لأنني أعمل في النهار"


@pytest.fixture
def inbox(org):
    """Two consultations: a focus group in Swedish and a survey answered in Arabic, one answer translated."""
    group = ConsultationFactory(organisation=org, title="Fokusgrupp Kinna")
    survey = ConsultationFactory(organisation=org, title="Enkät om fritid", kind="survey")
    old = InputFactory(consultation=group, text="Fler mötesplatser för unga", language="sv", codes_confirmed=True)
    Input.objects.filter(pk=old.pk).update(created_at=datetime(2025, 1, 15, tzinfo=UTC))
    arabic = InputFactory(
        consultation=survey,
        text=ARABIC,
        language="ar",
        suggested_codes=[],
        translation="Jag vill ha kvällskurser i svenska eftersom jag arbetar på dagen",
        translation_language="sv",
    )
    newest = InputFactory(consultation=survey, text="Bättre busstider", language="sv")
    return {"group": group, "survey": survey, "old": old, "arabic": arabic, "newest": newest}


def _page(client, org, query=""):
    return client.get(f"/o/{org.slug}/cocreation/inputs/?{query}").content.decode()


def test_the_inbox_lists_newest_first_with_a_total(org, coordinator, client_for, inbox):
    body = _page(client_for(coordinator), org)
    assert "3 inputs" in body
    assert body.index("Bättre busstider") < body.index(ARABIC) < body.index("Fler mötesplatser för unga")


def test_the_inbox_filters_by_survey_language_review_dates_and_words_in_the_translation(
    org, coordinator, client_for, inbox
):
    client = client_for(coordinator)
    by_survey = _page(client, org, f"consultation={inbox['survey'].pk}")
    assert ARABIC in by_survey and "Fler mötesplatser" not in by_survey
    by_language = _page(client, org, "language=ar")
    assert ARABIC in by_language and "Bättre busstider" not in by_language
    not_reviewed = _page(client, org, "reviewed=no")
    assert "Bättre busstider" in not_reviewed and "Fler mötesplatser" not in not_reviewed
    in_2025 = _page(client, org, "since=2025-01-01&until=2025-12-31")
    assert "Fler mötesplatser" in in_2025 and "Bättre busstider" not in in_2025
    searched = _page(client, org, "q=kvällskurser")
    assert ARABIC in searched and "1 input" in searched


def test_nonsense_filters_are_ignored_not_errors(org, coordinator, client_for, inbox):
    body = _page(client_for(coordinator), org, "consultation=abc&since=not-a-date&language=xx&reviewed=maybe&page=999")
    assert "3 inputs" in body


def test_the_translation_is_shown_beside_the_original_each_with_its_language(org, coordinator, client_for, inbox):
    body = _page(client_for(coordinator), org, "language=ar")
    assert f'<blockquote lang="ar" dir="auto">{ARABIC}</blockquote>' in body
    assert '<blockquote lang="sv" dir="auto">Jag vill ha kvällskurser' in body
    assert '<span lang="ar">العربية</span>' in body


def test_a_coordinator_writes_a_staff_translation_and_the_original_is_kept(org, coordinator, client_for, inbox):
    item = inbox["arabic"]
    response = client_for(coordinator).post(
        f"/o/{org.slug}/cocreation/inputs/{item.pk}/",
        {
            "kind": "note",
            "text": ARABIC,
            "language": "ar",
            "translation": "Kvällskurser i svenska",
            "translation_language": "sv",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == ARABIC and item.translation == "Kvällskurser i svenska" and item.translation_language == "sv"


def test_links_to_other_pages_keep_the_filter(org, coordinator, client_for, inbox):
    for n in range(60):
        InputFactory(consultation=inbox["survey"], text=f"Svar {n}", language="sv")
    body = _page(client_for(coordinator), org, f"consultation={inbox['survey'].pk}&language=sv")
    assert f"?consultation={inbox['survey'].pk}&amp;language=sv&amp;page=2" in body
    assert "61 inputs" in body and "Page 1 of 2" in body


def _bulk(client, org, **data):
    return client.post(f"/o/{org.slug}/cocreation/inputs/bulk/", data)


def test_ticked_inputs_are_tagged_with_areas_and_focus_areas_and_marked_reviewed(org, coordinator, client_for, inbox):
    area = FocusAreaFactory(strategy=StrategyFactory(organisation=org), organisation=org, title="Språk")
    ticked = [inbox["arabic"].pk, inbox["newest"].pk]
    response = _bulk(
        client_for(coordinator),
        org,
        input=ticked,
        codes=["EDU", "EMP"],
        focus_area_ids=[area.pk],
        do="tag",
        filter="language=ar",
    )
    assert response.status_code == 302 and response["Location"].endswith("/inputs/?language=ar")
    for item in Input.objects.filter(pk__in=ticked):
        assert item.framework_codes == ["EDU", "EMP"] and item.codes_confirmed
    assert InputFocusArea.objects.filter(input_id__in=ticked, focus_area=area).count() == 2
    assert Input.objects.get(pk=inbox["old"].pk).framework_codes == []


def test_all_inputs_matching_a_filter_are_marked_reviewed_across_pages(org, coordinator, client_for, inbox):
    for n in range(70):
        InputFactory(consultation=inbox["survey"], text=f"Svar {n}", suggested_codes=["PAR"])
    _bulk(client_for(coordinator), org, scope="all", do="review", filter=f"consultation={inbox['survey'].pk}")
    survey_inputs = Input.objects.filter(consultation=inbox["survey"])
    assert survey_inputs.count() == 72 and not survey_inputs.filter(codes_confirmed=False).exists()
    assert Input.objects.get(text="Svar 5").framework_codes == ["PAR"]  # the suggestion was accepted


def test_bulk_actions_refuse_another_organisations_inputs_and_unknown_areas(
    org, other_org, coordinator, client_for, inbox
):
    foreign = InputFactory(consultation=ConsultationFactory(organisation=other_org))
    client = client_for(coordinator)
    _bulk(client, org, input=[inbox["newest"].pk, foreign.pk], codes=["EDU"], do="tag")
    _bulk(client, org, input=[inbox["newest"].pk], codes=["<script>"], do="tag")
    assert Input.objects.get(pk=foreign.pk).framework_codes == []
    assert Input.objects.get(pk=inbox["newest"].pk).framework_codes == []


def test_a_viewer_cannot_act_on_inputs(org, member_factory, client_for, inbox):
    viewer = member_factory("viewer")
    response = _bulk(client_for(viewer), org, input=[inbox["newest"].pk], do="review")
    assert response.status_code in (403, 404)
    assert not Input.objects.get(pk=inbox["newest"].pk).codes_confirmed


def test_a_finding_is_made_from_ticked_inputs_or_from_a_whole_survey(org, coordinator, client_for, inbox):
    client = client_for(coordinator)
    response = _bulk(client, org, input=[inbox["arabic"].pk], do="finding")
    assert response.status_code == 302 and f"input={inbox['arabic'].pk}" in response["Location"]
    form = client.get(
        f"/o/{org.slug}/cocreation/findings/new/?all=1&consultation={inbox['survey'].pk}"
    ).content.decode()
    assert ARABIC in form and "Bättre busstider" in form and "Fler mötesplatser" not in form
    client.post(
        f"/o/{org.slug}/cocreation/findings/new/",
        {"statement": "Kvällskurser behövs", "input": [inbox["arabic"].pk, inbox["newest"].pk]},
    )
    finding = Finding.objects.get(statement="Kvällskurser behövs")
    assert set(finding.inputs.values_list("pk", flat=True)) == {inbox["arabic"].pk, inbox["newest"].pk}


def test_the_consultation_and_survey_results_pages_offer_a_finding_from_their_inputs(
    org, coordinator, client_for, open_survey, inbox
):
    client = client_for(coordinator)
    detail = client.get(f"/o/{org.slug}/cocreation/consultations/{inbox['survey'].pk}/").content.decode()
    assert f"findings/new/?all=1&amp;consultation={inbox['survey'].pk}" in detail
    results = client.get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/results/").content.decode()
    assert f"findings/new/?all=1&amp;consultation={open_survey.consultation_id}" in results


@pytest.mark.parametrize(
    "path",
    [
        "inputs/?reviewed=no&language=ar",
        "inputs/?q=Svar&since=2020-01-01",
        "inputs/?consultation={c}",
        "consultations/{c}/",
        "findings/new/?all=1&consultation={c}",
    ],
)
def test_the_inbox_and_its_neighbours_cost_the_same_queries_with_ten_times_the_data(
    org, coordinator, client_for, grow, open_survey, path
):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/cocreation/" + path.format(c=open_survey.consultation_id)

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    grow(2)
    few = count()
    grow(18)
    assert count() == few


def test_the_edit_page_marks_the_original_and_the_translation_with_their_languages(org, coordinator, client_for, inbox):
    body = client_for(coordinator).get(f"/o/{org.slug}/cocreation/inputs/{inbox['arabic'].pk}/").content.decode()
    assert 'dir="auto" lang="ar"' in body and 'dir="auto" lang="sv"' in body


@pytest.mark.parametrize("odd", ["²", "١٢", "9" * 40, "-3"])
def test_ids_that_are_not_plain_numbers_are_dropped_not_errors(org, coordinator, client_for, inbox, odd):
    """Digits such as "²" or Arabic-Indic ones pass ``str.isdigit`` but are no id of ours."""
    client = client_for(coordinator)
    assert client.get(f"/o/{org.slug}/cocreation/findings/new/", {"input": odd}).status_code == 200
    assert client.get(f"/o/{org.slug}/cocreation/people/new/", {"actor": odd}).status_code == 200
    before = Input.objects.filter(codes_confirmed=True).count()
    response = _bulk(client, org, input=[odd], action="review")
    assert response.status_code in (200, 302)
    assert Input.objects.filter(codes_confirmed=True).count() == before
