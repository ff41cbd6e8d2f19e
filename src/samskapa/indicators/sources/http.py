"""One careful HTTP client for every statistics source: timeouts, retries with backoff, politeness.

A call is retried when the failure is likely to pass: a timeout, a dropped connection, an
answer 429 (rate limit, honouring Retry-After), 500, 502, 503 or 504, or a body that is
not the JSON it should be. Each retry waits twice as long as the one before. Anything
else (400, 404, ...) fails at once with a message a person can act on.

Every call ends in bounded time: httpx's timeout bounds each wait for a byte, ``deadline``
bounds a whole answer (a server that drips a byte every few seconds is cut off), the body is
bounded in size, a wait asked by Retry-After longer than MAX_WAIT_SECONDS ends the call at
once, and there are at most ``retries`` retries.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import orjson
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_WAIT_SECONDS = 120.0
USER_AGENT = "Samskapa/0.1 (open-source integration strategy platform)"


class SourceError(ApplicationError):
    """A source could not give what was asked; the message is translated and safe to show."""

    status = 502  # to our own callers: the source behind us failed

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.source_status = status


@dataclass
class SourceHttp:
    """Calls one source's API under ``base_url`` (from settings, so a mirror can stand in)."""

    base_url: str
    name: str
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    min_interval: float = 0.1
    deadline: float = 120.0
    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 1000  # the most pages one list may have (see ``pages_of``)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    transport: httpx.BaseTransport | None = None
    calls: int = 0
    _last_call: float = field(default=0.0, repr=False)
    _client: httpx.Client | None = field(default=None, repr=False)

    @classmethod
    def from_settings(cls, base_url: str, name: str, **overrides: Any) -> "SourceHttp":
        from django.conf import settings

        options = {
            "timeout": settings.SAMSKAPA_SOURCE_TIMEOUT,
            "retries": settings.SAMSKAPA_SOURCE_RETRIES,
            "backoff": settings.SAMSKAPA_SOURCE_BACKOFF,
            "min_interval": settings.SAMSKAPA_SOURCE_MIN_INTERVAL,
            "deadline": settings.SAMSKAPA_SOURCE_DEADLINE,
            "max_pages": settings.SAMSKAPA_SOURCE_MAX_PAGES,
            **overrides,
        }
        return cls(base_url=base_url.rstrip("/"), name=name, **options)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.timeout,
                transport=self.transport,
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                follow_redirects=True,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else f"{self.base_url}/{path.lstrip('/')}"

    def is_own(self, url: str) -> bool:
        """Whether an address a source gave (a next page) is on the source's own server."""
        own, other = httpx.URL(self.base_url), httpx.URL(self.url(url))
        return (own.scheme, own.host, own.port) == (other.scheme, other.host, other.port)

    def get_json(self, path: str, params: Any = None) -> Any:
        return self._call("GET", self.url(path), params=params)

    def post_json(self, path: str, body: Any, params: Any = None) -> Any:
        return self._call("POST", self.url(path), params=params, json_body=body)

    def _call(self, method: str, url: str, *, params: Any = None, json_body: Any = None) -> Any:
        last_problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                logger.info("%s: retry %s of %s after %s", self.name, attempt, self.retries, last_problem)
            self._pause()
            try:
                response, content = self._fetch(method, url, params=params, json_body=json_body)
            except (httpx.TimeoutException, _TooSlow):
                last_problem = _("%(source)s did not answer in time.") % {"source": self.name}
                self._wait(attempt, None)
                continue
            except httpx.TransportError:
                last_problem = _("%(source)s could not be reached.") % {"source": self.name}
                self._wait(attempt, None)
                continue
            if response.status_code in RETRY_STATUSES:
                last_problem = self._status_message(response.status_code)
                self._refuse_long_wait(response)
                self._wait(attempt, response)
                continue
            if response.status_code >= 400:
                raise SourceError(self._status_message(response.status_code), status=response.status_code)
            try:
                return orjson.loads(content)
            except orjson.JSONDecodeError:
                last_problem = _("%(source)s answered with something that is not JSON.") % {"source": self.name}
                self._wait(attempt, None)
        raise SourceError(
            _("%(problem)s Tried %(count)s times; the values already stored are kept.")
            % {"problem": last_problem, "count": self.retries + 1}
        )

    def next_page(self, next_url: Any, seen: set[str]) -> str | None:
        """The next page's address to follow, None at the end; refused when the list never ends.

        ``seen`` holds the addresses followed so far: a link back to one of them, a link to
        another server, or more than ``max_pages`` pages stops the list with a message.
        """
        if not next_url:
            return None
        if not isinstance(next_url, str) or not self.is_own(next_url):
            raise SourceError(_("%(source)s pointed to a next page elsewhere; the fetch was stopped.") % self._named)
        if next_url in seen:
            raise SourceError(
                _("%(source)s kept pointing back to a page already read; the fetch was stopped.") % self._named
            )
        if len(seen) + 1 >= self.max_pages:
            raise SourceError(
                _("%(source)s answered with more than %(pages)s pages; the fetch was stopped.")
                % {**self._named, "pages": self.max_pages}
            )
        seen.add(next_url)
        return next_url

    @property
    def _named(self) -> dict[str, str]:
        return {"source": self.name}

    def _fetch(self, method: str, url: str, *, params: Any, json_body: Any) -> tuple[httpx.Response, bytes]:
        """The answer and its body, read within ``deadline`` seconds and ``max_bytes`` bytes."""
        ends_at = self.clock() + self.deadline
        with self.client.stream(method, url, params=params, json=json_body) as response:
            if response.status_code >= 400:
                return response, b""
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise SourceError(
                        _("%(source)s answered with more than %(mb)s MB; the fetch was stopped.")
                        % {"source": self.name, "mb": self.max_bytes // (1024 * 1024)}
                    )
                chunks.append(chunk)
                if self.clock() > ends_at:
                    raise _TooSlow
            return response, b"".join(chunks)

    def _refuse_long_wait(self, response: httpx.Response) -> None:
        """A source asking for a longer pause than we wait gets it: we stop and try another night."""
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is not None and wait > MAX_WAIT_SECONDS:
            raise SourceError(
                _(
                    "%(source)s asked us to wait %(minutes)s minutes before asking again; the fetch was stopped. "
                    "The values already stored are kept."
                )
                % {"source": self.name, "minutes": max(1, round(wait / 60))},
                status=response.status_code,
            )

    def _pause(self) -> None:
        """Leave ``min_interval`` seconds between two calls to the same source."""
        if self.min_interval > 0 and self._last_call:
            gap = time.monotonic() - self._last_call
            if gap < self.min_interval:
                self.sleep(self.min_interval - gap)
        self._last_call = time.monotonic()
        self.calls += 1

    def _wait(self, attempt: int, response: httpx.Response | None) -> None:
        if attempt >= self.retries:
            return
        delay = self.backoff * (2**attempt)
        retry_after = retry_after_seconds(response.headers.get("Retry-After")) if response is not None else None
        if retry_after is not None:
            delay = max(delay, retry_after)
        self.sleep(min(delay, MAX_WAIT_SECONDS))

    def _status_message(self, status: int) -> str:
        messages = {
            400: _("%(source)s refused the question (400): check the table, the KPI or the selection."),
            403: _("%(source)s refused the question (403): the selection may ask for too many values."),
            404: _("%(source)s does not know this table, dataset or KPI (404)."),
            429: _("%(source)s asked us to slow down (429)."),
        }
        default = _("%(source)s had a problem of its own (%(status)s).")
        return messages.get(status, default) % {"source": self.name, "status": status}


class _TooSlow(Exception):
    """The answer did not arrive in full within the deadline."""


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - timezone.now()).total_seconds())
