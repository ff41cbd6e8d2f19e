"""Every list of the API, walked page by page in the demo organisation: the first page has the default
size, walking with a small limit gives the same rows in the same order as one large page (none twice,
none missing), beyond the end is empty with the same count, and a limit beyond the maximum is refused.
Also: the OpenAPI document describes every list as a page with its limits."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.test import Client
from tests.api.demo_org import build_demo_organisation, known_ids

from samskapa.accounts.services import token_create
from samskapa.api.main import api
from samskapa.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from samskapa.orgs.models import Membership, Role


def _document() -> dict:
    return json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))


def _get_operations(document: dict):
    for path, item in document["paths"].items():
        if "get" in item:
            yield path, item["get"]


def _answer_schema(document: dict, operation: dict) -> dict:
    schema = operation["responses"].get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        return {
            "name": schema["$ref"].rsplit("/", 1)[-1],
            **document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]],
        }
    return schema


def _paged_paths() -> list[str]:
    document = _document()
    return [
        path
        for path, operation in _get_operations(document)
        if _answer_schema(document, operation).get("name", "").startswith("Paged") and "/catalogue/" not in path
    ]


PAGED = _paged_paths()  # the Kolada catalogue asks Kolada itself: its paging is tested in tests/indicators


def test_every_list_in_the_openapi_document_is_a_page_with_its_limits():
    document = _document()
    lists = 0
    for path, operation in _get_operations(document):
        answer = _answer_schema(document, operation)
        assert answer.get("type") != "array", f"{path} answers a list without paging"
        if not answer.get("name", "").startswith("Paged"):
            continue
        lists += 1
        assert answer["required"] == ["items", "count"] and answer["properties"]["items"]["type"] == "array"
        parameters = {p["name"]: p["schema"] for p in operation["parameters"] if p["in"] == "query"}
        assert parameters["limit"]["default"] == DEFAULT_LIMIT and parameters["limit"]["maximum"] == MAX_LIMIT, path
        assert parameters["limit"]["minimum"] == 1 and parameters["offset"]["minimum"] == 0, path
    assert lists >= 30  # every list of the API, not a few
    items = [
        s["properties"]["items"]["items"]["$ref"]
        for n, s in document["components"]["schemas"].items()
        if n.startswith("Paged")
    ]
    assert len(items) == len(set(items))  # one page schema per row schema, none overwritten by another


# --- every list, walked in the demo organisation ------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo organisation, built once for the module and rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            organisation, coordinator = build_demo_organisation()
            Membership.objects.filter(organisation=organisation, user=coordinator).update(role=Role.ADMIN)
            _token, raw = token_create(user=coordinator, name="paging")
            yield Client(HTTP_AUTHORIZATION=f"Bearer {raw}", HTTP_ACCEPT_LANGUAGE="en"), known_ids(organisation)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _url(path: str, known: dict, **query) -> str:
    return path.format(**known) + "?" + "&".join(f"{k}={v}" for k, v in query.items())


@pytest.mark.parametrize("path", PAGED)
def test_every_list_pages_and_walking_the_pages_gives_each_row_once(demo, db, path):
    client, known = demo
    first = client.get(_url(path, known))
    assert first.status_code == 200, first.content[:300]
    page = first.json()
    assert set(page) == {"items", "count"}
    count = page["count"]
    assert len(page["items"]) == min(count, DEFAULT_LIMIT)
    everything = client.get(_url(path, known, limit=MAX_LIMIT)).json()
    assert everything["count"] == count
    walked, offset = [], 0
    while offset < min(count, MAX_LIMIT):
        rows = client.get(_url(path, known, limit=2, offset=offset)).json()["items"]
        assert 0 < len(rows) <= 2
        walked += rows
        offset += 2
    assert walked == everything["items"][: len(walked)]  # same rows, same order, none twice or missing
    beyond = client.get(_url(path, known, offset=count + 7)).json()
    assert beyond == {"items": [], "count": count}


@pytest.mark.parametrize("query", [f"limit={MAX_LIMIT + 1}", "limit=0", "offset=-1"])
def test_a_page_beyond_the_limits_is_refused_with_the_error_shape(demo, db, query):
    client, known = demo
    for path in PAGED:
        response = client.get(path.format(**known) + "?" + query)
        assert response.status_code == 400, (path, response.status_code)
        assert response.json()["errors"][0]["field"] in ("limit", "offset"), path


def test_the_demo_organisation_fills_the_lists_paging_is_walked_over(demo, db):
    client, known = demo
    counts = {path: client.get(_url(path, known, limit=1)).json()["count"] for path in PAGED}
    assert sum(1 for n in counts.values() if n >= 3) >= 12, counts  # so the walk above crosses pages
