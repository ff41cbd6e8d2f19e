"""The REST API: tokens, one JSON error shape, pagination, OpenAPI, health."""

import pytest
from django.core.management import call_command

from samskapa.accounts.models import PersonalAccessToken
from samskapa.accounts.services import token_revoke
from samskapa.orgs.models import Invitation, Organisation, Role


def test_openapi_document_lists_the_org_scoped_routes(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["title"] == "Samskapa API"
    assert "/api/v1/orgs/{org_slug}/members" in document["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_without_a_token_the_api_answers_401_with_a_message(client, db):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert "Bearer" in response.json()["message"]


def test_a_token_authenticates_and_shows_the_memberships(org, coordinator, api_for):
    body = api_for(coordinator).get("/me").json()
    assert body["email"] == coordinator.email
    assert body["memberships"] == [
        {
            "organisation": {
                "slug": "mark",
                "name": "Marks kommun",
                "country": "SE",
                "municipality_code": "1463",
                "default_language": "sv",
                "languages": ["en", "ar"],
            },
            "role": "coordinator",
        }
    ]


def test_revoked_and_unknown_tokens_are_refused(org, coordinator, api_for):
    api = api_for(coordinator)
    token = PersonalAccessToken.objects.get(user=coordinator)
    token_revoke(user=coordinator, token_id=token.pk)
    assert api.get("/me").status_code == 401
    api.raw = "smk_made-up"
    assert api.get("/me").status_code == 401


def test_tokens_are_stored_only_as_hashes(org, coordinator, api_for):
    api = api_for(coordinator)
    stored = PersonalAccessToken.objects.get(user=coordinator)
    assert api.raw not in (stored.token_hash, stored.prefix) and len(stored.token_hash) == 64


def test_token_command_prints_a_working_token(org, coordinator, client, capsys):
    call_command("token", "create", "--email", coordinator.email)
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("smk_")
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200


@pytest.mark.parametrize(
    "payload,field",
    [
        ({"email": "a@example.test", "role": "emperor"}, "role"),
        ({"email": ["not", "a", "string"], "role": "editor"}, "email"),
        ({"role": "editor"}, "email"),
    ],
)
def test_wrong_types_get_400_with_a_message_and_write_nothing(org, admin, api_for, payload, field):
    response = api_for(admin).post(f"/orgs/{org.slug}/invitations", payload)
    assert response.status_code == 400
    body = response.json()
    assert body["message"] == "The input is not valid."
    assert field in {e["field"] for e in body["errors"]}
    assert not Invitation.objects.exists()


def test_invalid_email_is_refused_by_the_service_with_field_errors(org, admin, api_for):
    response = api_for(admin).post(f"/orgs/{org.slug}/invitations", {"email": "no-at-sign", "role": "editor"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "email"
    assert not Invitation.objects.exists()


def test_malformed_json_is_a_400(org, admin, api_for):
    api = api_for(admin)
    response = api.client.post(
        f"/api/v1/orgs/{org.slug}/invitations",
        data="{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.raw}",
    )
    assert response.status_code == 400
    assert "message" in response.json()


def test_municipality_code_must_fit_the_country(org, admin, api_for):
    response = api_for(admin).patch(f"/orgs/{org.slug}", {"municipality_code": "12"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "municipality_code"
    org.refresh_from_db()
    assert org.municipality_code == "1463"


def test_members_are_paginated(org, admin, member_factory, api_for):
    for _ in range(12):
        member_factory(Role.VIEWER)
    page = api_for(admin).get(f"/orgs/{org.slug}/members?limit=5&offset=10").json()
    assert page["count"] == 13 and len(page["items"]) == 3


def test_invitation_created_through_the_api_returns_its_link_once(org, admin, api_for):
    api = api_for(admin)
    created = api.post(f"/orgs/{org.slug}/invitations", {"email": "new@example.test", "role": "partner"})
    assert created.status_code == 201 and "/invite/" in created.json()["link"]
    listed = api.get(f"/orgs/{org.slug}/invitations").json()["items"]
    assert listed[0]["email"] == "new@example.test" and "link" not in listed[0]


def test_only_platform_staff_create_organisations(org, admin, api_for):
    response = api_for(admin).post("/orgs", {"name": "Ny kommun", "slug": "ny", "municipality_code": "0180"})
    assert response.status_code == 403
    assert not Organisation.objects.filter(slug="ny").exists()


def test_staff_create_an_organisation_and_become_its_admin(db, api_for):
    from tests.factories import UserFactory

    staff = UserFactory(is_staff=True)
    response = api_for(staff).post(
        "/orgs",
        {
            "name": "Helsingin kaupunki",
            "slug": "helsinki",
            "country": "FI",
            "municipality_code": "091",
            "default_language": "fi",
            "languages": ["sv", "en"],
        },
    )
    assert response.status_code == 201
    assert staff.memberships.get(organisation__slug="helsinki").role == Role.ADMIN


def test_healthz_answers_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["database"] is True


def test_history_records_the_api_user(org, admin, api_for):
    api_for(admin).patch(f"/orgs/{org.slug}", {"name": "Marks kommun (ny)"})
    assert org.history.latest().history_user == admin


def test_openapi_gives_every_schema_and_enum_its_own_name(client, db):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    invitation_role = schemas["InvitationIn"]["properties"]["role"]["$ref"].rsplit("/", 1)[-1]
    assert schemas[invitation_role]["enum"] == [r.value for r in Role]
    seat_roles = {n: s["enum"] for n, s in schemas.items() if s.get("enum") == ["chair", "secretary", "member"]}
    assert seat_roles and invitation_role not in seat_roles
    assert {"OrgsMemberOut", "CocreationMemberOut", "OrgsJobOut", "IndicatorsJobOut"} <= set(schemas)
    assert "OrganisationOut" in schemas and "Status" not in schemas and "Role" not in schemas


def test_the_openapi_document_is_the_same_on_every_request(client, db):
    assert client.get("/api/v1/openapi.json").json() == client.get("/api/v1/openapi.json").json()
