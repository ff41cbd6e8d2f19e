"""Fetch an organisation's objects: missing and forbidden both answer 404."""

from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


def access_in_organisation(queryset: QuerySet[M], organisation, **lookup) -> M:
    """The object matching ``lookup`` inside ``organisation``, or 404 whether absent or foreign."""
    try:
        return queryset.get(organisation=organisation, **lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as missing:
        raise Http404 from missing


def number_in(text: str) -> int | None:
    """A whole number written with the digits 0-9 and small enough for the database, else None.

    ``str.isdigit`` also accepts "²" or "٣", which ``int`` then refuses or reads as another
    number; a key or id taken from an address or a query goes through here instead.
    """
    text = str(text)
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        return None
    return int(text)


def numbers_in(texts) -> list[int]:
    """The whole numbers among ticked boxes or query values, others dropped (see ``number_in``)."""
    return [n for text in texts if (n := number_in(text)) is not None]
