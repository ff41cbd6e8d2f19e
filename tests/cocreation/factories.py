"""Factories for co-creation rows; every row gets its organisation explicitly, like in the app."""

from datetime import date

import factory

from samskapa.actors.models import Engagement, Relation
from samskapa.cocreation.models import (
    Choice,
    Committee,
    CommitteeDecision,
    CommitteeMeeting,
    CommitteeMember,
    Consent,
    Consultation,
    Finding,
    FindingDecision,
    Input,
    Person,
    Question,
    Survey,
)


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    title = factory.Sequence(lambda n: f"Fokusgrupp {n}")
    kind = Consultation.Kind.FOCUS_GROUP
    status = Consultation.Status.HELD
    held_on = date(2025, 3, 10)
    languages = factory.LazyFunction(lambda: ["sv", "ar"])


class InputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Input

    consultation = factory.SubFactory(ConsultationFactory)
    organisation = factory.LazyAttribute(lambda o: o.consultation.organisation)
    text = factory.Sequence(lambda n: f"Vi behöver fler mötesplatser i kvarteret ({n}).")
    group = "newcomers"
    language = "sv"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    statement = factory.Sequence(lambda n: f"Nyanlända saknar mötesplatser ({n})")


class FindingDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FindingDecision

    finding = factory.SubFactory(FindingFactory)
    organisation = factory.LazyAttribute(lambda o: o.finding.organisation)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    full_name = factory.Sequence(lambda n: f"Amira Testsson{n}")
    email = factory.Sequence(lambda n: f"amira{n}@forening.test")


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    organisation = factory.LazyAttribute(lambda o: o.person.organisation)
    purpose = Consent.Purpose.CONTACT
    given_on = date(2025, 1, 15)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    name = factory.Sequence(lambda n: f"Samskapandekommitté {n}")


class CommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMember

    committee = factory.SubFactory(CommitteeFactory)
    organisation = factory.LazyAttribute(lambda o: o.committee.organisation)
    actor = factory.SubFactory(
        "tests.actors.factories.ActorFactory", organisation=factory.SelfAttribute("..organisation")
    )


class CommitteeMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMeeting

    committee = factory.SubFactory(CommitteeFactory)
    organisation = factory.LazyAttribute(lambda o: o.committee.organisation)
    consultation = factory.SubFactory(
        ConsultationFactory, organisation=factory.SelfAttribute("..organisation"), kind=Consultation.Kind.COMMITTEE
    )


class CommitteeDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeDecision

    meeting = factory.SubFactory(CommitteeMeetingFactory)
    organisation = factory.LazyAttribute(lambda o: o.meeting.organisation)
    text = "Kommittén föreslår språkcaféer på biblioteken."


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    consultation = factory.SubFactory(
        ConsultationFactory,
        organisation=factory.SelfAttribute("..organisation"),
        kind=Consultation.Kind.SURVEY,
        status=Consultation.Status.OPEN,
    )
    title = factory.Sequence(lambda n: f"Enkät {n}")
    languages = factory.LazyFunction(lambda: ["sv", "ar"])
    texts = factory.LazyFunction(lambda: {"ar": {"title": "استبيان"}})


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    organisation = factory.LazyAttribute(lambda o: o.survey.organisation)
    order = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.TEXT
    text = "Vad behöver du för att trivas här?"
    texts = factory.LazyFunction(lambda: {"ar": {"text": "ماذا تحتاج لتشعر بالراحة هنا؟"}})


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.SINGLE)
    organisation = factory.LazyAttribute(lambda o: o.question.organisation)
    order = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"Val {n}")


class RelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relation

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    source = factory.SubFactory(
        "tests.actors.factories.ActorFactory", organisation=factory.SelfAttribute("..organisation")
    )
    target = factory.SubFactory(
        "tests.actors.factories.ActorFactory", organisation=factory.SelfAttribute("..organisation")
    )


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    organisation = factory.SubFactory("tests.factories.OrganisationFactory")
    actor = factory.SubFactory(
        "tests.actors.factories.ActorFactory", organisation=factory.SelfAttribute("..organisation")
    )
    level = "consult"
    method = "Två fokusgrupper"
