"""What the public pages can show, per kind of content: one place that says what is public.

Every ``Publishable`` model is a kind here (found by itself, so a new app's content is
covered by publishing, translation and the never-public test at once). A kind says which
texts residents read (``TRANSLATABLE_FIELDS`` of the row and of its children), which other
fields the pages show (``public_fields``), and when it may be published. Anything not named
here never reaches a public page or open data.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from samskapa.core.models import Publishable
from samskapa.publicsite.texts import Unit, row_units


@dataclass(frozen=True)
class Kind:
    """How one kind of content is published, translated and listed."""

    key: str
    model: type[Model]
    # Fields besides TRANSLATABLE_FIELDS that public pages and open data may show, per model.
    public_fields: dict[str, tuple[str, ...]] | None = None
    # Whether rows are published one by one (the site's own texts are public with the site).
    publishable: bool = True

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural).capitalize()

    def queryset(self, organisation) -> QuerySet:
        return self.model._default_manager.filter(organisation=organisation).order_by("pk")

    def title(self, obj) -> str:
        return str(obj)

    def published(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(is_published=True)

    def source_language(self, obj, organisation) -> str:
        return getattr(obj, "language", "") or organisation.default_language

    def units(self, obj) -> list[Unit]:
        """The texts of the row as it stands (what the coordinator translates)."""
        return row_units(obj)

    def public_units(self, obj) -> list[Unit]:
        """The texts the public pages show for the row (a frozen version may differ from the row)."""
        return self.units(obj)

    def publish_refusal(self, obj) -> str | None:
        """Why this row cannot be published now, or None."""
        return None

    def shown_fields(self, model: type[Model]) -> tuple[str, ...]:
        translatable = tuple(getattr(model, "TRANSLATABLE_FIELDS", ()))
        return translatable + (self.public_fields or {}).get(model._meta.label_lower, ())


def snapshot_units(strategy_id: int, content: dict) -> list[Unit]:
    """The texts of a strategy snapshot (a frozen version, or the working copy in that shape)."""
    from samskapa.strategy.models import FocusArea, Goal, Strategy

    units = [Unit(Strategy, strategy_id, name, content.get(name, "")) for name in Strategy.TRANSLATABLE_FIELDS]
    for number, area in enumerate(content.get("focus_areas", []), start=1):
        group = _("Focus area %(number)s: %(title)s") % {"number": number, "title": area.get("title", "")}
        units += [
            Unit(FocusArea, area["id"], name, area.get(name, ""), group) for name in FocusArea.TRANSLATABLE_FIELDS
        ]
        for goal in area.get("goals", []):
            units += [Unit(Goal, goal["id"], name, goal.get(name, ""), group) for name in Goal.TRANSLATABLE_FIELDS]
    return units


class StrategyKind(Kind):
    """The strategy is shown as its latest adopted version, never as the working copy."""

    def queryset(self, organisation) -> QuerySet:
        from django.db.models import Prefetch

        from samskapa.strategy.models import StrategyVersion

        newest_first = Prefetch(
            "versions", queryset=StrategyVersion.objects.order_by("-number"), to_attr="newest_first"
        )
        return super().queryset(organisation).exclude(status="archived").prefetch_related(newest_first)

    def latest_version(self, obj):
        versions = getattr(obj, "newest_first", None)
        if versions is None:
            versions = list(obj.versions.order_by("-number")[:1])
            setattr(obj, "newest_first", versions)  # noqa: B010  (the same attribute the prefetch fills)
        return versions[0] if versions else None

    def source_language(self, obj, organisation) -> str:
        version = self.latest_version(obj)
        return (version.snapshot.get("language") if version else "") or super().source_language(obj, organisation)

    def units(self, obj) -> list[Unit]:
        from samskapa.strategy.selectors import strategy_get_full
        from samskapa.strategy.versions import snapshot

        full = strategy_get_full(organisation=obj.organisation, strategy_id=obj.pk)
        return snapshot_units(obj.pk, snapshot(full))

    def public_units(self, obj) -> list[Unit]:
        version = self.latest_version(obj)
        return snapshot_units(obj.pk, version.snapshot) if version else []

    def publish_refusal(self, obj) -> str | None:
        if self.latest_version(obj) is None:
            return _("Adopt the strategy first: the public pages show its adopted version, never a draft.")
        return None


class SiteKind(Kind):
    """The site's own texts (welcome text, known accessibility problems): public with the site."""

    def queryset(self, organisation) -> QuerySet:
        return self.model._default_manager.filter(organisation=organisation)

    def published(self, queryset: QuerySet) -> QuerySet:
        return queryset

    def title(self, obj) -> str:
        return _("Texts of the public site")


STRATEGY_PUBLIC_FIELDS = {
    "strategy.strategy": ("period_start", "period_end", "adopted_by", "adopted_on", "decision_reference"),
    "strategy.focusarea": ("order",),
    "strategy.goal": ("order",),
}

# Kinds with their own behaviour; every other Publishable model gets a plain Kind.
SPECIAL = {"strategy.strategy": lambda model: StrategyKind("strategy", model, STRATEGY_PUBLIC_FIELDS)}


@cache
def kinds() -> dict[str, Kind]:
    """Every kind of publishable content, by its key (used in addresses)."""
    found: dict[str, Kind] = {}
    for model in apps.get_models():
        if not issubclass(model, Publishable) or model._meta.abstract:
            continue
        label = model._meta.label_lower
        kind = SPECIAL[label](model) if label in SPECIAL else Kind(str(model._meta.model_name), model)
        found[kind.key] = kind
    from samskapa.publicsite.models import PublicSite

    found["site"] = SiteKind("site", PublicSite, publishable=False)
    return found


def kind_get(key: str) -> Kind:
    """The kind for an address part; unknown ones are 404 like any missing object."""
    from django.http import Http404

    try:
        return kinds()[key]
    except KeyError as missing:
        raise Http404 from missing


def publishable_kinds() -> list[Kind]:
    return [kind for kind in kinds().values() if kind.publishable]


def kind_for(obj: Model) -> Kind:
    return next(kind for kind in kinds().values() if isinstance(obj, kind.model))


def translatable_models() -> Iterable[type[Model]]:
    """Every model with texts residents read (publishable rows and their children)."""
    return [model for model in apps.get_models() if getattr(model, "TRANSLATABLE_FIELDS", ())]
