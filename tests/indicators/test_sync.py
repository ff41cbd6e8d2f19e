"""Fetching indicators from a stand-in API on loopback: pages, rate limits, timeouts, broken
answers and server errors, and that a failure never loses a value already stored."""

import gc
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from tests.indicators.factories import IndicatorFactory, KoladaIndicatorFactory, series

from samskapa.indicators.models import Area, Observation, Source, SyncStatus
from samskapa.indicators.sync import indicator_sync, organisation_sync

pytestmark = pytest.mark.django_db


def kolada_page(items, next_url=None):
    return lambda handler: (200, {}, json.dumps({"values": items, "next_url": next_url}).encode())


def item(area, year, value, gender="T"):
    return {"kpi": "N00973", "municipality": area, "period": year, "values": [{"gender": gender, "value": value}]}


@pytest.fixture
def indicator(org):
    return KoladaIndicatorFactory(
        organisation=org, home_area="1463", reference_areas=["1490"], source_config={"kpi": "N00973", "since": 2022}
    )


def test_sync_stores_every_page_with_its_source_and_fetch_time(stub, indicator):
    indicator.reference_areas = ["1490", "0014"]
    stub.route("GET", r"/v3/data/", kolada_page([item("1463", 2023, 44.8)], f"{stub.url}/v3/data/page2"))
    stub.route("GET", r"/v3/data/page2", kolada_page([item("1463", 2024, 47.9), item("1490", 2024, 49.3)]))
    stub.route("GET", r"/v3/municipality", "kolada/municipality.json")
    result = indicator_sync(indicator=indicator)
    assert result.ok and result.written == 3
    stored = {(o.area_code, o.period_start.year): o for o in Observation.objects.filter(indicator=indicator)}
    assert stored[("1463", 2024)].value == Decimal("47.9") and stored[("1463", 2024)].source == Source.KOLADA
    assert stored[("1463", 2024)].fetched_at == indicator.last_fetched_at
    indicator.refresh_from_db()
    assert indicator.sync_status == SyncStatus.OK and indicator.last_error == ""
    assert Area.objects.get(scheme="kolada", code="0014").name == "Västra Götalandsregionen"
    assert "/municipality/1463,1490,0014,0000/year/2022," in stub.requests[0][1]


def test_a_rate_limit_answer_is_waited_out_and_the_fetch_succeeds(stub, indicator, settings):
    stub.route("GET", r"/v3/data/", ("status", 429, {"Retry-After": "0"}), kolada_page([item("1463", 2024, 47.9)]))
    assert indicator_sync(indicator=indicator).ok
    assert stub.count(r"/v3/data/") == 2


def test_server_errors_then_success_are_retried(stub, indicator):
    stub.route("GET", r"/v3/data/", ("status", 500, {}), ("status", 503, {}), kolada_page([item("1463", 2024, 1.5)]))
    assert indicator_sync(indicator=indicator).ok
    assert Observation.objects.get(indicator=indicator).value == Decimal("1.5")


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (("status", 500, {}), "had a problem of its own"),
        (("slow", 1.2), "did not answer in time"),
        (("bytes", b'{"values": [tru'), "not JSON"),
        (("status", 429, {"Retry-After": "0"}), "slow down"),
    ],
)
def test_a_failing_source_keeps_the_values_already_stored_and_records_the_error(stub, indicator, failure, message):
    kept = series(indicator, {2022: 41.2, 2023: 44.8}, source="kolada")
    stub.route("GET", r"/v3/data/", failure)
    result = indicator_sync(indicator=indicator)
    assert not result.ok and message in result.error
    assert sorted(Observation.objects.filter(indicator=indicator).values_list("pk", flat=True)) == sorted(
        o.pk for o in kept
    )
    indicator.refresh_from_db()
    assert indicator.sync_status == SyncStatus.FAILED and message in indicator.last_error
    assert indicator.last_error_at is not None


def test_a_failure_on_the_second_page_stores_nothing_of_the_first(stub, indicator):
    stub.route("GET", r"/v3/data/", kolada_page([item("1463", 2024, 47.9)], f"{stub.url}/v3/data/page2"))
    stub.route("GET", r"/v3/data/page2", ("status", 500, {}))
    collector = gc.get_threshold()
    assert not indicator_sync(indicator=indicator).ok
    assert not Observation.objects.filter(indicator=indicator).exists()
    assert gc.get_threshold() == collector  # the import's rarer cycle collection ends with it


