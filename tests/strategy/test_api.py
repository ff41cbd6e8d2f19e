"""The strategy through the API: same rules as the pages."""

from samskapa.orgs.models import Role
from samskapa.strategy.models import FocusArea, Strategy


def test_api_writes_a_strategy_adopts_revises_and_compares(org, coordinator, api_for):
    api = api_for(coordinator)
    created = api.post(f"/orgs/{org.slug}/strategies", {"title": "API-strategi", "period_start": 2025})
    assert created.status_code == 201, created.json()
    sid = created.json()["id"]
    assert len(created.json()["foundations"]) == 4
    area = api.post(
        f"/orgs/{org.slug}/strategies/{sid}/focus-areas",
        {"title": "Utbildning", "we_will": ["Erbjuda SFI"], "framework_codes": ["EDU", "CHI"]},
    )
    assert area.status_code == 201, area.json()
    goal = api.post(f"/orgs/{org.slug}/focus-areas/{area.json()['id']}/goals", {"text": "Fler klarar skolan"})
    assert goal.status_code == 201
    adopted = api.post(
        f"/orgs/{org.slug}/strategies/{sid}/adopt", {"adopted_by": "Kommunfullmäktige", "adopted_on": "2026-06-01"}
    )
    assert adopted.status_code == 201 and adopted.json()["number"] == 1
    assert api.patch(f"/orgs/{org.slug}/focus-areas/{area.json()['id']}", {"title": "Skola"}).status_code == 409
    assert api.post(f"/orgs/{org.slug}/strategies/{sid}/revise").json()["status"] == "revision"
    assert api.patch(f"/orgs/{org.slug}/focus-areas/{area.json()['id']}", {"title": "Skola"}).status_code == 200
    diff = api.get(f"/orgs/{org.slug}/strategies/{sid}/compare?a=1&b=current").json()
    assert diff["changes"]["focus_areas"][0]["kind"] == "changed"
    assert [v["number"] for v in api.get(f"/orgs/{org.slug}/strategies/{sid}/versions").json()["items"]] == [1]
    detail = api.get(f"/orgs/{org.slug}/strategies/{sid}").json()
    assert detail["focus_areas"][0]["goals"][0]["text"] == "Fler klarar skolan"


def test_api_wrong_types_answer_400_and_write_nothing(org, coordinator, api_for, strategy):
    api = api_for(coordinator)
    bad = api.post(f"/orgs/{org.slug}/strategies", {"title": "X", "period_start": "förra året"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "period_start"
    bad = api.post(f"/orgs/{org.slug}/strategies/{strategy.pk}/focus-areas", {"title": "Y", "we_want": "inte en lista"})
    assert bad.status_code == 400
    bad = api.post(f"/orgs/{org.slug}/strategies/{strategy.pk}/focus-areas", {"title": "Y", "framework_codes": ["XYZ"]})
    assert bad.status_code == 400
    bad = api.post(f"/orgs/{org.slug}/strategies/{strategy.pk}/adopt", {"adopted_by": "KF", "adopted_on": "igår"})
    assert bad.status_code == 400
    assert Strategy.objects.filter(organisation=org).count() == 1
    assert not FocusArea.objects.exists()
    strategy.refresh_from_db()
    assert strategy.status == Strategy.Status.DRAFT


def test_api_refuses_editors_with_403_and_changes_nothing(org, member_factory, api_for, strategy):
    api = api_for(member_factory(Role.EDITOR))
    assert api.get(f"/orgs/{org.slug}/strategies/{strategy.pk}").status_code == 200
    assert api.patch(f"/orgs/{org.slug}/strategies/{strategy.pk}", {"title": "Kapat"}).status_code == 403
    strategy.refresh_from_db()
    assert strategy.title == "Integrationsstrategi"


def test_api_hides_another_organisations_strategy(org, other_org, coordinator, api_for):
    from tests.factories import StrategyFactory

    foreign = StrategyFactory(organisation=other_org)
    api = api_for(coordinator)
    assert api.get(f"/orgs/{org.slug}/strategies/{foreign.pk}").status_code == 404
    assert api.get(f"/orgs/{other_org.slug}/strategies/{foreign.pk}").status_code == 404
