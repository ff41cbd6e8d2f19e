"""The public pages of the action plan, the indicators, the consultations and "you said, we did"."""

import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.actions.factories import ActionFactory, ActionPlanFactory, ProgressUpdateFactory
from tests.cocreation.factories import ConsultationFactory, FindingDecisionFactory, FindingFactory, SurveyFactory
from tests.indicators.factories import IndicatorFactory, series
from tests.publicsite.test_pages import CSS, body

from samskapa.cocreation.models import Participation
from samskapa.publicsite.services import public_content_changed
from samskapa.strategy.models import FocusArea

PAGES = ["actions/", "indicators/", "consultations/", "you-said-we-did/"]


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def area(published):
    return FocusArea.objects.get(strategy=published, title="Tillhörighet")


@pytest.fixture
def plan(org, published):
    return ActionPlanFactory(strategy=published, organisation=org)


def _content(org, plan, area, count: int, published: bool = True) -> None:
    """``count`` of each: actions with a progress update, indicators with ten years of values,
    held consultations with who was heard, findings that led to an action."""
    for n in range(count):
        action = ActionFactory(
            plan=plan,
            focus_area=area,
            title=f"Språkcafé {n}",
            status="ongoing",
            percent_complete=40,
            is_published=published,
            end=None,  # still running: an action past its end date would read "delayed"
        )
        ProgressUpdateFactory(action=action, text=f"Tio träffar hölls {n}", is_published=published)
        indicator = IndicatorFactory(organisation=org, title=f"Andel i arbete {n}", is_published=published)
        series(indicator, {2015 + year: 40 + year for year in range(10)})
        consultation = ConsultationFactory(organisation=org, title=f"Samtal i Kinna {n}", is_published=published)
        Participation.objects.create(organisation=org, consultation=consultation, group="newcomers", count=12)
        finding = FindingFactory(
            organisation=org,
            statement=f"Fler mötesplatser behövs {n}",
            outcome="Vi öppnar språkcaféer.",
            is_published=published,
        )
        FindingDecisionFactory(finding=finding, organisation=org, action=action)
    public_content_changed(org.pk)


def test_the_action_plan_shows_each_published_action_with_status_progress_and_last_update(org, plan, area, reader):
    _content(org, plan, area, 2)
    ActionFactory(plan=plan, focus_area=area, title="UTKAST till åtgärd")
    page = body(reader.get(f"/p/{org.slug}/sv/actions/"))
    assert "Språkcafé 0" in page and "Språkcafé 1" in page and "UTKAST" not in page
    assert "Tillhörighet" in page and "Pågår" in page and "40 % klart" in page
    assert "Tio träffar hölls 0" in page and "1 april 2025" in page
    assert "<script" not in page


def test_the_indicator_page_has_an_svg_chart_and_the_same_values_as_a_table(org, plan, area, reader):
    _content(org, plan, area, 1)
    listing = body(reader.get(f"/p/{org.slug}/en/indicators/"))
    assert "Andel i arbete 0" in listing and "49" in listing
    indicator_url = re.search(rf'href="(/p/{org.slug}/en/indicators/\d+/)"', listing).group(1)
    page = body(reader.get(indicator_url))
    assert "<svg" in page and 'role="img"' in page
    assert "<table" in page and "2015" in page and "2024" in page


def test_consultations_show_who_was_heard_as_counts_and_link_open_surveys(org, plan, area, reader):
    _content(org, plan, area, 1)
    survey = SurveyFactory(
        organisation=org,
        consultation__organisation=org,
        consultation__is_published=True,
        consultation__title="Enkät om fritid",
        status="open",
        is_published=True,
    )
    consultation = survey.consultation
    consultation.facilitator = "Anna FACILITATORSSON"
    consultation.save()
    page = body(reader.get(f"/p/{org.slug}/en/consultations/"))
    assert "Samtal i Kinna 0" in page and "Who was heard: 12 people" in page and "Newcomers" in page
    assert f"/s/{survey.key}/" in page and "Answer the survey" in page
    assert "FACILITATORSSON" not in page
    assert page.index("Enkät om fritid") < page.index("Samtal i Kinna 0"), "open consultations come first"


def test_you_said_we_did_shows_each_finding_with_what_it_led_to_and_hides_unpublished_links(org, plan, area, reader):
    _content(org, plan, area, 1)
    hidden = ActionFactory(plan=plan, focus_area=area, title="OPUBLICERAD åtgärd")
    finding = FindingFactory(organisation=org, statement="Unga vill ha läxhjälp", is_published=True)
    FindingDecisionFactory(finding=finding, organisation=org, action=hidden)
    FindingFactory(organisation=org, statement="UTKAST till slutsats")
    page = body(reader.get(f"/p/{org.slug}/sv/you-said-we-did/"))
    assert "Fler mötesplatser behövs 0" in page and "Vi öppnar språkcaféer." in page
    assert "Språkcafé 0" in page and "#action-" in page
    assert "Unga vill ha läxhjälp" in page and "beslutat, inte publicerat än" in page
    FindingFactory(organisation=org, statement="Fler vill ha simskola", is_published=True)
    page = body(reader.get(f"/p/{org.slug}/sv/you-said-we-did/"))
    assert "Inte beslutat ännu." in page
    assert "OPUBLICERAD" not in page and "UTKAST" not in page


