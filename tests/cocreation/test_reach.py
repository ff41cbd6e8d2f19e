"""Reach as a coordinator reads it: people counted once though groups overlap, held against planned."""

import pytest
from tests.cocreation.factories import ConsultationFactory

from samskapa.cocreation.models import Consultation, GroupTarget, Participation
from samskapa.cocreation.selectors import consultation_list, participation_overview
from samskapa.cocreation.services import consultations
from samskapa.core.errors import ApplicationError


def test_a_newcomer_mother_in_two_groups_is_one_person(org, coordinator):
    interview = ConsultationFactory(organisation=org)
    consultations.participation_set(
        actor=coordinator, organisation=org, consultation=interview, counts={"newcomers": 1, "women": 1}, people=1
    )
    overview = participation_overview(organisation=org)
    heard = {g.group: g.participants for g in overview.groups}
    assert heard["newcomers"] == 1 and heard["women"] == 1  # she speaks for both groups
    assert overview.participants == 1  # but she is one person
    assert consultation_list(organisation=org).get(pk=interview.pk).participant_total == 1


def test_without_a_head_count_the_total_is_the_largest_group_never_the_sum(org):
    focus_group = ConsultationFactory(organisation=org)
    for group, n in (("newcomers", 9), ("women", 9)):
        Participation.objects.create(organisation=org, consultation=focus_group, group=group, count=n)
    assert participation_overview(organisation=org).participants == 9


def test_fewer_people_than_the_largest_group_is_refused_and_changes_nothing(org, coordinator):
    interview = ConsultationFactory(organisation=org)
    with pytest.raises(ApplicationError):
        consultations.participation_set(
            actor=coordinator, organisation=org, consultation=interview, counts={"children": 12}, people=5
        )
    with pytest.raises(ApplicationError):
        consultations.participation_set(
            actor=coordinator, organisation=org, consultation=interview, counts={"children": 2}, people=True
        )
    assert not Participation.objects.filter(consultation=interview).exists()
    assert Consultation.objects.get(pk=interview.pk).people is None


def test_the_participation_page_asks_for_the_people_once(org, coordinator, client_for):
    interview = ConsultationFactory(organisation=org)
    client = client_for(coordinator)
    url = f"/o/{org.slug}/cocreation/consultations/{interview.pk}/participation/"
    assert client.post(url, {"people": 1, "newcomers": 1, "women": 1}).status_code == 302
    assert Consultation.objects.get(pk=interview.pk).people == 1
    detail = client.get(f"/o/{org.slug}/cocreation/consultations/{interview.pk}/").content.decode()
    assert "People taking part, each counted once" in detail


def test_more_consultations_than_planned_read_as_held_against_planned(org, coordinator, client_for):
    GroupTarget.objects.create(organisation=org, group="women", participants=25, consultations=3)
    for _n in range(4):
        c = ConsultationFactory(organisation=org)
        Participation.objects.create(organisation=org, consultation=c, group="women", count=2)
    body = client_for(coordinator).get(f"/o/{org.slug}/cocreation/").content.decode()
    assert "8 of 25 planned people heard; 4 consultations held (3 planned)." in body
    assert "4 of 3" not in body


def test_each_survey_response_is_one_person(org, open_survey):
    from samskapa.cocreation.services.surveys import survey_answer

    question = open_survey.questions.get(order=1)
    for group in ("newcomers", "women", ""):
        survey_answer(survey=open_survey, language="sv", answers={question.pk: "Mer fritid"}, group=group)
    assert Consultation.objects.get(pk=open_survey.consultation_id).people == 3


def test_a_head_count_left_empty_keeps_the_one_recorded_and_still_checks_it(org, coordinator):
    interview = ConsultationFactory(organisation=org, people=2)
    consultations.participation_set(actor=coordinator, organisation=org, consultation=interview, counts={"host": 2})
    assert Consultation.objects.get(pk=interview.pk).people == 2
    with pytest.raises(ApplicationError):
        consultations.participation_set(actor=coordinator, organisation=org, consultation=interview, counts={"host": 5})
    assert Participation.objects.get(consultation=interview).count == 2
