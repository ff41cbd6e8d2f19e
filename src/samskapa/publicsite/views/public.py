"""Public pages (/p/...): anyone reads them without an account, in their language, without JavaScript."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_safe

from samskapa.core.downloads import file_response
from samskapa.core.paging import paginate
from samskapa.publicsite import accessibility, caching, opendata, progress
from samskapa.publicsite.home import home_overview
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
    overview = home_overview(organisation=reader.organisation, language=reader.language, public=_areas(reader))
    return page(
        request,
        "publicsite/home.html",
        "home",
        strategy=localised,
        intro=site_intro(reader.site, reader.language),
        overview=overview,
        localised={"fallbacks": overview.fallbacks},
    )


@require_safe
@public_view
def strategy(request: HttpRequest, strategy_id: int | None = None) -> HttpResponse:
    reader: Reader = request.reader  # type: ignore[attr-defined]
    localised, strategies = public_strategy(
        organisation=reader.organisation, language=reader.language, strategy_id=strategy_id
    )
    return page(request, "publicsite/strategy.html", "strategy", strategy=localised, strategies=strategies)


# What fits on the one page of the PDF summary beside the strategy.
SUMMARY_INDICATORS = 6


def _page_of(request: HttpRequest, queryset):
    """The page of rows the address asks for (the first or last when it asks for a missing one): long
    lists come a page at a time with the shared pager, so a page stays small on a slow phone."""
    return paginate(request, queryset)


def _areas(reader: Reader) -> progress.PublicAreas:
    return reader.once(
        "areas", lambda: progress.public_areas(organisation=reader.organisation, language=reader.language)
    )


def _listing(request: HttpRequest, section: str, queryset, localise, **context) -> HttpResponse:
    """A page of published rows of one section, their texts in the reader's language."""
    reader: Reader = request.reader  # type: ignore[attr-defined]
    rows = _page_of(request, queryset(reader.organisation))
    items = localise(organisation=reader.organisation, language=reader.language, rows=list(rows))
    fallbacks = sum(item.fallbacks for item in items)
    extra = {name: build(reader, items) for name, build in context.items()}
    return page(
        request,
        f"publicsite/{section}.html",
        section,
        page_obj=rows,
        items=items,
        localised={"fallbacks": fallbacks},
        **extra,
    )


@require_safe
@public_view
def actions(request: HttpRequest) -> HttpResponse:
    """The action plan: each published action with its status and progress, by focus area."""
    return _listing(
        request,
        "actions",
        progress.public_action_queryset,
        progress.public_actions,
        groups=lambda reader, items: progress.group_by_area(items, _areas(reader).areas),
        summary=lambda reader, _items: progress.action_summary(organisation=reader.organisation),
    )


@require_safe
@public_view
def indicators(request: HttpRequest) -> HttpResponse:
    """The indicators with their latest value and how they are going; each has its own page."""
    return _listing(request, "indicators", progress.public_indicator_queryset, progress.public_indicators)


@require_safe
@public_view
def indicator(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """One indicator: its chart, and the same values as a table."""
    reader: Reader = request.reader  # type: ignore[attr-defined]
    found = list(progress.public_indicator_queryset(reader.organisation).filter(pk=indicator_id))
    if not found:
        raise Http404
    item = progress.public_indicators(organisation=reader.organisation, language=reader.language, rows=found)[0]
    return page(
        request,
        "publicsite/indicator.html",
        "indicators",
        item=item,
        chart=progress.indicator_chart(item),
        localised={"fallbacks": item.fallbacks},
    )


@require_safe
@public_view
def consultations(request: HttpRequest) -> HttpResponse:
    """Open consultations with a way to answer, and those held with who was heard (counts only)."""
    return _listing(request, "consultations", progress.public_consultation_queryset, progress.public_consultations)


@require_safe
@public_view
def findings(request: HttpRequest) -> HttpResponse:
    """You said, we did: every published finding and what was decided because of it."""
    reader: Reader = request.reader  # type: ignore[attr-defined]
    public = _areas(reader)

    def localise(**kwargs):
        return progress.public_findings(public=public, **kwargs)

    return _listing(request, "findings", progress.public_finding_queryset, localise)


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
    org = reader.organisation
    first = list(progress.public_indicator_queryset(org)[:SUMMARY_INDICATORS])
    context = {
        "reader": reader,
        "strategy": localised,
        "site": reader.site,
        "actions": progress.action_summary(organisation=org),
        "indicators": progress.public_indicators(organisation=org, language=reader.language, rows=first),
        "more_indicators": progress.public_indicator_queryset(org).count() - len(first),
    }
    pdf = render_pdf("publicsite/summary_pdf.html", context, language=reader.interface)
    return file_response(pdf, title=f"{reader.organisation.name} {reader.language}", extension="pdf", inline=True)
