"""The library and the comparison of documents a page at a time: filters, sort, the same cost and
size with ten times the documents, and the summary and downloads over every document matched."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.analysis.factories import DocumentFactory, analysed_report

from samskapa.analysis.models import Document


def compare_url(org, query=""):
    return f"/o/{org.slug}/documents/compare/" + (f"?{query}" if query else "")


def documents(org, count, *, start=0, publisher="Kommun", statuses=None, year=2024):
    """``count`` analysed documents in bulk (the same report each), publishers numbered from ``start``."""
    report = analysed_report(statuses or {"EDU": "covered", "HOU": "weak"})
    return Document.objects.bulk_create(
        Document(
            organisation=org,
            title=f"Program {n:04d}",
            publisher=f"{publisher} {n:04d}",
            year=year,
            original_filename="plan.txt",
            file="plan.txt",
            size=4,
            sha256="0" * 64,
            status=Document.Status.ANALYSED,
            report=report,
        )
        for n in range(start, start + count)
    )


def heatmap_rows(page: str) -> int:
    return page.count('class="cell cell--covered"')  # EDU is covered in every document made here


def measure(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), len(response.content), response.content.decode()


def test_the_comparison_costs_the_same_with_ten_times_the_documents(org, coordinator, client_for):
    client = client_for(coordinator)
    documents(org, 30)
    small = measure(client, compare_url(org))
    documents(org, 270, start=30)
    big = measure(client, compare_url(org))
    assert big[0] == small[0]
    assert big[1] < small[1] * 1.05 and big[1] < 150_000  # one page of 25 documents, however many
    assert heatmap_rows(big[2]) == 25 and "Showing 1–25 of 300" in big[2]
    across = big[2][big[2].index("Across the documents") :].replace("\n", "")
    assert "<td>300</td><td>0</td><td>0</td><td>100 %</td>" in across  # the summary counts all 300


def test_the_library_costs_the_same_with_ten_times_the_documents(org, coordinator, client_for):
    client = client_for(coordinator)
    documents(org, 60)
    small = measure(client, f"/o/{org.slug}/documents/")
    documents(org, 540, start=60)
    big = measure(client, f"/o/{org.slug}/documents/")
    assert big[0] == small[0]
    assert big[1] < small[1] * 1.05 and "Showing 1–50 of 600" in big[2]


def test_paging_keeps_the_filters_and_the_sort(org, coordinator, client_for):
    documents(org, 30, publisher="Region", year=2023)
    documents(org, 30, start=30, publisher="Kommun", year=2024)
    client = client_for(coordinator)
    page = client.get(compare_url(org, "q=kommun&sort=-publisher")).content.decode()
    assert heatmap_rows(page) == 25 and "Region" not in page
    assert "Kommun 0059" in page and "Kommun 0030" not in page
    assert 'href="?q=kommun&amp;sort=-publisher&amp;page=2"' in page
    second = client.get(compare_url(org, "q=kommun&sort=-publisher&page=2")).content.decode()
    assert heatmap_rows(second) == 5 and "Kommun 0030" in second
    by_year = client.get(compare_url(org, "year=2023")).content.decode()
    assert "Showing 1–25 of 30" in by_year and "Kommun" not in by_year
    csv = client.get(compare_url(org, "q=kommun&format=csv")).content.decode().splitlines()
    assert len(csv) == 31  # the download has every document the filter matches, not only the page


def test_sort_by_mean_score(org, coordinator, client_for):
    documents(org, 1, publisher="Svag", statuses={"EDU": "weak"})
    documents(org, 1, start=1, publisher="Stark", statuses={c: "covered" for c in ("EDU", "HOU", "EMP")})
    documents(org, 1, start=2, publisher="Mellan", statuses={"EDU": "covered"})
    client = client_for(coordinator)

    def order(query):
        page = client.get(compare_url(org, query)).content.decode()
        table = page[page.index("<tbody>") : page.index("</tbody>")]
        return re.findall(r"<td>(Svag|Stark|Mellan) \d+</td>", table)

    assert order("sort=-score") == ["Stark", "Mellan", "Svag"]
    assert order("sort=score") == ["Svag", "Mellan", "Stark"]
    assert order("") == ["Mellan", "Stark", "Svag"]  # by publisher


def test_chosen_documents_of_another_organisation_are_404_and_bad_ids_refused(org, other_org, coordinator, client_for):
    mine = DocumentFactory(organisation=org, publisher="Mark", report=analysed_report({"EDU": "covered"}))
    DocumentFactory(organisation=org, publisher="Annan", report=analysed_report({"EDU": "covered"}))
    foreign = DocumentFactory(organisation=other_org, report=analysed_report({"EDU": "covered"}))
    client = client_for(coordinator)
    chosen = client.get(compare_url(org, f"documents={mine.pk}")).content.decode()
    assert heatmap_rows(chosen) == 1 and "Mark" in chosen and "Annan" not in chosen
    assert client.get(compare_url(org, f"documents={mine.pk}&documents={foreign.pk}")).status_code == 404
    assert client.get(f"/o/{org.slug}/documents/{foreign.pk}/").status_code == 404
    bad = client.get(compare_url(org, "documents=x"))
    assert bad.status_code == 400 and "not numbers" in bad.content.decode()


def test_the_library_filters_and_sorts(org, coordinator, client_for):
    documents(org, 3, publisher="Kommun")
    DocumentFactory(organisation=org, title="Äldreplan", publisher="Region")
    client = client_for(coordinator)
    page = client.get(f"/o/{org.slug}/documents/?q=region").content.decode()
    assert "Äldreplan" in page and "Program 0000" not in page
    titles = re.findall(
        r'/documents/\d+/">([^<]+)</a>', client.get(f"/o/{org.slug}/documents/?sort=-title").content.decode()
    )
    assert titles == ["Äldreplan", "Program 0002", "Program 0001", "Program 0000"]
