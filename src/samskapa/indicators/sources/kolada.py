"""Kolada, the Swedish municipal key figures (RKA), API v3: KPI catalogue, municipalities, values.

Facts this client follows (../shared/reference/data-sources.md §1): every answer is
``{"values": [...], "next_url": ...}``, paged with ``per_page`` up to 5 000; at most 25
comma-separated items per path segment; values are ``{"kpi", "municipality", "period",
"values": [{"gender": "T"|"K"|"M", "value", "status", "isdeleted"}]}``; deleted and empty
values are skipped. Data needs two of kpi, municipality and year.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.core.errors import ApplicationError
from samskapa.indicators.periods import year_period
from samskapa.indicators.sources import config
from samskapa.indicators.sources.adapter import Fetched, SourceAdapter
from samskapa.indicators.sources.base import AreaName, Row, chunked, require_shape
from samskapa.indicators.sources.http import SourceHttp

NAME = "Kolada"
PER_PAGE = 5000
MAX_SEGMENT_ITEMS = 25
NATIONAL = "0000"
GENDERS = {"T": "total", "K": "women", "M": "men"}
AREA_KINDS = {"K": "municipality", "L": "region"}
FIRST_YEAR = 1990
KPI_ID = re.compile(r"^[A-Z]\d{5}$")
YEARS_FETCHED = 25  # when the indicator says no first year


@dataclass
class Kpi:
    """A key figure in Kolada's catalogue."""

    id: str
    title: str
    description: str = ""
    is_divided_by_gender: bool = False
    municipality_type: str = ""
    operating_area: str = ""
    publication_date: str = ""
    publ_period: str = ""

    @property
    def unit(self) -> str:
        """The unit Kolada writes at the end of the title ("..., andel (%)", "..., antal")."""
        tail = self.title.rsplit(",", 1)[-1].strip().lower()
        if "(%)" in tail or tail.endswith("%"):
            return "%"
        if tail.startswith(("kr/", "kronor", "antal/", "genomsnitt")):
            return tail
        return tail if tail in ("antal", "balanstal") else ""

    @classmethod
    def from_json(cls, item: dict) -> "Kpi":
        return cls(
            id=str(item["id"]),
            title=str(item.get("title") or "").strip(),
            description=str(item.get("description") or "").strip(),
            is_divided_by_gender=bool(item.get("is_divided_by_gender")),
            municipality_type=str(item.get("municipality_type") or ""),
            operating_area=str(item.get("operating_area") or ""),
            publication_date=str(item.get("publication_date") or ""),
            publ_period=str(item.get("publ_period") or ""),
        )


class Kolada:
    def __init__(self, http: SourceHttp):
        self.http = http

    def _pages(self, path: str, params: dict | None = None) -> Iterator[list[dict]]:
        """Every page of a list, following ``next_url`` until it is empty (bounded: see next_page)."""
        answer = self.http.get_json(path, params={"per_page": PER_PAGE, **(params or {})})
        seen: set[str] = set()
        while True:
            require_shape(isinstance(answer, dict) and isinstance(answer.get("values"), list), NAME)
            yield answer["values"]
            next_url = self.http.next_page(answer.get("next_url"), seen)
            if next_url is None:
                return
            answer = self.http.get_json(next_url)

    def kpi_search(self, text: str, *, limit: int = 50) -> list[Kpi]:
        """KPIs whose title contains ``text`` (Kolada's own title search)."""
        found: list[Kpi] = []
        for page in self._pages("kpi", {"title": text.strip().lower()}):
            found.extend(Kpi.from_json(item) for item in page if isinstance(item, dict) and "id" in item)
            if len(found) >= limit:
                break
        return found[:limit]

    def kpi_get(self, kpi_ids: list[str]) -> list[Kpi]:
        found: list[Kpi] = []
        for chunk in chunked(kpi_ids, MAX_SEGMENT_ITEMS):
            for page in self._pages("kpi/" + ",".join(quote(k) for k in chunk)):
                found.extend(Kpi.from_json(item) for item in page if isinstance(item, dict) and "id" in item)
        return found

    def municipalities(self) -> list[AreaName]:
        areas: list[AreaName] = []
        for page in self._pages("municipality"):
            for item in page:
                require_shape(isinstance(item, dict) and "id" in item, NAME)
                code = str(item["id"])
                kind = "country" if code == NATIONAL else AREA_KINDS.get(str(item.get("type")), "other")
                areas.append(AreaName(code, str(item.get("title") or code), kind))
        return areas

    def values(
        self, kpi_id: str, *, municipalities: list[str] | None, years: list[int] | None = None, from_date: str = ""
    ) -> Iterator[Row]:
        """The values of one KPI, for the given municipalities (None: all) and years (None: all)."""
        if years is None:
            years = list(range(FIRST_YEAR, timezone.localdate().year + 1))
        params = {"from_date": from_date} if from_date else {}
        kpi = quote(kpi_id)
        for year_chunk in chunked(years, MAX_SEGMENT_ITEMS):
            year_part = ",".join(str(y) for y in year_chunk)
            if municipalities is None:
                yield from self._data(f"data/kpi/{kpi}/year/{year_part}", params)
                continue
            for area_chunk in chunked(municipalities, MAX_SEGMENT_ITEMS):
                areas = ",".join(quote(a) for a in area_chunk)
                yield from self._data(f"data/kpi/{kpi}/municipality/{areas}/year/{year_part}", params)

    def _data(self, path: str, params: dict) -> Iterator[Row]:
        for page in self._pages(path, params):
            for item in page:
                yield from parse_data_item(item)


