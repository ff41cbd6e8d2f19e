"""Every statistics source is one adapter registered in one place; Statistics Norway (SSB) shows
what adding one takes: its module, its line in the registry, these tests and its recorded answers."""

import json
from decimal import Decimal

import pytest
from tests.indicators.replay import Replay, http_for

from samskapa.indicators import services
from samskapa.indicators.models import Area, Indicator, Observation, Origin, Sex, Source
from samskapa.indicators.sources import ssb
from samskapa.indicators.sources.adapter import SourceAdapter
from samskapa.indicators.sources.config import BREAKDOWN_VALUES
from samskapa.indicators.sources.registry import ADAPTERS, ONLINE_SOURCES, source_choices
from samskapa.indicators.sync import indicator_sync

SSB_BASE = "https://data.ssb.no/api/pxwebapi/v2"


def test_every_source_is_a_registered_adapter_with_the_whole_interface():
    assert set(ADAPTERS) == ONLINE_SOURCES == {"kolada", "scb", "statfi", "eurostat", "ssb"}
    for key, adapter in ADAPTERS.items():
        assert adapter.key == key and str(adapter.label) and adapter.name, key
        assert len(key) <= Indicator._meta.get_field("source").max_length
        assert adapter.default_url.startswith("https://") and adapter.base_url() == adapter.base_url().rstrip("/")
        for method in ("make_client", "clean_config", "fetch"):
            assert getattr(type(adapter), method) is not getattr(SourceAdapter, method), (key, method)
    assert [key for key, _label in source_choices()] == [Source.MANUAL, *ADAPTERS]


def test_the_existing_sources_keep_their_keys_and_labels():
    labels = dict(source_choices())
    for member in Source:
        assert labels[member.value] == member.label


def test_a_new_source_needs_no_migration():
    """The field's choices are the registry's function, so a migration names it, not its list."""
    field = Indicator._meta.get_field("source")
    assert field.deconstruct()[3]["choices"] is source_choices
    assert "ssb" in dict(field.choices)


def test_the_sources_breakdown_values_are_the_models():
    models = {"sex": set(Sex.values), "origin": set(Origin.values)}
    assert models == BREAKDOWN_VALUES


def test_a_source_is_pointed_at_a_mirror_by_its_key(settings):
    settings.SAMSKAPA_SOURCE_URLS = {"ssb": "https://mirror.example/ssb/v2/"}
    assert ADAPTERS["ssb"].base_url() == "https://mirror.example/ssb/v2"
    settings.SAMSKAPA_SOURCE_URLS = {}
    assert ADAPTERS["ssb"].base_url() == SSB_BASE
    settings.SAMSKAPA_KOLADA_URL = "https://kolada.mirror.example/v3"
    assert ADAPTERS["kolada"].base_url() == "https://kolada.mirror.example/v3"


def ssb_replay() -> Replay:
    return Replay(
        {
            ("GET", r"/api/pxwebapi/v2/config$"): "ssb/config.json",
            ("GET", r"/api/pxwebapi/v2/tables$"): "ssb/tables_search.json",
            ("GET", r"/api/pxwebapi/v2/tables/09817/metadata$"): "ssb/09817_metadata.json",
            ("POST", r"/api/pxwebapi/v2/tables/09817/data$"): "ssb/09817_data.json",
        }
    )


def test_ssb_search_and_metadata_in_norwegian_with_its_breakdowns_understood():
    replay = ssb_replay()
    client = ssb.ADAPTER.make_client(http_for(replay, "SSB", SSB_BASE))
    tables = client.search("innvandrere")
    assert tables[0].id == "09817" and "Innvandring og innvandrere" in tables[0].path
    assert replay.requests[0].url.params["lang"] == "no"
    meta = client.metadata("09817")
    assert [v.code for v in meta.variables] == ["Region", "InnvandrKat", "Kjonn", "ContentsCode", "Tid"]
    roles = ssb.ADAPTER.guess_roles(meta.variables)
    assert roles["Region"] == {"role": "area"} and roles["Tid"] == {"role": "time"}
    assert roles["Kjonn"] == {"role": "sex", "map": {"0": "total", "1": "men", "2": "women"}}
    assert roles["InnvandrKat"] == {"role": "origin", "map": {"B": "foreign"}}
    assert "ContentsCode" not in roles  # one value, chosen by the person


def test_an_ssb_config_is_checked_like_any_pxweb_table():
    adapter = ADAPTERS["ssb"]
    with pytest.raises(Exception, match="table"):
        adapter.clean_config({"table": "../09817", "roles": {"Tid": {"role": "time"}}})
    clean = adapter.clean_config({"table": "09817", "roles": {"Tid": {"role": "time"}}, "latest": 500})
    assert clean == {"table": "09817", "roles": {"Tid": {"role": "time"}}, "selection": {}, "latest": 100}


@pytest.fixture
def ssb_indicator(org, coordinator):
    roles = {
        "Region": {"role": "area"},
        "Tid": {"role": "time"},
        "Kjonn": {"role": "sex", "map": {"0": "total", "1": "men", "2": "women"}},
        "InnvandrKat": {"role": "origin", "map": {"B": "foreign"}},
    }
    return services.indicator_create(
        actor=coordinator,
        organisation=org,
        title="Innvandrere i Bærum",
        direction="neither",
        source="ssb",
        source_config={"table": "09817", "roles": roles, "selection": {"ContentsCode": ["Personer1"]}},
        home_area="3201",
        reference_areas=["0301"],
    )


def test_an_ssb_indicator_is_fetched_and_stored_with_the_national_figure(ssb_indicator):
    assert ssb_indicator.national_area == "0" and ssb_indicator.areas == ["3201", "0301", "0"]
    replay = ssb_replay()
    result = indicator_sync(indicator=ssb_indicator, client=ssb.ADAPTER.make_client(http_for(replay, "SSB", SSB_BASE)))
    assert result.ok, result.error
    assert result.written == 26  # 3 areas x 3 sexes x 3 years, less Oslo's suppressed cell
    body = json.loads(replay.requests[-1].content)
    asked = {part["variableCode"]: sorted(part["valueCodes"]) for part in body["selection"]}
    assert asked["Region"] == ["0", "0301", "3201"] and asked["InnvandrKat"] == ["B"]
    women = Observation.objects.get(indicator=ssb_indicator, area_code="3201", sex="women", period_start__year=2025)
    assert women.origin == "foreign" and women.value == Decimal("13703") and women.source == "ssb"
    suppressed = Observation.objects.filter(area_code="0301", sex="women", period_start__year=2023)
    assert not suppressed.filter(indicator=ssb_indicator).exists()
    assert Area.objects.get(scheme="ssb", code="3201").name == "Bærum"


def test_the_indicator_page_names_the_table_and_credits_ssb(ssb_indicator, org, coordinator, client_for):
    page = client_for(coordinator).get(f"/o/{org.slug}/indicators/{ssb_indicator.pk}/").content.decode()
    assert "Statistics Norway (PxWeb)" in page and "09817" in page
    assert '<p class="muted" lang="no">Kilde: Statistisk sentralbyrå</p>' in page


def test_an_unknown_source_is_refused_and_nothing_is_stored(org, coordinator):
    with pytest.raises(Exception, match="Choose a source from the list"):
        services.indicator_create(
            actor=coordinator, organisation=org, title="X", direction="neither", source="dst", source_config={}
        )
    assert not Indicator.objects.filter(organisation=org).exists()