def test_a_finding_decided_into_a_strategy_not_yet_public_shows_its_decision_unlinked(org, coordinator, reader, site):
    from samskapa.strategy import services as strategy_services

    draft = strategy_services.strategy_create(actor=coordinator, organisation=org, title="Utkast till strategi")
    area = strategy_services.focus_area_create(
        actor=coordinator, organisation=org, strategy=draft, title="Språk och arbete"
    )
    finding = FindingFactory(organisation=org, statement="Kvällskurser i svenska behövs", is_published=True)
    FindingDecisionFactory(finding=finding, organisation=org, focus_area=area)
    public_content_changed(org.pk)
    page = body(reader.get(f"/p/{org.slug}/sv/you-said-we-did/"))
    assert "Kvällskurser i svenska behövs" in page and "Språk och arbete" in page
    assert "Inte beslutat ännu." not in page and f"#area-{area.pk}" not in page
    home = body(reader.get(f"/p/{org.slug}/sv/"))
    assert "Kvällskurser i svenska behövs" in home and "Språk och arbete" in home


def test_the_home_page_shows_open_surveys_decisions_action_progress_and_indicators(org, plan, area, reader):
    _content(org, plan, area, 2)
    survey = SurveyFactory(
        organisation=org,
        consultation__organisation=org,
        consultation__is_published=True,
        title="Enkät om fritid",
        status="open",
        is_published=True,
    )
    public_content_changed(org.pk)
    page = body(reader.get(f"/p/{org.slug}/sv/"))
    assert "Enkät om fritid" in page and f"/s/{survey.key}/" in page and "Svara på enkäten" in page
    assert "Fler mötesplatser behövs" in page and "Vi öppnar språkcaféer." in page
    assert re.search(r"<strong>2</strong>\s*<span>Pågår</span>", page), "actions counted by status"
    assert "Andel i arbete 0" in page and f"/p/{org.slug}/sv/indicators/" in page
    assert "Inget har publicerats här ännu." not in page


def test_the_home_page_says_nothing_is_published_only_when_nothing_is(org, site, reader):
    page = body(reader.get(f"/p/{org.slug}/sv/"))
    assert "Inget har publicerats här ännu." in page


def test_the_home_page_takes_the_same_number_of_queries_for_ten_times_the_content(org, plan, area, reader):
    def queries(count):
        _content(org, plan, area, count)
        with CaptureQueriesContext(connection) as captured:
            body(reader.get(f"/p/{org.slug}/en/"))
        return len(captured)

    assert queries(2) == queries(20)