def test_a_revised_value_keeps_the_one_it_replaced(stub, indicator):
    stub.route("GET", r"/v3/municipality", "kolada/municipality.json")
    stub.route("GET", r"/v3/data/", kolada_page([item("1463", 2024, 47.9)]), kolada_page([item("1463", 2024, 48.3)]))
    indicator_sync(indicator=indicator)
    result = indicator_sync(indicator=indicator)
    observation = Observation.objects.get(indicator=indicator)
    assert (observation.value, observation.previous_value) == (Decimal("48.3"), Decimal("47.9"))
    assert observation.revised_at == observation.fetched_at and result.revised == 1


def test_one_failing_indicator_does_not_stop_the_others(stub, org):
    failing = KoladaIndicatorFactory(organisation=org, home_area="1463", source_config={"kpi": "N00001"})
    working = KoladaIndicatorFactory(organisation=org, home_area="1463", source_config={"kpi": "N00973"})
    IndicatorFactory(organisation=org)  # entered by hand: not fetched
    stub.route("GET", r"/v3/municipality", "kolada/municipality.json")
    stub.route("GET", r"/v3/data/kpi/N00001/", ("status", 404, {}))
    stub.route("GET", r"/v3/data/kpi/N00973/", kolada_page([item("1463", 2024, 47.9)]))
    seen = []
    results = organisation_sync(organisation=org, progress=lambda done, total, message: seen.append((done, total)))
    assert [(r.indicator_id, r.ok) for r in results] == [(failing.pk, False), (working.pk, True)]
    assert seen[-1] == (2, 2)


def test_pxweb_and_eurostat_indicators_are_fetched_through_their_own_apis(stub, org):
    scb = IndicatorFactory(
        organisation=org,
        source=Source.SCB,
        home_area="1463",
        reference_areas=["1490"],
        national_area="00",
        source_config={
            "table": "TAB4823",
            "roles": {
                "Region": {"role": "area"},
                "Tid": {"role": "time"},
                "Kon": {"role": "sex", "map": {"1+2": "total", "1": "men", "2": "women"}},
                "Fodelseregion": {"role": "origin", "map": {"11": "foreign"}},
            },
            "selection": {"Alder": ["tot20-64"], "ContentsCode": ["000000AB"]},
        },
    )
    stub.route("GET", r"/api/v2/config$", "scb/config.json")
    stub.route("GET", r"/api/v2/tables/TAB4823/metadata", "scb/TAB4823_metadata.json")
    stub.route("POST", r"/api/v2/tables/TAB4823/data", "scb/TAB4823_data.json")
    assert indicator_sync(indicator=scb).ok
    body = json.loads(stub.requests[-1][2])
    assert {"variableCode": "Region", "valueCodes": ["1463", "1490", "00"]} in body["selection"]
    mark = Observation.objects.get(indicator=scb, area_code="1463", sex="women", period_start=date(2024, 1, 1))
    assert mark.origin == "foreign" and mark.value > 0
    assert Area.objects.get(scheme="scb", code="1490").name == "Borås"

    eu = IndicatorFactory(
        organisation=org,
        source=Source.EUROSTAT,
        home_area="SE",
        national_area="EU27_2020",
        source_config={"dataset": "lfsa_ergacob", "filters": {"unit": ["PC"], "age": ["Y20-64"]}},
    )
    stub.route("GET", r"/data/lfsa_ergacob$", "eurostat/lfsa_ergacob.json")
    assert indicator_sync(indicator=eu).ok
    assert "geo=SE&geo=EU27_2020" in stub.requests[-1][1]
    assert Observation.objects.filter(indicator=eu, area_code="SE", sex="women", origin="foreign").count() == 3


def test_the_sync_command_fetches_and_prints_progress_and_results(stub, indicator, capsys):
    stub.route("GET", r"/v3/municipality", "kolada/municipality.json")
    stub.route("GET", r"/v3/data/", kolada_page([item("1463", 2024, 47.9)]))
    call_command("indicators", "sync", "--org", indicator.organisation.slug)
    out, err = capsys.readouterr()
    assert "Fetching" in err and "1/1" in err
    assert indicator.title in out and "1 values" in out
    assert Observation.objects.filter(indicator=indicator).count() == 1


def test_the_sync_command_exits_with_an_error_when_a_fetch_failed(stub, indicator):
    from django.core.management.base import CommandError

    stub.route("GET", r"/v3/data/", ("status", 404, {}))
    with pytest.raises(CommandError, match="1 failed"):
        call_command("indicators", "sync")
