"""Hostile documents uploaded through the pages end as a failed document with a clear message."""

import pytest
from tests.analysis.conftest import upload
from tests.analysis.engine.test_hostile_text import _page_tree

from samskapa.analysis.models import Document
from samskapa.core.models import Job


def _upload_and_run(client, org, content: bytes, name: str, capture) -> Document:
    with capture(execute=True):
        upload(client, org, content, name=name)
    return Document.objects.get()


def test_a_pdf_with_a_deep_page_tree_fails_with_a_message(
    org, coordinator, client_for, django_capture_on_commit_callbacks
):
    client = client_for(coordinator)
    document = _upload_and_run(client, org, _page_tree(3000), "djup.pdf", django_capture_on_commit_callbacks)
    assert document.status == Document.Status.FAILED and document.error_code == "structure"
    assert Job.objects.get(pk=document.job_id).status == Job.Status.FAILED
    page = client.get(f"/o/{org.slug}/documents/{document.pk}/").content.decode()
    assert "structure cannot be read" in page


@pytest.mark.parametrize(
    "markup", [b"<html><body><script>var x = 'ord';</script></body></html>", b"<p hidden>Dolt</p>"]
)
def test_an_html_file_without_visible_text_is_refused(
    markup, org, coordinator, client_for, django_capture_on_commit_callbacks
):
    document = _upload_and_run(client_for(coordinator), org, markup, "tom.html", django_capture_on_commit_callbacks)
    assert document.status == Document.Status.FAILED and document.error_code == "empty"
    assert not document.passages.exists()
