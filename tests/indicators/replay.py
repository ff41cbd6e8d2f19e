"""Replay recorded responses through an httpx transport: routes by method and path, keeps the requests."""

import json
import re
from pathlib import Path

import httpx

DATA = Path(__file__).resolve().parents[1] / "data" / "indicators"


def recorded(name: str) -> bytes:
    return (DATA / name).read_bytes()


def recorded_json(name: str):
    return json.loads(recorded(name))


class Replay:
    """``Replay({("GET", r"/v3/kpi$"): "kolada/kpi_N00973.json"})``; a value may also be a
    callable taking the request and returning an ``httpx.Response``."""

    def __init__(self, routes: dict):
        self.routes = [(method, re.compile(pattern), answer) for (method, pattern), answer in routes.items()]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        for method, pattern, answer in self.routes:
            if request.method == method and pattern.search(request.url.path):
                if callable(answer):
                    return answer(request)
                return httpx.Response(200, content=recorded(answer), headers={"Content-Type": "application/json"})
        return httpx.Response(404, json={"message": "no such route in the recording"})

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def http_for(replay: Replay, name: str = "Kolada", base: str = "https://api.kolada.se/v3", **options):
    from samskapa.indicators.sources.http import SourceHttp

    options.setdefault("min_interval", 0)
    options.setdefault("sleep", lambda seconds: None)
    return SourceHttp(base_url=base, name=name, transport=replay.transport, **options)
