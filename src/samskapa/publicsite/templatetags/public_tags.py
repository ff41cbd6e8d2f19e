"""Template helpers of the public pages: texts with their language, links in another language."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from samskapa.publicsite.texts import Text, direction, language_name

register = template.Library()


@register.simple_tag
def text_lang(text) -> str:
    """lang and dir of the language a text is actually written in."""
    language = text.language if isinstance(text, Text) else str(text)
    return format_html('lang="{}" dir="{}"', language, direction(language))


@register.simple_tag(takes_context=True)
def fallback_badge(context, text) -> str:
    """The name of the original language, shown beside a text that is not yet translated."""
    if not isinstance(text, Text) or not text.fallback or not text:
        return ""
    return format_html(
        '<span class="fallback" lang="{}" dir="{}">{}</span> ',
        text.language,
        text.direction,
        language_name(text.language),
    )


@register.simple_tag(takes_context=True)
def language_url(context, code: str) -> str:
    """This page in another language (the home page when this page has no language)."""
    request = context["request"]
    match = request.resolver_match
    if match and "lang" in match.kwargs:
        try:
            url = reverse(f"publicsite:{match.url_name}", kwargs={**match.kwargs, "lang": code})
        except NoReverseMatch:
            url = ""
        if url:
            query = request.GET.urlencode()
            return f"{url}?{query}" if query else url
    return reverse("publicsite:home", kwargs={"site_slug": context["reader"].slug, "lang": code})


@register.simple_tag
def public_site_status(organisation):
    """The organisation's public site settings, for the dashboard."""
    from samskapa.publicsite.selectors import site_get

    return site_get(organisation=organisation)
