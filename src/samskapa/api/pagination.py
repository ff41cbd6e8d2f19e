"""One page shape for every list of the API: ``{"items": [...], "count": N}`` with ``limit`` and ``offset``.

Every GET that answers a list is decorated with ``@paged``. The page size has a default and a
maximum; a larger ``limit`` is refused with the API's usual 400 (errors.py), so a client never
silently gets fewer rows than it asked for. Offset paging only works if the order is total, so
a queryset's own order gets the primary key as its last key: two rows never tie and no row is
repeated or skipped from one page to the next.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination, paginate

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_UNIQUE_LAST = {"pk", "-pk", "id", "-id"}


def stable(queryset: QuerySet) -> QuerySet:
    """The queryset in its own order (or its model's), with the primary key as the last key."""
    query = queryset.query
    order = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    if order and isinstance(order[-1], str) and order[-1] in _UNIQUE_LAST:
        return queryset
    return queryset.order_by(*order, "pk")


class Rows:
    """A long list paged in two steps: first the page's ids from ``queryset`` (filtered and in its
    order: a narrow sort, quick however many rows match), then only those rows, read by ``load``
    from their ids (with what a row shows: annotations, prefetches) and turned into answers by
    ``present``. The count is of ``queryset`` alone, without the joins ``load`` adds."""

    def __init__(
        self,
        queryset: QuerySet,
        load: Callable[[list], Iterable] | None = None,
        present: Callable[[list], Sequence[Any]] = lambda rows: rows,
    ):
        self.queryset, self.present = queryset, present
        self.load = load or (lambda ids: queryset.model._default_manager.filter(pk__in=ids))

    def all(self) -> "Rows":
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, page: slice) -> Sequence[Any]:
        ids = list(self.queryset.values_list("pk", flat=True)[page])
        rows = {row.pk: row for row in self.load(ids)}
        return self.present([rows[pk] for pk in ids if pk in rows])  # one deleted in between is left out


def grouped(queryset: QuerySet, key: str, *values: str) -> defaultdict[Any, list]:
    """The rows of ``queryset`` as plain values grouped by ``key``, in its order, in one query: the
    links of a page's rows (the ids of an action's goals) without a model object or a related
    manager for each."""
    groups: defaultdict[Any, list] = defaultdict(list)
    for row in queryset.values_list(key, *values):
        groups[row[0]].append(row[1] if len(values) == 1 else row[1:])
    return groups


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT,
            ge=1,
            le=MAX_LIMIT,
            description=f"Rows per page (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}).",
        )
        offset: int = Field(0, ge=0, description="Rows to skip: 0 for the first page, then limit, 2 × limit, …")

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="How many rows match, on all pages together.")

        def __init_subclass__(cls, **kwargs):
            # ninja names the page of X "PagedX" in its own module; named after X's module instead,
            # two Xs called alike in different apps get two pages that openapi.py can tell apart.
            super().__init_subclass__(**kwargs)
            item = getattr(cls.__annotations__.get("items"), "__args__", (None,))[0]
            if isinstance(item, type):
                cls.__module__ = item.__module__
                cls.__qualname__ = f"Paged{item.__qualname__}"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        if isinstance(queryset, QuerySet):
            queryset = stable(queryset)
        elif isinstance(queryset, Rows):
            queryset.queryset = stable(queryset.queryset)
        return super().paginate_queryset(queryset, pagination, request, **params)


def paged(view: Callable) -> Callable:
    """Answer the view's list (a queryset, ``Rows`` or a list in a fixed order) one page at a time."""
    return paginate(Page)(view)
