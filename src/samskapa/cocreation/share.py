"""The share kit of a survey: its addresses, a QR code as SVG (made on the server, so it works in
pages, print and PDF alike, without JavaScript or network), and what a printed poster shows."""

import io
from dataclasses import dataclass

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from samskapa.cocreation.forms import language_name
from samskapa.cocreation.models import Survey


def qr_svg(url: str, *, label: str) -> SafeString:
    """The QR code of ``url`` as inline SVG that scales with its box and is named for screen readers."""
    code = segno.make(url, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, omitsize=True, border=4, dark="#000", light="#fff")
    svg = out.getvalue().decode()
    # segno writes the SVG itself: only its opening tag gets the role and the name (escaped by format_html).
    opening = format_html('<svg role="img" aria-label="{}" focusable="false"', label)
    return mark_safe(svg.replace("<svg", opening, 1))  # noqa: S308  (segno's own markup, the label escaped above)


@dataclass
class Poster:
    language: str
    name: str
    url: str
    rtl: bool


def survey_addresses(request, survey: Survey) -> tuple[str, list[Poster]]:
    """The survey's public address (it lets the respondent choose) and one address per language."""
    start = request.build_absolute_uri(reverse("survey-public", args=[survey.key]))
    posters = [
        Poster(
            code,
            language_name(code),
            request.build_absolute_uri(reverse("survey-answer", args=[survey.key, code])),
            code in settings.SAMSKAPA_RTL_LANGUAGES,
        )
        for code in survey.languages
    ]
    return start, posters
