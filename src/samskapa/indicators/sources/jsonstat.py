"""JSON-stat 2.0 datasets, as PxWeb (dense ``value`` list) and Eurostat (sparse object) send them.

A dataset has ``id`` (dimension order), ``size`` and ``dimension[id].category.index``
(code → position, or a list of codes); values are laid out row-major, the last dimension
varying fastest. ``cells`` walks them as (codes per dimension, value, status).
"""

from collections.abc import Iterator
from typing import Any

from samskapa.indicators.sources.base import Variable, require_shape


def _codes_in_order(dimension: dict, size: int, source: str) -> list[str]:
    category: Any = dimension.get("category") if isinstance(dimension, dict) else None
    require_shape(isinstance(category, dict), source)
    index = category.get("index")
    if index is None:
        labels = category.get("label") or {}
        require_shape(isinstance(labels, dict) and len(labels) == size, source)
        return list(labels)
    if isinstance(index, list):
        codes = [str(code) for code in index]
    else:
        require_shape(isinstance(index, dict), source)
        codes = [""] * len(index)
        for code, position in index.items():
            require_shape(isinstance(position, int) and 0 <= position < len(codes), source)
            codes[position] = str(code)
    require_shape(len(codes) == size, source)
    return codes


def dimensions(dataset: Any, source: str) -> tuple[list[str], list[list[str]]]:
    """The dimension ids and, for each, its category codes in the dataset's order."""
    require_shape(isinstance(dataset, dict) and dataset.get("class", "dataset") == "dataset", source)
    ids, sizes, dims = dataset.get("id"), dataset.get("size"), dataset.get("dimension")
    require_shape(isinstance(ids, list) and isinstance(sizes, list) and isinstance(dims, dict), source)
    require_shape(len(ids) == len(sizes) and all(isinstance(s, int) and s >= 0 for s in sizes), source)
    return [str(i) for i in ids], [_codes_in_order(dims.get(i), s, source) for i, s in zip(ids, sizes, strict=True)]


def variables(dataset: Any, source: str) -> list[Variable]:
    """The dataset's dimensions as table variables, with labels, time and geography marked."""
    ids, codes = dimensions(dataset, source)
    role = dataset.get("role") or {}
    time_ids = set(role.get("time") or [])
    geo_ids = set(role.get("geo") or [])
    found = []
    for dim_id, dim_codes in zip(ids, codes, strict=True):
        dimension = dataset["dimension"][dim_id]
        labels = dimension["category"].get("label") or {}
        extension = dimension.get("extension") or {}
        found.append(
            Variable(
                code=dim_id,
                label=str(dimension.get("label") or dim_id),
                values=[(code, str(labels.get(code, code))) for code in dim_codes],
                elimination=bool(extension.get("elimination", False)),
                is_time=dim_id in time_ids or dim_id.lower() in ("time", "tid", "vuosi", "year"),
                is_geo=dim_id in geo_ids or dim_id.lower() in ("geo", "region", "alue"),
            )
        )
    return found


def cells(dataset: Any, source: str) -> Iterator[tuple[tuple[str, ...], float, str]]:
    """Every cell that has a number: the codes (in ``id`` order), the value and its status flag."""
    ids, codes = dimensions(dataset, source)
    values, statuses = dataset.get("value"), dataset.get("status") or {}
    strides = _strides([len(c) for c in codes])
    total = strides[0] * len(codes[0]) if codes else 0
    if isinstance(values, list):
        require_shape(len(values) in (0, total), source)
        positions: Any = ((i, v) for i, v in enumerate(values))
    else:
        require_shape(isinstance(values, dict), source)
        positions = ((_position(k, total, source), v) for k, v in values.items())
    for position, value in positions:
        if value is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        yield _coordinates(position, strides, codes), float(value), _status(statuses, position)


def _strides(sizes: list[int]) -> list[int]:
    strides, step = [], 1
    for size in reversed(sizes):
        strides.append(step)
        step *= size
    return list(reversed(strides))


def _position(key: Any, total: int, source: str) -> int:
    try:
        position = int(key)
    except (TypeError, ValueError):
        position = -1
    require_shape(0 <= position < total, source)
    return position


def _coordinates(position: int, strides: list[int], codes: list[list[str]]) -> tuple[str, ...]:
    found = []
    for stride, dim_codes in zip(strides, codes, strict=True):
        index, position = divmod(position, stride)
        found.append(dim_codes[index])
    return tuple(found)


def _status(statuses: Any, position: int) -> str:
    if isinstance(statuses, dict):
        return str(statuses.get(str(position), ""))[:24]
    if isinstance(statuses, list) and position < len(statuses):
        return str(statuses[position] or "")[:24]
    if isinstance(statuses, str):
        return statuses[:24]
    return ""
