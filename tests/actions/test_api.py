"""The action plan through the API: the same rules as the pages, 409 for a stale version."""

import io

from django.test import Client
from openpyxl import load_workbook
from tests.actions.factories import COMPLETE_ASSESSMENT

from samskapa.actions.models import Action, ProgressUpdate
from samskapa.core.tabular import csv_bytes
from samskapa.orgs.models import Role


def _plan(api, org, strategy):
    created = api.post(
        f"/orgs/{org.slug}/action-plans",
        {
            "strategy_id": strategy.pk,
            "title": "Handlingsplan 2025–2026",
            "period_start": "2025-01-01",
            "period_end": "2026-12-31",
        },
    )
    assert created.status_code == 201, created.json()
    return created.json()["id"]


def test_api_builds_a_plan_with_an_action_reports_progress_and_assesses_children(
    org, coordinator, api_for, strategy, area, goal, school, red_cross
):
    api = api_for(coordinator)
    plan_id = _plan(api, org, strategy)
    created = api.post(
        f"/orgs/{org.slug}/action-plans/{plan_id}/actions",
        {
            "title": "Läxhjälp",
            "focus_area_id": area.pk,
            "lead_id": school.pk,
            "partner_ids": [red_cross.pk],
            "goal_ids": [goal.pk],
            "budget": "25000.00",
            "funding": "municipal",
            "target_groups": ["children"],
            "start": "2025-02-01",
            "end": "2025-12-31",
        },
    )
    assert created.status_code == 201, created.json()
    action = created.json()
    assert action["affects_children"] and action["budget"] == "25000.00" and action["currency"] == "SEK"
    assert action["partners"] == [{"id": red_cross.pk, "name": "Röda Korset", "commitment": ""}]
    url = f"/orgs/{org.slug}/actions/{action['id']}"
    refused = api.post(f"{url}/progress", {"text": "Vi börjar", "status": "ongoing", "version": action["version"]})
    assert refused.status_code == 400 and "child impact assessment" in refused.json()["errors"][0]["message"]
    assessed = api.put(f"{url}/assessment", {**COMPLETE_ASSESSMENT, "assessed_on": "2025-02-01", "complete": True})
    assert assessed.status_code == 200 and assessed.json()["state"] == "completed", assessed.json()
    posted = api.post(
        f"{url}/progress", {"text": "Vi börjar", "status": "ongoing", "percent_complete": 10, "version": 1}
    )
    assert posted.status_code == 201, posted.json()
    detail = api.get(url).json()
    assert (detail["status"], detail["percent_complete"], detail["assessment"]) == ("ongoing", 10, "completed")
    assert [p["text"] for p in api.get(f"{url}/progress").json()["items"]] == ["Vi börjar"]
    history = api.get(f"{url}/history").json()["items"]
    assert any(h["summary"] == "Status: Planned → Ongoing" for h in history)
    commitment = api.put(f"{url}/partners/{red_cross.pk}", {"commitment": "Två volontärer i veckan"})
    assert commitment.json()["commitment"] == "Två volontärer i veckan"
    overview = api.get(f"/orgs/{org.slug}/action-plans/{plan_id}/overview").json()["items"]
    assert overview[0]["counts"]["ongoing"] == 1 and overview[0]["budgets"] == {"SEK": "25000.00"}


def test_api_patch_with_an_old_version_answers_409_and_changes_nothing(org, coordinator, api_for, new_action):
    action = new_action()
    api = api_for(coordinator)
    url = f"/orgs/{org.slug}/actions/{action.pk}"
    assert api.patch(url, {"version": 1, "title": "Första"}).status_code == 200
    stale = api.patch(url, {"version": 1, "title": "Andra"})
    assert stale.status_code == 409
    assert "after you opened it" in stale.json()["message"] and stale.json()["current_version"] == 2
    assert Action.objects.get(pk=action.pk).title == "Första"
    assert api.patch(url, {"title": "Utan version"}).status_code == 400


def test_api_filters_the_plan(org, coordinator, api_for, new_action):
    new_action(title="Språkcafé", funding="amif")
    action = new_action(title="Läxhjälp", status="delayed", status_reason="Ingen lokal")
    api = api_for(coordinator)
    base = f"/orgs/{org.slug}/action-plans/{action.plan_id}/actions"
    assert [a["title"] for a in api.get(f"{base}?status=delayed").json()["items"]] == ["Läxhjälp"]
    assert [a["title"] for a in api.get(f"{base}?funding=amif").json()["items"]] == ["Språkcafé"]
    assert api.get(f"{base}?status=sleeping").status_code == 400


