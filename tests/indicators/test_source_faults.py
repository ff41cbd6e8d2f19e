"""Every call to a statistics source ends, whatever the source does: an endless or circular
next link, 429 with a long Retry-After, 5xx, broken or cut-off JSON, an answer that drips in.
Each ends with a message on the indicator, `samskapa indicators sync` exits 1, and no value
already stored is lost. The sources are played by httpx's MockTransport; no time passes.
"""

import json
from decimal import Decimal

import httpx
import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from tests.indicators.factories import KoladaIndicatorFactory, series
from tests.indicators.replay import Replay, http_for
from tests.publicsite.factories import PublicSiteFactory

from samskapa.indicators.models import Observation, SyncStatus
from samskapa.indicators.sources.http import SourceError
from samskapa.indicators.sources.kolada import Kolada
from samskapa.indicators.sync import organisation_sync

pytestmark = pytest.mark.django_db
BASE = "https://api.kolada.se/v3"


def page(items, next_url=None) -> httpx.Response:
    return httpx.Response(200, json={"values": items, "next_url": next_url})


def value(area="1463", year=2024, number=47.9):
    return {"kpi": "N00973", "municipality": area, "period": year, "values": [{"gender": "T", "value": number}]}


class FakeClock:
    """Time that moves only when the client sleeps or a slow answer hands over a chunk."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class Drip(httpx.SyncByteStream):
    """An answer that arrives a few bytes at a time, each after ``seconds``."""

    def __init__(self, body: bytes, clock: FakeClock, seconds: float):
        self.body, self.clock, self.seconds = body, clock, seconds

    def __iter__(self):
        for start in range(0, len(self.body), 4):
            self.clock.now += self.seconds
            yield self.body[start : start + 4]


def _kolada(answer, clock: FakeClock | None = None, **options) -> tuple[Kolada, Replay]:
    clock = clock or FakeClock()
    replay = Replay({("GET", r"/v3/data/"): answer, ("GET", r"/v3/municipality"): lambda r: page([])})
    http = http_for(replay, base=BASE, sleep=clock.sleep, clock=clock, retries=2, **options)
    return Kolada(http), replay


@pytest.fixture
def indicator(org):
    indicator = KoladaIndicatorFactory(
        organisation=org, home_area="1463", source_config={"kpi": "N00973", "since": 2023}
    )
    series(indicator, {2022: 41.2, 2023: 44.8}, source="kolada")
    return indicator


def _stored(indicator) -> dict:
    return dict(Observation.objects.filter(indicator=indicator).values_list("period_start__year", "value"))


def _sync_fails(indicator, client, message: str) -> None:
    before = _stored(indicator)
    [result] = organisation_sync(organisation=indicator.organisation, clients={"kolada": client})
    assert not result.ok and message in result.error
    assert _stored(indicator) == before, "a value already stored was lost or a partial fetch was kept"
    indicator.refresh_from_db()
    assert indicator.sync_status == SyncStatus.FAILED and message in indicator.last_error


def test_a_next_link_that_keeps_coming_back_stops_with_a_message(indicator):
    client, replay = _kolada(lambda r: page([value()], f"{BASE}/data/page/2"))
    _sync_fails(indicator, client, "kept pointing back to a page already read")
    assert len(replay.requests) == 2


def test_a_next_link_that_never_ends_stops_after_the_most_pages(indicator):
    counter = iter(range(1, 10**6))
    client, replay = _kolada(lambda r: page([value()], f"{BASE}/data/page/{next(counter)}"), max_pages=50)
    _sync_fails(indicator, client, "more than 50 pages")
    assert len(replay.requests) == 50


def test_a_next_link_to_another_server_is_not_followed(indicator):
    client, replay = _kolada(lambda r: page([value()], "http://169.254.169.254/latest/meta-data/"))
    _sync_fails(indicator, client, "next page elsewhere")
    assert all(request.url.host == "api.kolada.se" for request in replay.requests)


def test_a_429_asking_for_an_hour_stops_at_once(indicator):
    clock = FakeClock()
    client, replay = _kolada(lambda r: httpx.Response(429, headers={"Retry-After": "3600"}), clock)
    _sync_fails(indicator, client, "asked us to wait 60 minutes")
    assert len(replay.requests) == 1 and clock.now == 0


def test_a_429_asking_for_seconds_is_waited_out_then_given_up(indicator):
    clock = FakeClock()
    client, replay = _kolada(lambda r: httpx.Response(429, headers={"Retry-After": "30"}), clock)
    _sync_fails(indicator, client, "slow down (429)")
    assert len(replay.requests) == 3 and clock.now == 60


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_end_with_a_message_after_the_retries(indicator, status):
    client, replay = _kolada(lambda r: httpx.Response(status))
    _sync_fails(indicator, client, f"had a problem of its own ({status})")
    assert len(replay.requests) == 3


@pytest.mark.parametrize(
    "body",
    [b'{"values": [{"kpi": "N00973", "municipality": "1463", "per', b"<html>Service Unavailable</html>", b""],
    ids=["cut off", "html", "empty"],
)
def test_broken_or_truncated_json_ends_with_a_message(indicator, body):
    client, _replay = _kolada(lambda r: httpx.Response(200, content=body))
    _sync_fails(indicator, client, "not JSON")


def test_json_of_the_wrong_shape_ends_with_a_message(indicator):
    client, _replay = _kolada(lambda r: httpx.Response(200, json={"values": "none today"}))
    _sync_fails(indicator, client, "shape we do not recognise")


def test_a_truncated_second_page_keeps_nothing_of_the_first(indicator):
    answers = iter(
        [page([value(year=2024, number=99.0)], f"{BASE}/data/next")] + [httpx.Response(200, content=b'{"va')] * 3
    )
    client, _replay = _kolada(lambda r: next(answers))
    _sync_fails(indicator, client, "not JSON")


def test_an_answer_that_drips_in_is_cut_off_at_the_deadline(indicator):
    clock = FakeClock()
    body = json.dumps({"values": [value()], "next_url": None}).encode()
    client, replay = _kolada(lambda r: httpx.Response(200, stream=Drip(body, clock, 5.0)), clock, deadline=60)
    _sync_fails(indicator, client, "did not answer in time")
    assert len(replay.requests) == 3 and clock.now < 3 * (60 + 5) + 10


def test_a_timeout_ends_with_a_message(indicator):
    def hang(request):
        raise httpx.ReadTimeout("no answer", request=request)

    client, replay = _kolada(hang)
    _sync_fails(indicator, client, "did not answer in time")
    assert len(replay.requests) == 3


def test_an_answer_larger_than_the_limit_is_refused():
    client, _replay = _kolada(lambda r: page([value()] * 200), max_bytes=1000)
    with pytest.raises(SourceError, match="more than 0 MB"):
        list(client.values("N00973", municipalities=["1463"], years=[2024]))


def test_the_sync_command_exits_1_and_says_the_stored_values_are_kept(indicator, monkeypatch, capsys):
    client, _replay = _kolada(lambda r: page([value()], f"{BASE}/data/page/2"))
    monkeypatch.setattr("samskapa.indicators.sync.client_for", lambda source: client)
    before = _stored(indicator)
    with pytest.raises(CommandError, match="the values already stored were kept") as failed:
        call_command("indicators", "sync")
    assert failed.value.returncode == 1
    assert "FAILED" in capsys.readouterr().out and _stored(indicator) == before


def test_new_values_show_on_the_public_pages_at_once(indicator, monkeypatch):
    PublicSiteFactory(organisation=indicator.organisation)
    indicator.is_published = True
    indicator.save()
    caches["public"].clear()
    reader, address = Client(), f"/p/{indicator.organisation.slug}/en/indicators/{indicator.pk}/"
    assert "47.9" not in reader.get(address).content.decode()  # now in the page cache
    client, _replay = _kolada(lambda r: page([value(year=2024, number=47.9)]))
    [result] = organisation_sync(organisation=indicator.organisation, clients={"kolada": client})
    assert result.ok and _stored(indicator)[2024] == Decimal("47.9")
    assert "47.9" in reader.get(address).content.decode()
