"""What to ask each source for an indicator, and the rows and area names it answers with.

An indicator's ``source_config`` says what to fetch: Kolada ``{"kpi", "since"}``; PxWeb
``{"table", "selection", "roles", "latest"}``; Eurostat ``{"dataset", "filters", "roles",
"since"}``. The areas (ours, the references, the national figure) come from the indicator.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from math import prod
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError
from samskapa.indicators.models import Indicator, Source
from samskapa.indicators.sources import jsonstat
from samskapa.indicators.sources.base import AreaName, Row, TableMeta
from samskapa.indicators.sources.eurostat import Eurostat
from samskapa.indicators.sources.http import SourceError, SourceHttp
from samskapa.indicators.sources.kolada import Kolada
from samskapa.indicators.sources.mapping import BREAKDOWN_ROLES, CellMapping, default_roles
from samskapa.indicators.sources.pxweb import PxWebV1, PxWebV2

SOURCE_NAMES: dict[str, str] = {
    Source.KOLADA: "Kolada",
    Source.SCB: "SCB",
    Source.STATFI: "Statistics Finland",
    Source.EUROSTAT: "Eurostat",
}
# The area code each source uses for the whole country.
NATIONAL_AREAS: dict[str, str] = {Source.KOLADA: "0000", Source.SCB: "00", Source.STATFI: "SSS"}
KOLADA_YEARS = 25


def client_for(source: str, **http_options: Any):
    """The client of a source, talking to the base URL in settings."""
    urls: dict[str, str] = {
        Source.KOLADA: settings.SAMSKAPA_KOLADA_URL,
        Source.SCB: settings.SAMSKAPA_PXWEB_SCB_URL,
        Source.STATFI: settings.SAMSKAPA_PXWEB_STATFI_URL,
        Source.EUROSTAT: settings.SAMSKAPA_EUROSTAT_URL,
    }
    if source not in urls:
        raise ApplicationError(_("This indicator has no online source."))
    http = SourceHttp.from_settings(urls[source], SOURCE_NAMES[source], **http_options)
    if source == Source.KOLADA:
        return Kolada(http)
    if source == Source.SCB:
        return PxWebV2(http)
    if source == Source.STATFI:
        return PxWebV1(http)
    return Eurostat(http)


def home_area_for(source: str, organisation) -> str:
    """Our municipality's code as the source writes it (Finland's StatFin prefixes KU)."""
    code = organisation.municipality_code or ""
    if source == Source.STATFI and code:
        return f"KU{code}"
    if source == Source.EUROSTAT:
        return organisation.country if organisation.country in ("SE", "FI", "NO", "DK") else ""
    return code


@dataclass
class Fetched:
    """The rows of one fetch, read lazily, and the area names learnt on the way."""

    rows: Iterator[Row]
    area_names: list[AreaName] = field(default_factory=list)


def fetch(indicator: Indicator, *, client=None, progress: Callable[[int, int], None] | None = None) -> Fetched:
    client = client or client_for(indicator.source)
    if indicator.source == Source.KOLADA:
        return _kolada(indicator, client)
    if indicator.source in (Source.SCB, Source.STATFI):
        return _pxweb(indicator, client)
    return _eurostat(indicator, client)


def _kolada(indicator: Indicator, client: Kolada) -> Fetched:
    kpi = str(indicator.source_config.get("kpi") or "").strip()
    if not kpi:
        raise ApplicationError(_("Give the Kolada KPI id, for example N02268."))
    since = int(indicator.source_config.get("since") or timezone.localdate().year - KOLADA_YEARS + 1)
    years = list(range(since, timezone.localdate().year + 1))
    municipalities = None if indicator.all_areas else indicator.areas
    if municipalities == []:
        raise ApplicationError(_("Say which areas to fetch: ours, others to compare with, or all."))
    return Fetched(rows=client.values(kpi, municipalities=municipalities, years=years))


def pxweb_selection(indicator: Indicator, meta: TableMeta) -> tuple[dict[str, list[str]], dict[str, int]]:
    """The full selection (and its size per variable) for an indicator's PxWeb table."""
    config = indicator.source_config
    roles = config.get("roles") or {}
    fixed = config.get("selection") or {}
    selection: dict[str, list[str]] = {}
    for variable in meta.variables:
        codes_in_table = [code for code, _label in variable.values]
        role = (roles.get(variable.code) or {}).get("role")
        if role == "area":
            wanted = codes_in_table if indicator.all_areas else indicator.areas
            codes = [c for c in wanted if c in set(codes_in_table)]
        elif role == "time":
            latest = int(config.get("latest") or 0)
            codes = codes_in_table[-latest:] if latest else codes_in_table
        elif role in BREAKDOWN_ROLES:
            codes = [c for c in roles[variable.code].get("map", {}) if c in set(codes_in_table)]
        else:
            codes = [c for c in fixed.get(variable.code, []) if c in set(codes_in_table)]
            if not codes and variable.elimination:
                continue  # left out: the table sums it up
            if len(codes) != 1:
                raise SourceError(
                    _("Choose one value of “%(variable)s” in the table settings.") % {"variable": variable.label}
                )
        if not codes:
            raise SourceError(
                _("None of the chosen values of “%(variable)s” are in the table any more.")
                % {"variable": variable.label}
            )
        selection[variable.code] = codes
    return selection, {var: len(codes) for var, codes in selection.items()}


