"""The reader of a public page: which site, in which language, and the decorator every public view wears."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from samskapa.orgs.models import Organisation
from samskapa.publicsite import caching
from samskapa.publicsite.languages import interface_language
from samskapa.publicsite.models import PublicSite
from samskapa.publicsite.selectors import site_for_slug
from samskapa.publicsite.texts import direction, language_name


@dataclass(frozen=True)
class Reader:
    """Who reads: the site, the language chosen, and the language of the page around the content."""

    site: PublicSite
    language: str
    interface: str
    preview: bool = False
    memo: dict[str, Any] = field(default_factory=dict, compare=False)

    def once(self, key: str, read: Callable[[], Any]) -> Any:
        """Read something once per request, however many parts of the page ask for it."""
        if key not in self.memo:
            self.memo[key] = read()
        return self.memo[key]

    @property
    def organisation(self) -> Organisation:
        return self.site.organisation

    @property
    def slug(self) -> str:
        return self.site.organisation.slug

    @property
    def direction(self) -> str:
        return direction(self.interface)

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def languages(self) -> list[dict[str, str]]:
        return [
            {"code": code, "name": language_name(code), "direction": direction(code)}
            for code in self.organisation.all_languages
        ]


def _may_preview(request: HttpRequest, organisation: Organisation) -> bool:
    """Members who publish may look at their site before it opens (never cached)."""
    user = request.user
    return user.is_authenticated and user.has_perm("publicsite.publish", organisation)


def _open_site(request: HttpRequest, site_slug: str) -> PublicSite:
    """The site, if it is public or the person may preview it; 404 alike otherwise."""
    site = site_for_slug(slug=site_slug)
    if not site.is_public and not _may_preview(request, site.organisation):
        raise Http404
    return site


# Pages (and open-data files) that show how many people were heard: only these are drawn anew
# after a survey answer; every other page waits for a change to its content.
SHOWING_COUNTS = {("consultations", None), ("dataset", "consultations")}


def _shows_counts(request: HttpRequest) -> bool:
    match = request.resolver_match
    return match is not None and (match.url_name, match.kwargs.get("dataset")) in SHOWING_COUNTS


def _answer(request: HttpRequest, site: PublicSite, parts: tuple, render: Callable[[], HttpResponse]) -> HttpResponse:
    if not site.is_public:
        return caching.private(render())
    changed_at = site.content_changed_at
    parts = ("site", site.pk, site.content_version, changed_at.isoformat(), *parts)
    if _shows_counts(request):
        changed_at = max(changed_at, site.counts_changed_at)
        parts = (*parts, "counts", site.counts_version)
    return caching.cached_response(request, parts=parts, changed_at=changed_at, render=render)


def public_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Resolve the site and the reader's language from the address, then answer from the cache if possible.

    A site that is not public is 404 to everyone but its publishers, who see a private preview.
    A language the site does not offer (any more) goes to the same page in its default language.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, site_slug: str, lang: str, *args: Any, **kwargs: Any) -> HttpResponse:
        site = _open_site(request, site_slug)
        if lang not in {code for code, _name in settings.SAMSKAPA_CONTENT_LANGUAGES}:
            raise Http404
        offered = site.organisation.all_languages
        if lang not in offered:
            match = request.resolver_match
            assert match is not None
            return redirect(reverse(f"publicsite:{match.url_name}", kwargs={**match.kwargs, "lang": offered[0]}))
        reader = Reader(site, lang, interface_language(lang, site.organisation), preview=not site.is_public)
        request.reader = reader  # type: ignore[attr-defined]

        def render() -> HttpResponse:
            with translation.override(reader.interface):
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
            response["Content-Language"] = lang
            return response

        return _answer(request, site, (lang,), render)

    return wrapper


def public_data_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open data of a site: the same checks and cache as its pages, all languages in one file."""

    @wraps(view)
    def wrapper(request: HttpRequest, site_slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
        site = _open_site(request, site_slug)
        reader = Reader(site, site.organisation.default_language, "en", preview=not site.is_public)
        request.reader = reader  # type: ignore[attr-defined]

        def render() -> HttpResponse:
            with translation.override("en"):
                return view(request, *args, **kwargs)

        return _answer(request, site, ("data",), render)

    return wrapper
