"""Upload documents, read the gap report with evidence, correct codes, compare documents."""

from django.core.files.uploadedfile import SimpleUploadedFile
from tests.analysis.conftest import STRATEGY, upload

from samskapa.analysis.models import Document, Passage
from samskapa.core.models import Job
from samskapa.orgs.models import Role


def test_upload_runs_the_analysis_and_the_report_shows_coverage_with_evidence(uploaded, org, coordinator, client_for):
    assert uploaded.status == Document.Status.ANALYSED and uploaded.language == "sv"
    assert uploaded.report["areas"]["EDU"]["status"] == "covered"
    assert uploaded.report["areas"]["HOU"]["status"] == "missing"
    assert Job.objects.get(pk=uploaded.job_id).status == Job.Status.DONE
    html = client_for(coordinator).get(f"/o/{org.slug}/documents/{uploaded.pk}/").content.decode()
    assert "Education and language" in html and "<mark>" in html
    assert "Not found:" in html and "housing and segregation" in html


def test_good_practices_are_offered_for_gaps(uploaded, org, coordinator, client_for):
    html = client_for(coordinator).get(f"/o/{org.slug}/documents/{uploaded.pk}/").content.decode()
    assert "TUTU centre" in html  # children and youth are not covered by the test strategy


def test_correcting_a_passage_updates_the_report_and_is_kept(uploaded, org, coordinator, client_for):
    passage = Passage.objects.filter(document=uploaded, text__contains="Arbetsmarknadsenheten").get()
    response = client_for(coordinator).post(
        f"/o/{org.slug}/documents/passages/{passage.pk}/", {"labels": ["EMP", "HOU"]}
    )
    assert response.status_code == 302
    passage.refresh_from_db()
    uploaded.refresh_from_db()
    assert passage.corrected_labels == ["EMP", "HOU"] and passage.corrected_by == coordinator
    assert uploaded.report["areas"]["HOU"]["status"] != "missing"
    assert uploaded.report["corrections"] == 1


def test_an_editor_cannot_correct_codes(uploaded, org, member_factory, client_for):
    passage = uploaded.passages.first()
    response = client_for(member_factory(Role.EDITOR)).post(
        f"/o/{org.slug}/documents/passages/{passage.pk}/", {"labels": []}
    )
    assert response.status_code == 403
    passage.refresh_from_db()
    assert passage.corrected_labels is None


def test_wrong_kind_of_file_is_refused_and_nothing_is_stored(org, coordinator, client_for):
    response = upload(client_for(coordinator), org, b"MZ\x90\x00", name="program.exe")
    assert response.status_code == 400 and "Upload a PDF, DOCX, HTML or text file." in response.content.decode()
    assert not Document.objects.exists() and not Job.objects.exists()


def test_oversized_upload_is_refused_with_the_limit(org, coordinator, client_for, settings):
    settings.SAMSKAPA_MAX_UPLOAD_BYTES = 1000
    response = upload(client_for(coordinator), org, b"x" * 5000)
    assert "larger than the limit" in response.content.decode()
    assert not Document.objects.exists()


def test_a_corrupt_pdf_fails_with_a_clear_message(org, coordinator, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_for(coordinator), org, b"%PDF-1.7 this is not really a pdf", name="trasig.pdf")
    document = Document.objects.get()
    assert document.status == Document.Status.FAILED and document.error_code == "corrupt"
    job = Job.objects.get(pk=document.job_id)
    assert job.status == Job.Status.FAILED and "damaged" in job.message
    page = client_for(coordinator).get(f"/o/{org.slug}/documents/{document.pk}/").content.decode()
    assert "damaged" in page


def test_compare_exports_one_row_per_document(uploaded, org, coordinator, client_for):
    from tests.analysis.factories import DocumentFactory

    DocumentFactory(organisation=org, title="Äldre plan", report={"areas": {"EDU": {"status": "weak", "score": 0.2}}})
    client = client_for(coordinator)
    assert b'class="chart heatmap"' in client.get(f"/o/{org.slug}/documents/compare/").content
    lines = client.get(f"/o/{org.slug}/documents/compare/?format=csv").content.decode().splitlines()
    assert lines[0].lstrip("\ufeff").startswith("document_id,document,published_by,year,EDU_status") and len(lines) == 3


def test_document_list_query_count_does_not_grow(org, coordinator, client_for, django_assert_max_num_queries):
    from tests.analysis.factories import DocumentFactory

    client = client_for(coordinator)
    DocumentFactory.create_batch(5, organisation=org)
    with django_assert_max_num_queries(12) as five:
        client.get(f"/o/{org.slug}/documents/")
    DocumentFactory.create_batch(45, organisation=org)
    with django_assert_max_num_queries(len(five.captured_queries)):
        client.get(f"/o/{org.slug}/documents/")


def test_several_documents_are_uploaded_at_once_for_a_study(
    org, coordinator, client_for, django_capture_on_commit_callbacks
):
    files = [SimpleUploadedFile(f"program-{n}.txt", STRATEGY.encode()) for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(
            f"/o/{org.slug}/documents/", {"file": files, "publisher": "Region Exempel", "year": "2024"}
        )
    assert response.status_code == 302 and response["Location"] == f"/o/{org.slug}/documents/"
    documents = Document.objects.order_by("title")
    assert [d.title for d in documents] == ["program-0", "program-1", "program-2"]
    assert all(d.status == "analysed" and d.publisher == "Region Exempel" and d.year == 2024 for d in documents)


def test_one_bad_file_among_several_refuses_them_all_and_names_it(org, coordinator, client_for):
    files = [SimpleUploadedFile("bra.txt", STRATEGY.encode()), SimpleUploadedFile("virus.exe", b"MZ")]
    response = client_for(coordinator).post(f"/o/{org.slug}/documents/", {"file": files})
    assert response.status_code == 400
    assert "virus.exe: Upload a PDF, DOCX, HTML or text file." in response.content.decode()
    assert not Document.objects.exists() and not Job.objects.exists()


def test_a_study_of_many_programmes_compares_them_with_a_bounded_query_count(
    org, coordinator, client_for, django_assert_max_num_queries
):
    from tests.analysis.factories import DocumentFactory, analysed_report

    client = client_for(coordinator)
    for n in range(4):
        DocumentFactory(organisation=org, publisher=f"Kommun {n}", report=analysed_report({"EDU": "covered"}))
    with django_assert_max_num_queries(15) as few:
        client.get(f"/o/{org.slug}/documents/compare/")
    for n in range(36):
        DocumentFactory(organisation=org, publisher=f"Kommun {n + 4}", report=analysed_report({"HOU": "weak"}))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(f"/o/{org.slug}/documents/compare/").content.decode()
    # 25 documents a page, by publisher (Kommun 0, 1, 10–19, 2, 20–29, 3, 30): the rest on page 2.
    assert page.count('class="cell cell--covered"') == 4 and page.count('class="cell cell--weak"') == 21
    second = client.get(f"/o/{org.slug}/documents/compare/?page=2").content.decode()
    assert second.count('class="cell cell--covered"') == 0 and second.count('class="cell cell--weak"') == 15
    assert "Kommun 39" in second and "Kommun 39" not in page
    from tests.svgcheck import problems, svgs_in

    heatmap = next(svg for svg in svgs_in(page) if "heatmap" in svg)
    assert problems(heatmap) == []  # all 25 rows of the page and their labels lie inside the picture
    across = page[page.index("Across the documents") :]
    assert "<td>4</td><td>0</td><td>36</td><td>10 %</td>" in across.replace("\n", "")
