"""Rate limits for public forms, counted exactly per real client in the database.

The count is one row per sender, scope and hour, raised by a single conditional UPDATE: two
answers sent at the same moment can never both take the last place (PostgreSQL locks the row
and re-checks the condition; SQLite writes one at a time). The sender is kept only as a keyed
hash, and rows of past hours are deleted: answers stay anonymous.

Behind a reverse proxy every request comes from the proxy's address. Name the proxies in
``SAMSKAPA_TRUSTED_PROXIES`` and the client's address is read from ``X-Forwarded-For`` instead,
from the right, skipping the trusted hops; without that setting the header is ignored, since
anyone can write it.
"""

import hashlib
import ipaddress
import time
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.db.models import F

from samskapa.ratelimits.models import RateCount

WINDOW_SECONDS = 3600
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    try:
        return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)
    except ValueError as error:
        raise ImproperlyConfigured(f"SAMSKAPA_TRUSTED_PROXIES: {error}") from error


def _parse(text: str) -> Address | None:
    """An address as proxies write it: bare, IPv4 with a port, or [IPv6] with a port."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: Address | None) -> bool:
    networks = _networks(tuple(settings.SAMSKAPA_TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_address(request) -> str:
    """The address of the person sending: the nearest hop that is not one of our trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not _trusted(_parse(remote)):
        return remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _parse(hop)
        if address is None:
            break  # a malformed hop: what lies left of it cannot be trusted
        if not _trusted(address):
            return str(address)
    return remote


def _key(scope: str, address: str) -> str:
    digest = hashlib.blake2b(f"{address}|{scope}".encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=32)
    return digest.hexdigest()


def _take(key: str, window: int, limit: int) -> bool:
    """One more try in this window, if fewer than ``limit`` were taken; atomic on its own."""
    rows = RateCount.objects.filter(key=key, window=window, count__lt=limit)
    if rows.update(count=F("count") + 1):
        return True
    if limit < 1 or RateCount.objects.filter(key=key, window=window).exists():
        return False
    try:
        with transaction.atomic():
            RateCount.objects.create(key=key, window=window, count=1)
    except IntegrityError:  # another process opened this window at the same moment: count on its row
        return bool(rows.update(count=F("count") + 1))
    RateCount.objects.filter(window__lt=window).delete()  # past hours are no longer needed
    return True


def allow(request, scope: str, limit: int) -> bool:
    """Count one more try from the request's sender in ``scope``; False once ``limit`` is reached this hour."""
    return _take(_key(scope, client_address(request)), int(time.time() // WINDOW_SECONDS), limit)


def survey_limit() -> int:
    return settings.SAMSKAPA_SURVEY_ANSWERS_PER_HOUR