_PERIODS: dict[int, tuple[date, date]] = {}


def _year(period) -> tuple[date, date]:
    if period not in _PERIODS:
        try:
            _PERIODS[period] = year_period(int(period))
        except (TypeError, ValueError):
            require_shape(False, NAME)
    return _PERIODS[period]


def parse_data_item(item: dict) -> list[Row]:
    """The rows of one data object; deleted and empty values are left out."""
    try:
        area, period, inner = item["municipality"], item["period"], item["values"]
    except (KeyError, TypeError):
        require_shape(False, NAME)
    require_shape(inner.__class__ is list, NAME)
    start, end = _PERIODS.get(period) or _year(period)
    rows = []
    for value in inner:
        # Hot path (a million values per import): plain lookups, no helper calls.
        if value.__class__ is not dict or value.get("isdeleted"):
            continue
        number, sex = value.get("value"), GENDERS.get(value.get("gender", "T"))
        if sex is None or (number.__class__ is not float and number.__class__ is not int):
            continue
        rows.append(Row(str(area), start, end, sex, "", "", number, value.get("status") or ""))
    return rows


class KoladaConfigForm(forms.Form):
    """What a Kolada indicator fetches, on the indicator's edit page."""

    kpi = forms.CharField(
        label=gettext_lazy("Kolada KPI id"),
        max_length=6,
        help_text=gettext_lazy("A letter and five digits, e.g. N02268."),
    )
    since = forms.IntegerField(
        label=gettext_lazy("Fetch from the year"), required=False, min_value=1900, max_value=2200
    )


class KoladaAdapter(SourceAdapter):
    key = "kolada"
    label = gettext_lazy("Kolada (Swedish municipal key figures)")
    name = NAME
    country = "SE"
    url_setting = "SAMSKAPA_KOLADA_URL"
    default_url = "https://api.kolada.se/v3"
    national_area = NATIONAL
    licence = "Källa: Kolada"  # Kolada's terms: cite it, in Swedish
    licence_language = "sv"
    knows_areas_beforehand = True
    lists_areas = True
    config_form = KoladaConfigForm

    def make_client(self, http: SourceHttp) -> Kolada:
        return Kolada(http)

    def clean_config(self, source_config: dict) -> dict:
        kpi = str(source_config.get("kpi") or "").strip().upper()
        if not KPI_ID.match(kpi):
            raise config.invalid(_("A Kolada KPI id is a letter and five digits, for example N02268."))
        clean: dict[str, Any] = {"kpi": kpi}
        if source_config.get("since") not in (None, ""):
            clean["since"] = config.year(source_config["since"])
        return clean

    def fetch(self, indicator, client: Kolada) -> Fetched:
        kpi = str(indicator.source_config.get("kpi") or "").strip()
        if not kpi:
            raise ApplicationError(_("Give the Kolada KPI id, for example N02268."))
        this_year = timezone.localdate().year
        since = int(indicator.source_config.get("since") or this_year - YEARS_FETCHED + 1)
        municipalities = None if indicator.all_areas else indicator.areas
        if municipalities == []:
            raise ApplicationError(_("Say which areas to fetch: ours, others to compare with, or all."))
        return Fetched(rows=client.values(kpi, municipalities=municipalities, years=list(range(since, this_year + 1))))

    def describe(self, source_config: dict) -> str:
        return f"KPI {source_config.get('kpi', '')}"

    def all_area_names(self, client: Kolada) -> list[AreaName]:
        """Kolada lists every municipality and region: their names are learnt after a fetch."""
        return client.municipalities()


ADAPTER = KoladaAdapter()
