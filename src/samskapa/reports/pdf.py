"""HTML templates to PDF with WeasyPrint, in the document's own language and never touching the network.

A report template extends ``reports/base.html`` (A4, cover, page numbers, print styles) and
fills the blocks ``title``, ``cover`` and ``content``. Pictures are inline SVG or data: URIs;
the URL fetcher refuses everything else, so a hostile link in user text cannot make the
server fetch anything.
"""

import logging
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError

logger = logging.getLogger(__name__)


def render_html(template_name: str, context: dict[str, Any], *, language: str) -> str:
    with translation.override(language):
        return render_to_string(template_name, {**context, "document_language": language})


def render_pdf(template_name: str, context: dict[str, Any], *, language: str) -> bytes:
    """The template rendered in ``language`` as PDF bytes (tagged PDF, with the document's language)."""
    import weasyprint
    import weasyprint.urls

    html = render_html(template_name, context, language=language)
    try:
        # Only data: URIs are fetched; http, https, ftp and file are refused.
        fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
        document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url="/")
        return document.write_pdf(pdf_tags=True, custom_metadata=True)
    except Exception as error:  # WeasyPrint's own errors have no common base class
        logger.exception("PDF rendering of %s failed", template_name)
        raise ApplicationError(_("The PDF could not be made. Try again or ask an administrator.")) from error
