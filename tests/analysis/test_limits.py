"""Hostile and huge input at the pages: a 200 MB upload and a 1,000-page PDF get clear messages,
nothing is stored, and the rest of the library keeps working."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.analysis.conftest import upload
from tests.analysis.factories import DocumentFactory

from samskapa.analysis.models import Document
from samskapa.core.models import Job

MB = 1024 * 1024
BOUNDARY = "samskapa-test-boundary"


class HugeBody(io.RawIOBase):
    """A multipart body of ``size`` bytes that is made only as it is read, and counts what was read."""

    def __init__(self, size: int):
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="stor.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
        ).encode()
        self.head, self.size, self.position = head, size, 0

    def readable(self):
        return True

    def read(self, n=-1):
        n = self.size - self.position if n is None or n < 0 else min(n, self.size - self.position)
        start, self.position = self.position, self.position + n
        head = self.head[start : start + n]
        return head + b"\0" * (n - len(head))


def _post_huge(client: Client, url: str, size: int, **extra):
    body = HugeBody(size)
    response = client.generic(
        "POST",
        url,
        **{
            "wsgi.input": body,
            "CONTENT_LENGTH": str(size),
            "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        },
        **extra,
    )
    return response, body


def test_a_200_mb_upload_is_refused_unread_with_the_limit(org, coordinator, client_for):
    client = client_for(coordinator)
    response, body = _post_huge(client, f"/o/{org.slug}/documents/", 200 * MB)
    assert response.status_code == 413
    assert "The file is larger than the limit of 50 MB." in response.content.decode()
    assert body.position == 0, "the body was read although it was too large"
    assert not Document.objects.exists() and not Job.objects.exists()
    assert client.get(f"/o/{org.slug}/documents/").status_code == 200


def test_a_200_mb_upload_past_the_csrf_check_gets_the_same_clear_page(org, coordinator):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(coordinator)
    response, body = _post_huge(client, f"/o/{org.slug}/documents/", 200 * MB)
    assert response.status_code == 413
    assert "Filen är större än gränsen på 50 MB." in response.content.decode()
    assert body.position == 0
    assert not Document.objects.exists()


def test_a_200_mb_upload_through_the_api_is_a_json_413(org, coordinator, api_for):
    api = api_for(coordinator)
    response, body = _post_huge(
        api.client, f"/api/v1/orgs/{org.slug}/documents", 200 * MB, HTTP_AUTHORIZATION=f"Bearer {api.raw}"
    )
    assert response.status_code == 413
    assert response.json()["message"] == "The file is larger than the limit of 50 MB."
    assert body.position == 0 and not Document.objects.exists()


def test_a_file_just_over_the_limit_is_refused_after_reading(org, coordinator, client_for, settings):
    settings.SAMSKAPA_MAX_UPLOAD_BYTES = 1000
    response = upload(client_for(coordinator), org, b"x" * 1500)
    assert response.status_code == 400 and "The file is larger than the limit of 1000" in response.content.decode()
    assert not Document.objects.exists()


@pytest.fixture
def thousand_page_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1000):
        pdf.drawString(60, 800, f"Sida {number + 1}: kommunen erbjuder svenska för invandrare.")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_1000_page_pdf_fails_with_the_page_limit_and_nothing_else_breaks(
    org, coordinator, client_for, thousand_page_pdf, django_capture_on_commit_callbacks
):
    earlier = DocumentFactory(organisation=org, title="Tidigare plan")
    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/o/{org.slug}/documents/", {"file": SimpleUploadedFile("lang.pdf", thousand_page_pdf)})
    assert response.status_code == 302
    document = Document.objects.get(title="lang")
    assert document.status == Document.Status.FAILED and document.error_code == "too_many_pages"
    assert not document.passages.exists()
    page = client.get(f"/o/{org.slug}/documents/{document.pk}/").content.decode()
    assert "more than 500 pages" in page
    job = Job.objects.get(pk=document.job_id)
    assert job.status == Job.Status.FAILED and "more than 500 pages" in job.message
    earlier.refresh_from_db()
    assert earlier.status == Document.Status.ANALYSED
    assert client.get(f"/o/{org.slug}/documents/").status_code == 200
