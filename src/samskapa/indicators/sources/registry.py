"""Every statistics source, registered in one place.

An indicator's ``source`` is one of these keys (or ``manual``). The rest of the project asks
the registry (``adapter_for``, ``table_sources``...) and never names a source: adding one is
its module under sources/, one line here, its tests and its recorded responses.
"""

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.core.errors import ApplicationError
from samskapa.indicators.sources import eurostat, kolada, pxweb, ssb
from samskapa.indicators.sources.adapter import SourceAdapter

MANUAL = "manual"
MANUAL_LABEL = gettext_lazy("Entered by hand or from a CSV/XLSX file")

ADAPTERS: dict[str, SourceAdapter] = {
    adapter.key: adapter
    for adapter in (
        kolada.ADAPTER,
        pxweb.SCB,
        pxweb.STATFI,
        eurostat.ADAPTER,
        ssb.ADAPTER,
    )
}

ONLINE_SOURCES = frozenset(ADAPTERS)
# The keys an indicator may have, for the API's schema (an enum in the OpenAPI document).
SourceKey = StrEnum("SourceKey", [(key, key) for key in (MANUAL, *ADAPTERS)])  # type: ignore[misc]


def source_choices() -> list[tuple[str, str | Promise]]:
    """The field choices of ``Indicator.source`` (a callable: a new source needs no migration)."""
    return [(MANUAL, MANUAL_LABEL), *((key, adapter.label) for key, adapter in ADAPTERS.items())]


def adapter_for(key: str) -> SourceAdapter:
    """The adapter of an online source; refuses manual and unknown sources with a message."""
    if key not in ADAPTERS:
        raise ApplicationError(_("This indicator has no online source."))
    return ADAPTERS[key]


def get(key: str) -> SourceAdapter | None:
    return ADAPTERS.get(key)


def table_sources() -> list[SourceAdapter]:
    """The PxWeb databases, whose tables are searched and picked the same way."""
    return [adapter for adapter in ADAPTERS.values() if adapter.table_catalogue]


def table_source_for(organisation) -> SourceAdapter:
    """The table database of the organisation's own country, else the first."""
    found = table_sources()
    return next((a for a in found if a.country == organisation.country), found[0])


def knows_areas_beforehand(key: str) -> bool:
    return bool(ADAPTERS.get(key) and ADAPTERS[key].knows_areas_beforehand)
