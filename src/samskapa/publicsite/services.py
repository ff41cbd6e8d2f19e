"""Writes for the public site: its settings, publishing any Publishable, and content translations.

Every function is keyword-only, takes the acting user and the organisation, checks the
``publicsite.publish`` capability itself, validates and is atomic. Whatever changes what
the public pages show moves the site's content version (see ``public_content_changed``).
"""

from typing import Any

from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require
from samskapa.publicsite.models import ENFORCEMENT_DEFAULTS, PublicSite, Translation
from samskapa.publicsite.registry import Kind, kind_for
from samskapa.publicsite.texts import Unit, digest, is_empty

PUBLISH = "publicsite.publish"
SITE_FIELDS = (
    "is_public",
    "intro",
    "licence",
    "attribution",
    "contact_email",
    "contact_phone",
    "response_days",
    "known_issues",
    "enforcement_name",
    "enforcement_url",
    "statement_reviewed_on",
)
# The most one save may publish or unpublish at once (one page of a list, or "all of a kind").
BULK_LIMIT = 5000


def public_content_changed(organisation_id: int) -> None:
    """Move the site's content version: caches and ETags of its pages are renewed.

    Saves and deletes of public content call this through signals; code that writes with
    ``QuerySet.update`` or ``bulk_create`` calls it itself.
    """
    PublicSite.objects.filter(organisation_id=organisation_id).update(
        content_version=F("content_version") + 1, content_changed_at=timezone.now()
    )


def public_counts_changed(organisation_id: int) -> None:
    """Move only the version of the numbers of people heard: the other pages stay cached.

    A survey answer calls this (through signals): hundreds of answers an hour must not keep
    every page of the site from being served from the cache.
    """
    PublicSite.objects.filter(organisation_id=organisation_id).update(
        counts_version=F("counts_version") + 1, counts_changed_at=timezone.now()
    )


def site_defaults(organisation: Organisation) -> PublicSite:
    """A new (unsaved) site with the supervisory authority of the organisation's country."""
    name, url = ENFORCEMENT_DEFAULTS.get(organisation.country, ("", ""))
    return PublicSite(organisation=organisation, enforcement_name=name, enforcement_url=url)


@transaction.atomic
def site_update(*, actor, organisation: Organisation, **changes: Any) -> PublicSite:
    """Change the site's settings; turning it public needs a contact address."""
    require(actor, PUBLISH, organisation)
    refuse_unknown_fields(changes, SITE_FIELDS)
    site = PublicSite.objects.select_for_update().filter(organisation=organisation).first() or site_defaults(
        organisation
    )
    for name, value in changes.items():
        setattr(site, name, value)
    if site.is_public and site.published_at is None:
        site.published_at = timezone.now()
    site.content_version += 1
    site.content_changed_at = timezone.now()
    return save_as(site, actor)


def _own(obj: Model, organisation: Organisation) -> None:
    if getattr(obj, "organisation_id", None) != organisation.pk:
        raise ApplicationError(_("This content does not belong to your organisation."), status=404)


@transaction.atomic
def content_publish(*, actor, organisation: Organisation, obj: Model) -> Model:
    """Show ``obj`` on the public pages (if its kind allows it now)."""
    require(actor, PUBLISH, organisation)
    _own(obj, organisation)
    refusal = kind_for(obj).publish_refusal(obj)
    if refusal:
        raise ApplicationError(refusal)
    obj.is_published = True  # type: ignore[attr-defined]
    return save_as(obj, actor)


@transaction.atomic
def content_unpublish(*, actor, organisation: Organisation, obj: Model) -> Model:
    """Take ``obj`` off the public pages at once."""
    require(actor, PUBLISH, organisation)
    _own(obj, organisation)
    obj.is_published = False  # type: ignore[attr-defined]
    return save_as(obj, actor)


