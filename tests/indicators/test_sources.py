"""The source clients read the real APIs' shapes (recorded responses, replayed)."""

import json
from datetime import date

import httpx
import pytest
from tests.indicators.replay import Replay, http_for, recorded_json

from samskapa.indicators.sources import jsonstat
from samskapa.indicators.sources.eurostat import Eurostat, parse_filters
from samskapa.indicators.sources.http import SourceError, retry_after_seconds
from samskapa.indicators.sources.kolada import Kolada, Kpi
from samskapa.indicators.sources.mapping import CellMapping, default_roles
from samskapa.indicators.sources.pxweb import PxWebV1, PxWebV2, _split


def kolada(routes):
    replay = Replay(routes)
    return Kolada(http_for(replay)), replay


def test_kolada_search_follows_next_url_and_reads_every_kpi():
    client, replay = kolada(
        {
            ("GET", r"/v3/kpi$"): lambda request: httpx.Response(
                200,
                json=recorded_json(
                    "kolada/kpi_search_page2.json"
                    if request.url.params.get("page") == "2"
                    else "kolada/kpi_search_page1.json"
                ),
            )
        }
    )
    found = client.kpi_search("Nyanlända")
    assert [k.id for k in found] == ["N00973", "N00960", "N01987"]
    assert found[0].is_divided_by_gender and not found[2].is_divided_by_gender
    assert replay.requests[0].url.params["title"] == "nyanlända"
    assert replay.requests[0].url.params["per_page"] == "5000"
    assert len(replay.requests) == 2


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("Sysselsättningsgrad, utrikes födda 20-64 år, andel (%)", "%"),
        ("Inskrivna i etableringsuppdraget under året , antal", "antal"),
        ("Nettokostnad flyktingmottagande, kr/inv", "kr/inv"),
        ("Kommunen tar emot anvisade nyanlända, (Ja=1, Nej=0)", ""),
    ],
)
def test_kolada_kpi_unit_is_read_from_the_end_of_its_title(title, unit):
    assert Kpi(id="N00001", title=title).unit == unit


def test_kolada_values_read_genders_and_skip_deleted_and_empty_values():
    client, replay = kolada({("GET", r"/v3/data/"): "kolada/data_N00973.json"})
    rows = list(client.values("N00973", municipalities=["1463", "1490", "0000"], years=[2022, 2023, 2024]))
    assert replay.requests[0].url.path == "/v3/data/kpi/N00973/municipality/1463,1490,0000/year/2022,2023,2024"
    mark_2022 = {r.sex: r.value for r in rows if r.area == "1463" and r.period_start == date(2022, 1, 1)}
    assert mark_2022 == {"total": 41.2, "women": 34.9}  # the men's value was null
    boras_2022 = {r.sex for r in rows if r.area == "1490" and r.period_start.year == 2022}
    assert boras_2022 == {"total", "men"}  # the women's value was marked deleted
    assert len(rows) == 27 - 2


def test_kolada_asks_at_most_25_municipalities_and_years_per_call():
    client, replay = kolada(
        {("GET", r"/v3/data/"): lambda r: httpx.Response(200, json={"values": [], "next_url": None})}
    )
    areas = [f"{n:04d}" for n in range(1, 61)]
    list(client.values("N00973", municipalities=areas, years=list(range(1990, 2020))))
    segments = [r.url.path.split("/") for r in replay.requests]
    assert len(replay.requests) == 3 * 2
    assert all(len(s[6].split(",")) <= 25 and len(s[8].split(",")) <= 25 for s in segments)


def test_kolada_all_municipalities_uses_the_kpi_and_year_route():
    client, replay = kolada(
        {("GET", r"/v3/data/"): lambda r: httpx.Response(200, json={"values": [], "next_url": None})}
    )
    list(client.values("N00973", municipalities=None, years=[2023, 2024]))
    assert replay.requests[0].url.path == "/v3/data/kpi/N00973/year/2023,2024"


def test_kolada_answer_of_the_wrong_shape_is_refused_clearly():
    client, _replay = kolada({("GET", r"/v3/data/"): lambda r: httpx.Response(200, json={"rows": []})})
    with pytest.raises(SourceError, match="shape"):
        list(client.values("N00973", municipalities=["1463"], years=[2024]))