def test_api_refuses_wrong_types_and_foreign_ids_with_400_and_writes_nothing(
    org, other_org, coordinator, api_for, plan, area, school
):
    from tests.actors.factories import ActorFactory

    api = api_for(coordinator)
    base = f"/orgs/{org.slug}/action-plans/{plan.pk}/actions"
    stranger = ActorFactory(organisation=other_org, name="Främmande")
    cases = [
        {"title": "X", "focus_area_id": area.pk, "lead_id": school.pk, "budget": "mycket"},
        {"title": "X", "focus_area_id": area.pk, "lead_id": school.pk, "percent_complete": 150},
        {"title": "X", "focus_area_id": area.pk, "lead_id": stranger.pk},
        {"title": "X", "focus_area_id": area.pk, "lead_id": school.pk, "target_groups": ["aliens"]},
        {"title": "X", "focus_area_id": "tre", "lead_id": school.pk},
    ]
    for payload in cases:
        answer = api.post(base, payload)
        assert answer.status_code == 400, (payload, answer.json())
        assert answer.json()["message"]
    assert not Action.objects.exists()


def test_partners_report_progress_through_the_api_only_on_their_actions(org, api_for, new_action, member_factory):
    partner = member_factory(Role.PARTNER)
    mine, other = new_action(responsible_ids=[partner.pk]), new_action(title="Annan")
    api = api_for(partner)
    assert api.post(f"/orgs/{org.slug}/actions/{mine.pk}/progress", {"text": "Klart för i år"}).status_code == 201
    assert api.post(f"/orgs/{org.slug}/actions/{other.pk}/progress", {"text": "Hej"}).status_code == 403
    assert api.patch(f"/orgs/{org.slug}/actions/{mine.pk}", {"version": 1, "title": "Ny"}).status_code == 403
    assert [a["id"] for a in api.get(f"/orgs/{org.slug}/my-actions").json()["items"]] == [mine.pk]
    assert ProgressUpdate.objects.count() == 1


def _upload(user, url, content, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samskapa.accounts.services import token_create

    _token, raw = token_create(user=user, name="upload")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    return client.post(url, {"file": SimpleUploadedFile(name, content)}, HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_api_imports_all_rows_or_none_and_exports_xlsx_and_csv(org, coordinator, api_for, plan, area, school):
    url = f"/api/v1/orgs/{org.slug}/action-plans/{plan.pk}/import"
    bad = csv_bytes(["Title", "Focus area", "Lead"], [["A", "Utbildning", school.name], ["B", "Okänt", school.name]])
    answer = _upload(coordinator, url, bad, "plan.csv")
    assert answer.status_code == 400
    assert answer.json()["errors"] == [
        {"line": 3, "column": "Focus area", "message": "The strategy has no focus area “Okänt”."}
    ]
    good = csv_bytes(
        ["Title", "Focus area", "Lead"], [["A", "Utbildning", school.name], ["B", "Utbildning", school.name]]
    )
    answer = _upload(coordinator, url, good, "plan.csv")
    assert answer.status_code == 200 and answer.json()["created"] == 2
    api = api_for(coordinator)
    xlsx = api.get(f"/orgs/{org.slug}/action-plans/{plan.pk}/export?format=xlsx&language=fi")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx.getvalue())).worksheets[0]
    assert sheet["B1"].value == "Otsikko" and sheet["B3"].value == "B"
    csv = api.get(f"/orgs/{org.slug}/action-plans/{plan.pk}/export?format=csv")
    assert csv.getvalue().decode("utf-8-sig").splitlines()[0].startswith("No.,Title,Description")
    assert api.get(f"/orgs/{org.slug}/action-plans/{plan.pk}/export?format=pdf").status_code == 400


def test_api_says_which_actions_are_overdue_as_the_pages_do(org, coordinator, api_for, new_action):
    from datetime import date, timedelta

    today = date.today()
    new_action(title="Sommarläger", start=today - timedelta(days=400), end=today - timedelta(days=30))
    new_action(title="Klart läger", start=today - timedelta(days=400), end=today - timedelta(days=30), status="done")
    action = new_action(title="Läxhjälp", start=today, end=today + timedelta(days=300))
    api = api_for(coordinator)
    rows = api.get(f"/orgs/{org.slug}/action-plans/{action.plan_id}/actions").json()["items"]
    assert {a["title"]: (a["status"], a["overdue"]) for a in rows} == {
        "Sommarläger": ("planned", True),
        "Klart läger": ("done", False),
        "Läxhjälp": ("planned", False),
    }
    one = api.get(f"/orgs/{org.slug}/actions/{rows[0]['id']}").json()
    assert one["overdue"] == (rows[0]["title"] == "Sommarläger")
