import factory
from django.core.files.base import ContentFile
from tests.factories import OrganisationFactory

from samskapa.analysis.models import Document, GoodPractice, Passage


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


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Språkvänner {n}")
    practised_by = "Exempelby kommun"
    country = "Sweden"
    summary = "Volunteers meet newcomers weekly to practise Swedish over coffee."
    areas = factory.LazyFunction(lambda: ["EDU", "PAR"])


def analysed_report(statuses: dict[str, str] | None = None) -> dict:
    """A stored report in the engine's shape: every area missing unless ``statuses`` says otherwise."""
    from samskapa.analysis.engine import CODES, ELEMENTS

    statuses = statuses or {}
    areas = {}
    for code in CODES:
        status = statuses.get(code, "missing")
        count = {"covered": 3, "weak": 1}.get(status, 0)
        evidence = [
            {"passage_id": "0", "page": 2, "text": f"Evidence for {code}.", "heading": None, "score": 0.9, "terms": []}
        ][:count]
        areas[code] = {"status": status, "score": round(count / 3, 3), "count": count, "evidence": evidence}
    elements = {name: {"present": False, "evidence": []} for name in ELEMENTS}
    return {"language": "sv", "areas": areas, "elements": elements, "summary": "", "corrections": 0}
