"""Template tags for server-drawn SVG pictures (see samskapa.core.pictures)."""

from django import template

from samskapa.core import pictures

register = template.Library()


@register.simple_tag(takes_context=True)
def picture(context, template_name: str, **values):
    """Include an SVG template with localisation off: ``{% picture "actors/_grid_svg.html" grid=grid %}``."""
    data = context.flatten()
    data.update(values)
    return pictures.render_picture(template_name, data)


@register.filter
def num(value, decimals: int = 1) -> str:
    """A number written for an SVG attribute, never localised: ``{{ bar.width|num }}``."""
    try:
        return pictures.num(value, int(decimals))
    except (TypeError, ValueError):
        return "0"


@register.filter
def plus(value, other) -> str:
    """``value + other`` for coordinates (Django's ``add`` drops the decimals of a float)."""
    try:
        return pictures.num(float(value) + float(other))
    except (TypeError, ValueError):
        return "0"


@register.filter
def fit(text, width_and_size: str) -> str:
    """``text`` cut with an ellipsis to fit a width at a font size: ``{{ name|fit:"290,12" }}``."""
    width, size = (float(part) for part in str(width_and_size).split(","))
    return pictures.fit(str(text), width, size)
