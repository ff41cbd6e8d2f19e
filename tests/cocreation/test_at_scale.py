"""Co-creation at a large municipality's scale: survey results counted by the database, lists paged,
exports streamed. Rows are made with bulk_create so ten times the data stays quick to build."""

import csv
import io
from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.http import FileResponse, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from tests.cocreation.factories import SurveyFactory

from samskapa.cocreation import results
from samskapa.cocreation.models import Answer, Consultation, Finding, Response
from samskapa.cocreation.results import export_table, survey_results
from samskapa.core.tabular import csv_bytes

GROUPS = ["newcomers", "women", "", "youth"]


def _answer(survey, n: int, *, start: int = 0) -> None:
    """``n`` responses, each answering every question of ``open_survey`` (text, one, several, scale)."""
    text, single, multiple, scale = list(survey.questions.prefetch_related("choices"))
    one = [c.pk for c in single.choices.all()]
    several = [c.pk for c in multiple.choices.all()]
    responses = Response.objects.bulk_create(
        Response(organisation=survey.organisation, survey=survey, language="sv", group=GROUPS[i % 4])
        for i in range(start, start + n)
    )
    answers = []
    for i, response in zip(range(start, start + n), responses, strict=True):
        common = {"organisation": survey.organisation, "response": response}
        answers += [
            Answer(question=text, text=f"Svar nummer {i} " + "lång text " * 20, **common),
            Answer(question=single, choice_ids=[one[i % 2]], **common),
            Answer(question=multiple, choice_ids=several[: 1 + i % 3], **common),
            Answer(question=scale, number=1 + i % 5, **common),
        ]
    Answer.objects.bulk_create(answers)


def _reference(survey, text_samples: int = 5):
    """The figures as they were counted before, in Python over every answer: what the database must give."""
    rows = list(Answer.objects.filter(response__survey=survey).values("question_id", "text", "choice_ids", "number"))
    figures = []
    for question in survey.questions.all():
        mine = [r for r in rows if r["question_id"] == question.pk]
        if question.has_choices:
            counts = Counter(pk for r in mine for pk in r["choice_ids"])
            figures.append((len(mine), [counts.get(c.pk, 0) for c in question.choices.all()], None, []))
        elif question.kind == "scale":
            counts = Counter(r["number"] for r in mine)
            mean = round(sum(r["number"] for r in mine) / len(mine), 1) if mine else None
            figures.append((len(mine), [counts.get(i, 0) for i in range(1, question.scale_max + 1)], mean, []))
        else:
            figures.append((len(mine), [], None, [r["text"] for r in mine[-text_samples:]]))
    return figures


def _figures(survey):
    total, found = survey_results(survey)
    return total, [(r.answered, [n for _label, n, _pct in r.counts], r.mean, r.texts) for r in found]


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    body = response.getvalue()
    return len(context.captured_queries), body


def test_survey_results_are_the_same_figures_as_counting_every_answer(org, open_survey):
    _answer(open_survey, 37)
    # An answer that names no choice and one with an unknown id count as answered, and add nothing.
    response = Response.objects.create(organisation=org, survey=open_survey, language="sv")
    multiple = open_survey.questions.get(order=3)
    Answer.objects.create(organisation=org, response=response, question=multiple, choice_ids=[])
    total, figures = _figures(open_survey)
    assert total == 38
    assert figures == _reference(open_survey)
    assert figures[1][1] == [19, 18] and figures[3][2] == 2.9  # one choice; the scale's mean


def test_survey_results_cost_the_same_queries_and_bytes_with_ten_times_the_answers(
    org, coordinator, client_for, open_survey
):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/results/"
    _answer(open_survey, 100)
    few, small = _queries(client, url)
    _answer(open_survey, 900, start=100)
    many, large = _queries(client, url)
    assert many == few
    # Only the latest five free-text answers are shown, so the page does not grow with the answers.
    assert len(large) < 40_000 and abs(len(large) - len(small)) < 200
    assert "1000 svar hittills" in large.decode() or "1000 answers so far" in large.decode()
    assert "Svar nummer 999" in large.decode() and "Svar nummer 994" not in large.decode()


def test_survey_results_read_answers_only_as_counts(open_survey):
    _answer(open_survey, 20)
    with CaptureQueriesContext(connection) as context:
        survey_results(open_survey)
    sql = " ".join(q["sql"] for q in context.captured_queries).upper()
    assert "GROUP BY" in sql and "LIMIT 5" in sql
    # No query reads the answers' texts or choices row by row.
    assert all(
        "GROUP BY" in q["sql"].upper() or "LIMIT" in q["sql"].upper() or "answer" not in q["sql"]
        for q in context.captured_queries
    )