@pytest.mark.parametrize("language", ["sv", "fi", "en", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_the_new_pages_speak_the_readers_language_with_its_direction(org, plan, area, reader, path, language):
    org.languages = ["fi", "en", "ar"]
    org.save()
    _content(org, plan, area, 1)
    page = body(reader.get(f"/p/{org.slug}/{language}/{path}"))
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    headings = {"sv": "Samråd", "fi": "Kuulemiset", "en": "Consultations", "ar": "المشاورات"}
    assert headings[language] in page  # the menu, in the reader's language


@pytest.mark.parametrize("path", PAGES)
def test_the_new_pages_take_the_same_number_of_queries_for_ten_times_the_content(org, plan, area, reader, path):
    def queries(count):
        _content(org, plan, area, count)
        with CaptureQueriesContext(connection) as captured:
            body(reader.get(f"/p/{org.slug}/en/{path}"))
        return len(captured)

    assert queries(2) == queries(20)


def test_an_indicator_page_takes_the_same_number_of_queries_whatever_the_number_of_values(org, site, reader):
    def queries(years):
        indicator = IndicatorFactory(organisation=org, is_published=True)
        series(indicator, {2000 + year: year for year in range(years)})
        public_content_changed(org.pk)
        with CaptureQueriesContext(connection) as captured:
            body(reader.get(f"/p/{org.slug}/en/indicators/{indicator.pk}/"))
        return len(captured)

    assert queries(2) == queries(20)


@pytest.mark.parametrize("path", PAGES)
def test_the_new_pages_stay_under_100_kb_with_a_large_organisation(org, plan, area, reader, path):
    _content(org, plan, area, 60)
    response = reader.get(f"/p/{org.slug}/sv/{path}")
    size = len(body(response)) + CSS.stat().st_size
    assert size < 100_000, f"{path}: {size} bytes"
    assert "Sida 1 av 2" in response.content.decode()
    assert "Sida 2 av 2" in body(reader.get(f"/p/{org.slug}/sv/{path}?page=2"))


def test_a_page_number_that_is_not_a_number_shows_the_first_page(org, plan, area, reader):
    _content(org, plan, area, 1)
    assert "Språkcafé 0" in body(reader.get(f"/p/{org.slug}/sv/actions/?page=<script>"))
    assert "Språkcafé 0" in body(reader.get(f"/p/{org.slug}/sv/actions/?page=99999"))


def test_an_unpublished_or_foreign_indicator_is_not_found(org, other_org, site, reader):
    draft = IndicatorFactory(organisation=org)
    foreign = IndicatorFactory(organisation=other_org, is_published=True)
    assert reader.get(f"/p/{org.slug}/sv/indicators/{draft.pk}/").status_code == 404
    assert reader.get(f"/p/{org.slug}/sv/indicators/{foreign.pk}/").status_code == 404


def test_a_change_to_a_published_action_shows_at_once(org, plan, area, reader):
    _content(org, plan, area, 1)
    first = reader.get(f"/p/{org.slug}/sv/actions/")
    action = plan.actions.get(title="Språkcafé 0")
    action.percent_complete = 90
    action.save()
    again = reader.get(f"/p/{org.slug}/sv/actions/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "90 % klart" in again.content.decode()


def test_open_data_holds_actions_indicators_values_consultations_and_findings(org, plan, area, reader):
    _content(org, plan, area, 2)
    ActionFactory(plan=plan, focus_area=area, title="UTKAST till åtgärd")
    package = json.loads(reader.get(f"/p/{org.slug}/data/datapackage.json").getvalue())
    names = {resource["name"] for resource in package["resources"]}
    assert {"actions", "indicators", "observations", "consultations", "findings"} <= names
    actions = json.loads(reader.get(f"/p/{org.slug}/data/actions.json").getvalue())["items"]
    assert sorted(item["title"]["sv"] for item in actions) == ["Språkcafé 0", "Språkcafé 1"]
    assert actions[0]["percent_complete"] == 40 and actions[0]["last_update_on"] == "2025-04-01"
    values = json.loads(reader.get(f"/p/{org.slug}/data/observations.json").getvalue())["items"]
    assert len(values) == 20
    consultations = json.loads(reader.get(f"/p/{org.slug}/data/consultations.json").getvalue())["items"]
    assert consultations[0]["heard_newcomers"] == 12
    findings = json.loads(reader.get(f"/p/{org.slug}/data/findings.json").getvalue())["items"]
    assert all(len(item["action_ids"]) == 1 for item in findings)
    csv = reader.get(f"/p/{org.slug}/data/actions.csv").getvalue().decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("id,number,focus_area_id,title_sv") and "UTKAST" not in csv


def test_the_summary_pdf_includes_actions_and_indicators_on_one_page(org, plan, area, reader):
    from pypdf import PdfReader

    _content(org, plan, area, 10)
    pdf = PdfReader(io.BytesIO(reader.get(f"/p/{org.slug}/en/summary.pdf").content))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "10 actions, on average 40% done." in text and "Andel i arbete 0" in text
    assert "And 4 more indicators on the web." in text


def test_the_menu_names_only_the_parts_with_published_content(org, plan, area, reader):
    _content(org, plan, area, 1, published=False)
    page = body(reader.get(f"/p/{org.slug}/en/"))
    assert "What we do" not in page and "You said, we did" not in page and "Consultations" not in page


def test_the_translation_completeness_view_counts_the_texts_of_the_new_pages(org, plan, area):
    from samskapa.publicsite.completeness import coverage

    _content(org, plan, area, 2)
    found = coverage(organisation=org)
    for kind in ("action", "progressupdate", "indicator", "consultation", "finding"):
        assert found[kind]["en"].missing > 0, kind


def test_statuses_and_groups_read_in_arabic_on_arabic_pages(org, plan, area, reader):
    _content(org, plan, area, 1)
    assert "جارٍ" in body(reader.get(f"/p/{org.slug}/ar/actions/"))
    consultations = body(reader.get(f"/p/{org.slug}/ar/consultations/"))
    assert "عُقد" in consultations and "القادمون الجدد" in consultations


def test_every_text_records_its_language_and_the_pages_mark_it(org, plan, area, reader):
    org.default_language, org.languages = "fi", ["sv", "ar"]
    org.save()
    finnish = ActionFactory(plan=plan, focus_area=area, title="Kielikahvila kirjastossa", is_published=True)
    swedish = ActionFactory(
        plan=plan, focus_area=area, title="Språkcafé på biblioteket", language="sv", is_published=True
    )
    assert finnish.language == "fi", "a new row is written in the organisation's default language"
    public_content_changed(org.pk)
    page = body(reader.get(f"/p/{org.slug}/sv/actions/"))
    assert re.search(r'<h3 lang="sv" dir="ltr">Språkcafé på biblioteket</h3>', page)
    assert re.search(r'<h3 lang="fi" dir="ltr"><span class="fallback"[^>]*>Suomi</span> Kielikahvila', page)
    arabic = body(reader.get(f"/p/{org.slug}/ar/actions/"))
    assert re.search(r'<span class="fallback" lang="sv" dir="ltr">Svenska</span> Språkcafé', arabic)
    swedish.language = "xx"
    with pytest.raises(ValidationError):
        swedish.full_clean()
