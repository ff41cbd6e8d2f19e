"""Reads for the public site, always scoped to one organisation and to what it has published."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.http import Http404

from samskapa.orgs.models import Organisation
from samskapa.publicsite.models import PublicSite
from samskapa.publicsite.registry import publishable_kinds, snapshot_units
from samskapa.publicsite.services import site_defaults
from samskapa.publicsite.texts import Lookup, Text, Unit, lookup
from samskapa.strategy.models import FocusArea, Goal, Strategy, StrategyVersion


def site_get(*, organisation: Organisation) -> PublicSite:
    """The organisation's site settings (not yet saved when never set)."""
    return PublicSite.objects.filter(organisation=organisation).first() or site_defaults(organisation)


def site_for_slug(*, slug: str) -> PublicSite:
    """The site behind /p/<slug>/, public or not (the caller decides who may see a closed one)."""
    site = PublicSite.objects.select_related("organisation").filter(organisation__slug=slug).first()
    if site is None:
        raise Http404
    return site


def public_site_list() -> QuerySet[PublicSite]:
    return PublicSite.objects.filter(is_public=True).select_related("organisation").order_by("organisation__name")


def public_sites_changed_at():
    """When anything on any public site last changed (None when no site is public)."""
    return PublicSite.objects.filter(is_public=True).aggregate(at=Max("content_changed_at"))["at"]


# The strategy


@dataclass(frozen=True)
class PublishedStrategy:
    """A published strategy and the adopted version the public sees."""

    strategy: Strategy
    version: StrategyVersion

    @property
    def pk(self) -> int:
        return self.strategy.pk

    @property
    def when(self):
        return self.version.adopted_on or self.version.created_at.date()


def public_strategy_list(*, organisation: Organisation) -> list[PublishedStrategy]:
    """Published strategies that have an adopted version, the most recently adopted first."""
    latest = StrategyVersion.objects.filter(strategy=OuterRef("pk")).order_by("-number")
    rows = list(
        Strategy.objects.filter(organisation=organisation, is_published=True)
        .exclude(status=Strategy.Status.ARCHIVED)
        .annotate(latest_id=Subquery(latest.values("pk")[:1]))
        .filter(latest_id__isnull=False)
    )
    versions = StrategyVersion.objects.in_bulk([row.latest_id for row in rows])
    published = [PublishedStrategy(row, versions[row.latest_id]) for row in rows]
    return sorted(published, key=lambda item: (item.when, item.pk), reverse=True)


@dataclass
class Localised:
    """Content prepared for one reader's language: texts with their language, and whether any fell back."""

    language: str
    data: dict[str, Any]
    fallbacks: int = 0
    languages_used: set[str] = field(default_factory=set)


def _localise_row(row: dict, model, source_language: str, found: Lookup, result: Localised) -> dict:
    out = dict(row)
    for name in model.TRANSLATABLE_FIELDS:
        text = found.text(Unit(model, row["id"], name, row.get(name, "")), source_language)
        out[name] = text
        if text:
            result.fallbacks += text.fallback
            result.languages_used.add(text.language)
    return out


def localise_snapshot(*, organisation, strategy_id: int, content: dict, language: str) -> Localised:
    """A frozen strategy in ``language``: every text a ``Text``, falling back to the original."""
    source = content.get("language") or organisation.default_language
    units = snapshot_units(strategy_id, content)
    found = lookup(organisation=organisation, units=units, language=language)
    result = Localised(language, {})
    data = _localise_row({**content, "id": strategy_id}, Strategy, source, found, result)
    data["focus_areas"] = []
    for area in content.get("focus_areas", []):
        localised = _localise_row(area, FocusArea, source, found, result)
        localised["goals"] = [_localise_row(goal, Goal, source, found, result) for goal in area.get("goals", [])]
        data["focus_areas"].append(localised)
    data["source_language"] = source
    result.data = data
    return result


def public_strategy(*, organisation: Organisation, language: str, strategy_id: int | None = None):
    """The strategy a reader sees (the latest adopted version) in ``language``, or None."""
    strategies = public_strategy_list(organisation=organisation)
    if strategy_id is not None:
        strategies = [s for s in strategies if s.pk == strategy_id]
        if not strategies:
            raise Http404
    if not strategies:
        return None, []
    chosen = strategies[0]
    version = chosen.version
    localised = localise_snapshot(
        organisation=organisation, strategy_id=chosen.pk, content=version.snapshot, language=language
    )
    localised.data["version"] = version
    return localised, strategies


def site_intro(site: PublicSite, language: str) -> Text:
    """The site's welcome text in ``language`` (or in the default language, marked)."""
    unit = Unit(PublicSite, site.pk, "intro", site.intro)
    return lookup(organisation=site.organisation, units=[unit], language=language).text(
        unit, site.organisation.default_language
    )


def published_counts(*, organisation: Organisation) -> dict[str, tuple[int, int]]:
    """Per kind of content: how many rows are published, of how many."""
    counts = {}
    for kind in publishable_kinds():
        rows = kind.queryset(organisation)
        counts[kind.key] = (kind.published(rows).count(), rows.count())
    return counts
