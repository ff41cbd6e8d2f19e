"""How the cells of a statistical table become observations: which variable is the area, the
period, and each breakdown (sex, age group, born abroad or in the country).

An indicator stores this as ``source_config["roles"]``: ``{variable: {"role": "sex", "map":
{code: "women", ...}}}``. Every other variable of the table is held at one value by the
selection, so two cells can never claim the same observation.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError
from samskapa.indicators.periods import parse_period
from samskapa.indicators.sources import jsonstat
from samskapa.indicators.sources.base import Row, Variable
from samskapa.indicators.sources.http import SourceError

ROLES = ("area", "time", "sex", "age", "origin")
BREAKDOWN_ROLES = ("sex", "age", "origin")

# Words in a value's label that tell which breakdown value it is (sv, fi, en).
SEX_WORDS = {
    "women": ("kvinn", "nais", "women", "female", "flick"),
    "men": ("män", "mies", "miehet", "men", "male", "pojk"),
    "total": ("tot", "yhteensä", "samtliga", "total", "alla", "båda", "both"),
}
ORIGIN_WORDS = {
    "foreign": ("utrikes", "ulkomail", "foreign", "abroad", "utomlands"),
    "native": ("inrikes", "sverige", "suomi", "native", "born in", "kotimaa", "reporting country"),
    "": ("tot", "yhteensä", "samtliga", "total", "alla"),
}
EUROSTAT_SEX = {"T": "total", "F": "women", "M": "men"}
EUROSTAT_ORIGIN = {"TOTAL": "", "NAT": "native", "FOR": "foreign"}


def _has_word(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"(^|[^a-zåäö]){re.escape(w)}", lowered) for w in words)


def guess_breakdown(role: str, code: str, label: str) -> str | None:
    """The breakdown value a table value stands for, from its code and label, or None."""
    if role == "age":
        return age_label(code, label)
    words = SEX_WORDS if role == "sex" else ORIGIN_WORDS
    text = f"{code} {label}"
    hits = [value for value, keywords in words.items() if _has_word(text, keywords)]
    total = "total" if role == "sex" else ""
    # "Totalt, samtliga män och kvinnor" names both sexes: it is the total.
    if total in hits or len(hits) > 1:
        return total
    return hits[0] if hits else None


def age_label(code: str, label: str) -> str:
    """A short age-group label such as 20-64 or 65+ ("" for all ages)."""
    text = f"{code} {label}"
    if match := re.search(r"(\d+)\s*[-–]\s*(\d+)", text):
        return f"{match[1]}-{match[2]}"
    if match := re.search(r"(\d+)\s*\+", text) or re.search(r"(?:GE|Y_GE)(\d+)", code):
        return f"{match[1]}+"
    if match := re.search(r"(?:LT|Y_LT)(\d+)", code):
        return f"0-{int(match[1]) - 1}"
    if _has_word(label, SEX_WORDS["total"]) or code.upper() in ("TOTAL", "TOTSA", "SSS"):
        return ""
    return label[:24] or code[:24]


@dataclass
class CellMapping:
    """Turns table cells into rows; built from an indicator's ``source_config``."""

    time: str
    area: str | None = None
    fixed_area: str = ""
    breakdowns: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> "CellMapping":
        roles = config.get("roles") or {}
        time = next((v for v, r in roles.items() if r.get("role") == "time"), None)
        area = next((v for v, r in roles.items() if r.get("role") == "area"), None)
        if time is None:
            raise ApplicationError(_("Say which variable of the table is the period."))
        breakdowns = {
            spec["role"]: (variable, {str(k): str(v) for k, v in (spec.get("map") or {}).items()})
            for variable, spec in roles.items()
            if spec.get("role") in BREAKDOWN_ROLES
        }
        return cls(time=time, area=area, fixed_area=str(config.get("fixed_area") or ""), breakdowns=breakdowns)

    def rows(self, dataset: Any, source: str) -> Iterator[Row]:
        ids, _codes = jsonstat.dimensions(dataset, source)
        position = {dim: i for i, dim in enumerate(ids)}
        needed = [self.time] + ([self.area] if self.area else []) + [v for v, _m in self.breakdowns.values()]
        missing = [v for v in needed if v not in position]
        if missing:
            raise SourceError(
                _("%(source)s no longer has the variable %(variable)s in this table.")
                % {"source": source, "variable": ", ".join(missing)}
            )
        time_at = position[self.time]
        area_at = position[self.area] if self.area else None
        lookups = {role: (position[var], mapping) for role, (var, mapping) in self.breakdowns.items()}
        periods: dict[str, tuple] = {}
        for codes, value, status in jsonstat.cells(dataset, source):
            label = codes[time_at]
            if label not in periods:
                try:
                    periods[label] = parse_period(label)
                except ApplicationError as error:
                    raise SourceError(error.message) from error
            parts = {"sex": "total", "age": "", "origin": ""}
            known = True
            for role, (at, mapping) in lookups.items():
                if codes[at] not in mapping:
                    known = False
                    break
                parts[role] = mapping[codes[at]]
            if not known:
                continue
            area = codes[area_at] if area_at is not None else self.fixed_area
            start, end = periods[label]
            yield Row(area, start, end, parts["sex"], parts["age"], parts["origin"], value, status)


def default_roles(variables: list[Variable], *, eurostat: bool = False) -> dict[str, dict]:
    """A first guess at each variable's role, for the table-picking form."""
    roles: dict[str, dict] = {}
    for variable in variables:
        code = variable.code.lower()
        if variable.is_time:
            roles[variable.code] = {"role": "time"}
        elif variable.is_geo or code in ("region", "alue", "geo", "kunta"):
            roles[variable.code] = {"role": "area"}
        elif code in ("kon", "sukupuoli", "sex"):
            mapping = EUROSTAT_SEX if eurostat else _guessed_map("sex", variable)
            roles[variable.code] = {"role": "sex", "map": mapping}
        elif code in ("c_birth", "fodelseregion", "födelseregion", "syntyperä", "syntymävaltio"):
            mapping = EUROSTAT_ORIGIN if eurostat else _guessed_map("origin", variable)
            roles[variable.code] = {"role": "origin", "map": mapping}
        elif code in ("age", "alder", "ålder", "ikä"):
            roles[variable.code] = {"role": "age", "map": _guessed_map("age", variable)}
    return roles


def _guessed_map(role: str, variable: Variable) -> dict[str, str]:
    found = {}
    for code, label in variable.values:
        guess = guess_breakdown(role, code, label)
        if guess is not None:
            found[code] = guess
    return found
