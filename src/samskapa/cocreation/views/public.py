"""The public survey at /s/<key>/: no account, any phone, the respondent's language, right-to-left
where needed, anonymous. Floods are refused per address, bots fall into the honeypot, sizes are
limited, and what is stored is plain text."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samskapa.cocreation import selectors, throttle
from samskapa.cocreation.forms import AnswerForm, language_name
from samskapa.cocreation.models import Survey
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


def _page(request, template: str, survey: Survey, language: str, status: int = 200, **extra) -> HttpResponse:
    # Buttons and messages follow the respondent's language where the interface has it.
    with translation.override(language if language in INTERFACE else survey.organisation.default_language):
        return render(request, template, _context(survey, language, **extra), status=status)


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
    form = AnswerForm(request.POST or None, survey=survey, language=language)
    if request.method == "POST":
        if not throttle.allow(request, f"survey:{survey.pk}", throttle.survey_limit()):
            form.add_error(
                None, _("Too many answers have come from your address in the last hour. Please try again later.")
            )
            return _page(request, "cocreation/public/answer.html", survey, language, status=429, form=form)
        if form.is_bot():
            return redirect("survey-thanks", survey_key=survey_key, language=language)  # tell a bot nothing
        if form.is_valid() and _store(form, survey, language):
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
