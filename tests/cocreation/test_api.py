"""The co-creation and registry API under /api/v1/: the same services as the pages, the same refusals."""

import csv
import io

from tests.actors.factories import ActorFactory
from tests.cocreation.factories import ConsultationFactory, PersonFactory

from samskapa.cocreation.models import Input, Person
from samskapa.orgs.models import Role


def test_a_script_maps_actors_relations_and_the_engagement_plan(org, coordinator, api_for):
    api = api_for(coordinator)
    base = f"/orgs/{org.slug}"
    school = api.post(f"{base}/actors", {"name": "Skolan", "kind": "department", "influence": 5, "interest": 4}).json()
    ngo = api.post(f"{base}/actors", {"name": "Röda Korset", "kind": "ngo", "engagement_level": "collaborate"}).json()
    assert school["quadrant"] == "Manage closely"
    relation = api.post(f"{base}/actor-relations", {"source_id": school["id"], "target_id": ngo["id"]})
    assert relation.status_code == 201
    line = api.post(
        f"{base}/engagement-plan", {"actor_id": ngo["id"], "method": "Fokusgrupp", "starts_on": "2025-02-01"}
    )
    assert line.status_code == 201 and line.json()["level"] == "collaborate"
    network = api.get(f"{base}/actor-network").json()
    assert len(network["nodes"]) == 2 and network["edges"][0]["weight"] == 1
    assert [a["name"] for a in api.get(f"{base}/actors?kind=ngo").json()["items"]] == ["Röda Korset"]
    refused = api.post(f"{base}/actors", {"name": "X", "kind": "ngo", "influence": 9})
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "influence"


def test_a_script_records_a_consultation_its_counts_inputs_and_a_finding_traced_to_a_goal(
    org, coordinator, api_for, strategy_area
):
    area, goal = strategy_area
    api = api_for(coordinator)
    base = f"/orgs/{org.slug}"
    consultation = api.post(
        f"{base}/consultations",
        {
            "title": "Fokusgrupp",
            "kind": "focus_group",
            "status": "held",
            "held_on": "2025-03-01",
            "languages": ["ar", "sv"],
        },
    ).json()
    counted = api._call(
        "put", f"{base}/consultations/{consultation['id']}/participation", {"counts": {"women": 8, "newcomers": 8}}
    )
    assert {p["group"]: p["count"] for p in counted.json()["participation"]} == {"women": 8, "newcomers": 8}
    item = api.post(
        f"{base}/consultations/{consultation['id']}/inputs",
        {"text": "Vi behöver ett jobb och en praktikplats.", "group": "women", "focus_area_ids": [area.pk]},
    ).json()
    assert "EMP" in item["suggested_codes"] and not item["codes_confirmed"]
    confirmed = api.post(f"{base}/inputs/{item['id']}/confirm", {}).json()
    assert confirmed["codes_confirmed"] and confirmed["framework_codes"] == item["suggested_codes"]
    finding = api.post(
        f"{base}/findings", {"statement": "Kvinnor behöver väg till arbete", "input_ids": [item["id"]]}
    ).json()
    assert api.post(f"{base}/findings/{finding['id']}/decisions", {"goal_id": goal.pk}).status_code == 201
    board = api.get(f"{base}/you-said-we-did").json()
    assert [f["id"] for f in board["decided"]] == [finding["id"]] and board["open"] == []
    overview = api.get(f"{base}/participation").json()
    women = next(g for g in overview["groups"] if g["group"] == "women")
    assert women["participants"] == 8 and women["status"] == "unplanned"
    planned = api._call(
        "put", f"{base}/participation-targets", {"group": "women", "participants": 20, "consultations": 2}
    ).json()
    assert next(g for g in planned["groups"] if g["group"] == "women")["status"] == "behind"


