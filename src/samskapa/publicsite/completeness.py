"""How much of the published content residents can read in each of the organisation's languages."""

from dataclasses import dataclass, field

from django.db.models import Model

from samskapa.orgs.models import Organisation
from samskapa.publicsite.registry import Kind, kinds
from samskapa.publicsite.texts import Lookup, Unit, is_empty, lookup_many


@dataclass
class Tally:
    """Texts of some content in one language: how many there are, translated, out of date."""

    total: int = 0
    current: int = 0
    outdated: int = 0

    @property
    def missing(self) -> int:
        return self.total - self.current

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.current / self.total)

    def add(self, status: str) -> None:
        self.total += 1
        self.current += status == "current"
        self.outdated += status == "outdated"

    def merge(self, other: "Tally") -> None:
        self.total += other.total
        self.current += other.current
        self.outdated += other.outdated


@dataclass
class Item:
    """One row of content with its texts, and their state per language."""

    kind: Kind
    row: Model
    source_language: str
    units: list[Unit]
    tallies: dict[str, Tally] = field(default_factory=dict)


def _items(organisation: Organisation, kind: Kind, rows) -> list[Item]:
    items = []
    for row in rows:
        units = [unit for unit in kind.public_units(row) if not is_empty(unit.source)]
        items.append(Item(kind, row, kind.source_language(row, organisation), units))
    return items


def assess(organisation: Organisation, items: list[Item]) -> list[Item]:
    """Fill each item's tallies for every language but its original's (one query in all)."""
    languages = organisation.all_languages
    found: dict[str, Lookup] = lookup_many(
        organisation=organisation, units=[u for item in items for u in item.units], languages=languages
    )
    for item in items:
        for language in languages:
            if language == item.source_language:
                continue
            tally = item.tallies.setdefault(language, Tally())
            for unit in item.units:
                tally.add(found[language].status(unit))
    return items


def published_items(organisation: Organisation, kind: Kind) -> list[Item]:
    return _items(organisation, kind, kind.published(kind.queryset(organisation)))


def coverage(*, organisation: Organisation) -> dict[str, dict[str, Tally]]:
    """Per kind and language, the texts of published content and how many are translated."""
    result: dict[str, dict[str, Tally]] = {}
    items = assess(organisation, [item for kind in kinds().values() for item in published_items(organisation, kind)])
    for item in items:
        per_language = result.setdefault(item.kind.key, {})
        for language, tally in item.tallies.items():
            per_language.setdefault(language, Tally()).merge(tally)
    return result


def totals(per_kind: dict[str, dict[str, Tally]]) -> dict[str, Tally]:
    """All kinds together, per language."""
    result: dict[str, Tally] = {}
    for per_language in per_kind.values():
        for language, tally in per_language.items():
            result.setdefault(language, Tally()).merge(tally)
    return result
