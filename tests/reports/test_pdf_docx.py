"""The shared report builders: PDFs in the document's language that never fetch anything; DOCX basics."""

import io
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.template import engines
from docx import Document
from pypdf import PdfReader

from samskapa.core.errors import ApplicationError
from samskapa.reports import docx as docx_builder
from samskapa.reports import pdf


@pytest.fixture
def report_template(tmp_path, settings):
    directory = tmp_path / "templates"
    (directory / "testreport").mkdir(parents=True)
    (directory / "testreport" / "r.html").write_text(
        '{% extends "reports/base.html" %}{% load i18n %}{% block title %}{{ heading }}{% endblock %}'
        "{% block content %}<h1>{{ heading }}</h1><p>{% translate 'Strategy' %}</p>"
        '<img src="{{ image_url }}" alt=""><img src="file:///etc/passwd" alt="">{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], directory]}]
    engines._engines = {}  # the template engines are cached; let them see the new directory
    yield "testreport/r.html"
    engines._engines = {}


@pytest.fixture
def listening_server():
    """A server on loopback that records every request it gets."""
    requests = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/secret.png", requests
    server.shutdown()


def test_pdf_is_rendered_in_the_documents_language_and_fetches_nothing(report_template, listening_server):
    image_url, requests = listening_server
    context = {"heading": "Integrationsstrategi för Mark", "image_url": image_url}
    content = pdf.render_pdf(report_template, context, language="sv")
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert "Integrationsstrategi för Mark" in text and "Strategi" in text
    assert requests == []


def test_pdf_failure_is_a_clear_application_error(report_template, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("weasyprint.HTML.write_pdf", broken)
    with pytest.raises(ApplicationError, match="PDF could not be made"):
        pdf.render_pdf(report_template, {"heading": "x", "image_url": ""}, language="en")


def test_docx_carries_its_language_title_and_a_repeating_table_header():
    document = docx_builder.docx_new(title="Handlingsplan 2023–2024", language="sv-SE")
    docx_builder.docx_contents(document, "Innehåll")
    docx_builder.docx_table(document, ["Åtgärd", "Status"], [["Läxhjälp", "Pågår"]])
    reopened = Document(io.BytesIO(docx_builder.docx_bytes(document)))
    assert reopened.core_properties.title == "Handlingsplan 2023–2024"
    assert reopened.core_properties.language == "sv-SE"
    table = reopened.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["Läxhjälp", "Pågår"]
    assert 'w:tblHeader w:val="true"' in table.rows[0]._tr.xml or "tblHeader" in table.rows[0]._tr.xml
