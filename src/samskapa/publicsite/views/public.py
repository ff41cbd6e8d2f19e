"""Public pages (/p/...): anyone reads them without an account, in their language, without JavaScript."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_safe

from samskapa.core.downloads import file_response
from samskapa.publicsite import accessibility, caching, opendata
from samskapa.publicsite.languages import interface_languages, negotiate
from samskapa.publicsite.reader import Reader, public_view
from samskapa.publicsite.sections import sections
from samskapa.publicsite.selectors import (
    public_site_list,
    public_sites_changed_at,
    public_strategy,
    site_for_slug,
    site_intro,
)
from samskapa.publicsite.texts import direction, language_name
from samskapa.reports.pdf import render_pdf


def page(request: HttpRequest, template: str, current: str = "", **context) -> HttpResponse:
    reader: Reader = request.reader  # type: ignore[attr-defined]
    base = {"reader": reader, "sections": sections(reader), "site": reader.site, "current": current}
    return render(request, template, {**base, **context})


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every organisation that publishes, for residents and for reusers of open data."""
    language = request.GET.get("lang", "")
    if language not in interface_languages():
        language = translation.get_language() or "en"
    changed = public_sites_changed_at()

    def draw() -> HttpResponse:
        with translation.override(language):
            context = {
                "sites": list(public_site_list()),
                "language": language,
                "direction": direction(language),
                "languages": [(code, language_name(code)) for code in sorted(interface_languages())],
            }
            return render(request, "publicsite/index.html", context)

    if changed is None:
        return draw()
    return caching.cached_response(
        request, parts=("index", language, changed.isoformat()), changed_at=changed, render=draw
    )


@require_safe
def site_root(request: HttpRequest, site_slug: str) -> HttpResponse:
    """/p/<slug>/ sends the reader to the home page in the first of their languages the site offers."""
    site = site_for_slug(slug=site_slug)
    language = negotiate(request.headers.get("Accept-Language", ""), site.organisation.all_languages)
    response = redirect("publicsite:home", site_slug=site_slug, lang=language)
    response["Vary"] = "Accept-Language"
    return response


@require_safe
@public_view
def home(request: HttpRequest) -> HttpResponse:
    reader: Reader = request.reader  # type: ignore[attr-defined]
    localised, _strategies = public_strategy(organisation=reader.organisation, language=reader.language)
    return page(
        request, "publicsite/home.html", "home", strategy=localised, intro=site_intro(reader.site, reader.language)
    )


@require_safe
@public_view
def strategy(request: HttpRequest, strategy_id: int | None = None) -> HttpResponse:
    reader: Reader = request.reader  # type: ignore[attr-defined]
    localised, strategies = public_strategy(
        organisation=reader.organisation, language=reader.language, strategy_id=strategy_id
    )
    return page(request, "publicsite/strategy.html", "strategy", strategy=localised, strategies=strategies)


@require_safe
@public_view
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    reader: Reader = request.reader  # type: ignore[attr-defined]
    return page(
        request, "publicsite/accessibility.html", statement=accessibility.statement(reader.site, reader.language)
    )


@require_safe
@public_view
def open_data(request: HttpRequest) -> HttpResponse:
    reader: Reader = request.reader  # type: ignore[attr-defined]
    return page(request, "publicsite/data.html", datasets=opendata.datasets(), licence=opendata.licence(reader.site))


@require_safe
@public_view
def summary_pdf(request: HttpRequest) -> HttpResponse:
    """One page of progress to print or share, in the reader's language."""
    reader: Reader = request.reader  # type: ignore[attr-defined]
    localised, _strategies = public_strategy(organisation=reader.organisation, language=reader.language)
    context = {"reader": reader, "strategy": localised, "site": reader.site}
    pdf = render_pdf("publicsite/summary_pdf.html", context, language=reader.interface)
    return file_response(pdf, title=f"{reader.organisation.name} {reader.language}", extension="pdf", inline=True)
