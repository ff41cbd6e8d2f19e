"""Writes for public surveys: building them in several languages, opening them, and taking answers.

Answers come from people without an account: ``survey_answer`` takes no acting user and
trusts nothing it is given (the view adds rate limits and the honeypot).
"""

import re

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from samskapa.analysis.suggest import codes_for
from samskapa.cocreation.models import (
    Answer,
    Choice,
    Consultation,
    Group,
    Input,
    Participation,
    Question,
    Response,
    Survey,
)
from samskapa.cocreation.services._common import CHANGE
from samskapa.cocreation.services.consultations import consultation_create
from samskapa.core.errors import ApplicationError, ConflictError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require

SURVEY_FIELDS = ("title", "intro", "thanks", "languages", "closes_on", "ask_group", "texts", "is_published")
QUESTION_FIELDS = ("kind", "text", "help", "required", "scale_max", "texts")
MAX_QUESTIONS = 40
MAX_CHOICES = 30
MAX_ANSWER_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value: str) -> str:
    """What a resident wrote, as plain text: HTML tags and control characters removed."""
    return _CONTROL.sub("", strip_tags(value)).strip()


def _refuse_if_answered(survey: Survey) -> None:
    if survey.responses.exists():
        raise ConflictError(
            _("The survey already has answers: its questions and choices can no longer be added, removed or reordered.")
        )


@transaction.atomic
def survey_create(*, actor, organisation: Organisation, title: str, languages: list[str], **fields) -> Survey:
    """A survey in draft, with the consultation its answers belong to."""
    require(actor, CHANGE, organisation)
    refuse_unknown_fields(fields, SURVEY_FIELDS)
    consultation = consultation_create(
        actor=actor,
        organisation=organisation,
        title=title,
        kind=Consultation.Kind.SURVEY,
        languages=list(languages),
        ends_on=fields.get("closes_on"),
    )
    published = fields.pop("is_published", False)
    survey = Survey(
        organisation=organisation, consultation=consultation, title=title, languages=list(languages), **fields
    )
    save_as(survey, actor)
    if published:
        _set_published(actor, organisation, survey, True)
    return survey


def _set_published(actor, organisation: Organisation, survey: Survey, published: bool) -> None:
    """One step for the coordinator: the survey and its consultation go on (or off) the public site together,
    through the public site's own service (its permission check and refusals apply)."""
    from samskapa.publicsite.services import content_publish, content_unpublish

    change = content_publish if published else content_unpublish
    for obj in (survey.consultation, survey):
        change(actor=actor, organisation=organisation, obj=obj)


@transaction.atomic
def survey_update(*, actor, organisation: Organisation, survey: Survey, **changes) -> Survey:
    """Change the survey; "published" puts it and its consultation on the public site, or takes them off.
    An open survey must stay complete in every language (else residents would read untranslated text)."""
    require(actor, CHANGE, survey)
    refuse_unknown_fields(changes, SURVEY_FIELDS)
    published = changes.pop("is_published", survey.is_published)
    for field, value in changes.items():
        setattr(survey, field, value)
    save_as(survey, actor)
    consultation = survey.consultation
    consultation.title, consultation.languages, consultation.ends_on = survey.title, survey.languages, survey.closes_on
    save_as(consultation, actor)
    if published != survey.is_published or published != consultation.is_published:
        _set_published(actor, organisation, survey, published)
    refuse_if_incomplete(survey)
    return survey


def refuse_if_incomplete(survey: Survey) -> None:
    """While a survey is open every text must exist in every language; the caller's transaction rolls back."""
    if survey.status != Survey.Status.OPEN:
        return
    if missing := missing_texts(survey, list(survey.questions.prefetch_related("choices"))):
        raise ApplicationError(
            _("The survey is open, so every text must be written in each of its languages: %(missing)s")
            % {"missing": " ".join(missing[:8])},
            # The API lists each missing text, so a client can show them beside the fields.
            extra={"errors": [{"field": "texts", "message": text} for text in missing]},
        )


def _untranslated(row, language: str) -> list[str]:
    """The fields written in the first language that have no text in ``language``."""
    written = row.texts.get(language) or {}
    return [field for field in row.TEXT_FIELDS if getattr(row, field).strip() and not written.get(field, "").strip()]


