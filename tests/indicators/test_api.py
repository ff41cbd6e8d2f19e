"""The indicators API under /api/v1/, as a script of the municipality would use it."""

from decimal import Decimal

import pytest
from tests.factories import FocusAreaFactory, GoalFactory
from tests.indicators.factories import IndicatorFactory, KoladaIndicatorFactory, series

from samskapa.indicators.models import Indicator, Observation
from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db


def test_create_an_indicator_with_goals_and_read_it_back(org, coordinator, api_for):
    goal = GoalFactory(focus_area=FocusAreaFactory(strategy__organisation=org, organisation=org), organisation=org)
    api = api_for(coordinator)
    response = api.post(
        f"/orgs/{org.slug}/indicators",
        {
            "title": "Sysselsättningsgrad, utrikes födda",
            "direction": "higher",
            "unit": "%",
            "source": "kolada",
            "source_config": {"kpi": "n02268"},
            "reference_areas": ["1490"],
            "breakdowns": ["sex"],
            "baseline_year": 2022,
            "baseline_value": "58.1",
            "target_year": 2030,
            "target_value": "70",
            "goal_ids": [goal.pk],
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (
        body["source_config"] == {"kpi": "N02268"} and body["home_area"] == "1463" and body["national_area"] == "0000"
    )
    assert body["goal_ids"] == [goal.pk]
    listed = api.get(f"/orgs/{org.slug}/indicators").json()["items"]
    assert listed[0]["status"] == "unknown" and listed[0]["latest_value"] is None


def test_a_bad_source_config_is_refused_with_the_field_and_nothing_is_created(org, coordinator, api_for):
    response = api_for(coordinator).post(
        f"/orgs/{org.slug}/indicators",
        {"title": "X", "direction": "higher", "source": "kolada", "source_config": {"kpi": "DROP TABLE"}},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "source_config"
    assert not Indicator.objects.exists()


def test_another_organisations_goal_cannot_be_linked(org, other_org, coordinator, api_for):
    foreign = GoalFactory(
        focus_area=FocusAreaFactory(strategy__organisation=other_org, organisation=other_org), organisation=other_org
    )
    response = api_for(coordinator).post(
        f"/orgs/{org.slug}/indicators", {"title": "X", "direction": "higher", "goal_ids": [foreign.pk]}
    )
    assert response.status_code == 400 and "your organisation" in response.json()["message"]
    assert not Indicator.objects.exists()


def test_record_list_and_delete_observations(org, coordinator, api_for):
    indicator = IndicatorFactory(organisation=org)
    api = api_for(coordinator)
    created = api.post(
        f"/orgs/{org.slug}/indicators/{indicator.pk}/observations",
        {"period": "2024Q2", "value": "12.5", "sex": "women"},
    )
    assert created.status_code == 201
    assert created.json()["period"] == "2024Q2" and created.json()["period_end"] == "2024-06-30"
    again = api.post(
        f"/orgs/{org.slug}/indicators/{indicator.pk}/observations", {"period": "2024Q2", "value": "13", "sex": "women"}
    )
    assert again.json()["id"] == created.json()["id"]  # the same cell, corrected
    listed = api.get(f"/orgs/{org.slug}/indicators/{indicator.pk}/observations").json()["items"]
    assert [o["value"] for o in listed] == ["13.000000"]
    assert api.delete(f"/orgs/{org.slug}/observations/{created.json()['id']}").status_code == 204
    assert not Observation.objects.exists()


def test_observations_page_with_offset_and_limit_and_filter_by_area(org, coordinator, api_for):
    indicator = KoladaIndicatorFactory(organisation=org, home_area="1463", reference_areas=["1490"])
    series(indicator, {year: year - 2000 for year in range(2010, 2025)})
    series(indicator, {2024: 1.0}, area="1490")
    api = api_for(coordinator)
    page = api.get(f"/orgs/{org.slug}/indicators/{indicator.pk}/observations?area=1463&offset=10&limit=3").json()
    assert [o["period"] for o in page["items"]] == ["2020", "2021", "2022"]
    assert api.get(f"/orgs/{org.slug}/indicators/{indicator.pk}/observations?limit=0").status_code == 400


def test_comparison_gives_latest_values_and_the_rank_among_all_municipalities(org, coordinator, api_for):
    indicator = KoladaIndicatorFactory(organisation=org, home_area="1463", all_areas=True, reference_areas=["1490"])
    series(indicator, {2024: 50.0})
    series(indicator, {2024: 55.0}, area="1490")
    series(indicator, {2024: 45.0}, area="1481")
    series(indicator, {2024: 60.0}, area="0014")  # a region: not ranked among municipalities
    series(indicator, {2024: 52.0}, area="0000")
    rows = api_for(coordinator).get(f"/orgs/{org.slug}/indicators/{indicator.pk}/comparison").json()["items"]
    home = rows[0]
    assert home["area_code"] == "1463" and home["rank"] == 2 and home["ranked_among"] == 3
    assert [r["name"] for r in rows] == ["Marks kommun", "Borås", "Riket"]


def test_sync_returns_a_job_to_follow(org, coordinator, api_for):
    indicator = KoladaIndicatorFactory(organisation=org)
    response = api_for(coordinator).post(f"/orgs/{org.slug}/indicators/{indicator.pk}/sync")
    assert response.status_code == 202 and response.json()["url"].endswith(f"/jobs/{response.json()['id']}")


def test_sync_of_an_indicator_entered_by_hand_is_refused(org, coordinator, api_for):
    indicator = IndicatorFactory(organisation=org)
    response = api_for(coordinator).post(f"/orgs/{org.slug}/indicators/{indicator.pk}/sync")
    assert response.status_code == 400 and "no online source" in response.json()["message"]


def test_viewers_read_but_cannot_write_and_editors_only_enter_values(org, member_factory, api_for):
    indicator = IndicatorFactory(organisation=org)
    viewer, editor = api_for(member_factory(Role.VIEWER)), api_for(member_factory(Role.EDITOR))
    assert viewer.get(f"/orgs/{org.slug}/indicators/{indicator.pk}").status_code == 200
    assert (
        viewer.post(
            f"/orgs/{org.slug}/indicators/{indicator.pk}/observations", {"period": "2024", "value": 1}
        ).status_code
        == 403
    )
    assert editor.patch(f"/orgs/{org.slug}/indicators/{indicator.pk}", {"title": "Nytt"}).status_code == 403
    assert (
        editor.post(
            f"/orgs/{org.slug}/indicators/{indicator.pk}/observations", {"period": "2024", "value": 1}
        ).status_code
        == 201
    )
    assert editor.get(f"/orgs/{org.slug}/indicator-reminders").status_code == 403


def test_patch_changes_target_and_keeps_history(org, coordinator, api_for):
    indicator = IndicatorFactory(organisation=org, baseline_year=2022, baseline_value=Decimal("10"))
    response = api_for(coordinator).patch(
        f"/orgs/{org.slug}/indicators/{indicator.pk}", {"target_year": 2028, "target_value": "20"}
    )
    assert response.status_code == 200 and response.json()["target_value"] == "20.000000"
    assert indicator.history.count() == 2


def test_a_target_without_its_year_is_refused(org, coordinator, api_for):
    indicator = IndicatorFactory(organisation=org)
    response = api_for(coordinator).patch(f"/orgs/{org.slug}/indicators/{indicator.pk}", {"target_value": "20"})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "target_value"


def test_kolada_catalogue_search_through_the_api(org, coordinator, api_for, stub):
    stub.route("GET", r"/v3/kpi$", "kolada/kpi_search_page2.json")
    found = api_for(coordinator).get(f"/orgs/{org.slug}/catalogue/kolada?q=mottagna").json()["items"]
    assert found == [
        {
            "id": "N01987",
            "title": "Kommunmottagna i flyktingmottagandet efter anvisning med uppehållstillstånd, antal",
            "description": "Antal personer som tagits emot i kommunen efter anvisning. Källa: Migrationsverket.",
            "is_divided_by_gender": False,
            "municipality_type": "K",
            "publication_date": "2026-03-17",
            "publ_period": "2026",
            "unit": "antal",
        }
    ]


def test_a_failing_catalogue_answers_502_with_a_message(org, coordinator, api_for, stub):
    stub.route("GET", r"/v3/kpi", ("status", 500, {}))
    response = api_for(coordinator).get(f"/orgs/{org.slug}/catalogue/kolada?q=sfi")
    assert response.status_code == 502 and "Kolada" in response.json()["message"]


def test_follow_up_reports_are_started_and_listed_through_the_api(org, other_org, coordinator, api_for):
    from tests.factories import StrategyFactory

    strategy = StrategyFactory(organisation=org, language="en")
    api = api_for(coordinator)
    started = api.post(f"/orgs/{org.slug}/follow-up-reports", {"strategy_id": strategy.pk, "year": 2025})
    assert started.status_code == 202 and started.json()["title"].startswith("Follow-up 2025")
    assert api.get(f"/orgs/{org.slug}/follow-up-reports").json()["items"][0]["id"] == started.json()["id"]
    foreign = StrategyFactory(organisation=other_org)
    assert api.post(f"/orgs/{org.slug}/follow-up-reports", {"strategy_id": foreign.pk, "year": 2025}).status_code == 404
