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

from collections.abc import Iterator
from math import prod
from typing import Any
from urllib.parse import quote

from samskapa.indicators.sources import jsonstat
from samskapa.indicators.sources.base import TableInfo, TableMeta, Variable, require_shape
from samskapa.indicators.sources.http import SourceHttp

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
