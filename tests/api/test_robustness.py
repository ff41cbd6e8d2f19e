"""Hostile or odd input to the API gets a clear JSON error and changes nothing; never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.actions.factories import ActionFactory, ActionPlanFactory
from tests.analysis.conftest import STRATEGY

from samskapa.actions.models import ActionPlan
from samskapa.analysis.models import Document


@pytest.fixture
def plan(org):
    return ActionPlanFactory(strategy__organisation=org, description="Planen", adopted_by="Fullmäktige")


def test_null_clears_a_field_that_may_be_empty(org, coordinator, api_for, plan):
    body = api_for(coordinator).patch(f"/orgs/{org.slug}/action-plans/{plan.pk}", {"adopted_on": None}).json()
    assert body["adopted_on"] is None
    cleared = api_for(coordinator).patch(f"/orgs/{org.slug}/action-plans/{plan.pk}", {"description": None})
    assert cleared.status_code == 200 and cleared.json()["description"] == ""


def test_null_on_a_required_field_is_refused_by_name_and_changes_nothing(org, coordinator, api_for, plan):
    response = api_for(coordinator).patch(
        f"/orgs/{org.slug}/action-plans/{plan.pk}", {"title": None, "period_start": None, "description": "Ny"}
    )
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"title", "period_start"}
    plan.refresh_from_db()
    assert plan.title and plan.description == "Planen"


def test_null_on_an_actions_lists_and_links_clears_them(org, coordinator, api_for):
    action = ActionFactory(plan__strategy__organisation=org, target_groups=["children"])
    response = api_for(coordinator).patch(
        f"/orgs/{org.slug}/actions/{action.pk}",
        {"version": action.version, "target_groups": None, "goal_ids": None, "funding": None, "lead_id": None},
    )
    assert response.status_code == 400 and [e["field"] for e in response.json()["errors"]] == ["lead_id"]
    response = api_for(coordinator).patch(
        f"/orgs/{org.slug}/actions/{action.pk}", {"version": action.version, "target_groups": None, "goal_ids": None}
    )
    assert response.status_code == 200, response.json()
    assert response.json()["target_groups"] == [] and response.json()["goal_ids"] == []


def test_a_nul_character_in_a_search_is_refused(org, coordinator, api_for, plan):
    response = api_for(coordinator).get(f"/orgs/{org.slug}/action-plans/{plan.pk}/actions?q=a%00b")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "q"


def test_a_nul_character_in_a_text_is_dropped_before_it_is_stored(org, coordinator, api_for, plan):
    response = api_for(coordinator).patch(f"/orgs/{org.slug}/action-plans/{plan.pk}", {"description": "A\x00B"})
    assert response.status_code == 200
    assert ActionPlan.objects.get(pk=plan.pk).description == "AB"


@pytest.mark.parametrize("query", ["limit=" + "9" * 30, "offset=" + str(2**64), "limit=²", "offset=-1"])
def test_paging_beyond_what_a_database_can_count_is_refused(org, coordinator, api_for, query):
    response = api_for(coordinator).get(f"/orgs?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] in ("limit", "offset")


def test_ids_too_large_or_written_with_other_digits_are_not_found(org, coordinator, api_for):
    api = api_for(coordinator)
    assert api.get(f"/orgs/{org.slug}/actions/{2**70}").status_code in (400, 404)
    strategy = ActionPlanFactory(strategy__organisation=org).strategy
    assert api.get(f"/orgs/{org.slug}/strategies/{strategy.pk}/compare?a=²").status_code == 404
    assert api.get(f"/orgs/{org.slug}/strategies/{strategy.pk}/compare?a={'9' * 40}").status_code in (400, 404)


def test_a_number_too_large_for_the_database_in_a_body_is_refused(org, coordinator, api_for, plan):
    action = ActionFactory(plan=plan)
    response = api_for(coordinator).patch(
        f"/orgs/{org.slug}/actions/{action.pk}", {"version": action.version, "focus_area_id": 2**70}
    )
    assert response.status_code in (400, 404) and "message" in response.json()


def _multipart(api, org, body: bytes, content_type: str):
    return api.client.generic(
        "POST",
        f"/api/v1/orgs/{org.slug}/documents",
        body,
        content_type=content_type,
        HTTP_AUTHORIZATION=f"Bearer {api.raw}",
    )


def test_a_multipart_body_without_boundary_gets_400_json(org, coordinator, api_for):
    response = _multipart(api_for(coordinator), org, b"--x\r\n\r\n", "multipart/form-data")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert "upload" in response.json()["message"]
    assert not Document.objects.exists()


def test_a_multipart_part_with_an_oversized_header_gets_400_json(org, coordinator, api_for):
    header = b'Content-Disposition: form-data; name="file"; filename="a.txt"\r\nX-Padding: ' + b"a" * 20_000
    body = b"--bnd\r\n" + header + b"\r\n\r\ntext\r\n--bnd--\r\n"
    response = _multipart(api_for(coordinator), org, body, "multipart/form-data; boundary=bnd")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert not Document.objects.exists()


def test_a_long_non_ascii_file_name_is_shortened_safely(
    org, coordinator, api_for, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    api = api_for(coordinator)
    name = "integrationsstrategi-" + "åäö" * 60 + ".txt"  # about 380 bytes in UTF-8
    with django_capture_on_commit_callbacks(execute=True):
        response = api.client.post(
            f"/api/v1/orgs/{org.slug}/documents",
            {"file": SimpleUploadedFile(name, STRATEGY.encode())},
            HTTP_AUTHORIZATION=f"Bearer {api.raw}",
        )
    assert response.status_code == 201, response.json()
    document = Document.objects.get()
    stored = document.file.name.rsplit("/", 1)[-1]
    assert len(stored.encode()) <= 255 and stored.endswith(".txt") and stored.startswith("integrationsstrategi-")
    assert document.original_filename == name and document.file.storage.exists(document.file.name)


def test_an_unexpected_error_is_answered_in_the_json_error_shape(org, coordinator, settings, monkeypatch):
    from samskapa.accounts.services import token_create
    from samskapa.api import orgs as orgs_api

    def broken(*args, **kwargs):
        raise RuntimeError("a bug with a secret inside")

    monkeypatch.setattr(orgs_api, "org_scope", broken)
    settings.DEBUG = False
    _token, raw = token_create(user=coordinator, name="t")
    response = Client(raise_request_exception=False).get(f"/api/v1/orgs/{org.slug}", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["errors"] == [] and "logged" in body["message"] and "secret" not in response.content.decode()
