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
