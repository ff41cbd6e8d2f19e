"""History with the acting user, also outside a request (CLI, background work)."""

from django.db.models import Model


def save_as(instance: Model, actor, **save_kwargs) -> Model:
    """Validate and save ``instance``, recording ``actor`` in its history row."""
    instance.full_clean()
    instance._history_user = actor  # read by django-simple-history on save
    instance.save(**save_kwargs)
    return instance


def delete_as(instance: Model, actor) -> None:
    instance._history_user = actor
    instance.delete()
