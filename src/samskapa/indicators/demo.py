"""Demo indicators for Mark, Mölndal, Malå and Vaasa with made-up series of the real shape.

The Kolada indicators use real KPI ids, municipality codes and reference municipalities;
their values are invented (source "demo") and a fetch replaces them with Kolada's own.
One indicator per municipality is entered by hand and has a value missing, so that the
coordinator's reminder shows. Idempotent: indicators are found again by title.
"""

import random
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from samskapa.core.history import save_as
from samskapa.indicators.bulk import observations_upsert
from samskapa.indicators.models import Direction, Indicator, IndicatorFocusArea, IndicatorGoal, Source
from samskapa.indicators.periods import year_period
from samskapa.indicators.sources.base import Row
from samskapa.indicators.standing import status_refresh
from samskapa.strategy.models import FocusArea, Goal

DEMO_NOTE = "Demovärden, påhittade för att prova programmet; en hämtning ersätter dem med Koladas egna."
FIRST_YEAR, LAST_YEAR = 2015, 2024

# Per KPI: title, unit, direction, breakdown by sex, start and yearly change of the national
# series, how far a municipality may lie from it, the target, and the focus-area words it follows.
KPIS: dict[str, tuple[Any, ...]] = {
    "N02268": (
        "Sysselsättningsgrad, utrikes födda 20-64 år, andel (%)",
        "%",
        "higher",
        True,
        61.0,
        0.8,
        7.0,
        72,
        ("arbete", "work", "framtid"),
    ),
    "N00973": (
        "Lämnat etableringsuppdraget och börjat arbeta eller studera (status efter 90 dagar), andel (%)",
        "%",
        "higher",
        True,
        38.0,
        1.1,
        8.0,
        55,
        ("arbete", "work", "framtid"),
    ),
    "N18409": (
        "Elever på SFI som klarat minst två kurser, av nybörjare två år tidigare, andel (%)",
        "%",
        "higher",
        True,
        41.0,
        0.6,
        9.0,
        55,
        ("utbildning", "education", "framtid"),
    ),
    "N02926": (
        "Utrikes födda, andel (%)",
        "%",
        "neither",
        True,
        16.5,
        0.35,
        6.0,
        None,
        ("delaktighet", "participation", "tillhörighet"),
    ),
}
MUNICIPALITIES: dict[str, dict[str, Any]] = {
    "mark": {"home": "1463", "references": ["1490", "1489"], "level": -3.0},
    "molndal": {"home": "1481", "references": ["1480", "1401", "1402"], "level": 1.5},
    "mala": {"home": "2418", "references": ["2481", "2417"], "level": -1.0},
}
MANUAL: dict[str, tuple[Any, ...]] = {
    "mark": (
        "Besök på språkcaféer och mötesplatser",
        "besök",
        ("participation", "delaktighet"),
        {2022: 380, 2023: 455},
        900,
    ),
    "molndal": ("Deltagare i mentorsprogrammet för nyanlända", "deltagare", ("delaktighet",), {2022: 24, 2023: 31}, 60),
    "mala": ("Nyinflyttade som fått samhällsorientering", "personer", ("tillhörighet",), {2022: 18, 2023: 22}, 40),
}


def _curve(rng: random.Random, start: float, step: float, offset: float) -> dict[int, float]:
    values, level = {}, start + offset
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        dip = -2.5 if year == 2020 else 0.0  # the pandemic year
        values[year] = round(max(0.0, level + dip + rng.uniform(-0.8, 0.8)), 1)
        level += step + rng.uniform(-0.3, 0.3)
    return values


def _rows(kpi: str, spec: tuple, areas: dict[str, float], seed: str):
    _title, _unit, _direction, by_sex, start, step, spread, _target, _words = spec
    rng = random.Random(f"{seed}-{kpi}")  # noqa: S311  demo data, not secrets
    for area, level in areas.items():
        offset = level if area != "0000" else 0.0
        for year, value in _curve(rng, start, step, offset + rng.uniform(-spread / 3, spread / 3)).items():
            begin, end = year_period(year)
            yield Row(area, begin, end, "total", "", "", value, "")
            if by_sex:
                yield Row(area, begin, end, "women", "", "", round(value - 5.5, 1), "")
                yield Row(area, begin, end, "men", "", "", round(value + 5.0, 1), "")


def _focus_areas(organisation, words):
    query = Q()
    for word in words:
        query |= Q(title__icontains=word)
    return list(FocusArea.objects.filter(organisation=organisation).filter(query))


def _link(organisation, coordinator, indicator, words) -> None:
    for area in _focus_areas(organisation, words):
        goal = Goal.objects.filter(focus_area=area).order_by("order").first()
        if goal is not None:
            if not IndicatorGoal.objects.filter(indicator=indicator, goal=goal).exists():
                save_as(IndicatorGoal(organisation=organisation, indicator=indicator, goal=goal), coordinator)
        elif not IndicatorFocusArea.objects.filter(indicator=indicator, focus_area=area).exists():
            save_as(IndicatorFocusArea(organisation=organisation, indicator=indicator, focus_area=area), coordinator)


def _indicator(organisation, coordinator, title: str, **fields) -> Indicator:
    indicator = Indicator.objects.filter(organisation=organisation, title=title).first()
    indicator = indicator or Indicator(organisation=organisation, title=title)
    for field, value in fields.items():
        setattr(indicator, field, value)
    return save_as(indicator, coordinator)


def build(organisation, coordinator) -> None:
    _build(organisation, coordinator)
    # Baselines are set after the values are in: store every status once at the end.
    status_refresh(Indicator.objects.filter(organisation=organisation))