def _pxweb(indicator: Indicator, client: PxWebV1 | PxWebV2) -> Fetched:
    table = str(indicator.source_config.get("table") or "").strip()
    if not table:
        raise ApplicationError(_("Choose the PxWeb table."))
    meta = client.metadata(table)
    selection, sizes = pxweb_selection(indicator, meta)
    mapping = CellMapping.from_config(indicator.source_config)
    names = []
    if mapping.area and (area := meta.variable(mapping.area)):
        names = [AreaName(code, label, "municipality" if len(code) >= 4 else "region") for code, label in area.values]
    rows = (row for dataset in client.data(table, selection, sizes) for row in mapping.rows(dataset, client.name))
    return Fetched(rows=rows, area_names=[n for n in names if n.code in set(selection.get(mapping.area or "", []))])


def eurostat_roles(indicator: Indicator, answer: dict) -> dict[str, dict]:
    roles = indicator.source_config.get("roles") or default_roles(jsonstat.variables(answer, "Eurostat"), eurostat=True)
    return roles


def _eurostat(indicator: Indicator, client: Eurostat) -> Fetched:
    config = indicator.source_config
    dataset = str(config.get("dataset") or "").strip()
    filters = {k: list(v) for k, v in (config.get("filters") or {}).items()}
    if "geo" not in filters and not indicator.all_areas:
        filters["geo"] = [a for a in indicator.areas]
    answer = client.data(dataset, filters, since=config.get("since"))
    roles = eurostat_roles(indicator, answer)
    _require_single_values(answer, roles, client.name)
    mapping = CellMapping.from_config({"roles": roles})
    geo = next((v for v in jsonstat.variables(answer, client.name) if v.code == mapping.area), None)
    names = [
        AreaName(code, label, "country" if len(code) == 2 else "region") for code, label in (geo.values if geo else [])
    ]
    return Fetched(rows=mapping.rows(answer, client.name), area_names=names)


def _require_single_values(answer: dict, roles: dict, source: str) -> None:
    ids, codes = jsonstat.dimensions(answer, source)
    for dim, dim_codes in zip(ids, codes, strict=True):
        if dim not in roles and len(dim_codes) > 1:
            raise SourceError(
                _("The dataset has several values of “%(dimension)s”: add a filter that keeps one.")
                % {"dimension": dim}
            )


def selection_size(selection: dict[str, list[str]]) -> int:
    return prod(len(codes) for codes in selection.values())
