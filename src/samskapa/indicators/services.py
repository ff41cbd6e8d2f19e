"""Writes for indicators and their values.

Every function is keyword-only, takes the acting user and the organisation, checks the
capability itself (pages, API and command line agree), validates and is atomic.
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError, ConflictError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.core.jobs import job_start
from samskapa.indicators.bulk import observations_forget
from samskapa.indicators.fetch import home_area_for, national_area_for
from samskapa.indicators.models import (
    ONLINE_SOURCES,
    Breakdown,
    Direction,
    FollowUpReport,
    Indicator,
    IndicatorFocusArea,
    IndicatorGoal,
    Observation,
    Origin,
    Sex,
    Source,
)
from samskapa.indicators.periods import parse_period
from samskapa.indicators.sources import registry
from samskapa.indicators.standing import status_refresh
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require
from samskapa.strategy.models import FocusArea, Goal

CHANGE, ENTER = "indicators.change_indicators", "indicators.enter_values"
INDICATOR_FIELDS = (
    "title",
    "definition",
    "unit",
    "decimals",
    "direction",
    "frequency",
    "breakdowns",
    "source",
    "source_config",
    "home_area",
    "reference_areas",
    "national_area",
    "all_areas",
    "baseline_year",
    "baseline_value",
    "target_year",
    "target_value",
    "owner",
    "due_days",
    "is_published",
)
AREA_CODE = re.compile(r"^[A-Za-z0-9_\-+]{1,24}$")


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def source_config_clean(source: str, config: Any) -> dict:
    """The source settings, checked by the source's own adapter; refuses anything else."""
    if not isinstance(config, dict):
        raise _invalid("source_config", _("The source settings are not valid."))
    if source == Source.MANUAL:
        return {}
    adapter = registry.get(source)
    if adapter is None:
        raise _invalid("source", _("Choose a source from the list."))
    return adapter.clean_config(config)


def _areas_clean(indicator: Indicator) -> None:
    codes = [indicator.home_area, indicator.national_area, *indicator.reference_areas]
    if not all(AREA_CODE.match(code) for code in codes if code):
        raise _invalid("reference_areas", _("Area codes are letters, digits, - and _ only."))
    if indicator.is_online and not indicator.all_areas and not indicator.areas:
        raise _invalid("home_area", _("Say which areas to fetch: ours, others to compare with, or all."))


def _set_links(*, actor, organisation: Organisation, indicator: Indicator, link, target: str, ids, choices) -> None:
    """Link the indicator to exactly the given goals or focus areas of the organisation."""
    wanted = set(ids)
    found = set(choices.objects.filter(organisation=organisation, pk__in=wanted).values_list("pk", flat=True))
    if found != wanted:
        raise ApplicationError(_("Choose goals and focus areas from your organisation's strategy."))
    links = link.objects.filter(indicator=indicator)
    links.exclude(**{f"{target}_id__in": wanted}).delete()
    present = set(links.values_list(f"{target}_id", flat=True))
    for pk in sorted(wanted - present):
        save_as(link(organisation=organisation, indicator=indicator, **{f"{target}_id": pk}), actor)


def _set_goals(*, actor, organisation, indicator, goal_ids, focus_area_ids) -> None:
    for ids, link, target, choices in (
        (goal_ids, IndicatorGoal, "goal", Goal),
        (focus_area_ids, IndicatorFocusArea, "focus_area", FocusArea),
    ):
        if ids is not None:
            _set_links(
                actor=actor,
                organisation=organisation,
                indicator=indicator,
                link=link,
                target=target,
                ids=ids,
                choices=choices,
            )


def _check_owner(organisation: Organisation, owner) -> None:
    if owner is not None and not owner.memberships.filter(organisation=organisation).exists():
        raise _invalid("owner", _("The person entering the values must be a member of the organisation."))


def _prepare(indicator: Indicator) -> None:
    indicator.source_config = source_config_clean(indicator.source, indicator.source_config)
    if indicator.is_online and not indicator.home_area:
        indicator.home_area = home_area_for(indicator.source, indicator.organisation)
    if indicator.source == Source.MANUAL and not indicator.home_area:
        indicator.home_area = indicator.organisation.municipality_code or "home"
    _areas_clean(indicator)


@transaction.atomic
def indicator_create(*, actor, organisation: Organisation, goal_ids=(), focus_area_ids=(), **fields: Any) -> Indicator:
    """A new indicator; an online one also gets the national figure to compare with."""
    require(actor, CHANGE, organisation)
    refuse_unknown_fields(fields, INDICATOR_FIELDS)
    _check_owner(organisation, fields.get("owner"))
    indicator = Indicator(organisation=organisation, **fields)
    if not fields.get("national_area"):
        indicator.national_area = national_area_for(indicator.source)
    _prepare(indicator)
    save_as(indicator, actor)
    _set_goals(
        actor=actor, organisation=organisation, indicator=indicator, goal_ids=goal_ids, focus_area_ids=focus_area_ids
    )
    return indicator


