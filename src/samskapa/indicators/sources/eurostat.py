"""Eurostat's statistics API 1.0 (JSON-stat 2.0, sparse values): national and regional context.

``GET {base}/data/{dataset}?format=JSON&lang=EN&geo=SE&geo=FI&sex=T&sinceTimePeriod=2010``;
a filter with several values repeats its parameter. Eurostat has countries and at best
NUTS 2 regions, never municipalities, so it serves as the benchmark beside local figures.
"""

import re
from typing import Any
from urllib.parse import quote

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.core.errors import ApplicationError
from samskapa.indicators.sources import config, jsonstat
from samskapa.indicators.sources.adapter import Fetched, SourceAdapter
from samskapa.indicators.sources.base import AreaName, TableMeta
from samskapa.indicators.sources.http import SourceError, SourceHttp
from samskapa.indicators.sources.mapping import CellMapping, default_roles

DATASET = re.compile(r"^[a-z][a-z0-9_]{2,40}$")
DIMENSION = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,40}$")

# Datasets that carry the EU's migrant-integration indicators (by country of birth); the
# picking page offers them, any other dataset code works too.
SUGGESTED_DATASETS = [
    ("lfsa_ergacob", "Employment rate by sex, age and country of birth (%)"),
    ("lfsa_urgacob", "Unemployment rate by sex, age and country of birth (%)"),
    ("lfsa_argacob", "Activity rate by sex, age and country of birth (%)"),
    ("lfsa_esgacob", "Self-employment by sex, age and country of birth"),
    ("lfst_r_lfe2emprc", "Employment by country of birth, NUTS 2 regions"),
    ("migr_acq", "Acquisition of citizenship"),
    ("migr_resfirst", "First residence permits by reason"),
]


def parse_filters(text: str) -> dict[str, list[str]]:
    """Filters written as ``unit=PC; sex=T,F,M; age=Y20-64`` (one dimension per part)."""
    filters: dict[str, list[str]] = {}
    for part in re.split(r"[;\n&]+", text or ""):
        if not part.strip():
            continue
        name, sep, values = part.partition("=")
        name, codes = name.strip().lower(), [c.strip() for c in values.split(",") if c.strip()]
        if not sep or not DIMENSION.match(name) or not codes or not all(CODE.match(c) for c in codes):
            raise ApplicationError(
                _("Write the filters as dimension=code,code; for example: unit=PC; sex=T,F,M; age=Y20-64.")
            )
        filters.setdefault(name, []).extend(codes)
    return filters


def format_filters(filters: dict[str, list[str]]) -> str:
    return "; ".join(f"{name}={','.join(codes)}" for name, codes in filters.items())


class Eurostat:
    def __init__(self, http: SourceHttp, *, language: str = "EN"):
        self.http = http
        self.language = language

    @property
    def name(self) -> str:
        return self.http.name

    def _params(self, filters: dict[str, list[str]], since: int | None) -> list[tuple[str, Any]]:
        params: list[tuple[str, Any]] = [("format", "JSON"), ("lang", self.language)]
        for name, codes in filters.items():
            params.extend((name, code) for code in codes)
        if since:
            params.append(("sinceTimePeriod", since))
        return params

    def data(self, dataset: str, filters: dict[str, list[str]], *, since: int | None = None) -> dict:
        if not DATASET.match(dataset):
            raise ApplicationError(_("“%(code)s” is not a Eurostat dataset code.") % {"code": dataset[:40]})
        return self.http.get_json(f"data/{quote(dataset)}", params=self._params(filters, since))

    def metadata(self, dataset: str, filters: dict[str, list[str]]) -> TableMeta:
        """The dimensions of a dataset under the filters (asked with only the latest period)."""
        params = {**filters, "lastTimePeriod": ["1"]}
        answer = self.data(dataset, params)
        return TableMeta(
            id=dataset,
            title=str(answer.get("label") or dataset),
            variables=jsonstat.variables(answer, self.name),
            updated=str(answer.get("updated") or "")[:10],
        )


