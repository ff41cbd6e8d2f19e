"""The public survey at /s/<key>/: no account, any phone, the respondent's language, right-to-left
where needed, anonymous. Floods are refused per address, bots fall into the honeypot, sizes are
limited, and what is stored is plain text."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache

from samskapa.cocreation import selectors, throttle
from samskapa.cocreation.forms import AnswerForm, language_name, marked_text
from samskapa.cocreation.models import Survey
from samskapa.cocreation.public_texts import texts_for
from samskapa.cocreation.services.surveys import survey_answer, survey_is_open
from samskapa.core.errors import ApplicationError

INTERFACE = {code for code, _name in settings.LANGUAGES}


def _context(survey: Survey, language: str, ui: dict, **extra) -> dict:
    def text(field: str) -> str:
        return marked_text(survey, field, language, survey.first_language, ui)

    return {
        "survey": survey,
        "language": language,
        "rtl": language in settings.SAMSKAPA_RTL_LANGUAGES,
        "ui": ui,
        "title": survey.text_in("title", language),
        "marked_title": text("title"),
        "intro": text("intro"),
        "thanks": text("thanks"),
        "survey_languages": [(code, language_name(code)) for code in survey.languages],
        **extra,
    }


def _interface(language: str) -> str:
    """Words around the questions: the respondent's language where the interface has it, else English."""
    return language if language in INTERFACE else "en"


def _page(request, template: str, survey: Survey, language: str, status: int = 200, **extra) -> HttpResponse:
    with translation.override(_interface(language)):
        context = _context(survey, language, texts_for(language), **extra)
        return render(request, template, context, status=status)


def browser_language(request, offered: list[str]) -> str | None:
    """The first of the browser's preferred languages (Accept-Language) that the survey is written in."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")[:500]):
        base = code.lower().split("-")[0]
        if base in offered:
            return base
    return None


def _greeting(code: str) -> dict:
    """One language of the choice: its name and "choose your language", both written in that language."""
    with translation.override(_interface(code)):
        words = texts_for(code)["choose_language"]
    return {"code": code, "name": language_name(code), "words": words, "rtl": code in settings.SAMSKAPA_RTL_LANGUAGES}


@never_cache
def survey_start(request, survey_key: str) -> HttpResponse:
    """Choose a language, the browser's own offered first; a survey in one language goes straight to its questions."""
    survey = selectors.survey_by_key(key=survey_key)
    if len(survey.languages) == 1:
        return redirect("survey-answer", survey_key=survey_key, language=survey.first_language)
    suggested = browser_language(request, survey.languages)
    order = [suggested] if suggested else []
    choices = [_greeting(code) for code in dict.fromkeys([*order, *survey.languages])]
    language = suggested or survey.first_language
    return _page(request, "cocreation/public/start.html", survey, language, choices=choices, suggested=suggested)


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
    followup = _you_said_we_did(survey, language)
    return _page(request, "cocreation/public/thanks.html", survey, language, followup=followup)


def _you_said_we_did(survey: Survey, language: str) -> str:
    """The organisation's public "you said, we did" page in the respondent's language where the site has it."""
    from samskapa.publicsite.models import PublicSite

    org = survey.organisation
    if not PublicSite.objects.filter(organisation=org, is_public=True).exists():
        return ""
    site_language = language if language in org.all_languages else org.default_language
    return reverse("publicsite:findings", args=[org.slug, site_language])
