"""What every source gives back: rows of values, table descriptions and areas, in one shape."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import NamedTuple, TypeVar

from django.utils.translation import gettext as _

from samskapa.indicators.sources.http import SourceError

T = TypeVar("T")


class Row(NamedTuple):
    """One value as a source reports it, ready to be stored as an observation."""

    area: str
    period_start: date
    period_end: date
    sex: str
    age: str
    origin: str
    value: float
    status: str


@dataclass(frozen=True)
class AreaName:
    code: str
    name: str
    kind: str = "other"


@dataclass
class Variable:
    """A dimension of a statistical table, with its values (code and text) in the table's order."""

    code: str
    label: str
    values: list[tuple[str, str]]
    elimination: bool = False
    is_time: bool = False
    is_geo: bool = False


@dataclass
class TableInfo:
    """A table (PxWeb) or dataset (Eurostat) as found in a catalogue search."""

    id: str
    title: str
    updated: str = ""
    first_period: str = ""
    last_period: str = ""
    variables: list[str] = field(default_factory=list)
    path: str = ""


@dataclass
class TableMeta:
    id: str
    title: str
    variables: list[Variable]
    updated: str = ""
    notes: list[str] = field(default_factory=list)

    def variable(self, code: str) -> Variable | None:
        return next((v for v in self.variables if v.code == code), None)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def require_shape(condition: bool, source: str) -> None:
    """Refuse an answer that does not have the shape the source's API documents."""
    if not condition:
        raise SourceError(_("%(source)s answered in a shape we do not recognise.") % {"source": source})
