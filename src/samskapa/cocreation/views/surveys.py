"""Survey pages for coordinators: build in several languages, open and close, results and exports."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.actors.forms import initial_from
from samskapa.actors.views import form_page
from samskapa.cocreation import selectors, share
from samskapa.cocreation.forms import QuestionForm, SurveyForm, TranslationsForm, language_name, marked_text
from samskapa.cocreation.public_texts import texts_for
from samskapa.cocreation.results import export_csv_chunks, export_xlsx_file, survey_results
from samskapa.cocreation.services import surveys as services
from samskapa.core.downloads import file_response, streaming_file_response, temporary_file_response
from samskapa.core.errors import ApplicationError
from samskapa.core.paging import paginate
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.reports.pdf import render_pdf

VIEW, CHANGE = "cocreation.view_consultations", "cocreation.change_consultations"
INTERFACE = {code for code, _name in settings.LANGUAGES}


def _to_survey(survey):
    return redirect("cocreation:survey-detail", org_slug=survey.organisation.slug, survey_id=survey.pk)


@org_view(VIEW)
def survey_index(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    page = paginate(request, selectors.survey_list(organisation=org))
    context = {"page": page, "can_change": request.user.has_perm(CHANGE, org)}
    return render(request, "cocreation/survey_list.html", context)


@org_view(CHANGE)
def survey_create(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    # Only the default language: each language added means every text must be written in it before opening.
    form = SurveyForm(request.POST or None, initial={"languages": [org.default_language], "ask_group": True})
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            survey := call_service(
                form, services.survey_create, actor=request.user, organisation=org, **form.cleaned_data
            )
        )
    ):
        messages.success(request, _("The survey was created as a draft. Add its questions."))
        return _to_survey(survey)
    intro = _(
        "A short survey residents answer at a public address, "
        "without an account and anonymously, in their own language."
    )
    return form_page(
        request,
        form,
        title=_("New survey"),
        submit=_("Create the survey"),
        back=("cocreation:surveys", []),
        intro=intro,
    )


@org_view(VIEW)
def survey_detail(request: OrgRequest, survey_id: int) -> HttpResponse:
    org = request.organisation
    survey = selectors.survey_get(organisation=org, survey_id=survey_id)
    questions = list(survey.questions.all())
    public_url, posters = share.survey_addresses(request, survey)
    context = {
        "survey": survey,
        "questions": questions,
        "missing": services.missing_texts(survey, questions),
        "public_url": public_url,
        "posters": posters,
        "qr": share.qr_svg(public_url, label=_("QR code of the survey's address")),
        "survey_languages": [(code, language_name(code)) for code in survey.languages],
        "answered": survey.responses.exists(),
        "can_change": request.user.has_perm(CHANGE, org),
    }
    return render(request, "cocreation/survey_detail.html", context)


@org_view(CHANGE)
def survey_edit(request: OrgRequest, survey_id: int) -> HttpResponse:
    org = request.organisation
    survey = selectors.survey_get(organisation=org, survey_id=survey_id)
    fields = ["title", "intro", "thanks", "closes_on", "ask_group", "is_published", "languages"]
    form = SurveyForm(request.POST or None, initial=initial_from(survey, fields))
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "survey": survey, **form.cleaned_data}
        if call_service(form, services.survey_update, **kwargs):
            messages.success(request, _("The survey was saved."))
            return _to_survey(survey)
    return form_page(
        request, form, title=_("Edit the survey"), submit=_("Save"), back=("cocreation:survey-detail", [survey.pk])
    )


@org_view(CHANGE)
def survey_translations(request: OrgRequest, survey_id: int) -> HttpResponse:
    org = request.organisation
    survey = selectors.survey_get(organisation=org, survey_id=survey_id)
    form = TranslationsForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "survey": survey, "texts": form.texts()}
        if call_service(form, services.survey_update, **kwargs):
            messages.success(request, _("The texts were saved."))
            return _to_survey(survey)
    title = _("The survey's texts in other languages")
    return form_page(request, form, title=title, submit=_("Save"), back=("cocreation:survey-detail", [survey.pk]))


@require_POST
@org_view(CHANGE)
def survey_status(request: OrgRequest, survey_id: int) -> HttpResponse:
    org = request.organisation
    survey = selectors.survey_get(organisation=org, survey_id=survey_id)
    try:
        services.survey_set_status(
            actor=request.user, organisation=org, survey=survey, status=request.POST.get("status", "")
        )
    except ApplicationError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The survey is now: %(status)s.") % {"status": survey.get_status_display()})
    return _to_survey(survey)


@require_POST
@org_view(CHANGE)
def survey_publish(request: OrgRequest, survey_id: int) -> HttpResponse:
    """One step: the survey and its consultation on the public site, or off it."""
    org = request.organisation
    survey = selectors.survey_get(organisation=org, survey_id=survey_id)
    published = request.POST.get("published") == "1"
    try:
        services.survey_update(actor=request.user, organisation=org, survey=survey, is_published=published)
    except ApplicationError as refused:
        messages.error(request, refused.message)
    else:
        done = _("The survey is on the public site.") if published else _("The survey was taken off the public site.")
        messages.success(request, done)
    return _to_survey(survey)


def _question_initial(question) -> dict:
    initial = initial_from(question, ["kind", "text", "help", "required", "scale_max"])
    choices = list(question.choices.all())
    initial["choices"] = "\n".join(c.label for c in choices)
    for lang, texts in question.texts.items():
        initial.update({f"{k}__{lang}": v for k, v in texts.items()})
    for lang in question.survey.languages[1:]:
        initial[f"choices__{lang}"] = "\n".join((c.texts.get(lang) or {}).get("label", "") for c in choices)
    return initial


@org_view(CHANGE)
def question_add(request: OrgRequest, survey_id: int) -> HttpResponse:
    org = request.organisation
    survey = selectors.survey_get(organisation=org, survey_id=survey_id)
    form = QuestionForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "survey": survey, **form.service_kwargs()}
        if call_service(form, services.question_add, **kwargs):
            messages.success(request, _("The question was added."))
            return _to_survey(survey)
    return form_page(
        request,
        form,
        title=_("Add a question"),
        submit=_("Add the question"),
        back=("cocreation:survey-detail", [survey.pk]),
    )


@org_view(CHANGE)
def question_edit(request: OrgRequest, question_id: int) -> HttpResponse:
    org = request.organisation
    question = selectors.question_get(organisation=org, question_id=question_id)
    form = QuestionForm(request.POST or None, survey=question.survey, initial=_question_initial(question))
    if request.method == "POST" and form.is_valid():
        kwargs = {"actor": request.user, "organisation": org, "question": question, **form.service_kwargs()}
        if call_service(form, services.question_update, **kwargs):
            messages.success(request, _("The question was saved."))
            return _to_survey(question.survey)
    return form_page(
        request,
        form,
        title=_("Edit the question"),
        submit=_("Save"),
        back=("cocreation:survey-detail", [question.survey_id]),
    )


@require_POST
@org_view(CHANGE)
def question_delete(request: OrgRequest, question_id: int) -> HttpResponse:
    org = request.organisation
    question = selectors.question_get(organisation=org, question_id=question_id)
    try:
        services.question_delete(actor=request.user, organisation=org, question=question)
        messages.success(request, _("The question was removed."))
    except ApplicationError as refused:
        messages.error(request, refused.message)
    return _to_survey(question.survey)


@require_POST
@org_view(CHANGE)
def question_move(request: OrgRequest, question_id: int) -> HttpResponse:
    org = request.organisation
    question = selectors.question_get(organisation=org, question_id=question_id)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    try:
        services.question_move(actor=request.user, organisation=org, question=question, direction=direction)
    except ApplicationError as refused:
        messages.error(request, refused.message)
    return _to_survey(question.survey)


@org_view(VIEW)
def survey_results_page(request: OrgRequest, survey_id: int) -> HttpResponse:
    org = request.organisation
    survey = selectors.survey_get(organisation=org, survey_id=survey_id)
    total, results = survey_results(survey)
    context = {"survey": survey, "total": total, "results": results, "can_change": request.user.has_perm(CHANGE, org)}
    return render(request, "cocreation/survey_results.html", context)


@org_view(VIEW)
def survey_export(request: OrgRequest, survey_id: int, extension: str) -> HttpResponse:
    """The answers, one row per response: streamed (CSV) or written to a temporary file (XLSX), so an
    export of any size costs the server the same memory."""
    survey = selectors.survey_get(organisation=request.organisation, survey_id=survey_id)
    if extension == "xlsx":
        return temporary_file_response(export_xlsx_file(survey), title=survey.title, extension="xlsx")
    return streaming_file_response(export_csv_chunks(survey), title=survey.title, extension="csv")


@org_view(VIEW)
def survey_qr(request: OrgRequest, survey_id: int) -> HttpResponse:
    """The QR code of the survey's address as an SVG file, for newsletters and screens."""
    survey = selectors.survey_get(organisation=request.organisation, survey_id=survey_id)
    public_url, _posters = share.survey_addresses(request, survey)
    svg = share.qr_svg(public_url, label=survey.title)
    response = HttpResponse(f'<?xml version="1.0" encoding="utf-8"?>\n{svg}', content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-qr.svg"'
    return response


def _poster_context(request: OrgRequest, survey_id: int, language: str) -> dict:
    survey = selectors.survey_get(organisation=request.organisation, survey_id=survey_id)
    _start, posters = share.survey_addresses(request, survey)
    poster = next((p for p in posters if p.language == language), None)
    if poster is None:
        raise Http404
    with translation.override(language if language in INTERFACE else "en"):
        ui = texts_for(language)
    return {
        "survey": survey,
        "poster": poster,
        "ui": ui,
        "title": marked_text(survey, "title", language, survey.first_language, ui),
        "intro": marked_text(survey, "intro", language, survey.first_language, ui),
        "qr": share.qr_svg(poster.url, label=survey.text_in("title", language)),
    }


@org_view(VIEW)
def survey_poster(request: OrgRequest, survey_id: int, language: str) -> HttpResponse:
    """A page to print and put up: title, introduction, QR code and short address in one language."""
    return render(request, "cocreation/survey_poster.html", _poster_context(request, survey_id, language))


@org_view(VIEW)
def survey_poster_pdf(request: OrgRequest, survey_id: int, language: str) -> HttpResponse:
    """The same poster as an A4 PDF (WeasyPrint), for print shops and notice boards."""
    context = _poster_context(request, survey_id, language)
    try:
        pdf = render_pdf("cocreation/survey_poster_pdf.html", context, language=get_language())
    except ApplicationError as refused:
        messages.error(request, refused.message)
        return _to_survey(context["survey"])
    return file_response(pdf, title=f"{context['survey'].title} {language}", extension="pdf")
