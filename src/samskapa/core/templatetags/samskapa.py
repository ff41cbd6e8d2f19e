"""Template helpers shared by every app."""

from django import template
from django.conf import settings
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def lang_attrs(language_code: str) -> str:
    """lang and dir attributes for content written in ``language_code`` (Arabic, Persian → rtl)."""
    direction = "rtl" if language_code.split("-")[0] in settings.SAMSKAPA_RTL_LANGUAGES else "ltr"
    return format_html('lang="{}" dir="{}"', language_code, direction)