def test_a_script_builds_opens_and_exports_a_survey_with_one_column_per_question(org, coordinator, api_for):
    api = api_for(coordinator)
    base = f"/orgs/{org.slug}"
    survey = api.post(f"{base}/surveys", {"title": "Enkät", "languages": ["sv"]}).json()
    api.post(
        f"{base}/surveys/{survey['id']}/questions",
        {"kind": "multiple", "text": "Vad vill du göra?", "choices": ["Idrott", "Kultur"]},
    )
    api.post(f"{base}/surveys/{survey['id']}/questions", {"kind": "text", "text": "Något mer?"})
    opened = api.post(f"{base}/surveys/{survey['id']}/status", {"status": "open"}).json()
    assert opened["status"] == "open" and opened["public_path"].startswith("/s/")
    from django.test import Client

    questions = opened["questions"]
    Client(REMOTE_ADDR="192.0.2.1").post(
        opened["public_path"] + "sv/",
        {f"q{questions[0]['id']}": [str(c["id"]) for c in questions[0]["choices"]], f"q{questions[1]['id']}": "Tack"},
    )
    rows = list(
        csv.reader(io.StringIO(api.get(f"{base}/surveys/{survey['id']}/answers.csv").getvalue().decode("utf-8-sig")))
    )
    assert rows[0][4:] == ["1. Vad vill du göra?", "2. Något mer?"] and rows[1][4:] == ["Idrott; Kultur", "Tack"]
    results = api.get(f"{base}/surveys/{survey['id']}/results").json()
    assert results["responses"] == 1 and results["questions"][0]["counts"][0] == {
        "label": "Idrott",
        "count": 1,
        "percent": 100,
    }


def test_the_api_refuses_another_organisations_ids_in_bodies(org, other_org, coordinator, api_for):
    foreign_actor = ActorFactory(organisation=other_org)
    own = ActorFactory(organisation=org)
    api = api_for(coordinator)
    response = api.post(f"/orgs/{org.slug}/actor-relations", {"source_id": own.pk, "target_id": foreign_actor.pk})
    assert response.status_code == 400
    consultation = ConsultationFactory(organisation=org)
    response = api.post(
        f"/orgs/{org.slug}/consultations/{consultation.pk}/inputs",
        {"text": "Hej", "person_id": PersonFactory(organisation=other_org).pk},
    )
    assert response.status_code == 400 and not Input.objects.exists()


def test_people_and_erasure_through_the_api_need_the_personal_data_role(org, coordinator, member_factory, api_for):
    editor = api_for(member_factory(Role.EDITOR))
    assert editor.get(f"/orgs/{org.slug}/people").status_code == 403
    api = api_for(coordinator)
    person = api.post(
        f"/orgs/{org.slug}/people",
        {
            "full_name": "Amira",
            "email": "amira@example.test",
            "consent": {"purpose": "contact", "given_on": "2025-01-01"},
        },
    ).json()
    assert person["consents"][0]["purpose"] == "contact"
    assert api.get(f"/orgs/{org.slug}/people/{person['id']}/export").json()["person"]["email"] == "amira@example.test"
    erased = api.post(f"/orgs/{org.slug}/people/{person['id']}/erase").json()
    assert erased == {"erased": True, "still_mentioned": []} and not Person.objects.exists()


def test_committee_members_write_minutes_and_decisions_through_the_api(
    org, coordinator, member_factory, api_for, strategy_area
):
    area, _goal = strategy_area
    api = api_for(coordinator)
    board = api.post(f"/orgs/{org.slug}/committees", {"name": "Kommittén"}).json()
    meeting = api.post(
        f"/orgs/{org.slug}/committees/{board['id']}/meetings", {"held_on": "2025-01-21", "status": "held"}
    ).json()
    member = api_for(member_factory(Role.COMMITTEE))
    assert (
        member.patch(f"/orgs/{org.slug}/meetings/{meeting['id']}", {"minutes": "Protokoll"}).json()["minutes"]
        == "Protokoll"
    )
    decision = member.post(
        f"/orgs/{org.slug}/meetings/{meeting['id']}/decisions", {"text": "Barn hörs först", "focus_area_id": area.pk}
    )
    assert decision.status_code == 201
    assert member.patch(f"/orgs/{org.slug}/meetings/{meeting['id']}", {"title": "Nytt"}).status_code == 403


def test_a_script_stores_a_staff_translation_and_a_head_count(org, coordinator, api_for):
    from tests.cocreation.factories import ConsultationFactory, InputFactory

    consultation = ConsultationFactory(organisation=org)
    item = InputFactory(consultation=consultation, text="أريد دروسًا مسائية", language="ar")
    api = api_for(coordinator)
    changed = api.patch(
        f"/orgs/{org.slug}/inputs/{item.pk}", {"translation": "Jag vill ha kvällskurser", "translation_language": "sv"}
    )
    assert changed.status_code == 200 and changed.json()["translation"] == "Jag vill ha kvällskurser"
    assert changed.json()["text"] == "أريد دروسًا مسائية"
    counted = api.client.put(
        f"/api/v1/orgs/{org.slug}/consultations/{consultation.pk}/participation",
        data={"counts": {"newcomers": 1, "women": 1}, "people": 1},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api.raw}",
    )
    assert counted.status_code == 200 and counted.json()["people"] == 1
