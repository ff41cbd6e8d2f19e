"""Reads for documents, passages and good practices, scoped to the organisation."""

from django.db import connection
from django.db.models import FloatField, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Cast, Coalesce
from django.http import Http404

from samskapa.analysis.framework import AREAS
from samskapa.analysis.models import Document, GoodPractice, Passage
from samskapa.core.access import access_in_organisation
from samskapa.core.jobs import job_is_stale, job_recover


def document_list(*, organisation, text: str = "") -> QuerySet[Document]:
    """The library, without the stored reports (they can be large); ``text`` in the title or publisher."""
    documents = Document.objects.filter(organisation=organisation).select_related("uploaded_by", "job").defer("report")
    if text:
        documents = documents.filter(Q(title__icontains=text) | Q(publisher__icontains=text))
    return documents


def document_get(*, organisation, document_id) -> Document:
    """The document; when its analysis's worker stopped, the analysis is recovered first."""
    document = access_in_organisation(Document.objects.select_related("job"), organisation, pk=document_id)
    if document.status in Document.BUSY and document.job is not None and job_is_stale(document.job):
        job_recover(document.job)
        document.refresh_from_db()
    return document


def _area(code: str, part: str) -> KeyTextTransform:
    """``report -> areas -> code ->> part`` as text. Built as a chain rather than with ``KT("a__b__c")``,
    whose path Django resolves again for every one of the thirty columns of every query."""
    return KeyTextTransform(part, KeyTransform(code, KeyTransform("areas", "report")))


def compare_documents(
    *, organisation, document_ids: list[int] | None = None, text: str = "", year: int | None = None
) -> QuerySet[Document]:
    """The analysed documents to compare, filtered.

    Unknown or foreign ids in ``document_ids`` simply match nothing here; views refuse them first.
    """
    documents = Document.objects.filter(organisation=organisation, status=Document.Status.ANALYSED)
    if document_ids:
        documents = documents.filter(pk__in=document_ids)
    if text:
        documents = documents.filter(Q(title__icontains=text) | Q(publisher__icontains=text))
    if year:
        documents = documents.filter(year=year)
    return documents


def with_mean_score(documents: QuerySet[Document]) -> QuerySet[Document]:
    """``mean_score`` (the mean of the ten areas' scores, a missing one as 0) to sort by.

    Only when the list is sorted by it: the expression costs more to build than the query to run.
    """
    scores = [Coalesce(Cast(_area(code, "score"), FloatField()), 0.0) for code in AREAS]
    return documents.annotate(mean_score=sum(scores[1:], scores[0]) / len(AREAS))


def compare_values(documents: QuerySet[Document]) -> QuerySet:
    """The small part of each report the comparison shows (status, score and count per area), as
    values: only the report's ``areas`` object is read, once per document. Thirty paths into the
    report, one per column, made PostgreSQL unpack each large report thirty times (29 ms for 200)."""
    return documents.values("pk", "title", "publisher", "year", areas=KeyTransform("areas", "report"))


def compare_rows_of(values) -> list[dict]:
    """Rows of ``compare_values`` (all of them, or one page) as the comparison reads them."""
    return [
        {
            "document": {k: row[k] for k in ("pk", "title", "publisher", "year")},
            "cells": [_cell(code, (row["areas"] or {}).get(code) or {}) for code in AREAS],
        }
        for row in values
    ]


def _cell(code: str, area: dict) -> dict:
    return {
        "code": code,
        "status": area.get("status"),
        "score": _number(area.get("score"), float),
        "count": _number(area.get("count"), int),
    }


def compare_rows(*, organisation, document_ids: list[int] | None = None) -> list[dict]:
    """One row per analysed document (or those of ``document_ids``), in name order: one query."""
    documents = compare_documents(organisation=organisation, document_ids=document_ids)
    return compare_rows_of(compare_values(documents.order_by("publisher", "title", "pk")))


def compare_summary(documents: QuerySet[Document]) -> tuple[int, dict[str, dict[str, int]]]:
    """How many of ``documents`` cover each area and how many touch on it: one aggregate query.

    The inner query, built by the ORM, reads each report's small ``areas`` object once (a path per
    area into the large report made PostgreSQL unpack it ten times a row); the outer one counts the
    ten statuses with a plain ``SUM(CASE …)``, which costs Django far less to build than twenty
    filtered ``Count`` expressions.
    """
    inner, params = documents.order_by().values(areas=KeyTransform("areas", "report")).query.sql_with_params()
    quote = connection.ops.quote_name
    column = quote("areas")

    def status(code: str) -> str:
        # AREAS are our own fixed codes (EDU, EMP ...), never input.
        if connection.vendor == "postgresql":
            return f"({column} -> '{code}' ->> 'status')"
        return f"json_extract({column}, '$.{code}.status')"

    sums = [
        f"SUM(CASE WHEN {status(code)} = %s THEN 1 ELSE 0 END)" for code in AREAS for _status in ("covered", "weak")
    ]
    wanted = [status for _code in AREAS for status in ("covered", "weak")]
    with connection.cursor() as cursor:
        # Only our own column names, codes and the ORM's compiled query are formatted in; values are parameters.
        # MATERIALIZED keeps PostgreSQL from folding the inner query back into paths on the report.
        materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
        sql = f"WITH compared AS {materialized}({inner}) SELECT COUNT(*), {', '.join(sums)} FROM compared"  # noqa: S608
        cursor.execute(sql, [*params, *wanted])  # the inner query comes first now
        total, *found = cursor.fetchone()
    counts = iter(found)
    by_area = {code: {status: int(next(counts) or 0) for status in ("covered", "weak")} for code in AREAS}
    return total, by_area


def _number(value, kind):
    # The JSON values come back as text on every database.
    return None if value in (None, "") else kind(float(value))


def passage_list(*, organisation, document: Document) -> QuerySet[Passage]:
    return Passage.objects.filter(organisation=organisation, document=document).order_by("position")


def passage_get(*, organisation, passage_id) -> Passage:
    return access_in_organisation(Passage.objects.select_related("document"), organisation, pk=passage_id)


def practice_list(*, organisation, area: str | None = None) -> QuerySet[GoodPractice]:
    """The shared library and the organisation's own practices, optionally for one area."""
    practices = GoodPractice.objects.filter(Q(organisation__isnull=True) | Q(organisation=organisation))
    if area:
        # The areas are a JSON list of fixed three-letter codes: the quoted code is unambiguous
        # and the same lookup works on SQLite and PostgreSQL.
        practices = practices.filter(areas__icontains=f'"{area}"')
    return practices


def practice_get(*, organisation, practice_id) -> GoodPractice:
    """A practice of the shared library or of the organisation; another organisation's is 404."""
    try:
        return practice_list(organisation=organisation).get(pk=practice_id)
    except (GoodPractice.DoesNotExist, ValueError, TypeError) as missing:
        raise Http404 from missing


def practices_by_area(*, organisation) -> dict[str, list[GoodPractice]]:
    grouped: dict[str, list[GoodPractice]] = {}
    for practice in practice_list(organisation=organisation):
        for code in practice.areas:
            grouped.setdefault(code, []).append(practice)
    return grouped
