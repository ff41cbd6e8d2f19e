"""One way to page and sort a list a person reads.

Every list in the product (actions, actors, inputs, findings, indicators, documents, history, public
lists) goes through :func:`paginate`, so each page has a stable address (filters and sort kept in
the query string), shows the total, and costs the same with 100 rows or 100,000: Django's Paginator
runs one ``COUNT(*)`` and one ``LIMIT/OFFSET`` query. Templates include ``core/_pager.html``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PER_PAGE = 50


def paginate(request: HttpRequest, items: QuerySet | Sequence[Any], *, per_page: int = PER_PAGE) -> Page:
    """The page of ``items`` the address asks for (``?page=N``; a bad number gives the nearest page).

    ``page.query`` is the rest of the query string (filters, sort) for the pager's links.
    """
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    page.query = query.urlencode()  # type: ignore[attr-defined]
    return page


@dataclass(frozen=True)
class Sorting:
    """The order a list is shown in: ``key`` from the address, ``fields`` for ``order_by``."""

    key: str
    fields: tuple[str, ...]
    descending: bool


def sort_order(request: HttpRequest, choices: Mapping[str, Sequence[str]], *, default: str) -> Sorting:
    """The sort the address asks for (``?sort=name`` or ``?sort=-name``), or ``default`` if unknown.

    ``choices`` maps a key a person sees in the address to the model fields it orders by; a final
    unique field (``pk``) keeps pages stable when many rows share a value.
    """
    wanted = request.GET.get("sort") or default
    descending = wanted.startswith("-")
    key = wanted.lstrip("-")
    if key not in choices:
        descending, key = default.startswith("-"), default.lstrip("-")
    fields = tuple(("-" + f.lstrip("-") if descending and not f.startswith("-") else f) for f in choices[key])
    return Sorting(key=key, fields=(*fields, "-pk" if descending else "pk"), descending=descending)
