"""The strategy as a document for the council: PDF and DOCX with cover, contents, focus areas and the
action plan, in the strategy's language; a frozen version exports what was adopted; hostile text stays text."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from pypdf import PdfReader
from tests.actions.factories import ActionPlanFactory, bulk_actions
from tests.actors.factories import ActorFactory
from tests.factories import StrategyFactory

from samskapa.actions import services as action_services
from samskapa.actors.models import Actor
from samskapa.strategy import services

HOSTILE = '<script>alert("x")</script><img src="http://127.0.0.1:9/x.png"> Skolan & hemmet'


@pytest.fixture
def adopted(org, coordinator):
    strategy = services.strategy_create(
        actor=coordinator,
        organisation=org,
        title="Integrationsstrategi för Testby",
        language="sv",
        period_start=2025,
        period_end=2028,
        vision="Alla testbybor hör till.",
        purpose="Att samla kommunens arbete.",
        target_groups="Nyanlända och alla invånare.",
    )
    area = services.focus_area_create(
        actor=coordinator,
        organisation=org,
        strategy=strategy,
        title="Utbildning",
        description=HOSTILE,
        we_want=["Alla barn ska lyckas i skolan."],
        we_will=["Erbjuda läxhjälp."],
        strategic_choices=["Språket först."],
        framework_codes=["EDU"],
    )
    goal = services.goal_create(
        actor=coordinator, organisation=org, focus_area=area, text="Fler klarar skolan", target="90 %"
    )
    lead = ActorFactory(organisation=org, name="Skolförvaltningen", kind=Actor.Kind.DEPARTMENT)
    plan = ActionPlanFactory(organisation=org, strategy=strategy, title="Handlingsplan 2025–2026")
    action_services.action_create(
        actor=coordinator,
        organisation=org,
        plan=plan,
        title="Läxhjälp på biblioteket",
        focus_area_id=area.pk,
        lead_id=lead.pk,
        start=date(2025, 2, 1),
        end=date(2026, 6, 30),
        budget="125000",
        goal_ids=[goal.pk],
    )
    version = services.strategy_adopt(
        actor=coordinator,
        organisation=org,
        strategy=strategy,
        adopted_by="Kommunfullmäktige",
        adopted_on=date(2025, 3, 10),
        decision_reference="KF § 42",
    )
    return strategy, version


def _pdf_text(content: bytes) -> str:
    """The text of every page, with line breaks inside table cells read as spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def _docx(content: bytes):
    document = Document(io.BytesIO(content))
    return document, "\n".join(p.text for p in document.paragraphs)


