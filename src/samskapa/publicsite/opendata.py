"""Open data: what the public pages show, as JSON and CSV at stable addresses, with the licence.

One description per dataset (its columns, their types and meaning) makes the JSON, the CSV,
the Frictionless Data Package (``datapackage.json``) and the documentation page alike. A
translated column holds every language the text exists in: an object ``{"sv": ..., "ar": ...}``
in JSON, one column per language (``title_sv``, ``title_ar``) in CSV.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samskapa.core.tabular import csv_bytes
from samskapa.publicsite.models import PublicSite
from samskapa.publicsite.registry import snapshot_units
from samskapa.publicsite.selectors import PublishedStrategy, public_strategy_list
from samskapa.publicsite.texts import Unit, is_empty, lookup_many
from samskapa.strategy.models import FocusArea, Goal, Strategy


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema types: integer, number, string, date, boolean, array
    description: Promise | str
    translated: bool = False


@dataclass(frozen=True)
class Dataset:
    name: str
    title: Promise | str
    description: Promise | str
    columns: tuple[Column, ...]
    rows: Callable[[PublicSite], Iterable[dict[str, Any]]]


# The strategy: every published strategy as its latest adopted version.


def _strategy_content(site: PublicSite) -> list[tuple[PublishedStrategy, dict, list[Unit]]]:
    return [
        (row, row.version.snapshot, snapshot_units(row.pk, row.version.snapshot))
        for row in public_strategy_list(organisation=site.organisation)
    ]


def _translated(site: PublicSite, units: list[Unit], source_language: str) -> dict[tuple, dict[str, Any]]:
    """Every unit's text in each language it exists in (the original, and current translations)."""
    languages = [code for code in site.organisation.all_languages if code != source_language]
    found = lookup_many(organisation=site.organisation, units=units, languages=languages)
    texts: dict[tuple, dict[str, Any]] = {}
    for unit in units:
        values = {source_language: unit.source} if not is_empty(unit.source) else {}
        for language, result in found.items():
            text = result.text(unit, source_language)
            if not text.fallback and text.language == language and not is_empty(text.value):
                values[language] = text.value
        texts[(unit.model._meta.label_lower, unit.object_id, unit.field)] = values
    return texts


def _text_columns(model, row: dict, texts: dict) -> dict[str, Any]:
    label = model._meta.label_lower
    return {name: texts.get((label, row["id"], name), {}) for name in model.TRANSLATABLE_FIELDS}


def strategy_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    for strategy, content, units in _strategy_content(site):
        texts = _translated(site, units, content.get("language") or site.organisation.default_language)
        version = strategy.version
        yield {
            "id": strategy.pk,
            **_text_columns(Strategy, {"id": strategy.pk}, texts),
            "language": content.get("language", ""),
            "period_start": content.get("period_start"),
            "period_end": content.get("period_end"),
            "version": version.number,
            "adopted_by": version.adopted_by,
            "adopted_on": version.adopted_on,
            "decision_reference": version.decision_reference,
            "revision_date": content.get("revision_date"),
        }


def focus_area_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    for strategy, content, units in _strategy_content(site):
        texts = _translated(site, units, content.get("language") or site.organisation.default_language)
        for order, area in enumerate(content.get("focus_areas", []), start=1):
            yield {
                "id": area["id"],
                "strategy_id": strategy.pk,
                "order": order,
                **_text_columns(FocusArea, area, texts),
                "framework_codes": area.get("framework_codes", []),
            }


def goal_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    for strategy, content, units in _strategy_content(site):
        texts = _translated(site, units, content.get("language") or site.organisation.default_language)
        for area in content.get("focus_areas", []):
            for order, goal in enumerate(area.get("goals", []), start=1):
                yield {
                    "id": goal["id"],
                    "strategy_id": strategy.pk,
                    "focus_area_id": area["id"],
                    "order": order,
                    **_text_columns(Goal, goal, texts),
                }


ID = Column("id", "integer", _("Stable number of the row."))
STRATEGY_ID = Column("strategy_id", "integer", _("The strategy it belongs to (id in strategies)."))
ORDER = Column("order", "integer", _("Position in the strategy, from 1."))

