"""PxWeb: Statistics Sweden's API v2 and Statistics Finland's API v1, behind one interface.

v2 (``statistikdatabasen.scb.se/api/v2``): ``GET /tables?query=`` (paged search),
``GET /tables/{id}/metadata`` (a JSON-stat 2 dataset without values), ``POST
/tables/{id}/data?outputFormat=json-stat2`` with ``{"selection": [{"variableCode",
"valueCodes"}]}``, limits from ``GET /config`` (``maxDataCells``).

v1 (``pxdata.stat.fi/PxWeb/api/v1``): ``GET {lang}/{db}?query=..&filter=*`` (search),
``GET {lang}/{db}/{path}`` (folder listing, or a table's ``{"title", "variables"}``),
``POST`` the table path with ``{"query": [{"code", "selection": {"filter": "item",
"values"}}], "response": {"format": "json-stat2"}}``, limits from ``?config``.

A selection larger than the source's cell limit is split along its largest variable.
"""

from collections.abc import Callable, Iterator
from math import prod
from typing import Any
from urllib.parse import quote

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.core.errors import ApplicationError
from samskapa.indicators.sources import config, jsonstat
from samskapa.indicators.sources.adapter import Fetched, SourceAdapter
from samskapa.indicators.sources.base import AreaName, TableInfo, TableMeta, Variable, require_shape
from samskapa.indicators.sources.http import SourceError, SourceHttp
from samskapa.indicators.sources.mapping import BREAKDOWN_ROLES, CellMapping

DEFAULT_MAX_CELLS = 100_000
ALL = "*"


def _split(selection: dict[str, list[str]], sizes: dict[str, int], limit: int) -> Iterator[dict[str, list[str]]]:
    """Selections of at most ``limit`` cells together covering ``selection``."""
    count = prod(sizes.values()) if sizes else 1
    if count <= limit:
        yield selection
        return
    widest = max((v for v in selection if len(selection[v]) > 1), key=lambda v: len(selection[v]), default=None)
    if widest is None:
        yield selection
        return
    codes = selection[widest]
    half = len(codes) // 2
    for part in (codes[:half], codes[half:]):
        yield from _split({**selection, widest: part}, {**sizes, widest: len(part)}, limit)


class _PxWeb:
    """What both API versions share: the client, the language, the cell limit from the config."""

    limit_key = ""

    def __init__(self, http: SourceHttp, *, language: str):
        self.http = http
        self.language = language
        self._max_cells: int | None = None

    @property
    def name(self) -> str:
        return self.http.name

    def _config(self) -> Any:
        raise NotImplementedError

    def max_cells(self) -> int:
        if self._max_cells is None:
            config = self._config()
            limit = config.get(self.limit_key) if isinstance(config, dict) else None
            self._max_cells = int(limit) if isinstance(limit, int) and limit > 0 else DEFAULT_MAX_CELLS
        return self._max_cells


class PxWebV2(_PxWeb):
    """Statistics Sweden (SCB)."""

    limit_key = "maxDataCells"

    def __init__(self, http: SourceHttp, *, language: str = "sv"):
        super().__init__(http, language=language)

    def _config(self) -> Any:
        return self.http.get_json("config")

    def search(self, query: str, *, page_size: int = 20) -> list[TableInfo]:
        answer = self.http.get_json(
            "tables", params={"query": query, "lang": self.language, "pageSize": page_size, "pageNumber": 1}
        )
        require_shape(isinstance(answer, dict) and isinstance(answer.get("tables"), list), self.name)
        found = []
        for table in answer["tables"]:
            require_shape(isinstance(table, dict) and "id" in table, self.name)
            paths = table.get("paths") or [[]]
            path = " › ".join(str(p.get("label", "")) for p in paths[0] if isinstance(p, dict)) if paths else ""
            found.append(
                TableInfo(
                    id=str(table["id"]),
                    title=str(table.get("label") or table["id"]),
                    updated=str(table.get("updated") or "")[:10],
                    first_period=str(table.get("firstPeriod") or ""),
                    last_period=str(table.get("lastPeriod") or ""),
                    variables=[str(v) for v in table.get("variableNames") or []],
                    path=path,
                )
            )
        return found

    def metadata(self, table: str) -> TableMeta:
        dataset = self.http.get_json(f"tables/{quote(table)}/metadata", params={"lang": self.language})
        return TableMeta(
            id=table,
            title=str(dataset.get("label") or table) if isinstance(dataset, dict) else table,
            variables=jsonstat.variables(dataset, self.name),
            updated=str(dataset.get("updated") or "")[:10],
            notes=[str(n) for n in dataset.get("note") or []][:5],
        )

    def data(self, table: str, selection: dict[str, list[str]], sizes: dict[str, int]) -> Iterator[dict]:
        """JSON-stat 2 datasets for the selection, split to respect the cell limit."""
        for part in _split(selection, sizes, self.max_cells()):
            body = {"selection": [{"variableCode": var, "valueCodes": codes} for var, codes in part.items()]}
            yield self.http.post_json(
                f"tables/{quote(table)}/data", body, params={"lang": self.language, "outputFormat": "json-stat2"}
            )


