"""Texts residents read, in their language: units to translate, and the text shown with its language.

A *unit* is one translatable field of one row (``FocusArea #7 . we_will``) with the original
it has now (or had in a frozen version). A translation belongs to the exact original it was
made from (by digest), so a changed original shows as out of date, never as a stale translation.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

TextValue = str | list[str]
# Above this many units, load all translations of their kinds rather than list the rows.
MANY = 500


def digest(value: Any) -> str:
    """A short, stable fingerprint of an original text (or list of texts)."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.blake2b(encoded, digest_size=16).hexdigest()


def is_empty(value: Any) -> bool:
    if isinstance(value, list):
        return not any(isinstance(item, str) and item.strip() for item in value)
    return not (isinstance(value, str) and value.strip())


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in settings.SAMSKAPA_RTL_LANGUAGES else "ltr"


def language_name(code: str) -> str:
    """The language's own name for itself (Svenska, Suomi, العربية)."""
    return dict(settings.SAMSKAPA_CONTENT_LANGUAGES).get(code, code)


@dataclass(frozen=True)
class Unit:
    """One translatable field of one row, with the original as it stands (or stood when frozen)."""

    model: type[Model]
    object_id: int
    field: str
    source: TextValue
    group: str = ""

    @property
    def key(self) -> tuple[int, int, str]:
        return (ContentType.objects.get_for_model(self.model).pk, self.object_id, self.field)

    @property
    def label(self) -> str:
        field = self.model._meta.get_field(self.field)
        return str(getattr(field, "verbose_name", self.field)).capitalize()

    @property
    def is_list(self) -> bool:
        return isinstance(self.source, list)


@dataclass(frozen=True)
class Text:
    """A text as shown: its words, the language they are in, and whether that is a fallback."""

    value: TextValue
    language: str
    fallback: bool = False

    def __str__(self) -> str:
        return "\n".join(self.value) if isinstance(self.value, list) else self.value

    def __bool__(self) -> bool:
        return not is_empty(self.value)

    def __iter__(self):
        return iter(self.value if isinstance(self.value, list) else [self.value])

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def language_name(self) -> str:
        return language_name(self.language)


@dataclass
class Lookup:
    """The translations of some units into one language, found with one query."""

    language: str
    found: dict[tuple[int, int, str], dict[str, Any]] = field(default_factory=dict)

    def text(self, unit: Unit, source_language: str) -> Text:
        """The translation of this exact original, else the original marked as a fallback."""
        if self.language == source_language or is_empty(unit.source):
            return Text(unit.source, source_language)
        translation = self.found.get(unit.key, {}).get(digest(unit.source))
        if translation is not None and not is_empty(translation):
            return Text(translation, self.language)
        return Text(unit.source, source_language, fallback=True)

    def status(self, unit: Unit) -> str:
        """ "current" (a translation of this very original), "outdated" (of an earlier one) or "missing"."""
        versions = self.found.get(unit.key, {})
        current = versions.get(digest(unit.source))
        if current is not None and not is_empty(current):
            return "current"
        return "outdated" if versions else "missing"

    def previous(self, unit: Unit) -> Any:
        """The translation of an earlier original, to start from when the original has changed."""
        versions = self.found.get(unit.key, {})
        return next(iter(versions.values()), None)


def lookup(*, organisation, units: Iterable[Unit], language: str) -> Lookup:
    """Load the translations of ``units`` into ``language`` inside ``organisation`` (one query)."""
    return lookup_many(organisation=organisation, units=units, languages=[language])[language]


def lookup_many(*, organisation, units: Iterable[Unit], languages: Iterable[str]) -> dict[str, Lookup]:
    """The translations of ``units`` into each of ``languages``, with one query for all."""
    from samskapa.publicsite.models import Translation

    results = {language: Lookup(language) for language in languages}
    keys = {unit.key for unit in units}
    if not keys or not results:
        return results
    found = Translation.objects.filter(
        organisation=organisation, language__in=list(results), content_type_id__in={k[0] for k in keys}
    )
    if len(keys) <= MANY:
        found = found.filter(object_id__in={k[1] for k in keys})
    rows = found.values_list("language", "content_type_id", "object_id", "field", "source_digest", "value")
    for language, ct_id, object_id, field_name, source_digest, value in rows:
        results[language].found.setdefault((ct_id, object_id, field_name), {})[source_digest] = value
    return results


def row_units(obj: Model, group: str = "") -> list[Unit]:
    """The units of a live row: its TRANSLATABLE_FIELDS as they stand now."""
    fields = getattr(type(obj), "TRANSLATABLE_FIELDS", ())
    return [Unit(type(obj), obj.pk, name, getattr(obj, name), group) for name in fields]