def _old_export(survey):
    """The export as it was written before streaming: every answer in memory, one row per response."""
    questions = list(survey.questions.all())
    labels = {c.pk: c.label for q in questions for c in q.choices.all()}
    answers = {}
    for row in Answer.objects.filter(response__survey=survey).values(
        "response_id", "question_id", "text", "choice_ids", "number"
    ):
        answers.setdefault(row["response_id"], {})[row["question_id"]] = row
    rows = []
    for n, response in enumerate(Response.objects.filter(survey=survey).order_by("pk"), start=1):
        given = answers.get(response.pk, {})
        cells = [n, response.created_at.date().isoformat(), response.language, response.get_group_display()]
        for q in questions:
            a = given.get(q.pk)
            if a is None:
                cells.append("")
            elif q.has_choices:
                cells.append("; ".join(labels.get(pk, "") for pk in a["choice_ids"]))
            elif q.kind == "scale":
                cells.append(a["number"])
            else:
                cells.append(a["text"])
        rows.append(cells)
    return rows


def test_the_csv_export_streams_the_same_rows_across_batches(org, coordinator, client_for, open_survey, monkeypatch):
    monkeypatch.setattr(results, "EXPORT_BATCH", 7)  # several batches, one of them short
    _answer(open_survey, 30)
    Response.objects.create(organisation=org, survey=open_survey, language="ar")  # answered nothing
    response = client_for(coordinator).get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/export.csv")
    assert isinstance(response, StreamingHttpResponse) and response["Content-Type"].startswith("text/csv")
    assert 'filename="hur-trivs-du.csv"' in response["Content-Disposition"]
    body = response.getvalue()  # a streamed body can be read once
    header, _rows = export_table(open_survey)
    assert body == csv_bytes(header, _old_export(open_survey))
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 32 and rows[-1][0] == "31" and rows[1][5] == "Kinna"


def test_the_xlsx_export_is_written_row_by_row_and_holds_the_same_rows(org, coordinator, client_for, open_survey):
    _answer(open_survey, 12)
    response = client_for(coordinator).get(f"/o/{org.slug}/cocreation/surveys/{open_survey.pk}/export.xlsx")
    assert isinstance(response, FileResponse)
    sheet = load_workbook(io.BytesIO(response.getvalue()), read_only=True).worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(values) == 13
    assert [[("" if v is None else v) for v in row] for row in values[1:]] == _old_export(open_survey)


def test_another_organisations_survey_results_and_exports_are_not_found(other_org, coordinator, client_for, org):
    theirs = SurveyFactory(organisation=other_org)
    client = client_for(coordinator)
    for tail in ("results/", "export.csv", "export.xlsx"):
        assert client.get(f"/o/{org.slug}/cocreation/surveys/{theirs.pk}/{tail}").status_code == 404


def _consultations(org, n: int, *, start: int = 0) -> None:
    Consultation.objects.bulk_create(
        Consultation(
            organisation=org,
            title=f"Samråd {i:04d}",
            kind="focus_group" if i % 2 else "workshop",
            status="held",
            held_on=date(2025, 1, 1 + i % 28),
            languages=["sv"],
        )
        for i in range(start, start + n)
    )


def test_the_consultation_list_is_paged_sorted_and_costs_the_same_with_ten_times_as_many(org, coordinator, client_for):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/cocreation/consultations/?kind=workshop&sort=title"
    _consultations(org, 120)
    few, small = _queries(client, url)
    _consultations(org, 1080, start=120)
    many, large = _queries(client, url)
    assert many == few and abs(len(large) - len(small)) < 500
    page = large.decode()
    assert "Visar 1–50 av 600" in page or "Showing 1–50 of 600" in page
    assert page.count("/cocreation/consultations/") > 50 and "Samråd 0000" in page and "Samråd 0100" not in page
    # The pager's links keep the filter and the sort.
    assert "?kind=workshop&amp;sort=title&amp;page=2" in page
    last = client.get(url + "&page=12").content.decode()
    assert "Samråd 1198" in last and "Samråd 0000" not in last
    descending = client.get(f"/o/{org.slug}/cocreation/consultations/?sort=-title").content.decode()
    assert descending.index("Samråd 1199") < descending.index("Samråd 1198")


def _findings(org, n: int, *, start: int = 0, decided_every: int = 3) -> None:
    # Every third has an outcome written, so it no longer waits for a decision.
    Finding.objects.bulk_create(
        Finding(organisation=org, statement=f"Slutsats {i:04d}", outcome="" if i % decided_every else "Vi gjorde")
        for i in range(start, start + n)
    )


