import pytest
from tests.actors.factories import ActorFactory
from tests.cocreation.factories import (
    ChoiceFactory,
    CommitteeDecisionFactory,
    CommitteeFactory,
    CommitteeMeetingFactory,
    CommitteeMemberFactory,
    ConsentFactory,
    ConsultationFactory,
    EngagementFactory,
    FindingDecisionFactory,
    FindingFactory,
    InputFactory,
    PersonFactory,
    QuestionFactory,
    RelationFactory,
    SurveyFactory,
)
from tests.factories import FocusAreaFactory, GoalFactory, StrategyFactory

from samskapa.cocreation.models import FindingInput, InputFocusArea, Participation, Question
from samskapa.cocreation.services.surveys import survey_answer


@pytest.fixture
def strategy_area(org):
    strategy = StrategyFactory(organisation=org, title="Integrationsstrategi")
    area = FocusAreaFactory(strategy=strategy, organisation=org, title="Delaktighet")
    return area, GoalFactory(focus_area=area, organisation=org, text="Fler mötesplatser")


@pytest.fixture
def open_survey(org):
    """An open survey in Swedish and Arabic: a text, a single-choice, a multiple-choice and a scale question."""
    survey = SurveyFactory(
        organisation=org,
        status="open",
        title="Hur trivs du?",
        languages=["sv", "ar"],
        texts={"ar": {"title": "كيف حالك هنا؟"}},
    )
    QuestionFactory(survey=survey, order=1, text="Vad saknar du?", texts={"ar": {"text": "ماذا ينقصك؟"}})
    single = QuestionFactory(
        survey=survey, order=2, kind=Question.Kind.SINGLE, text="Var bor du?", texts={"ar": {"text": "أين تسكن؟"}}
    )
    for label, arabic in (("Kinna", "كينا"), ("Skene", "سكينه")):
        ChoiceFactory(question=single, label=label, texts={"ar": {"label": arabic}})
    multiple = QuestionFactory(
        survey=survey,
        order=3,
        kind=Question.Kind.MULTIPLE,
        text="Vad vill du göra?",
        texts={"ar": {"text": "ماذا تريد أن تفعل؟"}},
    )
    for label, arabic in (("Idrott", "رياضة"), ("Språkcafé", "مقهى اللغة"), ("Kultur", "ثقافة")):
        ChoiceFactory(question=multiple, label=label, texts={"ar": {"label": arabic}})
    QuestionFactory(
        survey=survey,
        order=4,
        kind=Question.Kind.SCALE,
        scale_max=5,
        text="Hur välkommen känner du dig?",
        texts={"ar": {"text": "هل تشعر بالترحيب؟"}},
    )
    return survey


@pytest.fixture
def grow(org, coordinator, strategy_area, open_survey):
    """Add ``n`` of everything co-creation lists: actors, relations, plan lines, consultations with
    counts and inputs, findings with evidence and outcomes, committee seats and meetings, answers, people."""
    area, goal = strategy_area
    committee = CommitteeFactory(organisation=org)
    questions = list(open_survey.questions.prefetch_related("choices"))

    def make(n: int) -> None:
        for i in range(n):
            a, b = ActorFactory(organisation=org), ActorFactory(organisation=org)
            RelationFactory(organisation=org, source=a, target=b)
            EngagementFactory(organisation=org, actor=a, responsible=coordinator)
            consultation = ConsultationFactory(organisation=org)
            consultation.actor_links.create(organisation=org, actor=a)
            Participation.objects.create(organisation=org, consultation=consultation, group="women", count=3)
            item = InputFactory(consultation=consultation, framework_codes=["PAR"], codes_confirmed=True)
            InputFocusArea.objects.create(organisation=org, input=item, focus_area=area)
            finding = FindingFactory(organisation=org)
            FindingInput.objects.create(organisation=org, finding=finding, input=item)
            FindingDecisionFactory(finding=finding, focus_area=area)
            FindingDecisionFactory(finding=finding, goal=goal)
            CommitteeMemberFactory(
                committee=committee,
                actor=a,
                person=ConsentFactory(person__organisation=org, purpose="committee").person,
            )
            meeting = CommitteeMeetingFactory(committee=committee)
            CommitteeDecisionFactory(meeting=meeting, focus_area=area)
            PersonFactory(organisation=org, actor=b)
            answers = {
                questions[0].pk: f"Svar {i}",
                questions[1].pk: questions[1].choices.all()[0].pk,
                questions[2].pk: [c.pk for c in questions[2].choices.all()][:2],
                questions[3].pk: 4,
            }
            survey_answer(survey=open_survey, language="ar", answers=answers, group="newcomers")

    make.committee = committee
    return make
