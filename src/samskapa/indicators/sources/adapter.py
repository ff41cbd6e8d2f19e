"""The one small interface every statistics source implements, and what the adapters share.

An adapter knows, for its source: its name and how it asks to be credited, where its API is
(a setting, so a mirror can stand in), which client talks to it, how our municipality is
written there, which settings an indicator may store for it (``clean_config``), how to fetch
an indicator's values (``fetch``) and how to describe what an indicator fetches. Every
adapter is registered in ``registry.py``; nothing else in the project names a source.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.utils.functional import Promise

from samskapa.indicators.sources.base import AreaName, Row, Variable
from samskapa.indicators.sources.http import SourceHttp
from samskapa.indicators.sources.mapping import default_roles


@dataclass
class Fetched:
    """The rows of one fetch, read lazily, and the area names learnt on the way."""

    rows: Iterator[Row]
    area_names: list[AreaName] = field(default_factory=list)


class SourceAdapter:
    """One statistics source. Subclasses set the attributes and implement the four methods."""

    key: str = ""  # what ``Indicator.source`` stores
    label: Promise | str = ""  # shown in choice lists ("Statistics Sweden (PxWeb)")
    name: str = ""  # the source's own short name, in messages ("SCB")
    country: str = ""  # the country whose municipalities it has, ISO 3166 ("" for none)
    url_setting: str = ""  # the setting that holds its base URL
    default_url: str = ""
    national_area: str = ""  # its code for the whole country
    licence: str = ""  # how the source asks to be credited beside its figures ("" when it asks nothing)
    licence_language: str = ""  # the language that credit is written in (it is shown as the source wrote it)
    knows_areas_beforehand: bool = False  # every area is named before the first fetch (see areas.py)
    lists_areas: bool = False  # ``all_area_names`` can name every area the source has
    config_form: type[forms.Form] | None = None  # what the indicator's edit page offers to change
    table_catalogue: bool = False  # a PxWeb database: its tables are searched and picked the same way

    def base_url(self) -> str:
        """The API's address: ``SAMSKAPA_SOURCE_URLS[key]``, else the source's own setting, else the default."""
        overrides = getattr(settings, "SAMSKAPA_SOURCE_URLS", {}) or {}
        url = overrides.get(self.key) or getattr(settings, self.url_setting, "") or self.default_url
        return url.rstrip("/")

    def client(self, **http_options: Any) -> Any:
        """The source's client, talking to ``base_url`` with the timeouts and retries in settings."""
        return self.make_client(SourceHttp.from_settings(self.base_url(), self.name, **http_options))

    def make_client(self, http: SourceHttp) -> Any:
        raise NotImplementedError

    def home_area(self, organisation) -> str:
        """Our municipality's code as the source writes it."""
        return organisation.municipality_code or ""

    def clean_config(self, config: dict) -> dict:
        """The indicator's source settings, checked; raises ValidationError on ``source_config``."""
        raise NotImplementedError

    def fetch(self, indicator, client: Any) -> Fetched:
        """The indicator's rows (lazily) and the area names learnt on the way."""
        raise NotImplementedError

    def describe(self, config: dict) -> str:
        """What an indicator fetches, in a few words ("KPI N02268", "table TAB4823")."""
        return ""

    def guess_roles(self, variables: list[Variable]) -> dict[str, dict]:
        """A first guess at what each variable of a table is, for the table-picking form."""
        return default_roles(variables)

    def all_area_names(self, client: Any) -> list[AreaName] | None:
        """Every area the source knows, named, where it can list them (learnt after a fetch); else None."""
        return None

    def config_initial(self, source_config: dict) -> dict:
        """The edit form's initial values from the stored settings."""
        return dict(source_config)

    def config_from_form(self, cleaned: dict, source_config: dict) -> dict:
        """The settings to store from the edit form; ValidationError names the field at fault."""
        return {k: v for k, v in cleaned.items() if v not in (None, "")}
