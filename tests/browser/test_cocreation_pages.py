"""Walk the registry and co-creation in Chromium: every page axe-clean; a resident answers a
public survey in Arabic on a phone; a coordinator maps an actor and traces a finding."""

import pytest
from playwright.sync_api import expect
from tests.actors.factories import ActorFactory
from tests.cocreation.factories import (
    ChoiceFactory,
    CommitteeDecisionFactory,
    CommitteeMeetingFactory,
    CommitteeMemberFactory,
    ConsentFactory,
    ConsultationFactory,
    EngagementFactory,
    FindingDecisionFactory,
    FindingFactory,
    InputFactory,
    QuestionFactory,
    RelationFactory,
    SurveyFactory,
)
from tests.factories import (
    FocusAreaFactory,
    GoalFactory,
    StrategyFactory,
)

from samskapa.cocreation.models import FindingInput, Input, Participation, Question, Response
from samskapa.cocreation.services.surveys import survey_answer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mark(mark_with_coordinator):
    return mark_with_coordinator(["en", "ar"])


@pytest.fixture
def arabic_survey(mark):
    org, _coordinator = mark
    survey = SurveyFactory(
        organisation=org,
        status="open",
        title="Hur trivs du i Mark?",
        languages=["sv", "ar"],
        texts={"ar": {"title": "كيف حالك في مارك؟", "thanks": "شكرًا لك"}},
    )
    QuestionFactory(survey=survey, order=1, text="Vad saknar du?", texts={"ar": {"text": "ماذا ينقصك؟"}})
    where = QuestionFactory(
        survey=survey,
        order=2,
        kind=Question.Kind.SINGLE,
        text="Var träffar du andra?",
        texts={"ar": {"text": "أين تلتقي بالآخرين؟"}},
    )
    ChoiceFactory(question=where, label="Biblioteket", texts={"ar": {"label": "المكتبة"}})
    ChoiceFactory(question=where, label="Skolan", texts={"ar": {"label": "المدرسة"}})
    QuestionFactory(
        survey=survey,
        order=3,
        kind=Question.Kind.SCALE,
        scale_max=5,
        text="Hur välkommen känner du dig?",
        texts={"ar": {"text": "إلى أي مدى تشعر بالترحيب؟"}},
    )
    return survey


def test_a_resident_answers_a_survey_in_arabic_on_a_phone(arabic_survey, page_for, live_server, assert_accessible):
    page = page_for(language="ar", viewport=(375, 740))
    page.goto(f"{live_server.url}/s/{arabic_survey.key}/")
    assert_accessible(page)
    page.get_by_role("link", name="العربية").first.click()
    assert page.locator("html").get_attribute("dir") == "rtl" and page.locator("html").get_attribute("lang") == "ar"
    expect(page.get_by_role("heading", name="كيف حالك في مارك؟")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "the page scrolls sideways on a phone"
    )
    assert_accessible(page)
    page.get_by_label("ماذا ينقصك؟").fill("أماكن للقاء الجيران")
    page.get_by_label("المكتبة").check()
    page.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="أرسل إجاباتي").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "شكرًا لك" in page.locator("main").inner_text()
    assert_accessible(page)
    response = Response.objects.get()
    assert response.language == "ar" and Input.objects.get().text == "أماكن للقاء الجيران"


