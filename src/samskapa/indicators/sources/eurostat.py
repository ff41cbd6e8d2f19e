"""Eurostat's statistics API 1.0 (JSON-stat 2.0, sparse values): national and regional context.

``GET {base}/data/{dataset}?format=JSON&lang=EN&geo=SE&geo=FI&sex=T&sinceTimePeriod=2010``;
a filter with several values repeats its parameter. Eurostat has countries and at best
NUTS 2 regions, never municipalities, so it serves as the benchmark beside local figures.
"""

import re
from typing import Any
from urllib.parse import quote

from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError
from samskapa.indicators.sources import jsonstat
from samskapa.indicators.sources.base import TableMeta
from samskapa.indicators.sources.http import SourceHttp

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
