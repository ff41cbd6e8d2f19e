"""The public lists and open data of a large municipality: paged with the total, the same queries and
bytes with ten times the rows, data files streamed byte for byte as before, small ones kept in the cache."""

import json
from datetime import date

import pytest
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samskapa.cocreation.models import Consultation, Finding
from samskapa.publicsite import caching, opendata
from samskapa.publicsite.opendata import _meta
from samskapa.publicsite.services import public_content_changed


@pytest.fixture
def reader():
    return Client()


def _rows(org, n: int, *, start: int = 0) -> None:
    """``n`` published consultations and findings, made in two queries."""
    Consultation.objects.bulk_create(
        Consultation(
            organisation=org,
            title=f"Samtal {i:04d}",
            kind="focus_group",
            status="held",
            held_on=date(2025, 1, 1 + i % 28),
            languages=["sv"],
            is_published=True,
        )
        for i in range(start, start + n)
    )
    Finding.objects.bulk_create(
        Finding(organisation=org, statement=f"Ni sa {i:04d}", outcome="Vi gjorde", is_published=True)
        for i in range(start, start + n)
    )
    public_content_changed(org.pk)


def _get(reader, url):
    caches["public"].clear()
    with CaptureQueriesContext(connection) as captured:
        response = reader.get(url)
    assert response.status_code == 200, url
    return len(captured), response.getvalue().decode()


@pytest.mark.parametrize(("path", "first"), [("consultations/", "Samtal"), ("you-said-we-did/", "Ni sa 0000")])
def test_public_lists_cost_the_same_with_ten_times_the_rows_and_show_the_total(org, published, reader, path, first):
    url = f"/p/{org.slug}/sv/{path}"
    _rows(org, 60)
    _get(reader, url)  # the first request of the process also fills Django's content-type cache
    few, small = _get(reader, url)
    _rows(org, 540, start=60)
    many, large = _get(reader, url)
    assert many == few
    assert abs(len(large) - len(small)) < 300
    assert "Visar 1–50 av 600" in large and "Sida 1 av 12" in large and first in large
    assert 'href="?page=2" rel="next"' in large
    last = _get(reader, url + "?page=12")[1]
    assert "Visar 551–600 av 600" in last and 'rel="prev"' in last


def test_the_public_pager_speaks_arabic_on_arabic_pages(org, published, reader):
    org.languages = ["ar"]
    org.save()
    _rows(org, 60)
    page = _get(reader, f"/p/{org.slug}/ar/consultations/")[1]
    assert "عرض 1–50 من 60" in page and "التالي" in page and "Showing" not in page


def _old_json(site, dataset):
    """The file as it was written before streaming: the whole document dumped at once."""
    document = {**_meta(site, dataset), "items": list(dataset.rows(site))}
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


@pytest.mark.parametrize("name", [d.name for d in opendata.datasets()])
def test_every_data_file_streams_the_same_bytes_as_one_piece(org, published, site, name, monkeypatch):
    monkeypatch.setattr(opendata, "BATCH", 7)  # several batches of live rows
    _rows(org, 20)
    site.refresh_from_db()
    dataset = opendata.dataset_get(name)
    assert opendata.as_json(site, dataset) == _old_json(site, dataset)


def test_an_empty_data_file_is_the_same_as_before(org, site):
    dataset = opendata.dataset_get("findings")
    assert opendata.as_json(site, dataset) == _old_json(site, dataset)
    assert json.loads(opendata.as_json(site, dataset))["items"] == []


def test_data_files_stream_and_small_ones_are_then_served_from_the_cache(org, published, reader):
    _rows(org, 30)
    url = f"/p/{org.slug}/data/consultations.json"
    first = reader.get(url)
    assert isinstance(first, StreamingHttpResponse) and first["Access-Control-Allow-Origin"] == "*"
    content = first.getvalue()
    assert len(json.loads(content)["items"]) == 30
    with CaptureQueriesContext(connection) as captured:
        again = reader.get(url)
    assert not isinstance(again, StreamingHttpResponse) and again.content == content
    assert len(captured) <= 2  # the site and its version; the file itself comes from the cache
    csv_first = reader.get(f"/p/{org.slug}/data/consultations.csv")
    assert isinstance(csv_first, StreamingHttpResponse)
    assert csv_first.getvalue().decode("utf-8-sig").count("Samtal ") == 30


def test_a_data_file_larger_than_the_limit_is_streamed_every_time_and_never_kept(org, published, reader, monkeypatch):
    monkeypatch.setattr(caching, "STREAM_CACHE_LIMIT", 1000)
    _rows(org, 30)
    url = f"/p/{org.slug}/data/findings.json"
    assert len(reader.get(url).getvalue()) > 1000
    again = reader.get(url)
    assert isinstance(again, StreamingHttpResponse) and len(json.loads(again.getvalue())["items"]) == 30
    # The browser's copy is still checked cheaply.
    assert reader.get(url, HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304


def test_another_organisations_rows_are_never_in_the_files(org, other_org, published, reader):
    _rows(other_org, 5)
    assert "Samtal" not in reader.get(f"/p/{org.slug}/data/consultations.json").getvalue().decode()
    assert reader.get(f"/p/{other_org.slug}/data/consultations.json").status_code == 404
