"""The gap report as PDF, analysing again, editing and removing documents, passages page by page."""

import io

from pypdf import PdfReader
from tests.analysis.factories import DocumentFactory, PassageFactory, analysed_report

from samskapa.analysis.models import Document, Passage
from samskapa.core.models import Job
from samskapa.orgs.models import Role


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_report_pdf_has_cover_summary_areas_evidence_and_practices(uploaded, org, coordinator, client_for):
    response = client_for(coordinator).get(f"/o/{org.slug}/documents/{uploaded.pk}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="strategi-for-exempelby')
    text = _pdf_text(response.content)
    assert "Gap analysis" in text and "Strategi för Exempelby" in text and "Marks kommun" in text
    assert "Housing and segregation" in text and "Missing" in text
    assert "svenska för invandrare" in text  # evidence is quoted
    assert "TUTU centre" in text  # a good practice for a gap
    assert "How the analysis was made" in text
    # The uploaded strategy is a page long: the report says it is less sure, and why.
    assert "How sure this report is" in text and "Short document" in " ".join(text.split())


def test_the_report_page_says_how_sure_it_is_and_explains_the_score(uploaded, org, coordinator, client_for):
    page = client_for(coordinator).get(f"/o/{org.slug}/documents/{uploaded.pk}/").content.decode()
    assert "How sure this report is" in page and "Few passages" in page
    assert "An area counts as covered when at least two passages address it" in page


def test_the_report_pdf_speaks_the_language_asked_for(uploaded, org, coordinator, client_for):
    client = client_for(coordinator)
    swedish = _pdf_text(client.get(f"/o/{org.slug}/documents/{uploaded.pk}/report.pdf?lang=sv").content)
    finnish = _pdf_text(client.get(f"/o/{org.slug}/documents/{uploaded.pk}/report.pdf?lang=fi").content)
    assert "Gapanalys" in swedish and "Boende och segregation" in swedish
    assert "Puuteanalyysi" in finnish


def test_the_pdf_of_a_document_still_in_analysis_explains_and_redirects(org, coordinator, client_for):
    document = DocumentFactory(organisation=org, status=Document.Status.QUEUED)
    response = client_for(coordinator).get(f"/o/{org.slug}/documents/{document.pk}/report.pdf", follow=True)
    assert "The report is ready once the analysis has finished." in response.content.decode()


def test_analysing_again_keeps_the_corrections(
    uploaded, org, coordinator, client_for, django_capture_on_commit_callbacks
):
    client = client_for(coordinator)
    passage = Passage.objects.get(document=uploaded, text__contains="Arbetsmarknadsenheten")
    client.post(f"/o/{org.slug}/documents/passages/{passage.pk}/", {"labels": ["EMP", "HOU"]})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/o/{org.slug}/documents/{uploaded.pk}/reanalyse/")
    assert response.status_code == 302
    again = Passage.objects.get(document=uploaded, text__contains="Arbetsmarknadsenheten")
    assert again.pk != passage.pk and again.corrected_labels == ["EMP", "HOU"] and again.corrected_by == coordinator
    uploaded.refresh_from_db()
    assert uploaded.status == Document.Status.ANALYSED and uploaded.report["areas"]["HOU"]["status"] != "missing"
    assert Job.objects.filter(kind="analysis.document").count() == 2


def test_a_correction_can_be_undone(uploaded, org, coordinator, client_for):
    client = client_for(coordinator)
    passage = Passage.objects.get(document=uploaded, text__contains="Arbetsmarknadsenheten")
    client.post(f"/o/{org.slug}/documents/passages/{passage.pk}/", {"labels": ["HOU"]})
    client.post(f"/o/{org.slug}/documents/passages/{passage.pk}/", {"labels": ["HOU"], "reset": "1"})
    passage.refresh_from_db()
    uploaded.refresh_from_db()
    assert passage.corrected_labels is None and passage.effective_labels == passage.labels
    assert uploaded.report["areas"]["HOU"]["status"] == "missing" and uploaded.report["corrections"] == 0


def test_details_are_edited_and_a_document_removed_with_its_passages(
    uploaded, org, coordinator, client_for, django_capture_on_commit_callbacks
):
    client = client_for(coordinator)
    edit = {"title": "Strategi 2025", "publisher": "Exempelby kommun", "year": "2025"}
    assert client.post(f"/o/{org.slug}/documents/{uploaded.pk}/edit/", edit).status_code == 302
    uploaded.refresh_from_db()
    assert (uploaded.title, uploaded.publisher, uploaded.year) == ("Strategi 2025", "Exempelby kommun", 2025)
    stored = uploaded.file.name
    storage = uploaded.file.storage
    assert client.get(f"/o/{org.slug}/documents/{uploaded.pk}/delete/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/o/{org.slug}/documents/{uploaded.pk}/delete/").status_code == 302
    assert not Document.objects.exists() and not Passage.objects.exists()
    assert not storage.exists(stored)


def test_an_editor_uploads_but_cannot_remove_documents(uploaded, org, member_factory, client_for):
    client = client_for(member_factory(Role.EDITOR))
    assert client.post(f"/o/{org.slug}/documents/{uploaded.pk}/delete/").status_code == 403
    assert Document.objects.filter(pk=uploaded.pk).exists()


def test_a_bad_year_is_refused_and_nothing_changes(uploaded, org, coordinator, client_for):
    response = client_for(coordinator).post(
        f"/o/{org.slug}/documents/{uploaded.pk}/edit/", {"title": "X", "year": "förra"}
    )
    assert response.status_code == 200 and "Enter a whole number." in response.content.decode()
    uploaded.refresh_from_db()
    assert uploaded.title == "Strategi för Exempelby"


def test_passages_come_page_by_page_with_a_bounded_query_count(
    org, coordinator, client_for, django_assert_max_num_queries
):
    document = DocumentFactory(organisation=org, report=analysed_report())
    PassageFactory.create_batch(30, organisation=org, document=document)
    client = client_for(coordinator)
    with django_assert_max_num_queries(15) as few:
        client.get(f"/o/{org.slug}/documents/{document.pk}/passages/")
    PassageFactory.create_batch(400, organisation=org, document=document)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(f"/o/{org.slug}/documents/{document.pk}/passages/").content.decode()
    assert "Page 1 of 3" in page
    assert "Page 3 of 3" in client.get(f"/o/{org.slug}/documents/{document.pk}/passages/?page=3").content.decode()
