"""Rate limits for public forms, counted per address in a shared cache (the database by default).

The address is kept only as a keyed hash inside the cache, for at most an hour: answers stay anonymous.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches

WINDOW_SECONDS = 3600


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, address: str, window: int) -> str:
    digest = hashlib.blake2b(f"{address}|{scope}".encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=16)
    return f"throttle:{digest.hexdigest()}:{window}"


def allow(request, scope: str, limit: int) -> bool:
    """Count one more try from the request's address in ``scope``; False once ``limit`` is passed this hour."""
    cache = caches["throttle"]
    key = _key(scope, client_address(request), int(time.time() // WINDOW_SECONDS))
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return True


def survey_limit() -> int:
    return settings.SAMSKAPA_SURVEY_ANSWERS_PER_HOUR
