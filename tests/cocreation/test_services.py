"""Co-creation services: what they record, and what they refuse (changing nothing)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from tests.actors.factories import ActorFactory
from tests.cocreation.factories import ConsentFactory, ConsultationFactory, InputFactory, PersonFactory
from tests.factories import FocusAreaFactory, GoalFactory, StrategyFactory

from samskapa.cocreation.models import Consultation, Finding, FindingDecision, Input, Participation, Survey
from samskapa.cocreation.services import committee, consultations, findings, people, surveys
from samskapa.core.errors import ApplicationError, ConflictError, PermissionRefused
from samskapa.orgs.models import Role


def test_consultation_create_records_kind_date_languages_and_actors(org, coordinator):
    actor = ActorFactory(organisation=org)
    created = consultations.consultation_create(
        actor=coordinator,
        organisation=org,
        title="Fokusgrupp med kvinnor",
        kind="focus_group",
        status="held",
        held_on=date(2025, 2, 3),
        place="Biblioteket",
        languages=["ar", "sv"],
        actor_ids=[actor.pk],
    )
    assert list(created.actors.all()) == [actor] and created.history.first().history_user == coordinator


def test_consultation_create_refuses_an_actor_of_another_organisation(org, other_org, coordinator):
    foreign = ActorFactory(organisation=other_org)
    with pytest.raises(ApplicationError):
        consultations.consultation_create(
            actor=coordinator, organisation=org, title="X", kind="interview", actor_ids=[foreign.pk]
        )
    assert not Consultation.objects.exists()


def test_consent_as_legal_basis_needs_a_note_on_how_it_was_given(org, coordinator):
    with pytest.raises(ValidationError):
        consultations.consultation_create(
            actor=coordinator, organisation=org, title="X", kind="interview", legal_basis="consent"
        )


def test_a_held_consultation_needs_its_date(org, coordinator):
    with pytest.raises(ValidationError):
        consultations.consultation_create(
            actor=coordinator, organisation=org, title="X", kind="workshop", status="held"
        )


def test_participation_set_counts_groups_and_zero_removes_one(org, coordinator):
    consultation = ConsultationFactory(organisation=org)
    consultations.participation_set(
        actor=coordinator, organisation=org, consultation=consultation, counts={"women": 7, "children": 3}
    )
    consultations.participation_set(
        actor=coordinator, organisation=org, consultation=consultation, counts={"children": 0}
    )
    assert dict(Participation.objects.values_list("group", "count")) == {"women": 7}
    with pytest.raises(ApplicationError):
        consultations.participation_set(
            actor=coordinator, organisation=org, consultation=consultation, counts={"aliens": 1}
        )


def test_input_create_suggests_framework_codes_for_a_person_to_confirm(org, coordinator):
    consultation = ConsultationFactory(organisation=org)
    item = consultations.input_create(
        actor=coordinator,
        organisation=org,
        consultation=consultation,
        kind="quote",
        text="Vi behöver hjälp att hitta jobb och praktikplatser, och fler lediga lägenheter.",
        group="newcomers",
        language="sv",
    )
    assert "EMP" in item.suggested_codes and not item.codes_confirmed and item.framework_codes == []
    consultations.input_confirm_codes(actor=coordinator, organisation=org, item=item, codes=["EMP", "HOU"])
    item.refresh_from_db()
    assert item.framework_codes == ["EMP", "HOU"] and item.codes_confirmed


def test_input_create_refuses_a_named_person_without_consent_to_record_them(org, coordinator):
    consultation = ConsultationFactory(organisation=org)
    person = ConsentFactory(person__organisation=org, purpose="contact").person
    with pytest.raises(ApplicationError):
        consultations.input_create(
            actor=coordinator, organisation=org, consultation=consultation, text="Hej", person_id=person.pk
        )
    ConsentFactory(person=person, purpose="recording")
    consultations.input_create(
        actor=coordinator, organisation=org, consultation=consultation, text="Hej", person_id=person.pk
    )


def test_input_create_refuses_empty_and_oversized_text(org, coordinator):
    consultation = ConsultationFactory(organisation=org)
    for text in ("   ", "x" * 10_001):
        with pytest.raises(ApplicationError):
            consultations.input_create(actor=coordinator, organisation=org, consultation=consultation, text=text)
    assert not Input.objects.exists()


def test_input_create_refuses_a_focus_area_of_another_organisation(org, other_org, coordinator):
    foreign = FocusAreaFactory(strategy=StrategyFactory(organisation=other_org), organisation=other_org)
    with pytest.raises(ApplicationError):
        consultations.input_create(
            actor=coordinator,
            organisation=org,
            consultation=ConsultationFactory(organisation=org),
            text="Hej",
            focus_area_ids=[foreign.pk],
        )
    assert not Input.objects.exists()


def test_a_viewer_cannot_record_inputs(org, member_factory):
    with pytest.raises(PermissionRefused):
        consultations.input_create(
            actor=member_factory(Role.VIEWER),
            organisation=org,
            consultation=ConsultationFactory(organisation=org),
            text="Hej",
        )


def test_finding_is_traced_to_a_focus_area_and_a_goal_once_each(org, coordinator, strategy_area):
    area, goal = strategy_area
    evidence = InputFactory(consultation=ConsultationFactory(organisation=org))
    finding = findings.finding_create(
        actor=coordinator, organisation=org, statement="Fler mötesplatser behövs", input_ids=[evidence.pk]
    )
    findings.finding_link(actor=coordinator, organisation=org, finding=finding, focus_area_id=area.pk)
    findings.finding_link(actor=coordinator, organisation=org, finding=finding, goal_id=goal.pk, note="Mål 1")
    with pytest.raises(ConflictError):
        findings.finding_link(actor=coordinator, organisation=org, finding=finding, goal_id=goal.pk)
    assert list(finding.inputs.all()) == [evidence] and finding.decisions.count() == 2


def test_finding_link_refuses_two_targets_none_or_another_organisations_goal(
    org, other_org, coordinator, strategy_area
):
    area, goal = strategy_area
    foreign = GoalFactory(
        focus_area=FocusAreaFactory(strategy=StrategyFactory(organisation=other_org), organisation=other_org),
        organisation=other_org,
    )
    finding = findings.finding_create(actor=coordinator, organisation=org, statement="X")
    for target in ({"focus_area_id": area.pk, "goal_id": goal.pk}, {}, {"goal_id": foreign.pk}, {"goal_id": "1"}):
        with pytest.raises(ApplicationError):
            findings.finding_link(actor=coordinator, organisation=org, finding=finding, **target)
    assert not FindingDecision.objects.exists()


def test_finding_create_refuses_evidence_of_another_organisation(org, other_org, coordinator):
    foreign = InputFactory(consultation=ConsultationFactory(organisation=other_org))
    with pytest.raises(ApplicationError):
        findings.finding_create(actor=coordinator, organisation=org, statement="X", input_ids=[foreign.pk])
    assert not Finding.objects.exists()


def test_a_committee_meeting_is_a_consultation_and_members_write_minutes_and_decisions(
    org, coordinator, member_factory, strategy_area
):
    area, _goal = strategy_area
    board = committee.committee_create(actor=coordinator, organisation=org, name="Samskapandekommittén")
    meeting = committee.meeting_create(
        actor=coordinator, organisation=org, committee=board, held_on=date(2025, 1, 21), status="held"
    )
    assert meeting.consultation.kind == Consultation.Kind.COMMITTEE
    member = member_factory(Role.COMMITTEE)
    committee.meeting_update(actor=member, organisation=org, meeting=meeting, minutes="Vi diskuterade fokusområdena.")
    decision = committee.decision_add(
        actor=member, organisation=org, meeting=meeting, text="Barn hörs först.", focus_area_id=area.pk
    )
    assert decision.target == area
    with pytest.raises(PermissionRefused):
        committee.meeting_update(actor=member, organisation=org, meeting=meeting, title="Nytt namn")


def test_a_named_person_sits_on_the_committee_only_with_consent_to_it(org, coordinator):
    board = committee.committee_create(actor=coordinator, organisation=org, name="Kommittén")
    person = PersonFactory(organisation=org)
    with pytest.raises(ApplicationError):
        committee.member_add(actor=coordinator, organisation=org, committee=board, person_id=person.pk)
    ConsentFactory(person=person, purpose="committee")
    seat = committee.member_add(actor=coordinator, organisation=org, committee=board, person_id=person.pk, role="chair")
    assert seat.person == person


def test_person_create_needs_consent_and_records_it(org, coordinator):
    with pytest.raises(ApplicationError):
        people.person_create(actor=coordinator, organisation=org, full_name="Amira", consent={})
    person = people.person_create(
        actor=coordinator,
        organisation=org,
        full_name="Amira",
        email="amira@example.test",
        consent={"purpose": "contact", "given_on": date(2025, 1, 1), "how": "Skriftligt"},
    )
    assert person.consents.get().how == "Skriftligt"


def test_consent_cannot_be_given_in_the_future_or_withdrawn_before_it_was_given(org, coordinator):
    person = PersonFactory(organisation=org)
    with pytest.raises(ValidationError):
        people.consent_add(
            actor=coordinator, organisation=org, person=person, purpose="contact", given_on=date(2999, 1, 1)
        )
    consent = people.consent_add(
        actor=coordinator, organisation=org, person=person, purpose="contact", given_on=date(2025, 5, 1)
    )
    with pytest.raises(ValidationError):
        people.consent_withdraw(actor=coordinator, organisation=org, consent=consent, withdrawn_on=date(2025, 4, 1))


def test_a_survey_opens_only_when_every_question_is_written_in_every_language(org, coordinator):
    survey = surveys.survey_create(actor=coordinator, organisation=org, title="Enkät", languages=["sv", "ar"])
    with pytest.raises(ApplicationError):
        surveys.survey_set_status(actor=coordinator, organisation=org, survey=survey, status="open")
    surveys.question_add(
        actor=coordinator,
        organisation=org,
        survey=survey,
        kind="single",
        text="Var bor du?",
        choices=["Kinna", "Skene"],
        choice_texts=[{"ar": {"label": "كينا"}}, {}],
    )
    with pytest.raises(ApplicationError) as refused:
        surveys.survey_set_status(actor=coordinator, organisation=org, survey=survey, status="open")
    assert "العربية" in refused.value.message
    question = survey.questions.get()
    surveys.question_update(
        actor=coordinator,
        organisation=org,
        question=question,
        texts={"ar": {"text": "أين تسكن؟"}},
        choices=["Kinna", "Skene"],
        choice_texts=[{"ar": {"label": "كينا"}}, {"ar": {"label": "سكينه"}}],
    )
    surveys.survey_update(actor=coordinator, organisation=org, survey=survey, texts={"ar": {"title": "استبيان"}})
    surveys.survey_set_status(actor=coordinator, organisation=org, survey=survey, status="open")
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN and survey.consultation.status == "open"


def test_questions_cannot_be_added_or_removed_once_a_survey_has_answers(org, coordinator, open_survey):
    text = open_survey.questions.get(order=1)
    surveys.survey_answer(survey=open_survey, language="sv", answers={text.pk: "Bra"})
    with pytest.raises(ConflictError):
        surveys.question_add(actor=coordinator, organisation=org, survey=open_survey, kind="text", text="Ny fråga")
    with pytest.raises(ConflictError):
        surveys.question_delete(actor=coordinator, organisation=org, question=text)
    surveys.question_update(
        actor=coordinator, organisation=org, question=text, text="Vad saknar du mest?"
    )  # wording may be fixed


def test_a_required_question_left_empty_refuses_the_whole_response(open_survey):
    question = open_survey.questions.get(order=4)
    question.required = True
    question.save()
    with pytest.raises(ApplicationError):
        surveys.survey_answer(survey=open_survey, language="ar", answers={open_survey.questions.get(order=1).pk: "Hej"})
    assert not open_survey.responses.exists()
