"""Public pages are cached: ETag and Last-Modified for browsers, and the rendered page on the server.

The key of both is the site's content version (kept in the database, so every web process
sees the same), the reader's language, the address and today's date (what is "open" moves
with the calendar). When published content changes, the version moves, so no process serves
the old page again; a time limit also bounds what a write that bypassed signals leaves behind.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("samskapa")
    except PackageNotFoundError:
        return "dev"


# A new release renders anew rather than answering 304 for a page it may now draw differently.
VERSION = _version()
# Headers worth keeping with a cached page.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "X-Content-Type-Options",
    "Access-Control-Allow-Origin",
)


def cache_seconds() -> int:
    return settings.SAMSKAPA_PUBLIC_CACHE_SECONDS


def last_modified_for(changed_at: datetime) -> datetime:
    """When the page last changed: the content's change, or this morning when later."""
    today = datetime.combine(timezone.localdate(), time.min, tzinfo=timezone.get_current_timezone())
    return max(changed_at, today)


def _key(parts: tuple) -> str:
    raw = "|".join(str(part) for part in (*parts, VERSION, timezone.localdate().isoformat()))
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def cached_response(
    request: HttpRequest, *, parts: tuple, changed_at: datetime, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """Answer 304 when the reader has the page, else the cached page, else render and keep it."""
    key = _key((request.get_full_path(), *parts))
    etag = f'"{key}"'
    modified = last_modified_for(changed_at)
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(modified.timestamp()))
    if not_modified is not None:
        return _stamp(not_modified, etag, modified)
    cache = caches[settings.SAMSKAPA_PUBLIC_CACHE]
    stored = cache.get(f"public:{key}")
    if stored is not None:
        status, content, headers = stored
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        return _stamp(response, etag, modified)
    response = render()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        if not response.streaming:
            cache.set(f"public:{key}", (response.status_code, response.content, headers), cache_seconds())
        else:
            # A streamed file (open data) is kept as it goes out, if it turns out small enough.
            response.streaming_content = _kept(response.streaming_content, f"public:{key}", headers)
    return _stamp(response, etag, modified)


# A streamed body larger than this is sent but not kept: large files are cheap to draw again
# (they stream at flat memory) and would crowd the pages out of the cache.
STREAM_CACHE_LIMIT = 2 * 1024 * 1024


def _kept(chunks: Iterable[bytes], cache_key: str, headers: dict[str, str]) -> Iterator[bytes]:
    kept: list[bytes] | None = []
    size = 0
    for chunk in chunks:
        if kept is not None:
            size += len(chunk)
            if size <= STREAM_CACHE_LIMIT:
                kept.append(chunk)
            else:
                kept = None
        yield chunk
    if kept is not None:
        caches[settings.SAMSKAPA_PUBLIC_CACHE].set(cache_key, (200, b"".join(kept), headers), cache_seconds())


def _stamp(response: HttpResponse, etag: str, modified: datetime) -> HttpResponse:
    if response.status_code in (200, 304):
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified.timestamp())
        # Shared caches may keep the page, but must ask again (a 304 costs a few bytes) each time.
        response["Cache-Control"] = "public, no-cache"
    return response


def private(response: HttpResponse) -> HttpResponse:
    """A preview for members of a site that is not public: never kept anywhere."""
    response["Cache-Control"] = "private, no-store"
    return response