@transaction.atomic
def indicator_update(
    *, actor, organisation: Organisation, indicator: Indicator, goal_ids=None, focus_area_ids=None, **changes: Any
) -> Indicator:
    require(actor, CHANGE, indicator)
    refuse_unknown_fields(changes, INDICATOR_FIELDS)
    if "owner" in changes:
        _check_owner(organisation, changes["owner"])
    if "source" in changes and changes["source"] != indicator.source and indicator.observations.exists():
        raise ConflictError(_("The indicator has values; make a new indicator for another source."))
    for field, value in changes.items():
        setattr(indicator, field, value)
    _prepare(indicator)
    save_as(indicator, actor)
    _set_goals(
        actor=actor, organisation=organisation, indicator=indicator, goal_ids=goal_ids, focus_area_ids=focus_area_ids
    )
    status_refresh([indicator])  # the direction, baseline, target or area may have changed
    return indicator


@transaction.atomic
def indicator_delete(*, actor, organisation: Organisation, indicator: Indicator) -> None:
    """Remove an indicator; its history keeps it, and the history of every value entered by hand."""
    require(actor, CHANGE, indicator)
    observations_forget(indicator=indicator)
    for observation in Observation.objects.filter(indicator=indicator):
        delete_as(observation, actor)
    delete_as(indicator, actor)


def kolada_indicator_create(*, actor, organisation: Organisation, kpi, goal_ids=(), focus_area_ids=()) -> Indicator:
    """An indicator for a Kolada KPI as the catalogue describes it; its values are fetched next."""
    if organisation.country != "SE":
        raise ApplicationError(_("Kolada has Swedish municipalities only."))
    breakdowns = [Breakdown.SEX] if kpi.is_divided_by_gender else []
    return indicator_create(
        actor=actor,
        organisation=organisation,
        goal_ids=goal_ids,
        focus_area_ids=focus_area_ids,
        title=kpi.title[:300],
        definition=(kpi.description + "\n\nKälla: Kolada").strip(),  # Kolada's terms: cite it in Swedish
        unit=kpi.unit[:40],
        direction=Direction.NEITHER,
        breakdowns=breakdowns,
        source=Source.KOLADA,
        source_config={"kpi": kpi.id},
    )


def _value(raw: Any) -> Decimal:
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # Swedish and Finnish write a decimal comma
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError) as error:
        raise ApplicationError(_("“%(value)s” is not a number.") % {"value": str(raw)[:40]}) from error
    if not value.is_finite() or abs(value) >= Decimal("1e14"):
        raise ApplicationError(_("“%(value)s” is not a number we can store.") % {"value": str(raw)[:40]})
    return value.quantize(Decimal("0.000001"))


def _breakdown(sex: str, origin: str, age: str) -> tuple[str, str, str]:
    sex = sex or Sex.TOTAL
    if sex not in Sex.values:
        raise ApplicationError(_("Sex is one of: total, women, men."))
    if origin not in Origin.values:
        raise ApplicationError(_("Born is empty (anywhere), foreign or native."))
    if len(age) > 24:
        raise ApplicationError(_("Write the age group shortly, for example 20-64."))
    return sex, origin, age


def _require_manual(indicator: Indicator) -> None:
    if indicator.source in ONLINE_SOURCES:
        raise ConflictError(
            _("The values of this indicator come from %(source)s; they are fetched, not entered.")
            % {"source": indicator.get_source_display()}
        )


@transaction.atomic
def observation_record(*, actor, organisation: Organisation, indicator: Indicator, **value: Any) -> Observation:
    """Enter (or correct) one value of an indicator by hand; its history keeps the old one."""
    observation = _record(actor=actor, organisation=organisation, indicator=indicator, **value)
    status_refresh([indicator])
    return observation


def _record(
    *,
    actor,
    organisation: Organisation,
    indicator: Indicator,
    period: str,
    value: Any,
    area_code: str = "",
    sex: str = Sex.TOTAL,
    age: str = "",
    origin: str = "",
    note: str = "",
    source: str = "manual",
) -> Observation:
    require(actor, ENTER, indicator)
    _require_manual(indicator)
    start, end = parse_period(period)
    sex, origin, age = _breakdown(sex, origin, age.strip())
    area = (area_code or indicator.home_area).strip()
    if not AREA_CODE.match(area):
        raise ApplicationError(_("Area codes are letters, digits, - and _ only."))
    key = {"indicator": indicator, "area_code": area, "period_start": start, "period_end": end}
    observation = Observation.objects.filter(**key, sex=sex, age=age, origin=origin).first()
    observation = observation or Observation(organisation=organisation, sex=sex, age=age, origin=origin, **key)
    observation.value = _value(value)
    observation.note, observation.source = note[:300], source
    observation.fetched_at, observation.entered_by = timezone.now(), actor
    return save_as(observation, actor)


