"""Reading request bodies and queries: values the database cannot store never reach it.

PostgreSQL rejects a NUL character in any text, and neither database stores an integer beyond
64 bits. Rather than each field guarding against them, every string and number a client sends
is checked once here: in a query the client gets the one JSON error shape naming the parameter;
in a JSON body NUL characters are dropped (ninja reports any error while parsing a body only as
"Cannot parse request body"), and a number too large is answered 400 by errors.py.
"""

import json

from django.utils.translation import gettext as _
from ninja.errors import ValidationError
from ninja.parser import Parser

BIGGEST = 2**63 - 1


def _problem(value) -> str | None:
    if isinstance(value, str) and "\x00" in value:
        return _("The text contains a NUL character, which cannot be stored.")
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and abs(value) > BIGGEST:
        return _("The number is too large.")
    if isinstance(value, str) and len(value) > 18 and value.lstrip("+-").isdecimal() and abs(int(value)) > BIGGEST:
        return _("The number is too large.")
    return None


def _walk(value, location: tuple):
    """Yield (location, message) for every value the database could not store."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(key, location)
            yield from _walk(item, (*location, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*location, index))
    elif (message := _problem(value)) is not None:
        yield location, message


def _refuse_unstorable(data, where: str):
    errors = [{"loc": (where, *loc), "msg": msg, "type": "value_error"} for loc, msg in _walk(data, ())]
    if errors:
        raise ValidationError(errors)
    return data


def _without_nul(value):
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


class StorableParser(Parser):
    def parse_body(self, request):
        return _without_nul(json.loads(request.body))

    def parse_querydict(self, data, list_fields, request):
        return _refuse_unstorable(super().parse_querydict(data, list_fields, request), "query")
