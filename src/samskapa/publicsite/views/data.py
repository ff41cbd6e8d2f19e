"""Open data of a public site at stable addresses: /p/<slug>/data/<dataset>.json|.csv and datapackage.json."""

import json
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from samskapa.core.downloads import CONTENT_TYPES, in_language
from samskapa.core.tabular import csv_bytes
from samskapa.publicsite import caching, opendata
from samskapa.publicsite.reader import Reader, public_data_view
from samskapa.publicsite.selectors import public_site_list, public_sites_changed_at


def _data_response(
    content: bytes | Iterable[bytes], extension: str, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """The file as one piece (``bytes``) or streamed as it is written (an iterable of pieces)."""
    if isinstance(content, bytes):
        response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    else:
        response = StreamingHttpResponse(in_language(content), content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    # Open data is for everyone's scripts and pages, wherever they run.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@public_data_view
def dataset(request: HttpRequest, dataset: str, data_format: str) -> HttpResponse | StreamingHttpResponse:
    """One dataset, streamed a few rows at a time so a file of any size costs flat memory."""
    reader: Reader = request.reader  # type: ignore[attr-defined]
    chosen = opendata.dataset_get(dataset)
    if data_format == "json":
        return _data_response(opendata.as_json_chunks(reader.site, chosen), "json", f"{dataset}.json")
    if data_format == "csv":
        return _data_response(opendata.as_csv_chunks(reader.site, chosen), "csv", f"{dataset}.csv")
    raise Http404


@require_safe
@public_data_view
def datapackage(request: HttpRequest) -> HttpResponse:
    reader: Reader = request.reader  # type: ignore[attr-defined]
    package = opendata.datapackage(reader.site, request.build_absolute_uri)
    content = json.dumps(package, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()
    return _data_response(content, "json", "datapackage.json")


def _organisation_rows(request: HttpRequest) -> list[dict]:
    rows = []
    for site in public_site_list():
        org = site.organisation
        rows.append(
            {
                "name": org.name,
                "slug": org.slug,
                "country": org.country,
                "municipality_code": org.municipality_code,
                "languages": org.all_languages,
                "licence": site.licence,
                "site": request.build_absolute_uri(f"/p/{org.slug}/"),
                "datapackage": request.build_absolute_uri(f"/p/{org.slug}/data/datapackage.json"),
                "modified": site.content_changed_at,
            }
        )
    return rows


@require_safe
def organisations(request: HttpRequest, data_format: str) -> HttpResponse:
    """Every organisation that publishes, with where its pages and data are."""
    changed = public_sites_changed_at()

    def draw() -> HttpResponse:
        rows = _organisation_rows(request)
        if data_format == "json":
            content = json.dumps({"organisations": rows}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
            return _data_response(content.encode(), "json", "organisations.json")
        header = list(rows[0]) if rows else ["name", "slug"]
        return _data_response(csv_bytes(header, ([row[h] for h in header] for row in rows)), "csv", "organisations.csv")

    if data_format not in ("json", "csv"):
        raise Http404
    if changed is None:
        return draw()
    return caching.cached_response(
        request, parts=("organisations", data_format, changed.isoformat()), changed_at=changed, render=draw
    )