class PxWebV1(_PxWeb):
    """Statistics Finland (StatFin, and any other v1 database)."""

    limit_key = "maxValues"

    def __init__(self, http: SourceHttp, *, language: str = "fi", database: str = "StatFin"):
        super().__init__(http, language=language)
        self.database = database

    def _config(self) -> Any:
        return self.http.get_json(self._path(), params={"config": ""})

    def _path(self, table: str = "") -> str:
        table = table.strip("/")
        if table.startswith(self.database + "/"):
            table = table[len(self.database) + 1 :]
        parts = [self.language, self.database] + ([table] if table else [])
        return "/".join(quote(p, safe="/") for p in parts)

    def search(self, query: str, *, page_size: int = 20) -> list[TableInfo]:
        answer = self.http.get_json(self._path(), params={"query": query, "filter": "*"})
        require_shape(isinstance(answer, list), self.name)
        found = []
        for item in answer[:page_size]:
            require_shape(isinstance(item, dict) and "id" in item, self.name)
            folder = str(item.get("path") or "").strip("/")
            table = f"{folder}/{item['id']}" if folder else str(item["id"])
            found.append(
                TableInfo(
                    id=table,
                    title=str(item.get("title") or item["id"]),
                    updated=str(item.get("published") or "")[:10],
                    path=folder,
                )
            )
        return found

    def metadata(self, table: str) -> TableMeta:
        answer = self.http.get_json(self._path(table))
        require_shape(isinstance(answer, dict) and isinstance(answer.get("variables"), list), self.name)
        variables = []
        for item in answer["variables"]:
            require_shape(isinstance(item, dict) and "code" in item and isinstance(item.get("values"), list), self.name)
            texts = item.get("valueTexts") or item["values"]
            require_shape(isinstance(texts, list) and len(texts) == len(item["values"]), self.name)
            code = str(item["code"])
            variables.append(
                Variable(
                    code=code,
                    label=str(item.get("text") or code),
                    values=[(str(c), str(t)) for c, t in zip(item["values"], texts, strict=True)],
                    elimination=bool(item.get("elimination", False)),
                    is_time=bool(item.get("time", False)) or code.lower() in ("vuosi", "tid", "year"),
                    is_geo=code.lower() in ("alue", "region", "kunta"),
                )
            )
        return TableMeta(id=table, title=str(answer.get("title") or table), variables=variables)

    def data(self, table: str, selection: dict[str, list[str]], sizes: dict[str, int]) -> Iterator[dict]:
        for part in _split(selection, sizes, self.max_cells()):
            query = [{"code": var, "selection": _v1_selection(codes)} for var, codes in part.items()]
            yield self.http.post_json(self._path(table), {"query": query, "response": {"format": "json-stat2"}})


def _v1_selection(codes: list[str]) -> dict[str, Any]:
    if len(codes) == 1 and codes[0].startswith("top(") and codes[0].endswith(")"):
        return {"filter": "top", "values": [codes[0][4:-1]]}
    if codes == [ALL]:
        return {"filter": "all", "values": [ALL]}
    return {"filter": "item", "values": codes}


