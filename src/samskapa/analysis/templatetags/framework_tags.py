"""Areas of the framework in words: people read "Education and language", never "EDU"."""

from django import template

from samskapa.analysis.framework import AREAS

register = template.Library()


@register.filter
def area_name(code: str) -> str:
    """The translated name of a framework area; an unknown code is shown as it is."""
    return str(AREAS.get(code, code))


@register.filter
def area_names(codes) -> list[str]:
    return [area_name(code) for code in codes or []]