@transaction.atomic
def content_set_published(*, actor, organisation: Organisation, kind: Kind, ids: list[int], published: bool) -> int:
    """Publish or unpublish many rows of one kind; rows that cannot be published are named."""
    require(actor, PUBLISH, organisation)
    if len(ids) > BULK_LIMIT:
        raise ApplicationError(_("Choose at most %(limit)s at a time.") % {"limit": BULK_LIMIT})
    rows = list(kind.queryset(organisation).filter(pk__in=ids))
    if len(rows) != len(set(ids)):
        raise ApplicationError(_("Choose content from your organisation's list."))
    if published:
        refused = [kind.title(row) for row in rows if kind.publish_refusal(row)]
        if refused:
            raise ApplicationError(_("These cannot be published yet: %(names)s") % {"names": "; ".join(refused[:5])})
    changed = [row for row in rows if row.is_published != published]
    for row in changed:
        row.is_published = published
        save_as(row, actor)
    return len(changed)


def _clean_value(unit: Unit, value: Any) -> Any:
    """The translation as stored: trimmed text, or a list with one line per original statement."""
    if unit.is_list:
        lines = value if isinstance(value, list) else str(value or "").splitlines()
        lines = [line.strip() for line in lines if isinstance(line, str) and line.strip()]
        if lines and len(lines) != len(unit.source):
            raise ApplicationError(
                _("“%(label)s” has %(count)s statements in the original: give one line for each.")
                % {"label": unit.label, "count": len(unit.source)}
            )
        return lines
    if not isinstance(value, str):
        raise ApplicationError(_("“%(label)s” must be text.") % {"label": unit.label})
    return value.strip()


@transaction.atomic
def content_language_set(*, actor, organisation: Organisation, obj: Model, language: str) -> Model:
    """Record the language ``obj``'s texts are written in (one of the organisation's languages).

    A strategy's language belongs to the strategy itself (its adopted versions keep theirs), so it
    is changed on the strategy's own form.
    """
    require(actor, PUBLISH, organisation)
    _own(obj, organisation)
    if kind_for(obj).key == "strategy" or not hasattr(obj, "language"):
        raise ApplicationError(_("The language of this content is set where it is written."))
    if language not in organisation.all_languages:
        raise ApplicationError(_("Choose one of the organisation's languages."))
    obj.language = language
    obj.full_clean()
    return save_as(obj, actor)


@transaction.atomic
def translations_save(
    *, actor, organisation: Organisation, obj: Model, language: str, values: dict[tuple[int, int, str, str], Any]
) -> int:
    """Store translations of ``obj``'s texts into ``language``; an empty value removes one.

    ``values`` maps (content type, row, field, digest of the original) to the translated
    text. Only texts of ``obj`` (its own and its children's, as now or as published) are
    accepted, each for the wording it is translated from.
    """
    require(actor, PUBLISH, organisation)
    _own(obj, organisation)
    kind = kind_for(obj)
    if language not in organisation.all_languages:
        raise ApplicationError(_("Choose one of the organisation's languages."))
    if language == kind.source_language(obj, organisation):
        raise ApplicationError(_("This is the language the original is written in."))
    units = {
        (*unit.key, digest(unit.source)): unit
        for unit in kind.units(obj) + kind.public_units(obj)
        if not is_empty(unit.source)
    }
    unknown = set(values) - set(units)
    if unknown:
        raise ApplicationError(_("Only the texts of this content can be translated here."))
    saved = 0
    for key, raw in values.items():
        saved += _translation_store(actor, organisation, units[key], language, _clean_value(units[key], raw))
    return saved


def _translation_store(actor, organisation, unit: Unit, language: str, value: Any) -> int:
    ct_id, object_id, field_name = unit.key
    lookup = {
        "content_type_id": ct_id,
        "object_id": object_id,
        "field": field_name,
        "language": language,
        "source_digest": digest(unit.source),
    }
    existing = Translation.objects.filter(organisation=organisation, **lookup).first()
    if is_empty(value):
        if existing:
            delete_as(existing, actor)
            return 1
        return 0
    if existing and existing.value == value:
        return 0
    translation = existing or Translation(organisation=organisation, source=unit.source, **lookup)
    translation.value, translation.translated_by = value, actor
    save_as(translation, actor)
    return 1
