"""History with the acting user, also outside a request (CLI, background work)."""

from typing import TypeVar

from django.db.models import Model

M = TypeVar("M", bound=Model)


def save_as(instance: M, actor, **save_kwargs) -> M:
    """Validate and save ``instance``, recording ``actor`` in its history row."""
    instance.full_clean()
    instance._history_user = actor  # type: ignore[attr-defined]  # read by django-simple-history on save
    instance.save(**save_kwargs)
    return instance


def delete_as(instance: Model, actor) -> None:
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.delete()
