"""Survey results: counts per choice and scale step, charts as SVG bars, and the fixed-column export.

The export has exactly one column per question, whatever was answered (several choices are
joined with "; "), so files from the same survey always line up.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samskapa.cocreation.charts import BarChart, bar_chart
from samskapa.cocreation.models import Answer, Question, Response, Survey
from samskapa.core.tabular import Sheet, csv_bytes, xlsx_bytes


@dataclass
class QuestionResult:
    question: Question
    answered: int
    counts: list[tuple[str, int, int]] = field(default_factory=list)  # (label, count, percent)
    mean: float | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def chart(self) -> BarChart:
        return bar_chart([(label, n, f"{n} ({pct} %)") for label, n, pct in self.counts])


def _counts(pairs: list[tuple[str, int]], base: int) -> list[tuple[str, int, int]]:
    return [(label, n, round(100 * n / base) if base else 0) for label, n in pairs]


def survey_results(survey: Survey, *, text_samples: int = 5) -> tuple[int, list[QuestionResult]]:
    """(number of responses, a result per question) in three queries whatever the number of answers."""
    total = Response.objects.filter(survey=survey).count()
    answers = Answer.objects.filter(response__survey=survey).values("question_id", "text", "choice_ids", "number")
    by_question: dict[int, list[dict]] = {}
    for answer in answers:
        by_question.setdefault(answer["question_id"], []).append(answer)
    results = []
    for question in survey.questions.all():
        rows = by_question.get(question.pk, [])
        result = QuestionResult(question, len(rows))
        if question.has_choices:
            counts = Counter(pk for row in rows for pk in row["choice_ids"])
            result.counts = _counts([(c.label, counts.get(c.pk, 0)) for c in question.choices.all()], len(rows))
        elif question.kind == Question.Kind.SCALE:
            counts = Counter(row["number"] for row in rows)
            result.counts = _counts([(str(n), counts.get(n, 0)) for n in range(1, question.scale_max + 1)], len(rows))
            result.mean = round(sum(r["number"] for r in rows) / len(rows), 1) if rows else None
        else:
            result.texts = [row["text"] for row in rows[-text_samples:]]
        results.append(result)
    return total, results


def export_table(survey: Survey) -> tuple[list[str], list[list]]:
    """Header and rows: response number, date, language, group, then one column per question."""
    questions = list(survey.questions.all())
    labels = {c.pk: c.label for q in questions for c in q.choices.all()}
    header = [_("Response"), _("Submitted"), _("Language"), _("Group")]
    header += [f"{q.order}. {q.text}" for q in questions]
    answers: dict[int, dict[int, dict]] = {}
    for row in Answer.objects.filter(response__survey=survey).values(
        "response_id", "question_id", "text", "choice_ids", "number"
    ):
        answers.setdefault(row["response_id"], {})[row["question_id"]] = row
    rows = []
    responses = Response.objects.filter(survey=survey).order_by("pk")
    for n, response in enumerate(responses, start=1):
        given = answers.get(response.pk, {})
        cells = [n, response.created_at.date().isoformat(), response.language, response.get_group_display()]
        cells += [_cell(q, given.get(q.pk), labels) for q in questions]
        rows.append(cells)
    return header, rows


def _cell(question: Question, answer: dict | None, labels: dict[int, str]):
    if answer is None:
        return ""
    if question.has_choices:
        return "; ".join(labels.get(pk, "") for pk in answer["choice_ids"])
    if question.kind == Question.Kind.SCALE:
        return answer["number"]
    return answer["text"]


def export_csv(survey: Survey) -> bytes:
    return csv_bytes(*export_table(survey))


def export_xlsx(survey: Survey) -> bytes:
    header, rows = export_table(survey)
    return xlsx_bytes(
        [Sheet(title=_("Answers"), header=header, rows=rows, widths={i: 40 for i in range(4, len(header))})]
    )