def missing_texts(survey: Survey, questions: list[Question]) -> list[str]:
    """What still has to be written before the survey can open, one sentence each: every text written
    in the first language (title, introduction, thank-you text, questions, help, choices) in every other."""
    from samskapa.cocreation.forms import language_name

    names = {
        "title": _("The title"),
        "intro": _("The introduction"),
        "thanks": _("The thank-you message"),
    }
    missing = []
    for language in survey.languages[1:]:
        where = {"language": language_name(language)}
        fields = _untranslated(survey, language)
        missing += [_("%(what)s in %(language)s.") % {"what": names[f], **where} for f in fields]
        for question in questions:
            if _untranslated(question, language):
                missing.append(_("Question %(n)s in %(language)s.") % {"n": question.order, **where})
            missing += [
                _("Choice “%(choice)s” in %(language)s.") % {"choice": choice.label, **where}
                for choice in question.choices.all()
                if _untranslated(choice, language)
            ]
    return missing


@transaction.atomic
def survey_set_status(*, actor, organisation: Organisation, survey: Survey, status: str) -> Survey:
    """Open a survey for answers (only when it is complete in every language), or close it."""
    require(actor, CHANGE, survey)
    if status not in Survey.Status.values:
        raise ApplicationError(_("Choose a status."))
    if status == Survey.Status.OPEN:
        questions = list(survey.questions.prefetch_related("choices"))
        if not questions:
            raise ApplicationError(_("Add at least one question before opening the survey."))
        if missing := missing_texts(survey, questions):
            raise ApplicationError(_("Write these texts first: %(missing)s") % {"missing": " ".join(missing[:8])})
        if any(q.has_choices and len(q.choices.all()) < 2 for q in questions):
            raise ApplicationError(_("Every choice question needs at least two choices."))
    survey.status = status
    save_as(survey, actor)
    consultation = survey.consultation
    consultation.status = {"open": "open", "closed": "held"}.get(status, "planned")
    if status == Survey.Status.OPEN and not consultation.held_on:
        consultation.held_on = timezone.localdate()
    save_as(consultation, actor)
    return survey


def _check_choices(labels: list[str], texts: list[dict] | None) -> None:
    if len(labels) > MAX_CHOICES:
        raise ApplicationError(_("A question can have at most %(n)s choices.") % {"n": MAX_CHOICES})
    if any(not str(label).strip() for label in labels):
        raise ApplicationError(_("A choice cannot be empty."))
    if texts is not None and len(texts) != len(labels):
        raise ApplicationError(_("Give the texts of every choice in each language."))


@transaction.atomic
def question_add(
    *, actor, organisation: Organisation, survey: Survey, choices=(), choice_texts=None, **fields
) -> Question:
    """A question at the end of the survey; ``choices`` are labels in the first language,
    ``choice_texts`` the same choices in the other languages ([{"ar": {"label": ...}}, ...])."""
    require(actor, CHANGE, survey)
    refuse_unknown_fields(fields, QUESTION_FIELDS)
    _refuse_if_answered(survey)
    if survey.questions.count() >= MAX_QUESTIONS:
        raise ApplicationError(_("A survey can have at most %(n)s questions.") % {"n": MAX_QUESTIONS})
    choices = list(choices)
    _check_choices(choices, choice_texts)
    order = (survey.questions.aggregate(m=Max("order"))["m"] or 0) + 1
    question = save_as(Question(organisation=organisation, survey=survey, order=order, **fields), actor)
    if question.has_choices:
        for n, label in enumerate(choices, start=1):
            texts = (choice_texts or [{}] * len(choices))[n - 1]
            save_as(Choice(organisation=organisation, question=question, order=n, label=label, texts=texts), actor)
    refuse_if_incomplete(survey)
    return question


@transaction.atomic
def question_update(
    *, actor, organisation: Organisation, question: Question, choices=None, choice_texts=None, **changes
) -> Question:
    """Change a question's texts; its kind and choices only while nobody has answered."""
    require(actor, CHANGE, question)
    refuse_unknown_fields(changes, QUESTION_FIELDS)
    answered = question.survey.responses.exists()
    if answered and "kind" in changes and changes["kind"] != question.kind:
        _refuse_if_answered(question.survey)
    for field, value in changes.items():
        setattr(question, field, value)
    save_as(question, actor)
    if choices is not None:
        _replace_choices(actor, organisation, question, list(choices), choice_texts, answered)
    refuse_if_incomplete(question.survey)
    return question


def _replace_choices(actor, organisation, question, labels, texts, answered) -> None:
    _check_choices(labels, texts)
    current = list(question.choices.all())
    if answered and len(labels) != len(current):
        _refuse_if_answered(question.survey)
    for n, label in enumerate(labels, start=1):
        choice = current[n - 1] if n <= len(current) else Choice(organisation=organisation, question=question)
        choice.order, choice.label = n, label
        choice.texts = texts[n - 1] if texts is not None else choice.texts
        save_as(choice, actor)
    for extra in current[len(labels) :]:
        extra.delete()