def test_co_creation_pages_are_accessible(mark, arabic_survey, page_for, live_server, assert_accessible):
    org, coordinator = mark
    area = FocusAreaFactory(strategy=StrategyFactory(organisation=org), organisation=org, title="Delaktighet")
    goal = GoalFactory(focus_area=area, organisation=org)
    a, b = ActorFactory(organisation=org, name="Röda Korset", kind="ngo"), ActorFactory(organisation=org, name="Skolan")
    relation = RelationFactory(organisation=org, source=a, target=b)
    engagement = EngagementFactory(organisation=org, actor=a, responsible=coordinator)
    consultation = ConsultationFactory(organisation=org, title="Fokusgrupp med kvinnor")
    consultation.actor_links.create(organisation=org, actor=a)
    Participation.objects.create(organisation=org, consultation=consultation, group="women", count=9)
    item = InputFactory(consultation=consultation, suggested_codes=["PAR"])
    finding = FindingFactory(organisation=org)
    FindingInput.objects.create(organisation=org, finding=finding, input=item)
    FindingDecisionFactory(finding=finding, goal=goal)
    person = ConsentFactory(person__organisation=org, person__actor=a).person
    seat = CommitteeMemberFactory(committee__organisation=org, actor=a)
    meeting = CommitteeMeetingFactory(committee=seat.committee, agenda="Fokusområden")
    CommitteeDecisionFactory(meeting=meeting, focus_area=area)
    survey_answer(
        survey=arabic_survey, language="ar", answers={arabic_survey.questions.get(order=1).pk: "نعم"}, group="women"
    )
    page = page_for(coordinator)
    base = f"{live_server.url}/o/{org.slug}"
    for path in [
        "/actors/",
        "/actors/map/",
        "/actors/plan/",
        "/actors/new/",
        f"/actors/{a.pk}/",
        f"/actors/{a.pk}/relations/new/",
        f"/actors/plan/{engagement.pk}/",
        "/cocreation/",
        "/cocreation/plan/?group=children",
        "/cocreation/consultations/",
        "/cocreation/consultations/new/",
        f"/cocreation/consultations/{consultation.pk}/",
        f"/cocreation/consultations/{consultation.pk}/participation/",
        f"/cocreation/consultations/{consultation.pk}/inputs/new/",
        "/cocreation/inputs/",
        f"/cocreation/inputs/{item.pk}/",
        "/cocreation/findings/",
        f"/cocreation/findings/{finding.pk}/",
        f"/cocreation/findings/{finding.pk}/evidence/",
        "/cocreation/findings/new/",
        "/cocreation/you-said-we-did/",
        f"/cocreation/committee/{seat.committee_id}/",
        f"/cocreation/committee/{seat.committee_id}/members/new/",
        f"/cocreation/committee/{seat.committee_id}/meetings/new/",
        f"/cocreation/meetings/{meeting.pk}/",
        f"/cocreation/meetings/{meeting.pk}/minutes/",
        "/cocreation/surveys/",
        "/cocreation/surveys/new/",
        f"/cocreation/surveys/{arabic_survey.pk}/",
        f"/cocreation/surveys/{arabic_survey.pk}/texts/",
        f"/cocreation/surveys/{arabic_survey.pk}/results/",
        f"/cocreation/surveys/{arabic_survey.pk}/questions/new/",
        "/cocreation/people/",
        "/cocreation/people/new/",
        f"/cocreation/people/{person.pk}/",
        f"/cocreation/people/{person.pk}/erase/",
    ]:
        page.goto(base + path)
        assert page.get_by_role("heading", level=1).is_visible(), path
        assert_accessible(page)
    assert relation.pk


def test_a_coordinator_adds_an_actor_records_a_consultation_and_traces_a_finding(
    mark, page_for, live_server, assert_accessible
):
    org, coordinator = mark
    FocusAreaFactory(strategy=StrategyFactory(organisation=org, title="Strategi"), organisation=org, title="Arbete")
    page = page_for(coordinator)
    page.goto(f"{live_server.url}/o/{org.slug}/")
    page.get_by_role("navigation", name="Marks kommun: sections").get_by_role("link", name="Actors").click()
    page.get_by_role("link", name="Add an actor").click()
    page.get_by_label("Name").fill("Arbetsförmedlingen")
    page.get_by_label("Kind").select_option("agency")
    page.get_by_label("Influence (1-5)").fill("5")
    page.get_by_role("button", name="Add the actor").click()
    assert "was added to the registry" in page.locator(".messages").inner_text()
    page.get_by_role("navigation", name="Marks kommun: sections").get_by_role("link", name="Co-creation").click()
    page.get_by_role("link", name="Consultations", exact=True).click()
    page.get_by_role("link", name="Plan or record a consultation").click()
    page.get_by_label("Title").fill("Intervju med arbetsgivare")
    page.get_by_label("Kind:").select_option("interview")
    page.get_by_label("Arbetsförmedlingen").check()
    page.get_by_role("button", name="Save the consultation").click()
    page.get_by_role("link", name="Count who took part").click()
    page.get_by_label("Businesses").fill("3")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record what was said").click()
    page.get_by_label("What was said").fill("Vi vill ta emot fler praktikanter men behöver hjälp med pappren.")
    page.get_by_role("button", name="Save", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="All consultations").click()
    page.get_by_role("link", name="Inputs", exact=True).click()
    page.get_by_label("Choose: Vi vill ta emot").check()
    page.get_by_role("button", name="Make a finding from them").click()
    page.get_by_label("Finding").fill("Arbetsgivare behöver stöd för att ta emot praktikanter")
    page.get_by_role("button", name="Save the finding").click()
    page.get_by_label("Decided in").select_option(label="Strategi: Arbete")
    page.get_by_role("button", name="Link").click()
    assert "traced to what was decided" in page.locator(".messages").inner_text()
    page.get_by_role("link", name="All findings").click()
    page.get_by_role("link", name="You said, we did").click()
    assert "Arbetsgivare behöver stöd" in page.locator("main").inner_text()
    assert_accessible(page)
