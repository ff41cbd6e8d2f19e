"""Every API operation against its OpenAPI description (schemathesis): generated requests, with the
ids of a real demo organisation in the paths, never get a server error, and every answer has the
shape the document promises. Bounded: a few examples per operation, so the suite stays quick."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.serializers.json import DjangoJSONEncoder
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import response_schema_conformance
from tests.api.demo_org import build_demo_organisation, known_ids

from samskapa.accounts.services import token_create
from samskapa.api.main import api
from samskapa.orgs.models import Membership, Role
from samskapa.wsgi import application

pytestmark = pytest.mark.openapi
EXAMPLES = 4
SENT: list[tuple[str, int]] = []  # (operation, status) of every request, for the figures printed at the end


def _document() -> dict:
    # Built from the API object, not fetched: collection runs before any database is allowed.
    return json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))


def _load_schema():
    loaded = schemathesis.openapi.from_dict(_document())
    loaded.app = application
    # The coverage phase sends dozens of boundary cases per operation; the bounded random
    # examples below (nulls, huge numbers and odd text included) keep the run to about a minute.
    loaded.config.phases.coverage.enabled = False
    return loaded


# The Kolada catalogue asks the statistics source itself; tests never reach the network (its
# faults are tested against a stand-in server in tests/indicators).
schema = _load_schema().exclude(path_regex="/catalogue/")


@pytest.fixture(scope="module")
def demo_organisation(django_db_setup, django_db_blocker):
    """One demo organisation for all operations, rolled back when the module is done (each
    operation's own changes are rolled back after it by the ``db`` fixture's savepoint)."""
    # Django closes the database connection after each request it serves; the test client keeps
    # it open (it is the test's transaction), and so must these direct calls to the WSGI app.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            organisation, coordinator = build_demo_organisation()
            Membership.objects.filter(organisation=organisation, user=coordinator).update(role=Role.ADMIN)
            _token, raw = token_create(user=coordinator, name="schemathesis")
            yield {"Authorization": f"Bearer {raw}"}, known_ids(organisation)
            operations = {operation for operation, _status in SENT}
            errors = sum(1 for _operation, status in SENT if status >= 500)
            print(f"\nschemathesis: {len(operations)} operations, {len(SENT)} requests, {errors} server errors")  # noqa: T201
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_context(demo_organisation, db, settings):
    settings.DEBUG = False
    return demo_organisation


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_without_server_error_and_as_documented(case, api_context):
    headers, known = api_context
    if case.method.upper() != case.operation.method.upper():
        return  # methods the route does not have answer 405 from Django's router, as they should
    case.path_parameters = {k: known.get(k, v) for k, v in (case.path_parameters or {}).items()}
    response = case.call(headers=headers)
    SENT.append((f"{case.operation.method} {case.operation.path}", response.status_code))
    assert response.status_code < 500, (case.method, case.formatted_path, response.status_code, response.text[:500])
    content_type = (response.headers.get("content-type") or [""])[0]
    if response.status_code >= 400:  # every API error has the one JSON error shape
        assert content_type.startswith("application/json"), (case.method, case.formatted_path, response.text[:300])
        assert isinstance(response.json().get("message"), str)
    case.validate_response(response, checks=[response_schema_conformance])


def _body_schema(document: dict, operation: dict) -> dict:
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    ref = content.get("schema", {}).get("$ref", "")
    return document["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else {}


def _current(client, url: str) -> dict:
    """The object as the API shows it: its own GET, or its row in the list above it."""
    response = client.get(url)
    if response.status_code == 200:
        return response.json()
    listed = client.get(url.rsplit("/", 1)[0] + "?limit=500").json()
    rows = listed["items"] if isinstance(listed, dict) else listed
    return next(row for row in rows if str(row["id"]) == url.rsplit("/", 1)[1])


def test_null_in_every_patch_field_clears_it_or_is_refused_with_the_reason(api_context):
    """All PATCH operations, every field of their bodies set to null one at a time."""
    headers, known = api_context
    client = Client(HTTP_AUTHORIZATION=headers["Authorization"], raise_request_exception=False)
    document, tried = _document(), 0
    for path, item in document["paths"].items():
        if "patch" not in item:
            continue
        url, body_schema = path.format(**known), _body_schema(document, item["patch"])
        for name in body_schema.get("properties", {}):
            # Fields the PATCH always needs (the version read, a member's role) carry their current value.
            needed = [field for field in body_schema.get("required", []) if field != name]
            current = _current(client, url) if needed else {}
            body = {field: current[field] for field in needed}
            body[name] = None
            response = client.patch(url, json.dumps(body), content_type="application/json")
            tried += 1
            assert response.status_code in (200, 400), (url, name, response.status_code, response.content[:300])
            if response.status_code == 400:  # the field itself, or a rule it breaks with another field
                assert response.json()["errors"], (url, name, response.json())
    assert tried > 150  # every PATCH of the API, not a few