def test_the_pdf_is_a_swedish_document_with_cover_contents_focus_areas_and_action_plan(
    client_for, coordinator, org, adopted
):
    strategy, _version = adopted
    response = client_for(coordinator).get(f"/o/{org.slug}/strategy/{strategy.pk}/export.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="integrationsstrategi-for-testby')
    text = _pdf_text(response.content)
    for expected in (
        "Integrationsstrategi för Testby",
        "2025–2028",
        "Kommunfullmäktige",
        "KF § 42",
        "Innehåll",
        "Vision",
        "Alla testbybor hör till.",
        "Syfte",
        "Målgrupper",
        "Fokusområden",
        "Vi vill",
        "Alla barn ska lyckas i skolan.",
        "Vi ska",
        "Strategiska val",
        "Fler klarar skolan",
        "Handlingsplan",
        "Läxhjälp på biblioteket",
        "Skolförvaltningen",
        "125",
    ):
        assert expected in text, expected
    assert '<script>alert("x")</script>' in text  # hostile markup printed as text, never run or fetched
    assert "Focus areas" not in text


def test_the_docx_has_the_same_chapters_and_the_action_table(client_for, coordinator, org, adopted):
    strategy, _version = adopted
    response = client_for(coordinator).get(f"/o/{org.slug}/strategy/{strategy.pk}/export.docx")
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    document, text = _docx(response.content)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Integrationsstrategi för Testby"
    assert {"Innehåll", "Vision", "Syfte", "Målgrupper", "Utgångspunkter", "Fokusområden", "Handlingsplan"} <= set(
        headings
    )
    assert "1. Utbildning" in headings and {"Vi vill", "Vi ska", "Strategiska val", "Mål"} <= set(headings)
    assert "Antagen av Kommunfullmäktige den 2025-03-10 (KF § 42)" in text and "Status: Antagen" in text
    assert HOSTILE in text and "Fler klarar skolan (mål: 90 %)" in text
    assert document.core_properties.language == "sv"
    (table,) = document.tables
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Nr", "Åtgärd", "Fokusområde", "Ansvarig", "Period", "Budget", "Status"]
    row = [c.text for c in table.rows[1].cells]
    assert row[1:4] == ["Läxhjälp på biblioteket", "Utbildning", "Skolförvaltningen"]
    assert row[4] == "2025-02-01 – 2026-06-30" and row[5] == "125\u00a0000 SEK" and row[6] == "Planerad"


def test_an_adopted_version_exports_the_frozen_text_not_the_revision(client_for, coordinator, org, adopted):
    strategy, version = adopted
    services.strategy_revise(actor=coordinator, organisation=org, strategy=strategy)
    strategy.refresh_from_db()
    services.strategy_update(actor=coordinator, organisation=org, strategy=strategy, vision="En ny vision.")
    client = client_for(coordinator)
    frozen = _pdf_text(client.get(f"/o/{org.slug}/strategy/versions/{version.pk}/export.pdf").content)
    assert "Alla testbybor hör till." in frozen and "En ny vision." not in frozen and "Version 1" in frozen
    _doc, working = _docx(client.get(f"/o/{org.slug}/strategy/{strategy.pk}/export.docx").content)
    assert "En ny vision." in working and "Under revidering" in working


def test_an_english_strategy_exports_in_english_and_the_api_serves_both(api_for, coordinator, org):
    strategy = services.strategy_create(actor=coordinator, organisation=org, title="Integration in Mark", language="en")
    services.focus_area_create(
        actor=coordinator, organisation=org, strategy=strategy, title="Participation", we_want=["People meet."]
    )
    api = api_for(coordinator)
    pdf = api.get(f"/orgs/{org.slug}/strategies/{strategy.pk}/export.pdf")
    assert pdf.status_code == 200
    text = _pdf_text(pdf.content)
    assert "Focus areas" in text and "We want" in text and "No action plan yet." in text
    docx = api.get(f"/orgs/{org.slug}/strategies/{strategy.pk}/export.docx")
    assert docx.status_code == 200 and "1. Participation" in _docx(docx.content)[1]


def test_another_organisations_strategy_is_not_exported(client_for, api_for, coordinator, other_org):
    foreign = StrategyFactory(organisation=other_org, title="Hemlig strategi")
    assert client_for(coordinator).get(f"/o/{other_org.slug}/strategy/{foreign.pk}/export.pdf").status_code == 404
    api = api_for(coordinator)
    assert api.get(f"/orgs/{other_org.slug}/strategies/{foreign.pk}/export.docx").status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(("kind", "few", "many"), [("docx", 50, 500), ("pdf", 5, 50)])
def test_the_export_costs_the_same_queries_with_ten_times_the_actions(
    client_for, coordinator, org, adopted, kind, few, many
):
    strategy, _version = adopted
    plan = strategy.action_plans.get()
    area, lead = strategy.focus_areas.get(), Actor.objects.get(name="Skolförvaltningen")
    client = client_for(coordinator)
    url = f"/o/{org.slug}/strategy/{strategy.pk}/export.{kind}"
    bulk_actions(plan, area, lead, few, first=10, budget=1000)
    counted = _queries(client, url)
    bulk_actions(plan, area, lead, many - few, first=10 + few, budget=1000)
    assert _queries(client, url) == counted
