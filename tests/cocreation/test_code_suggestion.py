"""Co-creation suggests framework codes through analysis.suggest, the one entry point the API uses too."""

from django.test import Client

from samskapa.cocreation.models import Input

HOUSING = "Vi behöver fler lägenheter för stora familjer"


def _answer(survey, text: str) -> dict:
    q = {question.order: question for question in survey.questions.prefetch_related("choices")}
    return {
        f"q{q[1].pk}": text,
        f"q{q[2].pk}": str(q[2].choices.all()[0].pk),
        f"q{q[3].pk}": [str(q[3].choices.all()[0].pk)],
        f"q{q[4].pk}": "3",
        "group": "children",
    }


def test_a_survey_answer_gets_the_same_codes_as_the_api_gives(open_survey, org, coordinator, api_for):
    """A short answer is a paragraph, not a heading: it used to get no code here and HOU through the API."""
    resident = Client(HTTP_ACCEPT_LANGUAGE="sv", REMOTE_ADDR="203.0.113.9")
    assert resident.post(f"/s/{open_survey.key}/sv/", _answer(open_survey, HOUSING)).status_code == 302
    item = Input.objects.get(consultation=open_survey.consultation)
    through_api = api_for(coordinator).post(f"/orgs/{org.slug}/suggest-codes", {"texts": [HOUSING]}).json()
    assert item.suggested_codes == ["HOU"]
    assert through_api[0]["codes"] == item.suggested_codes


def test_an_input_recorded_by_hand_gets_the_same_codes(org, coordinator, api_for):
    from tests.cocreation.factories import ConsultationFactory

    consultation = ConsultationFactory(organisation=org)
    created = api_for(coordinator).post(f"/orgs/{org.slug}/consultations/{consultation.pk}/inputs", {"text": HOUSING})
    assert created.status_code == 201, created.json()
    assert created.json()["suggested_codes"] == ["HOU"]