DATASETS: list[Dataset] = [
    Dataset(
        "strategies",
        _("Strategies"),
        _("Each published strategy, as its latest adopted version."),
        (
            ID,
            Column("title", "string", _("Title."), translated=True),
            Column("vision", "string", _("Vision."), translated=True),
            Column("purpose", "string", _("Purpose."), translated=True),
            Column("target_groups", "string", _("Whom the strategy is for."), translated=True),
            Column("language", "string", _("Language the strategy was written in (ISO 639-1).")),
            Column("period_start", "integer", _("First year of the strategy.")),
            Column("period_end", "integer", _("Last year of the strategy.")),
            Column("version", "integer", _("Number of the adopted version shown.")),
            Column("adopted_by", "string", _("The body that adopted it.")),
            Column("adopted_on", "date", _("Date of adoption.")),
            Column("decision_reference", "string", _("Reference of the decision.")),
            Column("revision_date", "date", _("Date by which it is to be revised.")),
        ),
        strategy_rows,
    ),
    Dataset(
        "focus-areas",
        _("Focus areas"),
        _("The focus areas of each published strategy, with what we want and what we will do."),
        (
            ID,
            STRATEGY_ID,
            ORDER,
            Column("title", "string", _("Title."), translated=True),
            Column("summary", "string", _("Summary in plain language."), translated=True),
            Column("description", "string", _("Description."), translated=True),
            Column("we_want", "array", _("“We want” statements."), translated=True),
            Column("we_will", "array", _("“We will” statements."), translated=True),
            Column("strategic_choices", "array", _("Strategic choices."), translated=True),
            Column(
                "framework_codes",
                "array",
                _("Areas of the framework (EDU, EMP, HEA, HOU, PAR, CHI, EQU, INF, GOV, MON)."),
            ),
        ),
        focus_area_rows,
    ),
    Dataset(
        "goals",
        _("Goals"),
        _("The goals of each focus area, with their measurable targets."),
        (
            ID,
            STRATEGY_ID,
            Column("focus_area_id", "integer", _("The focus area it belongs to (id in focus-areas).")),
            Column("order", "integer", _("Position in the focus area, from 1.")),
            Column("text", "string", _("The goal."), translated=True),
            Column("target", "string", _("Measurable target."), translated=True),
        ),
        goal_rows,
    ),
]


def datasets() -> list[Dataset]:
    return DATASETS


def dataset_get(name: str) -> Dataset:
    from django.http import Http404

    for dataset in DATASETS:
        if dataset.name == name:
            return dataset
    raise Http404


def licence(site: PublicSite) -> dict[str, str]:
    return {"name": site.licence, "title": site.get_licence_display(), "path": site.licence_url}


def _meta(site: PublicSite, dataset: Dataset) -> dict[str, Any]:
    org = site.organisation
    return {
        "dataset": dataset.name,
        "title": str(dataset.title),
        "organisation": {
            "name": org.name,
            "slug": org.slug,
            "country": org.country,
            "municipality_code": org.municipality_code,
        },
        "licence": licence(site),
        "attribution": site.credit,
        "languages": org.all_languages,
        "modified": site.content_changed_at,
    }


def as_json(site: PublicSite, dataset: Dataset) -> bytes:
    document = {**_meta(site, dataset), "items": list(dataset.rows(site))}
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


def csv_header(site: PublicSite, dataset: Dataset) -> list[str]:
    header = []
    for column in dataset.columns:
        if column.translated:
            header += [f"{column.name}_{code}" for code in site.organisation.all_languages]
        else:
            header.append(column.name)
    return header


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def as_csv(site: PublicSite, dataset: Dataset) -> bytes:
    languages = site.organisation.all_languages

    def cells(row: dict[str, Any]) -> list[Any]:
        out: list[Any] = []
        for column in dataset.columns:
            value = row.get(column.name)
            if column.translated:
                out += [_csv_value((value or {}).get(code, "")) for code in languages]
            else:
                out.append(_csv_value(value))
        return out

    return csv_bytes(csv_header(site, dataset), (cells(row) for row in dataset.rows(site)))


def datapackage(site: PublicSite, build_url: Callable[[str], str]) -> dict[str, Any]:
    """A Frictionless Data Package describing every dataset of the site (https://specs.frictionlessdata.io/)."""
    org = site.organisation
    resources = []
    for dataset in DATASETS:
        path = reverse(
            "publicsite:dataset", kwargs={"site_slug": org.slug, "dataset": dataset.name, "data_format": "csv"}
        )
        fields = [
            {
                "name": name,
                "type": "array" if column.type == "array" else column.type,
                "description": str(column.description),
            }
            for column in dataset.columns
            for name in (
                [f"{column.name}_{code}" for code in org.all_languages] if column.translated else [column.name]
            )
        ]
        for field in fields:
            if field["type"] == "array":
                field["type"] = "string"
                field["description"] += " " + str(_("One item per line."))
        resources.append(
            {
                "name": dataset.name,
                "title": str(dataset.title),
                "description": str(dataset.description),
                "path": build_url(path),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {"fields": fields},
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": f"samskapa-{org.slug}",
        "title": str(_("Integration strategy of %(name)s") % {"name": org.name}),
        "licenses": [licence(site)],
        "contributors": [{"title": site.credit, "role": "publisher"}],
        "languages": org.all_languages,
        "modified": site.content_changed_at.isoformat(),
        "resources": resources,
    }
