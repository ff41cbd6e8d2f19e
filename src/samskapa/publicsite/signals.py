"""Keep the public pages' cache honest: any saved or deleted content moves the site's version.

What a row can change decides what is drawn anew: most content moves the whole site's version;
the numbers of people heard (a survey answer, a participation count) move only the version of
the pages that show them; rows no public page shows (answers, inputs, people) move nothing.

Signals are used here only for this side effect (cache invalidation); the domain flow never
depends on them. Writes that bypass signals (``QuerySet.update``, ``bulk_create``) call
``services.public_content_changed`` themselves.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

# While a backup is restored every row comes back as it was, content versions included.
_paused: ContextVar[bool] = ContextVar("publicsite_signals_paused", default=False)


@contextmanager
def paused() -> Iterator[None]:
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


# Apps whose rows can show on public pages, directly or through what they count.
PUBLIC_CONTENT_APPS = {"strategy", "actions", "actors", "cocreation", "indicators", "publicsite"}
# Rows of those apps that no public page shows: survey answers and the inputs made of them, and
# people with their consent (never public).
NEVER_SHOWN = {"cocreation.answer", "cocreation.input", "cocreation.inputfocusarea", "cocreation.person"}
NEVER_SHOWN |= {"cocreation.consent"}
# Rows that change only the numbers of people heard.
COUNTS = {"cocreation.participation", "cocreation.response"}


def _organisation_id(sender, instance) -> int | None:
    meta = sender._meta
    if meta.label_lower == "orgs.organisation":
        return instance.pk
    if meta.app_label not in PUBLIC_CONTENT_APPS or hasattr(sender, "instance_type"):
        return None  # not public content, or a history row (django-simple-history)
    if meta.label_lower in {"publicsite.publicsite", *NEVER_SHOWN}:
        return None  # the site's service moves the version itself, in the same save
    return getattr(instance, "organisation_id", None)


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, instance, **kwargs) -> None:
    if _paused.get():
        return
    organisation_id = _organisation_id(sender, instance)
    if not organisation_id:
        return
    from samskapa.publicsite import services

    label = sender._meta.label_lower
    if label not in COUNTS:
        services.public_content_changed(organisation_id)
    elif label != "cocreation.response" or instance.group:
        services.public_counts_changed(organisation_id)  # an answer without a group changes no number


# Rows whose texts live on in frozen versions (an adopted strategy shows a focus area that a
# revision has since deleted): their translations stay for those versions.
VERSIONED = {"strategy.strategy", "strategy.focusarea", "strategy.goal"}


@receiver(post_delete)
def translations_removed(sender, instance, **kwargs) -> None:
    """The translations of a deleted row go with it, unless a frozen version still shows the row."""
    if sender._meta.label_lower in VERSIONED or _paused.get():
        return
    if getattr(sender, "TRANSLATABLE_FIELDS", ()) and not hasattr(sender, "instance_type"):
        from django.contrib.contenttypes.models import ContentType

        from samskapa.publicsite.models import Translation

        content_type = ContentType.objects.get_for_model(sender)
        Translation.objects.filter(content_type=content_type, object_id=instance.pk).delete()


@receiver(m2m_changed)
def relation_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        content_changed(type(instance), instance)
