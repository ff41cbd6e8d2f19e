"""The annual follow-up report as a Word document, with the same chapters as the PDF.

Word does not show SVG reliably, so each chart is drawn into a PNG first: WeasyPrint lays
the SVGs out one per page (all in one run) and pypdfium2, already used to read scanned
documents, renders each page to an image. No new dependency, the same picture as the PDF.
"""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx.shared import Cm

from samskapa.indicators.charts import with_unit
from samskapa.reports.docx import docx_bullets, docx_bytes, docx_contents, docx_new, docx_table
from samskapa.reports.followup import Chart, Content

SCALE = 2.0  # pixels per CSS pixel: sharp enough in print


def charts_to_png(charts: list[Chart]) -> None:
    """Fill ``png`` of every chart from its SVG."""
    if not charts:
        return
    import pypdfium2
    import weasyprint
    import weasyprint.urls

    pages, styles = [], []
    for index, chart in enumerate(charts):
        width, height = _size(chart.svg)
        styles.append(f"@page c{index} {{ size: {width}px {height}px; margin: 0 }} .c{index} {{ page: c{index} }}")
        pages.append(f'<div class="c{index}">{chart.svg}</div>')
    style = "".join(styles) + " div { break-after: page }"
    html = f"<html><head><style>{style}</style></head><body>{''.join(pages)}</body></html>"
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    pdf = pypdfium2.PdfDocument(weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf())
    try:
        for index, chart in enumerate(charts):
            image = pdf[index].render(scale=SCALE * 0.75).to_pil()  # PDF points are 3/4 of a CSS pixel
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=True)
            chart.png = buffer.getvalue()
    finally:
        pdf.close()


def _size(svg: str) -> tuple[int, int]:
    import re

    match = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    return (int(match[1]), int(match[2])) if match else (640, 360)


def followup_docx(content: Content) -> bytes:
    charts_to_png(content.charts)
    with translation.override(content.language):
        document = docx_new(title=content.title, language=content.language)
        document.add_heading(content.title, level=0)
        document.add_paragraph(
            _("%(organisation)s · made on %(date)s")
            % {"organisation": content.organisation.name, "date": content.generated_on.isoformat()}
        )
        docx_contents(document, _("Contents"))
        _summary(document, content)
        for section in content.sections:
            _section(document, section)
        _co_creation(document, content)
        _method(document, content)
        return docx_bytes(document)


def _summary(document, content: Content) -> None:
    document.add_heading(_("Summary"), level=1)
    lines = [f"{count} {label.lower()}" for _value, label, count in content.statuses]
    if lines:
        document.add_paragraph(_("Indicators: %(statuses)s.") % {"statuses": ", ".join(lines)})
    document.add_paragraph(
        _(
            "Actions now done: %(done)s; delayed: %(delayed)s. "
            "Child impact assessments completed in %(year)s: %(count)s."
        )
        % {
            "done": content.facts.done,
            "delayed": content.facts.delayed,
            "year": content.year,
            "count": len(content.facts.assessments),
        }
    )


def _section(document, section) -> None:
    document.add_heading(section.title, level=1)
    if section.charts:
        document.add_heading(_("Indicators"), level=2)
    for chart in section.charts:
        _chart(document, chart)
    for heading, actions in ((_("Actions done"), section.done), (_("Actions delayed or cancelled"), section.delayed)):
        if actions:
            document.add_heading(heading, level=2)
            docx_table(
                document,
                [_("Action"), _("Lead"), _("Status"), _("Reason")],
                [(f"{a.number}. {a.title}", a.lead.name, a.get_status_display(), a.status_reason) for a in actions],
            )
    if section.ongoing:
        document.add_heading(_("Actions planned or ongoing"), level=2)
        docx_bullets(document, [f"{a.number}. {a.title} ({a.percent_complete} %)" for a in section.ongoing])
    if section.assessments:
        document.add_heading(_("Child impact assessments"), level=2)
        docx_bullets(document, [_assessment(x) for x in section.assessments])


def _assessment(assessment) -> str:
    when = assessment.assessed_on.isoformat() if assessment.assessed_on else ""
    text = f"{assessment.action.number}. {assessment.action.title}"
    return f"{text} — {when}: {assessment.conclusion}".strip(" —:") if assessment.conclusion or when else text


def _chart(document, chart: Chart) -> None:
    indicator = chart.indicator
    document.add_heading(indicator.title, level=3)
    status = chart.view.assessment.label
    latest = chart.view.latest
    facts = [_("Status: %(status)s") % {"status": status}]
    if latest:
        facts.append(
            _("latest %(value)s (%(period)s)")
            % {"value": with_unit(latest.value, indicator.decimals, indicator.unit), "period": latest.label}
        )
    if indicator.target_year:
        facts.append(
            _("target %(value)s by %(year)s")
            % {
                "value": with_unit(indicator.target_value, indicator.decimals, indicator.unit),
                "year": indicator.target_year,
            }
        )
    document.add_paragraph("; ".join(facts) + ".")
    if chart.png:
        document.add_picture(io.BytesIO(chart.png), width=Cm(16))
    if chart.rows:
        docx_table(
            document, [_("Period"), *[s.label for s in chart.series]], [[r["period"], *r["values"]] for r in chart.rows]
        )


def _co_creation(document, content: Content) -> None:
    facts = content.facts
    document.add_heading(_("Co-creation"), level=1)
    document.add_heading(_("Consultations held in %(year)s") % {"year": content.year}, level=2)
    if facts.consultations:
        docx_table(
            document,
            [_("Date"), _("Consultation"), _("Kind"), _("Participants"), _("Inputs")],
            [
                (
                    c.held_on.isoformat() if c.held_on else "",
                    c.title,
                    c.get_kind_display(),
                    *_counts(c),
                )
                for c in facts.consultations
            ],
        )
    else:
        document.add_paragraph(_("No consultation was held in the year."))
    document.add_heading(_("Open findings"), level=2)
    if facts.open_findings:
        document.add_paragraph(_("What people said that has not yet led to a decision:"))
        docx_bullets(document, [f.statement for f in facts.open_findings])
    else:
        document.add_paragraph(_("Every finding has led to a decision."))


def _counts(consultation) -> tuple[int, int]:
    """Participants and inputs, as the co-creation selector annotates them."""
    return getattr(consultation, "participant_total", 0), getattr(consultation, "input_count", 0)


def _method(document, content: Content) -> None:
    document.add_heading(_("How to read this report"), level=1)
    document.add_paragraph(
        _(
            "Status: on track when the target is reached or the trend of the last five values reaches it in time; "
            "at risk when it is better than the baseline or moving the right way; off track otherwise."
        )
    )
    if content.sources:
        document.add_paragraph(_("Sources: %(sources)s.") % {"sources": ", ".join(content.sources)})
    for credit, _language in content.credits:
        document.add_paragraph(credit)  # the source's terms ask for this citation (Kolada's in Swedish)