def pxweb_selection(indicator, meta: TableMeta) -> tuple[dict[str, list[str]], dict[str, int]]:
    """The full selection (and its size per variable) for an indicator's PxWeb table."""
    source_config = indicator.source_config
    roles = source_config.get("roles") or {}
    fixed = source_config.get("selection") or {}
    selection: dict[str, list[str]] = {}
    for variable in meta.variables:
        codes_in_table = [code for code, _label in variable.values]
        role = (roles.get(variable.code) or {}).get("role")
        if role == "area":
            wanted = codes_in_table if indicator.all_areas else indicator.areas
            codes = [c for c in wanted if c in set(codes_in_table)]
        elif role == "time":
            latest = int(source_config.get("latest") or 0)
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


class PxWebAdapter(SourceAdapter):
    """A PxWeb database (API v1 or v2): a table, the roles of its variables, the values chosen."""

    table_catalogue = True

    def __init__(
        self,
        *,
        key: str,
        label: Promise | str,
        name: str,
        country: str,
        url_setting: str,
        default_url: str,
        national_area: str,
        make_client: Callable[[SourceHttp], "PxWebV1 | PxWebV2"],
        home_prefix: str = "",
        licence: str = "",
        licence_language: str = "",
        knows_areas_beforehand: bool = False,
    ):
        self.key = key
        self.label, self.name, self.country = label, name, country
        self.url_setting, self.default_url, self.national_area = url_setting, default_url, national_area
        self.home_prefix, self.licence, self.licence_language = home_prefix, licence, licence_language
        self.knows_areas_beforehand = knows_areas_beforehand
        self._make_client = make_client

    def make_client(self, http: SourceHttp) -> "PxWebV1 | PxWebV2":
        return self._make_client(http)

    def home_area(self, organisation) -> str:
        code = organisation.municipality_code or ""
        return f"{self.home_prefix}{code}" if code else ""

    def clean_config(self, source_config: dict) -> dict:
        table = str(source_config.get("table") or "").strip()
        if not config.TABLE_ID.match(table) or ".." in table:
            raise config.invalid(_("Give the table's id, for example TAB6471 or vaerak/statfin_vaerak_pxt_11rv.px."))
        selection = source_config.get("selection") or {}
        if not isinstance(selection, dict):
            raise config.invalid(_("The chosen values of the table are not valid."))
        clean = {
            "table": table,
            "roles": config.roles_clean(source_config.get("roles") or {}),
            "selection": {str(k): config.codes(v) for k, v in selection.items()},
            "latest": max(0, min(int(source_config.get("latest") or 0), 100)),
        }
        if source_config.get("fixed_area"):
            clean["fixed_area"] = str(source_config["fixed_area"])[:24]
        return clean

    def fetch(self, indicator, client: "PxWebV1 | PxWebV2") -> Fetched:
        table = str(indicator.source_config.get("table") or "").strip()
        if not table:
            raise ApplicationError(_("Choose the PxWeb table."))
        meta = client.metadata(table)
        selection, sizes = pxweb_selection(indicator, meta)
        mapping = CellMapping.from_config(indicator.source_config)
        names = []
        if mapping.area and (area := meta.variable(mapping.area)):
            names = [
                AreaName(code, label, "municipality" if len(code) >= 4 else "region") for code, label in area.values
            ]
        rows = (row for dataset in client.data(table, selection, sizes) for row in mapping.rows(dataset, client.name))
        chosen = set(selection.get(mapping.area or "", []))
        return Fetched(rows=rows, area_names=[n for n in names if n.code in chosen])

    def describe(self, source_config: dict) -> str:
        return f"{_('table')} {source_config.get('table', '')}"


SCB = PxWebAdapter(
    key="scb",
    label=gettext_lazy("Statistics Sweden (PxWeb)"),
    name="SCB",
    country="SE",
    url_setting="SAMSKAPA_PXWEB_SCB_URL",
    default_url="https://statistikdatabasen.scb.se/api/v2",
    national_area="00",
    make_client=PxWebV2,
    knows_areas_beforehand=True,
)
STATFI = PxWebAdapter(
    key="statfi",
    label=gettext_lazy("Statistics Finland (PxWeb)"),
    name="Statistics Finland",
    country="FI",
    url_setting="SAMSKAPA_PXWEB_STATFI_URL",
    default_url="https://pxdata.stat.fi/PxWeb/api/v1",
    national_area="SSS",
    make_client=PxWebV1,
    home_prefix="KU",  # StatFin writes a municipality as KU plus its code
)
