"""A stand-in for the statistics APIs on loopback: serves recorded answers, pages, and failures.

Each route answers a list of behaviours in turn (the last one repeats): a recorded file,
``("status", 429, {"Retry-After": "1"})``, ``("slow", seconds)``, ``("bytes", b"not json")``
or a callable ``(handler) -> (status, headers, body)``. Requests are kept for assertions.
"""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.indicators.replay import recorded


class StubServer:
    def __init__(self):
        self.routes: list[tuple[str, re.Pattern, list]] = []
        self.requests: list[tuple[str, str, bytes]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server._answer(self, "GET")

            def do_POST(self):
                server._answer(self, "POST")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, method: str, pattern: str, *behaviours) -> None:
        with self._lock:
            self.routes.insert(0, (method, re.compile(pattern), list(behaviours)))

    def start(self) -> "StubServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def count(self, pattern: str) -> int:
        return sum(1 for _m, path, _b in self.requests if re.search(pattern, path))

    def _next(self, method: str, path: str):
        with self._lock:
            for route_method, pattern, behaviours in self.routes:
                if route_method == method and pattern.search(path):
                    return behaviours.pop(0) if len(behaviours) > 1 else behaviours[0]
        return ("status", 404, {})

    def _answer(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        self.requests.append((method, handler.path, body))
        behaviour = self._next(method, urlsplit(handler.path).path)
        status, headers, content = 200, {"Content-Type": "application/json"}, b""
        if callable(behaviour):
            status, extra, content = behaviour(handler)
            headers.update(extra)
        elif isinstance(behaviour, str):
            content = recorded(behaviour)
        elif behaviour[0] == "status":
            status, headers = behaviour[1], {**headers, **behaviour[2]}
            content = json.dumps({"message": "stand-in failure"}).encode()
        elif behaviour[0] == "slow":
            time.sleep(behaviour[1])
            content = b"{}"
        elif behaviour[0] == "bytes":
            content = behaviour[1]
        try:
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(content)))
            handler.end_headers()
            handler.wfile.write(content)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


def point_sources_at(settings, server: StubServer) -> None:
    """Every statistics source at the stand-in server, with quick retries and no pauses."""
    settings.SAMSKAPA_KOLADA_URL = f"{server.url}/v3"
    settings.SAMSKAPA_PXWEB_SCB_URL = f"{server.url}/api/v2"
    settings.SAMSKAPA_PXWEB_STATFI_URL = f"{server.url}/PxWeb/api/v1"
    settings.SAMSKAPA_EUROSTAT_URL = f"{server.url}/eurostat/api/dissemination/statistics/1.0"
    settings.SAMSKAPA_SOURCE_BACKOFF = 0.01
    settings.SAMSKAPA_SOURCE_MIN_INTERVAL = 0
    settings.SAMSKAPA_SOURCE_TIMEOUT = 0.5
    settings.SAMSKAPA_SOURCE_RETRIES = 2
