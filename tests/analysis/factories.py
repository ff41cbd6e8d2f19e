import factory
from django.core.files.base import ContentFile
from tests.factories import OrganisationFactory

from samskapa.analysis.models import Document, Passage


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Integrationsplan {n}")
    original_filename = "plan.txt"
    file = factory.LazyFunction(lambda: ContentFile(b"Plan", name="plan.txt"))
    size = 4
    sha256 = "0" * 64
    status = Document.Status.ANALYSED
    report = factory.LazyFunction(dict)


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passage

    organisation = factory.SubFactory(OrganisationFactory)
    document = factory.SubFactory(DocumentFactory, organisation=factory.SelfAttribute("..organisation"))
    position = factory.Sequence(int)
    text = "Kommunen erbjuder svenska för invandrare."
    labels = factory.LazyFunction(lambda: ["EDU"])
    scores = factory.LazyFunction(lambda: {"EDU": 0.9})
