"""Reads for documents, passages and good practices, scoped to the organisation."""

from django.db.models import Q, QuerySet

from samskapa.analysis.models import Document, GoodPractice, Passage
from samskapa.core.access import access_in_organisation


def document_list(*, organisation) -> QuerySet[Document]:
    return Document.objects.filter(organisation=organisation).select_related("uploaded_by", "job")


def document_get(*, organisation, document_id) -> Document:
    return access_in_organisation(Document.objects.select_related("job"), organisation, pk=document_id)


def passage_list(*, organisation, document: Document) -> QuerySet[Passage]:
    return Passage.objects.filter(organisation=organisation, document=document).order_by("position")


def passage_get(*, organisation, passage_id) -> Passage:
    return access_in_organisation(Passage.objects.select_related("document"), organisation, pk=passage_id)


def practice_list(*, organisation, area: str | None = None) -> QuerySet[GoodPractice]:
    """The shared library and the organisation's own practices."""
    practices = GoodPractice.objects.filter(Q(organisation__isnull=True) | Q(organisation=organisation))
    if area:
        practices = practices.filter(areas__contains=[area]) if _json_contains_supported() else practices
    return practices


def _json_contains_supported() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def practices_by_area(*, organisation) -> dict[str, list[GoodPractice]]:
    grouped: dict[str, list[GoodPractice]] = {}
    for practice in practice_list(organisation=organisation):
        for code in practice.areas:
            grouped.setdefault(code, []).append(practice)
    return grouped