def test_the_findings_list_is_paged_keeps_the_undecided_filter_and_costs_the_same(org, coordinator, client_for):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/cocreation/findings/?decided=no"
    _findings(org, 90)
    few, small = _queries(client, url)
    _findings(org, 900, start=90)
    many, large = _queries(client, url)
    assert many == few and abs(len(large) - len(small)) < 500
    page = large.decode()
    assert "av 660" in page or "of 660" in page  # 990 findings, a third of them decided
    assert "?decided=no&amp;page=2" in page and "Slutsats 0000" not in page and "Slutsats 0001" in page
    second = client.get(url + "&page=2").content.decode()
    assert "Slutsats 0001" not in second and ("51–100" in second)


def test_a_committees_meetings_are_paged(org, coordinator, client_for):
    from tests.cocreation.factories import CommitteeFactory, CommitteeMeetingFactory

    committee = CommitteeFactory(organisation=org)
    for _ in range(55):
        CommitteeMeetingFactory(committee=committee)
    page = client_for(coordinator).get(f"/o/{org.slug}/cocreation/committee/{committee.pk}/").content.decode()
    assert page.count("/cocreation/meetings/") == 50 and "?page=2" in page


@pytest.mark.parametrize("path", ["consultations/", "findings/", "surveys/", "inputs/"])
def test_a_page_number_out_of_range_shows_the_nearest_page(org, coordinator, client_for, path):
    response = client_for(coordinator).get(f"/o/{org.slug}/cocreation/{path}?page=999")
    assert response.status_code == 200
    response = client_for(coordinator).get(f"/o/{org.slug}/cocreation/{path}?page=zebra")
    assert response.status_code == 200


def test_the_pager_shows_no_template_comment(org, coordinator, client_for):
    _consultations(org, 60)
    page = client_for(coordinator).get(f"/o/{org.slug}/cocreation/consultations/").content.decode()
    assert "{#" not in page and "page.query keeps the filters" not in page


def test_you_said_we_did_pages_the_decided_and_counts_those_waiting(org, coordinator, client_for):
    from samskapa.cocreation.models import FindingInput, Input

    client = client_for(coordinator)
    url = f"/o/{org.slug}/cocreation/you-said-we-did/"
    _findings(org, 180)  # 60 decided (more than a page), 120 waiting
    consultation = Consultation.objects.create(organisation=org, title="Samtal", kind="workshop", languages=["sv"])
    first = Finding.objects.get(statement="Slutsats 0000")
    inputs = Input.objects.bulk_create(
        Input(organisation=org, consultation=consultation, text=f"Inspel {i}", language="sv") for i in range(8)
    )
    FindingInput.objects.bulk_create(FindingInput(organisation=org, finding=first, input=i) for i in inputs)
    client.get(url)
    few, small = _queries(client, url)
    _findings(org, 1620, start=180)
    many, large = _queries(client, url)
    assert many == few and abs(len(large) - len(small)) < 500
    page = large.decode()
    assert "Inspel 2" in page and "Inspel 3" not in page  # three of its eight inputs, and their number
    assert "8 inspel" in page or "8 inputs" in page
    assert "?decided=no" in page and "1200" in page  # the waiting ones are counted and linked
    assert "Sida 1 av 12" in page or "Page 1 of 12" in page  # 600 decided, 50 a page


def test_the_people_list_is_paged(org, coordinator, client_for):
    from samskapa.cocreation.models import Person

    Person.objects.bulk_create(Person(organisation=org, full_name=f"Person {i:03d}") for i in range(60))
    page = client_for(coordinator).get(f"/o/{org.slug}/cocreation/people/").content.decode()
    assert "Person 049" in page and "Person 050" not in page and "?page=2" in page


def test_findings_sort_by_how_many_inputs_they_rest_on(org, coordinator, client_for):
    from samskapa.cocreation.models import FindingInput, Input

    _findings(org, 3)
    consultation = Consultation.objects.create(organisation=org, title="Samtal", kind="workshop", languages=["sv"])
    inputs = Input.objects.bulk_create(
        Input(organisation=org, consultation=consultation, text=f"Inspel {i}", language="sv") for i in range(3)
    )
    most = Finding.objects.get(statement="Slutsats 0002")
    FindingInput.objects.bulk_create(FindingInput(organisation=org, finding=most, input=i) for i in inputs)
    page = client_for(coordinator).get(f"/o/{org.slug}/cocreation/findings/?sort=-evidence").content.decode()
    assert page.index("Slutsats 0002") < min(page.index("Slutsats 0000"), page.index("Slutsats 0001"))
    assert 'aria-sort="descending"' in page