def test_jsonstat_reads_dense_and_sparse_values_in_row_major_order():
    dense = recorded_json("scb/TAB4823_data.json")
    cells = list(jsonstat.cells(dense, "SCB"))
    first = cells[0]
    assert first[0] == ("1463", "tot20-64", "1+2", "11", "000000AB", "2020") and first[1] == 2890
    assert cells[1][0][-1] == "2021"  # the last dimension varies fastest
    sparse = recorded_json("eurostat/lfsa_ergacob.json")
    eurostat_cells = list(jsonstat.cells(sparse, "Eurostat"))
    assert len(eurostat_cells) == len(sparse["value"])
    flagged = [c for c in eurostat_cells if c[2] == "p"]
    assert flagged and all(c[0][5] == "SE" and c[0][6] == "2023" for c in flagged)


def test_jsonstat_refuses_values_that_do_not_fit_the_sizes():
    broken = recorded_json("scb/TAB4823_data.json")
    broken["value"] = broken["value"][:-1]
    with pytest.raises(SourceError):
        list(jsonstat.cells(broken, "SCB"))


def test_scb_search_metadata_and_data_in_the_v2_shapes():
    replay = Replay(
        {
            ("GET", r"/api/v2/config$"): "scb/config.json",
            ("GET", r"/api/v2/tables$"): "scb/tables_search.json",
            ("GET", r"/api/v2/tables/TAB4823/metadata$"): "scb/TAB4823_metadata.json",
            ("POST", r"/api/v2/tables/TAB4823/data$"): "scb/TAB4823_data.json",
        }
    )
    client = PxWebV2(http_for(replay, "SCB", "https://statistikdatabasen.scb.se/api/v2"))
    tables = client.search("utrikes födda")
    assert tables[0].id == "TAB4823" and "Befolkning" in tables[0].path and tables[0].last_period == "2024"
    meta = client.metadata("TAB4823")
    assert [v.code for v in meta.variables] == ["Region", "Alder", "Kon", "Fodelseregion", "ContentsCode", "Tid"]
    assert meta.variable("Tid").is_time and meta.variable("Region").values[1] == ("1463", "Mark")
    roles = default_roles(meta.variables)
    assert roles["Kon"] == {"role": "sex", "map": {"1+2": "total", "1": "men", "2": "women"}}
    assert roles["Fodelseregion"]["map"] == {"tot": "", "11": "foreign", "83": "native"}
    selection = {"Region": ["1463", "1490", "00"], "Alder": ["tot20-64"], "Kon": ["1+2", "1", "2"]}
    datasets = list(client.data("TAB4823", selection, {"Region": 3, "Kon": 3}))
    body = json.loads(replay.requests[-1].content)
    assert body["selection"][0] == {"variableCode": "Region", "valueCodes": ["1463", "1490", "00"]}
    assert replay.requests[-1].url.params["outputFormat"] == "json-stat2"
    mapping = CellMapping.from_config({"roles": {**roles, "Region": {"role": "area"}}})
    rows = list(mapping.rows(datasets[0], "SCB"))
    assert {(r.area, r.sex, r.origin) for r in rows if r.period_start.year == 2024} >= {("1463", "women", "foreign")}
    assert len(rows) == 3 * 3 * 5


def test_a_selection_larger_than_the_cell_limit_is_split_along_its_widest_variable():
    selection = {"Region": [str(n) for n in range(10)], "Tid": ["2023", "2024"], "Kon": ["1"]}
    parts = list(_split(selection, {"Region": 10, "Tid": 2, "Kon": 1}, limit=6))
    assert all(len(p["Region"]) * len(p["Tid"]) <= 6 for p in parts)
    assert sorted(code for p in parts for code in p["Region"]) == sorted(selection["Region"])


