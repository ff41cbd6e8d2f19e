"""What to ask each source for an indicator, and the rows and area names it answers with.

An indicator's ``source_config`` says what to fetch (each source's adapter checks it: Kolada
``{"kpi", "since"}``; PxWeb ``{"table", "selection", "roles", "latest"}``; Eurostat
``{"dataset", "filters", "roles", "since"}``). The areas (ours, the references, the national
figure) come from the indicator. Every source is reached through sources/registry.py.
"""

from collections.abc import Callable
from typing import Any

from samskapa.indicators.models import Indicator
from samskapa.indicators.sources import registry
from samskapa.indicators.sources.adapter import Fetched


def client_for(source: str, **http_options: Any):
    """The client of a source, talking to the base URL in settings."""
    return registry.adapter_for(source).client(**http_options)


def home_area_for(source: str, organisation) -> str:
    """Our municipality's code as the source writes it (Finland's StatFin prefixes KU)."""
    adapter = registry.get(source)
    return adapter.home_area(organisation) if adapter else organisation.municipality_code or ""


def national_area_for(source: str) -> str:
    """The source's code for the whole country ("" when it has none)."""
    adapter = registry.get(source)
    return adapter.national_area if adapter else ""


def fetch(indicator: Indicator, *, client=None, progress: Callable[[int, int], None] | None = None) -> Fetched:
    adapter = registry.adapter_for(indicator.source)
    return adapter.fetch(indicator, client or adapter.client())
