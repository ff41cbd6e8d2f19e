"""The one way every server-drawn SVG picture writes its numbers and measures its texts.

SVG attributes take numbers with a decimal point only: a Swedish or Finnish page that localised
``width="260,0"`` would leave the picture empty. So every SVG template is rendered through
``render_picture`` (or the ``{% picture %}`` tag), which switches localisation off for the whole
template, and Python-drawn pictures write numbers with ``num``. Texts inside a picture are still
translated; numbers a person reads inside a picture are formatted before they reach the template.
"""

from decimal import Decimal

from django.template import Context
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

# Average advance of a glyph as a share of the font size, taken on the wide side (DejaVu Sans
# digits are 0.64 em), so that a label placed by this estimate never leaves the picture.
GLYPH_WIDTH = 0.64


def num(value: float | int | Decimal | None, decimals: int = 1) -> str:
    """A number as SVG wants it: a point for decimals, no grouping, no trailing zeros."""
    if value is None:
        return "0"
    text = f"{float(value):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_width(text: str, font_size: float) -> float:
    """A conservative estimate of how wide ``text`` is drawn at ``font_size`` pixels."""
    return len(str(text)) * font_size * GLYPH_WIDTH


def fit(text: str, width: float, font_size: float) -> str:
    """``text`` cut with an ellipsis so that it is drawn within ``width`` pixels."""
    text = str(text)
    if text_width(text, font_size) <= width:
        return text
    keep = max(1, int(width / (font_size * GLYPH_WIDTH)) - 1)
    return text[:keep].rstrip() + "…"


def legend_positions(labels: list[str], font_size: float, *, swatch: float = 12, start: float = 0) -> list[float]:
    """The x of each legend entry in a row: swatch, gap, label, and room before the next entry."""
    positions, x = [], start
    for label in labels:
        positions.append(round(x, 1))
        x += swatch + 6 + text_width(label, font_size) + 16
    return positions


def render_picture(template_name: str, context: dict) -> SafeString:
    """Render an SVG template with localisation off, so no number in it gets a decimal comma."""
    template = get_template(template_name).template
    return mark_safe(template.render(Context(context, use_l10n=False)))  # noqa: S308  a template, autoescaped like any page