def _build(organisation, coordinator) -> None:
    if organisation.slug == "vaasa":
        _build_vaasa(organisation, coordinator)
        return
    place = MUNICIPALITIES.get(organisation.slug)
    if place is None:
        return
    areas = {place["home"]: place["level"], **{code: 0.0 for code in place["references"]}, "0000": 0.0}
    for kpi, spec in KPIS.items():
        title, unit, direction, by_sex, _start, _step, _spread, target, words = spec
        indicator = _indicator(
            organisation,
            coordinator,
            title,
            definition=f"Kolada {kpi}. {DEMO_NOTE}",
            unit=unit,
            direction=direction,
            breakdowns=["sex"] if by_sex else [],
            source=Source.KOLADA,
            source_config={"kpi": kpi},
            home_area=place["home"],
            reference_areas=place["references"],
            national_area="0000",
            baseline_year=None,
            baseline_value=None,
            target_year=2027 if target else None,
            target_value=Decimal(target) if target else None,
            is_published=True,
        )
        observations_upsert(
            indicator=indicator,
            rows=_rows(kpi, spec, areas, organisation.slug),
            source="demo",
            fetched_at=timezone.now(),
        )
        if target:
            baseline = indicator.observations.filter(
                area_code=place["home"], sex="total", period_start=date(2019, 1, 1)
            ).first()
            indicator.baseline_year = 2019
            indicator.baseline_value = baseline.value if baseline else Decimal(target) - 10
            save_as(indicator, coordinator)
        _link(organisation, coordinator, indicator, words)
    _manual(organisation, coordinator, place)


def _manual(organisation, coordinator, place) -> None:
    title, unit, words, values, target = MANUAL[organisation.slug]
    indicator = _indicator(
        organisation,
        coordinator,
        title,
        definition="Räknas av integrationsenheten ur närvarolistorna. Demovärden, påhittade för att prova programmet.",
        unit=unit,
        decimals=0,
        direction=Direction.HIGHER,
        source=Source.MANUAL,
        home_area=place["home"],
        owner=coordinator,
        due_days=90,
        baseline_year=2022,
        baseline_value=Decimal(values[2022]),
        target_year=2027,
        target_value=Decimal(target),
    )
    rows = [Row(place["home"], *year_period(year), "total", "", "", float(value), "") for year, value in values.items()]
    observations_upsert(indicator=indicator, rows=rows, source="demo", fetched_at=timezone.now())
    _link(organisation, coordinator, indicator, words)


# Vaasa: two of Statistics Finland's key figures of municipalities (table 11ab of "Kuntien
# avainluvut"; areas KU905 Vaasa, KU499 Mustasaari, KU893 Uusikaarlepyy, SSS the whole country)
# with invented values, and one counted by hand.
STATFI_TABLE = "StatFin/kuntien_avainluvut/statfin_kuntien_avainluvut_pxt_11ab.px"
STATFI_NOTE = "Demoarvot, keksitty ohjelman kokeilua varten; haku korvaa ne Tilastokeskuksen omilla."
VAASA_AREAS = {"KU905": 0.0, "KU499": 1.5, "KU893": -1.0, "SSS": -0.5}
VAASA_KEY_FIGURES = [
    # (title, unit, direction, start, yearly change, target, focus-area words)
    ("Työllisyysaste, %", "%", "higher", 68.0, 0.4, 74, ("työ ja",)),
    ("Ulkomaan kansalaisten osuus väestöstä, %", "%", "neither", 4.2, 0.3, None, ("vastaanottava",)),
]


def _build_vaasa(organisation, coordinator) -> None:
    for title, unit, direction, start, step, target, words in VAASA_KEY_FIGURES:
        indicator = _indicator(
            organisation,
            coordinator,
            title,
            definition=f"Tilastokeskus, kuntien avainluvut. {STATFI_NOTE}",
            unit=unit,
            direction=direction,
            source=Source.STATFI,
            source_config={"table": STATFI_TABLE, "latest": 10},
            home_area="KU905",
            reference_areas=["KU499", "KU893"],
            national_area="SSS",
            target_year=2028 if target else None,
            target_value=Decimal(target) if target else None,
            is_published=True,
        )
        rng = random.Random(f"vaasa-{title}")  # noqa: S311  demo data, not secrets
        rows = [
            Row(area, *year_period(year), "total", "", "", value, "")
            for area, level in VAASA_AREAS.items()
            for year, value in _curve(rng, start, step, level).items()
        ]
        observations_upsert(indicator=indicator, rows=rows, source="demo", fetched_at=timezone.now())
        if target and indicator.baseline_year is None:
            indicator.baseline_year, indicator.baseline_value = 2019, Decimal(str(round(start + 4 * step, 1)))
            save_as(indicator, coordinator)
        _link(organisation, coordinator, indicator, words)
    indicator = _indicator(
        organisation,
        coordinator,
        "Kotoutumissuunnitelma kolmessa kuukaudessa, %",
        definition="Kotoutumispalvelujen oma seuranta asiakasjärjestelmästä. Demoarvot.",
        unit="%",
        decimals=0,
        direction=Direction.HIGHER,
        source=Source.MANUAL,
        home_area="KU905",
        owner=coordinator,
        due_days=90,
        baseline_year=2023,
        baseline_value=Decimal(62),
        target_year=2027,
        target_value=Decimal(95),
        is_published=True,
    )
    values = {2023: 62, 2024: 71, 2025: 84}
    rows = [Row("KU905", *year_period(year), "total", "", "", float(value), "") for year, value in values.items()]
    observations_upsert(indicator=indicator, rows=rows, source="demo", fetched_at=timezone.now())
    _link(organisation, coordinator, indicator, ("työ ja",))
