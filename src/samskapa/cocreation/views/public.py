"""The public survey at /s/<key>/: no account, any phone, the respondent's language, right-to-left
where needed, anonymous. Floods are refused per address, bots fall into the honeypot, sizes are
limited, and what is stored is plain text."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from samskapa.cocreation import selectors, throttle
from samskapa.cocreation.forms import AnswerForm, language_name
from samskapa.cocreation.models import Survey
from samskapa.cocreation.public_texts import texts_for
from samskapa.cocreation.services.surveys import survey_answer, survey_is_open
from samskapa.core.errors import ApplicationError

INTERFACE = {code for code, _name in settings.LANGUAGES}


def _context(survey: Survey, language: str, **extra) -> dict:
    return {
        "survey": survey,
        "language": language,
        "rtl": language in settings.SAMSKAPA_RTL_LANGUAGES,
        "title": survey.text_in("title", language),
        "intro": survey.text_in("intro", language),
        "survey_languages": [(code, language_name(code)) for code in survey.languages],
        **extra,
    }


def _interface(language: str) -> str:
    """Words around the questions: the respondent's language where the interface has it, else English."""
    return language if language in INTERFACE else "en"


def _page(request, template: str, survey: Survey, language: str, status: int = 200, **extra) -> HttpResponse:
    with translation.override(_interface(language)):
        context = _context(survey, language, ui=texts_for(language), **extra)
        return render(request, template, context, status=status)


@never_cache
def survey_start(request, survey_key: str) -> HttpResponse:
    """Choose a language; a survey in one language goes straight to its questions."""
    survey = selectors.survey_by_key(key=survey_key)
    if len(survey.languages) == 1:
        return redirect("survey-answer", survey_key=survey_key, language=survey.first_language)
    return _page(request, "cocreation/public/start.html", survey, survey.first_language)


@never_cache
def survey_answer_page(request, survey_key: str, language: str) -> HttpResponse:
    survey = selectors.survey_by_key(key=survey_key)
    if language not in survey.languages:
        raise Http404
    if not survey_is_open(survey):
        return _page(request, "cocreation/public/closed.html", survey, language, status=410)
    with translation.override(_interface(language)):
        form = AnswerForm(request.POST or None, survey=survey, language=language, ui=texts_for(language))
        if request.method != "POST":
            return _page(request, "cocreation/public/answer.html", survey, language, form=form)
        if not throttle.allow(request, f"survey:{survey.pk}", throttle.survey_limit()):
            form.add_error(None, form.ui["too_many"])
            return _page(request, "cocreation/public/answer.html", survey, language, status=429, form=form)
        if form.is_bot() or (form.is_valid() and _store(form, survey, language)):  # a bot is told nothing
            return redirect("survey-thanks", survey_key=survey_key, language=language)
        return _page(request, "cocreation/public/answer.html", survey, language, form=form)


def _store(form: AnswerForm, survey: Survey, language: str) -> bool:
    try:
        survey_answer(
            survey=survey, language=language, answers=form.answers(), group=form.cleaned_data.get("group", "")
        )
    except ApplicationError as refused:
        form.add_error(None, refused.message)
        return False
    return True


@never_cache
def survey_thanks(request, survey_key: str, language: str) -> HttpResponse:
    survey = selectors.survey_by_key(key=survey_key)
    if language not in survey.languages:
        raise Http404
    return _page(request, "cocreation/public/thanks.html", survey, language, thanks=survey.text_in("thanks", language))