@transaction.atomic
def question_delete(*, actor, organisation: Organisation, question: Question) -> None:
    require(actor, CHANGE, question)
    _refuse_if_answered(question.survey)
    delete_as(question, actor)


@transaction.atomic
def question_move(*, actor, organisation: Organisation, question: Question, direction: str) -> Question:
    require(actor, CHANGE, question)
    _refuse_if_answered(question.survey)
    siblings = list(question.survey.questions.all())
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for n, item in enumerate(siblings, start=1):
            if item.order != n:
                item.order = n
                save_as(item, actor)
    return question


def survey_is_open(survey: Survey, today=None) -> bool:
    today = today or timezone.localdate()
    return survey.status == Survey.Status.OPEN and (survey.closes_on is None or survey.closes_on >= today)


def _clean_answer(question: Question, raw, choice_ids: set[int]) -> dict | None:
    """One raw answer as stored values, or None when left empty; refuses what does not fit."""
    if question.kind == Question.Kind.TEXT:
        text = plain_text(str(raw or ""))
        if len(text) > MAX_ANSWER_CHARS:
            raise ApplicationError(
                _("Your answer to “%(q)s” is too long: at most %(n)s characters.")
                % {"q": question.text, "n": MAX_ANSWER_CHARS}
            )
        return {"text": text} if text else None
    if question.kind == Question.Kind.SCALE:
        if raw in (None, ""):
            return None
        try:
            number = int(raw)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= question.scale_max:
            raise ApplicationError(_("Choose a number on the scale."))
        return {"number": number}
    picked = raw if isinstance(raw, list) else ([raw] if raw not in (None, "") else [])
    try:
        ids = [int(p) for p in picked]
    except (TypeError, ValueError):
        ids = [-1]
    if not set(ids) <= choice_ids or (question.kind == Question.Kind.SINGLE and len(ids) > 1):
        raise ApplicationError(_("Choose from the choices given."))
    return {"choice_ids": sorted(set(ids))} if ids else None


@transaction.atomic
def survey_answer(*, survey: Survey, language: str, answers: dict, group: str = "") -> Response:
    """Store one anonymous response; free-text answers also become inputs of the survey's consultation."""
    if not survey_is_open(survey):
        raise ApplicationError(_("This survey is not open for answers."), status=409)
    if language not in survey.languages:
        raise ApplicationError(_("Choose one of the survey's languages."))
    if group and group not in Group.values:
        raise ApplicationError(_("Choose a group from the list, or none."))
    questions = list(survey.questions.prefetch_related("choices"))
    cleaned = {}
    for question in questions:
        value = _clean_answer(question, answers.get(question.pk), {c.pk for c in question.choices.all()})
        if value is None and question.required:
            raise ApplicationError(_("Please answer “%(q)s”.") % {"q": question.text_in("text", language)})
        if value is not None:
            cleaned[question] = value
    if not cleaned:
        raise ApplicationError(_("Answer at least one question."))
    org = survey.organisation
    response = Response.objects.create(organisation=org, survey=survey, language=language, group=group)
    stored = [Answer(organisation=org, response=response, question=q, **v) for q, v in cleaned.items()]
    Answer.objects.bulk_create(stored)
    _inputs_from(survey, response, [a for a in stored if a.text])
    # Each response is one person; the groups they name are counted apart (a person may name only one).
    Consultation.objects.filter(pk=survey.consultation_id).update(people=Coalesce(F("people"), 0) + 1)
    if group:
        _count(survey.consultation, group)
    return response


def _inputs_from(survey: Survey, response: Response, answers: list[Answer]) -> None:
    codes = codes_for([a.text for a in answers]) if answers else []
    bulk_create_with_history(
        [
            Input(
                organisation=survey.organisation,
                consultation=survey.consultation,
                kind=Input.Kind.NOTE,
                text=answer.text,
                group=response.group,
                language=response.language,
                suggested_codes=suggested,
                source_answer=answer,
            )
            for answer, suggested in zip(answers, codes, strict=True)
        ],
        Input,
    )


def _count(consultation: Consultation, group: str) -> None:
    counted = Participation.objects.filter(consultation=consultation, group=group)
    if counted.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            Participation.objects.create(
                organisation=consultation.organisation, consultation=consultation, group=group, count=1
            )
    except IntegrityError:  # another answer of the group created the row at the same moment
        counted.update(count=F("count") + 1)
