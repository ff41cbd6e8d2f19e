"""Survey results: counts per choice and scale step, charts as SVG bars, and the fixed-column export.

The export has exactly one column per question, whatever was answered (several choices are
joined with "; "), so files from the same survey always line up.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from samskapa.cocreation.charts import BarChart, bar_chart
from samskapa.cocreation.models import Answer, Question, Response, Survey
from samskapa.core.tabular import Sheet, csv_chunks, xlsx_file


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


# Each chosen id of an answer as a row, so the database counts them: ``choice_ids`` is a JSON list,
# unnested by jsonb_array_elements_text on PostgreSQL and json_each on SQLite (same figures on both).
_CHOICE_COUNTS = {
    "postgresql": (
        "SELECT a.question_id, chosen.value, COUNT(*) FROM {answer} a "
        "CROSS JOIN LATERAL jsonb_array_elements_text(a.choice_ids) AS chosen(value) "
        "WHERE a.question_id IN ({ids}) AND jsonb_typeof(a.choice_ids) = 'array' "
        "GROUP BY a.question_id, chosen.value"
    ),
    "sqlite": (
        "SELECT a.question_id, chosen.value, COUNT(*) FROM {answer} a, json_each(a.choice_ids) AS chosen "
        "WHERE a.question_id IN ({ids}) AND json_type(a.choice_ids) = 'array' "
        "GROUP BY a.question_id, chosen.value"
    ),
}


def _choice_counts(question_ids: list[int]) -> dict[tuple[int, int], int]:
    """{(question id, choice id): times chosen} for the given choice questions, in one query."""
    sql = _CHOICE_COUNTS[connection.vendor].format(
        answer=connection.ops.quote_name(Answer._meta.db_table), ids=", ".join(["%s"] * len(question_ids))
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, question_ids)
        counts: dict[tuple[int, int], int] = {}
        for question_id, chosen, n in cursor.fetchall():
            try:
                key = (question_id, int(chosen))
            except (TypeError, ValueError):
                continue  # not an id: never written by the survey form, and never a choice's count
            counts[key] = counts.get(key, 0) + n
        return counts


def survey_results(survey: Survey, *, text_samples: int = 5) -> tuple[int, list[QuestionResult]]:
    """(number of responses, a result per question), counted by the database.

    Four queries plus one per free-text question (its latest ``text_samples`` answers), however many
    answers there are; ``survey.questions`` with their choices should be prefetched.
    """
    total = Response.objects.filter(survey=survey).count()
    questions = list(survey.questions.all())
    # By question ids (known from the prefetch) rather than a join: the answers' index on question does it all.
    answers = Answer.objects.filter(question_id__in=[q.pk for q in questions]).order_by()
    answered = {
        row["question_id"]: row
        for row in answers.values("question_id").annotate(n=Count("pk"), number_sum=Sum("number"))
    }
    choice_ids = [q.pk for q in questions if q.has_choices]
    choice_counts = _choice_counts(choice_ids) if choice_ids else {}
    scale_ids = [q.pk for q in questions if q.kind == Question.Kind.SCALE]
    scale_counts: dict[tuple[int, int], int] = {}
    if scale_ids:
        scale_counts = {
            (row["question_id"], row["number"]): row["n"]
            for row in answers.filter(question_id__in=scale_ids).values("question_id", "number").annotate(n=Count("pk"))
        }
    results = []
    for question in questions:
        row = answered.get(question.pk, {})
        n = row.get("n", 0)
        result = QuestionResult(question, n)
        if question.has_choices:
            pairs = [(c.label, choice_counts.get((question.pk, c.pk), 0)) for c in question.choices.all()]
            result.counts = _counts(pairs, n)
        elif question.kind == Question.Kind.SCALE:
            pairs = [(str(i), scale_counts.get((question.pk, i), 0)) for i in range(1, question.scale_max + 1)]
            result.counts = _counts(pairs, n)
            result.mean = round((row.get("number_sum") or 0) / n, 1) if n else None
        elif text_samples:
            latest = Answer.objects.filter(question=question).order_by("-pk").values_list("text", flat=True)
            result.texts = list(reversed(latest[:text_samples]))
        results.append(result)
    return total, results


EXPORT_BATCH = 1000


def export_header(survey: Survey) -> list[str]:
    """Response number, date, language, group, then one column per question."""
    header = [_("Response"), _("Submitted"), _("Language"), _("Group")]
    return header + [f"{q.order}. {q.text}" for q in survey.questions.all()]


def export_rows(survey: Survey, *, batch: int | None = None) -> Iterator[list]:
    """The rows of the export, read ``batch`` responses at a time (two queries a batch), so memory stays
    flat however many answered."""
    batch = batch or EXPORT_BATCH
    questions = list(survey.questions.all())
    labels = {c.pk: c.label for q in questions for c in q.choices.all()}
    # Translated once, not per row: get_group_display() hashes every lazy label on each call.
    groups = {value: str(label) for value, label in Response._meta.get_field("group").flatchoices}
    responses = (
        Response.objects.filter(survey=survey).order_by("pk").values_list("pk", "created_at", "language", "group")
    )
    n = 0
    last = 0
    while True:
        chunk = list(responses.filter(pk__gt=last)[:batch])
        if not chunk:
            return
        last = chunk[-1][0]
        answers: dict[int, dict[int, dict]] = {}
        for row in Answer.objects.filter(response_id__in=[r[0] for r in chunk]).values(
            "response_id", "question_id", "text", "choice_ids", "number"
        ):
            answers.setdefault(row["response_id"], {})[row["question_id"]] = row
        for pk, created_at, language, group in chunk:
            n += 1
            given = answers.get(pk, {})
            cells = [n, created_at.date().isoformat(), language, groups.get(group, group)]
            cells += [_cell(q, given.get(q.pk), labels) for q in questions]
            yield cells


def export_table(survey: Survey) -> tuple[list[str], list[list]]:
    """Header and every row in memory: for small surveys and tests; pages stream :func:`export_rows`."""
    return export_header(survey), list(export_rows(survey))


def _cell(question: Question, answer: dict | None, labels: dict[int, str]):
    if answer is None:
        return ""
    if question.has_choices:
        return "; ".join(labels.get(pk, "") for pk in answer["choice_ids"])
    if question.kind == Question.Kind.SCALE:
        return answer["number"]
    return answer["text"]


def export_csv_chunks(survey: Survey) -> Iterator[bytes]:
    """The CSV file a few rows at a time, for a streaming response."""
    return csv_chunks(export_header(survey), export_rows(survey))


def _sheet(survey: Survey) -> Sheet:
    header = export_header(survey)
    return Sheet(
        title=_("Answers"), header=header, rows=export_rows(survey), widths={i: 40 for i in range(4, len(header))}
    )


def export_xlsx_file(survey: Survey):
    """The workbook in a rewound temporary file (written row by row by openpyxl's write-only mode)."""
    return xlsx_file([_sheet(survey)])
