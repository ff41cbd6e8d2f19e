"""The answers-per-hour limit of public surveys: exact under simultaneous answers, and per resident
behind a trusted reverse proxy (while a forged X-Forwarded-For is ignored without one)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client, RequestFactory, override_settings

from samskapa.cocreation import throttle
from samskapa.cocreation.models import Response
from samskapa.ratelimits.models import RateCount

PROXY = "10.0.0.5"


def _answers(survey) -> dict:
    q = {question.order: question for question in survey.questions.prefetch_related("choices")}
    return {f"q{q[1].pk}": "Fler mötesplatser", f"q{q[4].pk}": "4", "group": "children"}


def _request(remote: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "seen"),
    [
        ([], "198.51.100.9", "6.6.6.6", "198.51.100.9"),  # no proxy configured: the header is anyone's
        ([PROXY], "198.51.100.9", "6.6.6.6", "198.51.100.9"),  # not sent by our proxy
        ([PROXY], PROXY, "203.0.113.7", "203.0.113.7"),
        (["10.0.0.0/8"], PROXY, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # forged left part is skipped
        (["10.0.0.0/8"], PROXY, "203.0.113.7, 10.1.2.3", "203.0.113.7"),  # two trusted hops
        ([PROXY], PROXY, "203.0.113.7:51234", "203.0.113.7"),  # a port, as some balancers write it
        ([PROXY], PROXY, "[2001:db8::7]:443", "2001:db8::7"),
        ([PROXY], PROXY, "", PROXY),  # nothing forwarded: the proxy itself
        ([PROXY], PROXY, "6.6.6.6, not-an-address", PROXY),  # malformed nearest hop: trust nothing left of it
        (["fd00::/8"], "fd00::1", "2001:db8::9", "2001:db8::9"),
    ],
)
def test_the_client_address_is_read_through_trusted_proxies_only(proxies, remote, forwarded, seen):
    with override_settings(SAMSKAPA_TRUSTED_PROXIES=proxies):
        assert throttle.client_address(_request(remote, forwarded)) == seen


def test_a_malformed_trusted_proxy_setting_is_reported_at_once():
    from django.core.exceptions import ImproperlyConfigured

    with override_settings(SAMSKAPA_TRUSTED_PROXIES=["10.0.0.300"]), pytest.raises(ImproperlyConfigured):
        throttle.client_address(_request(PROXY, "203.0.113.7"))


@pytest.mark.django_db
def test_the_limit_counts_exactly_and_keeps_no_address():
    request = _request("203.0.113.7")
    assert [throttle.allow(request, "survey:1", 3) for _ in range(5)] == [True, True, True, False, False]
    assert throttle.allow(request, "survey:2", 3)  # another survey counts on its own
    assert not throttle.allow(request, "survey:1", 0)
    assert sorted(RateCount.objects.values_list("count", flat=True)) == [1, 3]
    assert not RateCount.objects.filter(key__contains="203.0.113.7").exists()


@pytest.mark.django_db
def test_counts_of_past_hours_are_deleted_when_a_new_hour_starts(monkeypatch):
    request = _request("203.0.113.7")
    throttle.allow(request, "survey:1", 3)
    later = throttle.time.time() + throttle.WINDOW_SECONDS
    monkeypatch.setattr(throttle.time, "time", lambda: later)
    assert throttle.allow(request, "survey:1", 3)
    assert list(RateCount.objects.values_list("count", flat=True)) == [1]


@pytest.mark.django_db
@override_settings(SAMSKAPA_SURVEY_ANSWERS_PER_HOUR=2, SAMSKAPA_TRUSTED_PROXIES=[PROXY])
def test_behind_the_proxy_each_resident_has_an_own_limit_and_a_forged_header_gains_nothing(open_survey):
    url = f"/s/{open_survey.key}/sv/"
    for resident in ("203.0.113.7", "203.0.113.8"):
        client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=resident)
        assert [client.post(url, _answers(open_survey)).status_code for _ in range(3)] == [302, 302, 429]
    # A resident who writes a new X-Forwarded-For each time is still counted by the proxy's last hop.
    statuses = [
        Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.9").post(url, _answers(open_survey))
        for n in range(3)
    ]
    assert [s.status_code for s in statuses] == [302, 302, 429]
    assert Response.objects.count() == 6


@pytest.mark.django_db
@override_settings(SAMSKAPA_SURVEY_ANSWERS_PER_HOUR=2)
def test_without_a_configured_proxy_a_forged_header_is_ignored(open_survey):
    url = f"/s/{open_survey.key}/sv/"
    statuses = [
        Client(REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}").post(url, _answers(open_survey))
        for n in range(3)
    ]
    assert [s.status_code for s in statuses] == [302, 302, 429]


def _post_together(url: str, data: dict, senders: list[dict]) -> list[int]:
    """Post once per sender, all threads released at the same moment; each closes its connection."""
    start = threading.Barrier(len(senders))

    def post(meta: dict) -> int:
        try:
            client = Client(**meta)
            start.wait()
            return client.post(url, data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        return list(pool.map(post, senders))


concurrent = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="simultaneous writers need PostgreSQL (SQLite writes one at a time)"
)
# Twenty simultaneous connections at most: the server is shared with the rest of the suite.
THREADS = 20


@concurrent
@pytest.mark.django_db(transaction=True)
@override_settings(SAMSKAPA_SURVEY_ANSWERS_PER_HOUR=30)
def test_sixty_simultaneous_answers_from_one_address_store_exactly_the_limit(open_survey):
    url, data = f"/s/{open_survey.key}/sv/", _answers(open_survey)
    statuses = []
    for _round in range(3):
        statuses += _post_together(url, data, [{"REMOTE_ADDR": "203.0.113.7"}] * THREADS)
    assert sorted(statuses) == [302] * 30 + [429] * 30
    assert Response.objects.count() == 30


@concurrent
@pytest.mark.django_db(transaction=True)
@override_settings(SAMSKAPA_SURVEY_ANSWERS_PER_HOUR=1, SAMSKAPA_TRUSTED_PROXIES=[PROXY])
def test_fifty_residents_answering_at_once_behind_the_proxy_lose_no_answer(open_survey):
    url, data = f"/s/{open_survey.key}/sv/", _answers(open_survey)
    residents = [{"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"} for n in range(50)]
    statuses = []
    for start in range(0, 50, THREADS):
        statuses += _post_together(url, data, residents[start : start + THREADS])
    assert statuses == [302] * 50
    assert Response.objects.count() == 50
    assert open_survey.consultation.participation.get(group="children").count == 50
