"""Finding what to measure in the sources' catalogues, and adding it as an indicator.

Searches are asked live (one call, one quick retry): Kolada's KPI catalogue by words in the
title, the PxWeb databases' table search, a Eurostat dataset's dimensions. Adding writes
the indicator first and fetches its values afterwards, as background work.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError
from samskapa.indicators import services
from samskapa.indicators.fetch import client_for
from samskapa.indicators.models import Indicator, Source
from samskapa.indicators.sources import registry
from samskapa.indicators.sources.base import TableInfo, TableMeta
from samskapa.indicators.sources.kolada import Kpi
from samskapa.orgs.services import require

INTERACTIVE = {"retries": 1, "timeout": 15.0}
CHANGE = "indicators.change_indicators"


def _checked(source: str, config: dict) -> None:
    try:
        services.source_config_clean(source, config)
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages)) from error


def interactive_client(source: str):
    return client_for(source, **INTERACTIVE)


def kolada_search(*, text: str) -> list[Kpi]:
    client = interactive_client(Source.KOLADA)
    try:
        return client.kpi_search(text)
    finally:
        client.http.close()


def kolada_known(*, organisation) -> set[str]:
    """The KPI ids the organisation already follows."""
    return {
        str(i.source_config.get("kpi"))
        for i in Indicator.objects.filter(organisation=organisation, source=Source.KOLADA).only("source_config")
    }


def kolada_indicator_add(*, actor, organisation, kpi_id: str, goal_ids=()) -> tuple[Indicator, object]:
    """Add a KPI as an indicator (titled as in Kolada) and start fetching its values."""
    require(actor, CHANGE, organisation)
    kpi_id = kpi_id.strip().upper()
    _checked(Source.KOLADA, {"kpi": kpi_id})
    client = interactive_client(Source.KOLADA)
    try:
        found = client.kpi_get([kpi_id])
    finally:
        client.http.close()
    if not found:
        raise ApplicationError(_("Kolada has no KPI %(id)s.") % {"id": kpi_id})
    indicator = services.kolada_indicator_create(
        actor=actor, organisation=organisation, kpi=found[0], goal_ids=goal_ids
    )
    return indicator, services.indicator_sync_start(actor=actor, organisation=organisation, indicator=indicator)


def pxweb_search(*, site: str, text: str) -> list[TableInfo]:
    client = interactive_client(site)
    try:
        return client.search(text)
    finally:
        client.http.close()


def table_metadata(*, site: str, table: str) -> TableMeta:
    if site not in {adapter.key for adapter in registry.table_sources()}:
        raise ApplicationError(_("Choose a statistics database from the list."))
    _checked(site, {"table": table, "roles": {"x": {"role": "time"}}})
    client = interactive_client(site)
    try:
        return client.metadata(table)
    finally:
        client.http.close()


def table_roles(meta: TableMeta, *, eurostat: bool = False, site: str = "") -> dict:
    """A first guess at each variable's role, the source's own where it has one."""
    adapter = registry.adapter_for(Source.EUROSTAT if eurostat else site or Source.SCB)
    return adapter.guess_roles(meta.variables)


def eurostat_metadata(*, dataset: str, filters: dict) -> TableMeta:
    client = interactive_client(Source.EUROSTAT)
    try:
        return client.metadata(dataset, filters)
    finally:
        client.http.close()


def eurostat_check(meta: TableMeta, filters: dict) -> None:
    """Refuse filters that leave several values of a dimension that is not a breakdown."""
    roles = table_roles(meta, eurostat=True)
    for variable in meta.variables:
        if variable.code not in roles and len(variable.values) > 1:
            codes = ", ".join(code for code, _label in variable.values[:8])
            raise ApplicationError(
                _("Add a filter that keeps one value of “%(dimension)s” (it has %(codes)s).")
                % {"dimension": variable.code, "codes": codes}
            )
