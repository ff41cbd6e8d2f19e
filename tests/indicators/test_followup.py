"""The follow-up per focus area and the annual follow-up report (PDF and DOCX, in the background)."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from pypdf import PdfReader
from tests.actions.factories import ActionFactory, ActionPlanFactory, ChildImpactAssessmentFactory
from tests.cocreation.factories import ConsultationFactory, FindingFactory
from tests.factories import FocusAreaFactory, GoalFactory, StrategyFactory
from tests.indicators.factories import IndicatorFactory, KoladaIndicatorFactory, series

from samskapa.core.models import Job
from samskapa.indicators.followup import follow_up
from samskapa.indicators.models import FollowUpReport, IndicatorFocusArea, IndicatorGoal
from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy(org):
    return StrategyFactory(organisation=org, title="Integrationsstrategi för Mark", language="sv", status="adopted")


def area_with(org, strategy, title, *, goal=True):
    area = FocusAreaFactory(strategy=strategy, organisation=org, title=title)
    return area, (GoalFactory(focus_area=area, organisation=org) if goal else None)


def make(org, strategy, count):
    """``count`` focus areas, each with an indicator of a goal, one of the area, and two actions."""
    plan = ActionPlanFactory(strategy=strategy)
    for n in range(count):
        area, goal = area_with(org, strategy, f"Område {count}-{n}")
        measured = IndicatorFactory(organisation=org, title=f"Mätt {count}-{n}", target_year=2027, target_value=80)
        IndicatorGoal.objects.create(organisation=org, indicator=measured, goal=goal)
        followed = KoladaIndicatorFactory(organisation=org, title=f"Följd {count}-{n}", reference_areas=["1490"])
        IndicatorFocusArea.objects.create(organisation=org, indicator=followed, focus_area=area)
        series(measured, {2022: 40, 2023: 45, 2024: 50})
        series(followed, {2023: 1, 2024: 2})
        series(followed, {2024: 3}, area="1490")
        ActionFactory(plan=plan, focus_area=area, status="done", percent_complete=100)
        ActionFactory(plan=plan, focus_area=area, status="delayed", status_reason="Lokalen blev inte klar.")
    return plan


def test_indicators_and_actions_are_placed_under_their_focus_area(org, strategy):
    make(org, strategy, 2)
    IndicatorFactory(organisation=org, title="Fristående")
    state = follow_up(organisation=org, strategy=strategy)
    first = state.areas[0]
    assert [v.indicator.title for v in first.views] == ["Följd 2-0", "Mätt 2-0"]
    assert sorted(a.status for a in first.actions) == ["delayed", "done"]
    assert [v.indicator.title for v in state.unlinked.views] == ["Fristående"]
    assert ("at_risk", "At risk", 1) in first.statuses


def test_the_dashboard_shows_each_focus_area_with_charts_and_actions(org, strategy, coordinator, client_for):
    make(org, strategy, 1)
    body = client_for(coordinator).get(f"/o/{org.slug}/indicators/follow-up/").content.decode()
    assert "1. Område 1-0" in body and "Mätt 1-0" in body and "Lokalen blev inte klar." in body
    assert body.count("<svg") >= 2 and "The values as a table" in body
    assert "At risk" in body and "1 done" in body


def test_the_dashboard_takes_the_same_queries_for_ten_times_the_focus_areas(org, strategy, coordinator, client_for):
    client = client_for(coordinator)
    make(org, strategy, 1)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/o/{org.slug}/indicators/follow-up/").status_code == 200
        return len(captured)

    small = queries()
    make(org, strategy, 10)
    assert queries() == small


def test_another_organisations_strategy_cannot_be_followed_up(org, other_org, coordinator, client_for):
    foreign = StrategyFactory(organisation=other_org)
    assert client_for(coordinator).get(f"/o/{org.slug}/indicators/follow-up/?strategy={foreign.pk}").status_code == 404
    assert client_for(coordinator).get(f"/o/{org.slug}/indicators/follow-up/?strategy=x").status_code == 404


def test_the_annual_report_is_written_in_the_background_as_pdf_and_docx_in_the_strategys_language(
    org, strategy, coordinator, client_for, django_capture_on_commit_callbacks
):
    plan = make(org, strategy, 1)
    action = plan.actions.first()
    action.affects_children = True
    action.save()
    ChildImpactAssessmentFactory(action=action, assessed_on=date(2025, 3, 1), conclusion="Till barnens bästa.")
    ConsultationFactory(organisation=org, title="Samtal med SFI-elever", held_on=date(2025, 5, 20))
    ConsultationFactory(organisation=org, title="Förra årets workshop", held_on=date(2024, 5, 20))
    FindingFactory(organisation=org, statement="Kvällstider för SFI efterfrågas")
    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/o/{org.slug}/indicators/reports/", {"strategy": strategy.pk, "year": 2025})
    report = FollowUpReport.objects.get()
    assert response["Location"] == f"/o/{org.slug}/jobs/{report.job_id}/"
    job = Job.objects.get(pk=report.job_id)
    assert job.status == Job.Status.DONE, job.message
    assert job.result_url == f"/o/{org.slug}/indicators/reports/"
    assert report.language == "sv" and report.title.startswith("Uppföljning 2025")

    pdf = client.get(f"/o/{org.slug}/indicators/reports/{report.pk}/pdf/")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Årlig uppföljning 2025" in text and "Område 1-0" in text and "Mätt 1-0" in text
    assert "Lokalen blev inte klar." in text and "Till barnens bästa." in text and "Källa: Kolada" in text
    assert "Samtal med SFI-elever" in text and "Förra årets workshop" not in text
    assert "Kvällstider för SFI efterfrågas" in text

    docx = client.get(f"/o/{org.slug}/indicators/reports/{report.pk}/docx/")
    document = Document(io.BytesIO(docx.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Sammanfattning" in headings and "1. Område 1-0" in headings and "Samskapande" in headings
    assert len(document.inline_shapes) == 2  # one picture per indicator chart
    assert any(table.rows[0].cells[0].text == "Period" for table in document.tables)
    assert document.core_properties.language == "sv"


def test_viewers_download_reports_but_cannot_start_one(org, strategy, member_factory, client_for):
    viewer = client_for(member_factory(Role.VIEWER))
    assert viewer.get(f"/o/{org.slug}/indicators/reports/").status_code == 200
    assert viewer.post(f"/o/{org.slug}/indicators/reports/", {"strategy": strategy.pk, "year": 2025}).status_code == 403
    assert not FollowUpReport.objects.exists()


def test_a_report_for_a_year_far_ahead_is_refused(org, strategy, coordinator, client_for):
    response = client_for(coordinator).post(
        f"/o/{org.slug}/indicators/reports/", {"strategy": strategy.pk, "year": 2150}
    )
    assert response.status_code == 400 and "has been or is being followed up" in response.content.decode()
    assert not FollowUpReport.objects.exists()
