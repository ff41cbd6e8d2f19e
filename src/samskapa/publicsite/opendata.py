"""Open data: what the public pages show, as JSON and CSV at stable addresses, with the licence.

One description per dataset (its columns, their types and meaning) makes the JSON, the CSV,
the Frictionless Data Package (``datapackage.json``) and the documentation page alike. A
translated column holds every language the text exists in: an object ``{"sv": ..., "ar": ...}``
in JSON, one column per language (``title_sv``, ``title_ar``) in CSV.
"""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from samskapa.core.tabular import csv_chunks
from samskapa.publicsite import progress
from samskapa.publicsite.models import PublicSite
from samskapa.publicsite.registry import snapshot_units
from samskapa.publicsite.selectors import PublishedStrategy, public_strategy_list
from samskapa.publicsite.texts import Unit, is_empty, lookup_many, row_units
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


def _dumps(value: Any) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)


def as_json_chunks(site: PublicSite, dataset: Dataset) -> Iterator[bytes]:
    """The JSON document, written an item at a time so any size streams at flat memory.

    Byte for byte what ``json.dumps`` gives for the whole document with ``indent=1``: the items are
    dumped alone and indented two more spaces (a JSON string never holds a raw line break).
    """
    head = _dumps({**_meta(site, dataset), "items": []})
    assert head.endswith("[]\n}")
    prefix = head[: -len("[]\n}")]
    first = True
    for row in dataset.rows(site):
        item = "\n".join("  " + line for line in _dumps(row).split("\n"))
        yield ((prefix + "[\n") if first else ",\n").encode() + item.encode()
        first = False
    yield (prefix + "[]\n}").encode() if first else b"\n ]\n}"


def as_json(site: PublicSite, dataset: Dataset) -> bytes:
    return b"".join(as_json_chunks(site, dataset))


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


def as_csv_chunks(site: PublicSite, dataset: Dataset) -> Iterator[bytes]:
    """The CSV file a few rows at a time (same bytes as one piece)."""
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

    return csv_chunks(csv_header(site, dataset), (cells(row) for row in dataset.rows(site)))


def as_csv(site: PublicSite, dataset: Dataset) -> bytes:
    return b"".join(as_csv_chunks(site, dataset))


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


# The action plan, indicators, consultations and findings: published live rows.


def _live_texts(site: PublicSite, rows: list) -> dict[tuple, dict[str, Any]]:
    return _translated(site, [unit for row in rows for unit in row_units(row)], site.organisation.default_language)


def _live_columns(row, texts: dict) -> dict[str, Any]:
    return _text_columns(type(row), {"id": row.pk}, texts)


# Live rows are read and translated a batch at a time, so a file of any length costs flat memory.
BATCH = 500


def _batches(queryset) -> Iterator[list]:
    rows = queryset.iterator(chunk_size=BATCH)
    while batch := list(islice(rows, BATCH)):
        yield batch


def action_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    for actions in _batches(progress.public_action_queryset(site.organisation)):
        yield from _action_rows(site, actions)


def _action_rows(site: PublicSite, actions: list) -> Iterable[dict[str, Any]]:
    texts = _live_texts(site, actions)
    for action in actions:
        latest = action.public_updates[0] if action.public_updates else None
        yield {
            "id": action.pk,
            "number": action.number,
            "focus_area_id": action.focus_area_id,
            **_live_columns(action, texts),
            "status": action.status,
            "percent_complete": action.percent_complete,
            "start": action.start,
            "end": action.end,
            "last_update_on": latest.date if latest else None,
        }


def indicator_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    for indicators in _batches(progress.public_indicator_queryset(site.organisation)):
        yield from _indicator_rows(site, indicators)


def _indicator_rows(site: PublicSite, indicators: list) -> Iterable[dict[str, Any]]:
    texts = _live_texts(site, indicators)
    for indicator in indicators:
        yield {
            "id": indicator.pk,
            **_live_columns(indicator, texts),
            "direction": indicator.direction,
            "baseline_year": indicator.baseline_year,
            "baseline_value": indicator.baseline_value,
            "target_year": indicator.target_year,
            "target_value": indicator.target_value,
            "source": indicator.source,
        }


def observation_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    """The values of published indicators for our area, the areas compared with and the nation
    (a source's values for every municipality stay with the source)."""
    from samskapa.indicators.models import Observation

    indicators = list(progress.public_indicator_queryset(site.organisation))
    wanted = {i.pk: {i.home_area, i.national_area, *i.reference_areas} - {""} for i in indicators}
    codes = set().union(*wanted.values()) if wanted else set()
    rows = (
        Observation.objects.filter(organisation=site.organisation, indicator_id__in=list(wanted), area_code__in=codes)
        .order_by("indicator_id", "area_code", "period_start", "sex", "age", "origin")
        .values("indicator_id", "area_code", "period_start", "period_end", "sex", "age", "origin", "value")
    )
    for row in rows.iterator(chunk_size=2000):
        if row["area_code"] in wanted[row["indicator_id"]]:
            yield row


def consultation_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    for consultations in _batches(progress.public_consultation_queryset(site.organisation)):
        yield from _consultation_rows(site, consultations)