@transaction.atomic
def observation_delete(*, actor, organisation: Organisation, observation: Observation) -> None:
    require(actor, ENTER, observation)
    _require_manual(observation.indicator)
    delete_as(observation, actor)
    status_refresh([observation.indicator])


# The columns of the CSV/XLSX round trip: what the export writes, the import reads.
IMPORT_COLUMNS = ("period", "value", "area_code", "sex", "age", "origin", "note")


@transaction.atomic
def observations_import(*, actor, organisation: Organisation, indicator: Indicator, table) -> int:
    """Store every row of an uploaded table, or none: a bad row is refused with its line number."""
    require(actor, ENTER, indicator)
    _require_manual(indicator)
    headings = {h.strip().lower(): h for h in table.header}
    missing = [c for c in ("period", "value") if c not in headings]
    if missing:
        raise ApplicationError(
            _("The file needs the columns %(columns)s in its first row.") % {"columns": ", ".join(missing)}
        )
    count = 0
    for line, row in table.numbered():
        cells = {column: row.get(headings[column]) for column in IMPORT_COLUMNS if column in headings}
        if cells.get("value") in (None, ""):
            continue  # an empty value is not a value: nothing to store
        try:
            _record(
                actor=actor,
                organisation=organisation,
                indicator=indicator,
                period=_cell_text(cells["period"]),
                value=cells["value"],
                area_code=_cell_text(cells.get("area_code")),
                sex=_cell_text(cells.get("sex")) or Sex.TOTAL,
                age=_cell_text(cells.get("age")),
                origin=_cell_text(cells.get("origin")),
                note=_cell_text(cells.get("note")),
                source="file",
            )
        except (ApplicationError, ValidationError) as error:
            message = error.message if isinstance(error, ApplicationError) else "; ".join(error.messages)
            raise ApplicationError(_("Line %(line)s: %(problem)s") % {"line": line, "problem": message}) from error
        count += 1
    if not count:
        raise ApplicationError(_("The file has no values."))
    status_refresh([indicator])  # once for the whole file
    return count


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year typed in a spreadsheet arrives as 2024.0
    if isinstance(value, date):
        return value.isoformat()[:7]
    return str(value).strip()


def indicator_sync_start(*, actor, organisation: Organisation, indicator: Indicator | None = None):
    """Queue fetching new values, for one indicator or every online one, as background work."""
    require(actor, CHANGE, organisation)
    require(actor, "core.start_job", organisation)
    if indicator is not None and not indicator.is_online:
        raise ApplicationError(_("This indicator has no online source."))
    if (
        indicator is None
        and not Indicator.objects.filter(organisation=organisation, source__in=ONLINE_SOURCES).exists()
    ):
        raise ApplicationError(_("No indicator has an online source yet."))
    title = (
        _("Fetching values for %(title)s") % {"title": indicator.title}
        if indicator
        else _("Fetching values for all indicators")
    )
    params = {"indicator_ids": [indicator.pk] if indicator else None}
    return job_start(organisation=organisation, user=actor, kind="indicators.sync", title=title, params=params)


@transaction.atomic
def follow_up_report_start(*, actor, organisation: Organisation, strategy, year: int) -> FollowUpReport:
    """Queue writing the annual follow-up report of a strategy, as PDF and DOCX, in its language."""
    from samskapa.reports.followup import report_language, report_title

    require(actor, CHANGE, organisation)
    require(actor, "core.start_job", organisation)
    if strategy.organisation_id != organisation.pk:
        raise ApplicationError(_("Choose a strategy of your organisation."))
    if not 1990 <= year <= timezone.localdate().year + 1:
        raise ApplicationError(_("Choose a year that has been or is being followed up."))
    report = FollowUpReport(
        organisation=organisation,
        strategy=strategy,
        year=year,
        language=report_language(strategy),
        title=report_title(strategy, year)[:300],
        created_by=actor,
    )
    report.full_clean()
    report.save()
    report.job = job_start(
        organisation=organisation,
        user=actor,
        kind="indicators.followup_report",
        title=_("Follow-up report %(year)s") % {"year": year},
        params={"report_id": report.pk},
    )
    report.save(update_fields=["job"])
    return report