def test_statistics_finland_v1_search_metadata_and_query_body():
    replay = Replay(
        {
            ("GET", r"/PxWeb/api/v1/fi/StatFin$"): lambda request: _config_or_search(request),
            ("GET", r"/vaerak/statfin_vaerak_pxt_11rv.px$"): "statfi/11rv_metadata.json",
            ("POST", r"/vaerak/statfin_vaerak_pxt_11rv.px$"): "statfi/11rv_data.json",
        }
    )
    client = PxWebV1(http_for(replay, "Statistics Finland", "https://pxdata.stat.fi/PxWeb/api/v1"))
    tables = client.search("syntyperä")
    assert tables[0].id == "vaerak/statfin_vaerak_pxt_11rv.px"
    meta = client.metadata(tables[0].id)
    assert meta.variable("Vuosi").is_time and meta.variable("Alue").values[1] == ("KU091", "Helsinki")
    roles = default_roles(meta.variables)
    assert roles["Sukupuoli"]["map"] == {"SSS": "total", "1": "men", "2": "women"}
    selection = {"Vuosi": ["top(3)"], "Alue": ["KU049", "SSS"], "Syntyperä": ["2"], "Sukupuoli": ["SSS"]}
    dataset = next(client.data(meta.id, selection, {"Vuosi": 3, "Alue": 2}))
    body = json.loads(replay.requests[-1].content)
    assert body["response"] == {"format": "json-stat2"}
    assert body["query"][0] == {"code": "Vuosi", "selection": {"filter": "top", "values": ["3"]}}
    rows = list(
        CellMapping.from_config({"roles": {"Vuosi": {"role": "time"}, "Alue": {"role": "area"}}}).rows(dataset, "x")
    )
    assert len(rows) == 5  # one cell was withheld (null)
    assert {r.area for r in rows} == {"KU049", "SSS"}


def _config_or_search(request):
    name = "statfi/config.json" if "config" in request.url.params else "statfi/search.json"
    return httpx.Response(200, json=recorded_json(name))


def test_eurostat_repeats_a_filter_for_several_values_and_maps_its_dimensions():
    replay = Replay({("GET", r"/data/lfsa_ergacob$"): "eurostat/lfsa_ergacob.json"})
    client = Eurostat(http_for(replay, "Eurostat", "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0"))
    filters = parse_filters("unit=PC; sex=T,F,M; age=Y20-64; c_birth=NAT,FOR; geo=SE,EU27_2020")
    answer = client.data("lfsa_ergacob", filters, since=2021)
    params = replay.requests[0].url.params
    assert params.get_list("sex") == ["T", "F", "M"] and params["sinceTimePeriod"] == "2021"
    roles = default_roles(jsonstat.variables(answer, "Eurostat"), eurostat=True)
    rows = list(CellMapping.from_config({"roles": roles}).rows(answer, "Eurostat"))
    sweden_women_foreign = [r for r in rows if r.area == "SE" and r.sex == "women" and r.origin == "foreign"]
    assert [r.period_start.year for r in sweden_women_foreign] == [2021, 2022, 2023]
    assert sweden_women_foreign[-1].status == "p"
    assert all(r.age == "20-64" for r in rows)


@pytest.mark.parametrize("text", ["sex", "sex=", "=T", "sex=T;age=<script>", "SEX;;"])
def test_eurostat_filters_that_are_not_dimension_equals_codes_are_refused(text):
    from samskapa.core.errors import ApplicationError

    with pytest.raises(ApplicationError):
        parse_filters(text)


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_the_client_retries_with_growing_waits_and_honours_retry_after():
    waits: list[float] = []
    answers = iter(
        [
            httpx.Response(503),
            httpx.Response(429, headers={"Retry-After": "5"}),
            httpx.Response(200, content=b"{not json"),
            httpx.Response(200, json={"values": [], "next_url": None}),
        ]
    )
    replay = Replay({("GET", r"."): lambda r: next(answers)})
    http = http_for(replay, sleep=waits.append, backoff=0.5, retries=3)
    assert http.get_json("kpi") == {"values": [], "next_url": None}
    assert waits == [0.5, 5.0, 2.0]


def test_the_client_gives_up_after_its_retries_with_a_message_saying_nothing_was_lost():
    replay = Replay({("GET", r"."): lambda r: httpx.Response(500)})
    http = http_for(replay, retries=2)
    with pytest.raises(SourceError, match="Tried 3 times; the values already stored are kept"):
        http.get_json("kpi")
    assert len(replay.requests) == 3


def test_a_404_is_not_retried():
    replay = Replay({("GET", r"."): lambda r: httpx.Response(404)})
    with pytest.raises(SourceError, match="does not know"):
        http_for(replay).get_json("kpi/N99999")
    assert len(replay.requests) == 1