def _consultation_rows(site: PublicSite, consultations: list) -> Iterable[dict[str, Any]]:
    from samskapa.cocreation.models.consultations import Group

    texts = _live_texts(site, consultations)
    for consultation in consultations:
        heard = {row.group: row.count for row in consultation.participation.all()}
        survey = progress.public_survey(consultation)
        yield {
            "id": consultation.pk,
            **_live_columns(consultation, texts),
            "kind": consultation.kind,
            "status": consultation.status,
            "held_on": consultation.held_on,
            "ends_on": consultation.ends_on,
            "survey": reverse("survey-public", args=[survey.key]) if survey and survey.status == "open" else "",
            **{f"heard_{group}": heard.get(group, 0) for group in Group.values},
        }


def finding_rows(site: PublicSite) -> Iterable[dict[str, Any]]:
    public = progress.public_areas(organisation=site.organisation, language=site.organisation.default_language)
    for findings in _batches(progress.public_finding_queryset(site.organisation)):
        yield from _finding_rows(site, findings, public)


def _finding_rows(site: PublicSite, findings: list, public) -> Iterable[dict[str, Any]]:
    texts = _live_texts(site, findings)
    for finding in findings:
        decisions = list(finding.decisions.all())
        yield {
            "id": finding.pk,
            **_live_columns(finding, texts),
            "focus_area_ids": [d.focus_area_id for d in decisions if d.focus_area_id in public.areas],
            "goal_ids": [d.goal_id for d in decisions if d.goal_id in public.goals],
            "action_ids": [d.action_id for d in decisions if d.action_id and d.action.is_published],
        }


def _heard_columns() -> tuple[Column, ...]:
    from samskapa.cocreation.models.consultations import Group

    return tuple(
        Column(f"heard_{code}", "integer", format_lazy("{}: {}", _("Number of people heard"), label))
        for code, label in Group.choices
    )


DATASETS += [
    Dataset(
        "actions",
        _("Actions"),
        _("Each published action of the action plan, with its status and progress."),
        (
            ID,
            Column("number", "integer", _("Number of the action in its plan.")),
            Column("focus_area_id", "integer", _("The focus area it serves (id in focus-areas), if any.")),
            Column("title", "string", _("Title."), translated=True),
            Column("description", "string", _("Description."), translated=True),
            Column("status", "string", _("Status: planned, ongoing, done, delayed or cancelled.")),
            Column("percent_complete", "integer", _("How far it has come, in percent.")),
            Column("start", "date", _("Start date.")),
            Column("end", "date", _("End date.")),
            Column("last_update_on", "date", _("Date of the latest published progress update.")),
        ),
        action_rows,
    ),
    Dataset(
        "indicators",
        _("Indicators"),
        _("Each published indicator, with its baseline and target."),
        (
            ID,
            Column("title", "string", _("Title."), translated=True),
            Column("definition", "string", _("What is counted, and how."), translated=True),
            Column("unit", "string", _("Unit of the values."), translated=True),
            Column("direction", "string", _("Which direction is better: higher, lower or neither.")),
            Column("baseline_year", "integer", _("Year of the baseline.")),
            Column("baseline_value", "number", _("Value in the baseline year.")),
            Column("target_year", "integer", _("Year of the target.")),
            Column("target_value", "number", _("Value aimed at in the target year.")),
            Column("source", "string", _("Where the values come from: manual, kolada, scb, statfi or eurostat.")),
        ),
        indicator_rows,
    ),
    Dataset(
        "observations",
        _("Indicator values"),
        _("The values of the published indicators for our area, the areas compared with and the country."),
        (
            Column("indicator_id", "integer", _("The indicator (id in indicators).")),
            Column("area_code", "string", _("Code of the area in the source.")),
            Column("period_start", "date", _("First day of the period.")),
            Column("period_end", "date", _("Last day of the period.")),
            Column("sex", "string", _("total, women or men.")),
            Column("age", "string", _("Age group, empty for all ages.")),
            Column("origin", "string", _("foreign or native born, empty for everyone.")),
            Column("value", "number", _("The value.")),
        ),
        observation_rows,
    ),
    Dataset(
        "consultations",
        _("Consultations"),
        _("Each published consultation; who was heard as counts per group, never names."),
        (
            ID,
            Column("title", "string", _("Title."), translated=True),
            Column("purpose", "string", _("Purpose."), translated=True),
            Column("summary", "string", _("Summary of what was said."), translated=True),
            Column("kind", "string", _("Form of the consultation.")),
            Column("status", "string", _("planned, open or held.")),
            Column("held_on", "date", _("Date, or first day.")),
            Column("ends_on", "date", _("Last day, for surveys and online consultations.")),
            Column("survey", "string", _("Address of the survey to answer, while it is open.")),
            *_heard_columns(),
        ),
        consultation_rows,
    ),
    Dataset(
        "findings",
        _("You said, we did"),
        _("Each published finding and what was decided because of it."),
        (
            ID,
            Column("statement", "string", _("What we heard."), translated=True),
            Column("detail", "string", _("More about it."), translated=True),
            Column("outcome", "string", _("What we did."), translated=True),
            Column("focus_area_ids", "array", _("Focus areas it led to (ids in focus-areas).")),
            Column("goal_ids", "array", _("Goals it led to (ids in goals).")),
            Column("action_ids", "array", _("Actions it led to (ids in actions).")),
        ),
        finding_rows,
    ),
]