class EurostatConfigForm(forms.Form):
    """What an existing Eurostat indicator fetches, as text (on the indicator's edit page)."""

    dataset = forms.CharField(
        label=gettext_lazy("Eurostat dataset"),
        max_length=40,
        help_text=gettext_lazy("The dataset code, e.g. lfsa_ergacob (employment rate by country of birth)."),
        widget=forms.TextInput(attrs={"list": "eurostat-datasets"}),
    )
    filters = forms.CharField(
        label=gettext_lazy("Filters"),
        required=False,
        help_text=gettext_lazy("dimension=code,code; … for example: unit=PC; age=Y20-64; sex=T,F,M; c_birth=NAT,FOR"),
    )
    since = forms.IntegerField(
        label=gettext_lazy("Fetch from the year"), required=False, min_value=1900, max_value=2200
    )

    suggestions = SUGGESTED_DATASETS


def roles_of(indicator, answer: dict) -> dict[str, dict]:
    return indicator.source_config.get("roles") or default_roles(jsonstat.variables(answer, NAME), eurostat=True)


def _require_single_values(answer: dict, roles: dict, source: str) -> None:
    ids, codes = jsonstat.dimensions(answer, source)
    for dim, dim_codes in zip(ids, codes, strict=True):
        if dim not in roles and len(dim_codes) > 1:
            raise SourceError(
                _("The dataset has several values of “%(dimension)s”: add a filter that keeps one.")
                % {"dimension": dim}
            )


NAME = "Eurostat"
NORDIC = ("SE", "FI", "NO", "DK")


def _filter_ok(dimension: Any, codes: Any) -> bool:
    return (
        isinstance(dimension, str)
        and bool(DIMENSION.match(dimension))
        and isinstance(codes, list)
        and bool(codes)
        and all(CODE.match(str(c)) for c in codes)
    )


class EurostatAdapter(SourceAdapter):
    """Countries and regions, never municipalities: the benchmark beside local figures."""

    key = "eurostat"
    label = gettext_lazy("Eurostat")
    name = NAME
    url_setting = "SAMSKAPA_EUROSTAT_URL"
    default_url = "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0"
    config_form = EurostatConfigForm

    def make_client(self, http: SourceHttp) -> Eurostat:
        return Eurostat(http)

    def home_area(self, organisation) -> str:
        return organisation.country if organisation.country in NORDIC else ""

    def clean_config(self, source_config: dict) -> dict:
        dataset = str(source_config.get("dataset") or "").strip().lower()
        if not DATASET.match(dataset):
            raise config.invalid(_("Give a Eurostat dataset code, for example lfsa_ergacob."))
        filters = source_config.get("filters") or {}
        if not isinstance(filters, dict) or not all(_filter_ok(k, v) for k, v in filters.items()):
            raise config.invalid(_("Write the filters as dimension=code,code; for example: unit=PC; sex=T,F,M."))
        clean: dict[str, Any] = {"dataset": dataset, "filters": {k: [str(c) for c in v] for k, v in filters.items()}}
        if source_config.get("since") not in (None, ""):
            clean["since"] = config.year(source_config["since"])
        if source_config.get("roles"):
            clean["roles"] = config.roles_clean(source_config["roles"])
        return clean

    def fetch(self, indicator, client: Eurostat) -> Fetched:
        source_config = indicator.source_config
        dataset = str(source_config.get("dataset") or "").strip()
        filters = {k: list(v) for k, v in (source_config.get("filters") or {}).items()}
        if "geo" not in filters and not indicator.all_areas:
            filters["geo"] = list(indicator.areas)
        answer = client.data(dataset, filters, since=source_config.get("since"))
        roles = roles_of(indicator, answer)
        _require_single_values(answer, roles, client.name)
        mapping = CellMapping.from_config({"roles": roles})
        geo = next((v for v in jsonstat.variables(answer, client.name) if v.code == mapping.area), None)
        names = [
            AreaName(code, label, "country" if len(code) == 2 else "region")
            for code, label in (geo.values if geo else [])
        ]
        return Fetched(rows=mapping.rows(answer, client.name), area_names=names)

    def describe(self, source_config: dict) -> str:
        return f"{_('dataset')} {source_config.get('dataset', '')}"

    def guess_roles(self, variables) -> dict[str, dict]:
        return default_roles(variables, eurostat=True)

    def config_initial(self, source_config: dict) -> dict:
        return {**source_config, "filters": format_filters(source_config.get("filters") or {})}

    def config_from_form(self, cleaned: dict, source_config: dict) -> dict:
        try:
            cleaned["filters"] = parse_filters(cleaned["filters"])
        except ApplicationError as error:
            raise config.invalid(error.message, "filters") from error
        return {k: v for k, v in {**source_config, **cleaned}.items() if v not in (None, "")}


ADAPTER = EurostatAdapter()
