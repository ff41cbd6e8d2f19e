"""Fetching new values for indicators with an online source, one indicator at a time.

Each indicator is fetched in its own transaction: either all its new values are stored or,
when the source fails (after the client's retries), none are and the values already there
stay as they were. The indicator keeps its status: when it was last fetched, the last
error. A run over many indicators goes on past a failing one.
"""

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskapa.core.errors import ApplicationError
from samskapa.indicators.areas import areas_remember
from samskapa.indicators.bulk import observations_upsert
from samskapa.indicators.fetch import client_for, fetch
from samskapa.indicators.models import ONLINE_SOURCES, Area, Indicator, SyncStatus
from samskapa.indicators.sources import registry
from samskapa.indicators.sources.http import SourceError
from samskapa.publicsite.services import public_content_changed

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass
class SyncResult:
    indicator_id: int
    title: str
    ok: bool
    written: int = 0
    revised: int = 0
    error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def _learn_area_names(client, indicator: Indicator) -> None:
    """A source that lists all its areas (Kolada) is asked for their names once one is new to us."""
    adapter = registry.adapter_for(indicator.source)
    if not adapter.lists_areas:
        return
    codes = set(indicator.areas)
    known = set(Area.objects.filter(scheme=adapter.key, code__in=codes).values_list("code", flat=True))
    if codes - known:
        areas_remember(adapter.key, adapter.all_area_names(client) or [])


def indicator_sync(*, indicator: Indicator, client=None, on_rows: Callable[[int], None] | None = None) -> SyncResult:
    """Fetch and store the indicator's values; record the outcome on the indicator."""
    if indicator.source not in ONLINE_SOURCES:
        return SyncResult(indicator.pk, indicator.title, ok=False, error=_("This indicator has no online source."))
    now = timezone.now()
    try:
        client = client or client_for(indicator.source)
        with transaction.atomic():
            # Lock the indicator: it cannot be deleted while its values are being written.
            if not Indicator.objects.select_for_update().filter(pk=indicator.pk).exists():
                return SyncResult(indicator.pk, indicator.title, ok=False, error=_("The indicator was removed."))
            fetched = fetch(indicator, client=client)
            result = observations_upsert(
                indicator=indicator, rows=fetched.rows, source=indicator.source, fetched_at=now, progress=on_rows
            )
            areas_remember(indicator.source, fetched.area_names)
            # In the same transaction as the values: one commit per indicator, not two.
            Indicator.objects.filter(pk=indicator.pk).update(
                sync_status=SyncStatus.OK, last_fetched_at=now, last_error="", updated_at=now
            )
        # The values were written past the model's signals: the public pages are told here,
        # so residents see the new figures at once rather than when the page cache expires.
        public_content_changed(indicator.organisation_id)
        _learn_area_names(client, indicator)
    except (SourceError, ApplicationError) as error:
        return _failed(indicator, error.message, now)
    except Exception:
        # A bug, not the source: the traceback goes to the log, the person sees a plain message.
        logger.exception("Fetching indicator %s failed", indicator.pk)
        return _failed(indicator, _("The fetch failed unexpectedly. Try again or ask an administrator."), now)
    indicator.sync_status, indicator.last_fetched_at, indicator.last_error = SyncStatus.OK, now, ""
    return SyncResult(indicator.pk, indicator.title, ok=True, written=result.written, revised=result.revised)


def _failed(indicator: Indicator, message: str, now) -> SyncResult:
    Indicator.objects.filter(pk=indicator.pk).update(
        sync_status=SyncStatus.FAILED, last_error=message, last_error_at=now, updated_at=now
    )
    indicator.sync_status, indicator.last_error, indicator.last_error_at = SyncStatus.FAILED, message, now
    return SyncResult(indicator.pk, indicator.title, ok=False, error=message)


def online_indicators(*, organisation, indicator_ids: list[int] | None = None):
    queryset = Indicator.objects.filter(organisation=organisation, source__in=ONLINE_SOURCES).order_by("pk")
    if indicator_ids is not None:
        queryset = queryset.filter(pk__in=indicator_ids)
    return list(queryset)


def organisation_sync(
    *, organisation, indicator_ids: list[int] | None = None, progress: Progress | None = None, clients=None
) -> list[SyncResult]:
    """Fetch every online indicator of the organisation (or the given ones), one after another."""
    indicators = online_indicators(organisation=organisation, indicator_ids=indicator_ids)
    clients = {} if clients is None else clients
    results = []
    total = len(indicators)
    for done, indicator in enumerate(indicators):
        if progress:
            progress(done, total, indicator.title)

        def rows_seen(count: int, done=done, title=indicator.title) -> None:
            if progress:
                progress(done, total, _("%(title)s: %(count)s values") % {"title": title, "count": count})

        if indicator.source not in clients:
            clients[indicator.source] = client_for(indicator.source)
        results.append(indicator_sync(indicator=indicator, client=clients[indicator.source], on_rows=rows_seen))
    if progress:
        progress(total, total, summary(results))
    for client in clients.values():
        client.http.close()
    return results


def summary(results: list[SyncResult]) -> str:
    failed = sum(1 for r in results if not r.ok)
    fetched = ngettext("%(count)s indicator fetched", "%(count)s indicators fetched", len(results) - failed) % {
        "count": len(results) - failed
    }
    if not failed:
        return fetched + "."
    return fetched + ", " + ngettext("%(count)s failed.", "%(count)s failed.", failed) % {"count": failed}
