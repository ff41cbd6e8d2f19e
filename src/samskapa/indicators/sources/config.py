"""Checks the adapters share on an indicator's ``source_config``: years, table ids, chosen
values and the roles of a table's variables. Each raises ValidationError on ``source_config``."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samskapa.indicators.sources.mapping import BREAKDOWN_ROLES, ROLES

TABLE_ID = re.compile(r"^[A-Za-z0-9_./\-]{1,200}$")
VALUE_CODE = re.compile(r"^[^\x00-\x1f]{1,80}$")
# The values of models.Sex and models.Origin (tests/indicators/test_source_registry.py keeps them equal):
# the sources know nothing of the models, so that the models can list the sources.
BREAKDOWN_VALUES = {"sex": {"total", "women", "men"}, "origin": {"", "foreign", "native"}}


def invalid(message: str, field: str = "source_config") -> ValidationError:
    return ValidationError({field: message})


def year(value: Any) -> int:
    try:
        found = int(value)
    except (TypeError, ValueError):
        found = 0
    if not 1900 <= found <= 2200:
        raise invalid(_("Give a year such as 2025."))
    return found


def codes(values: Any) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) and VALUE_CODE.match(v) for v in values):
        raise invalid(_("The chosen values of the table are not valid."))
    return values


def roles_clean(roles: Any) -> dict:
    if not isinstance(roles, dict):
        raise invalid(_("The roles of the table's variables are not valid."))
    clean, seen = {}, set()
    for variable, spec in roles.items():
        role = spec.get("role") if isinstance(spec, dict) else None
        if not isinstance(variable, str) or role not in ROLES or role in seen:
            raise invalid(_("Each role (area, period, sex, age, born) can go to one variable only."))
        seen.add(role)
        clean[variable] = {"role": role}
        if role in BREAKDOWN_ROLES:
            mapping = spec.get("map") or {}
            ok = isinstance(mapping, dict) and mapping and all(isinstance(k, str) for k in mapping)
            if not ok or (role in BREAKDOWN_VALUES and not set(mapping.values()) <= BREAKDOWN_VALUES[role]):
                raise invalid(_("Say what each chosen value of %(variable)s stands for.") % {"variable": variable})
            if len(set(mapping.values())) != len(mapping):
                raise invalid(_("Two values of %(variable)s stand for the same thing.") % {"variable": variable})
            clean[variable]["map"] = {str(k): str(v)[:24] for k, v in mapping.items()}
    if "time" not in seen:
        raise invalid(_("Say which variable of the table is the period."))
    return clean
