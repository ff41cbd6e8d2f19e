"""Every server-drawn picture renders whole in Swedish, Finnish, English and Arabic: numbers a browser
accepts (never "260,0"), and no label or mark outside the picture."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from tests.actions.factories import ActionFactory, ActionPlanFactory
from tests.actors.factories import ActorFactory
from tests.factories import FocusAreaFactory, StrategyFactory
from tests.indicators.factories import IndicatorFactory, series
from tests.svgcheck import problems, svgs_in

from samskapa.actions.charts import overview_chart, timeline_chart
from samskapa.actions.selectors import status_counts_by_focus_area
from samskapa.actors import pictures
from samskapa.analysis.framework import AREAS
from samskapa.analysis.heatmap import heatmap, heatmap_svg, shade
from samskapa.cocreation.charts import bar_chart
from samskapa.core.pictures import num, render_picture
from samskapa.indicators import charts as indicator_charts
from samskapa.indicators.series import Point, Series

LANGUAGES = ["sv", "fi", "en", "ar"]
LONG = "Arbetsförmedlingen, Försäkringskassan och Region Hallands vårdcentraler i samverkan"


def assert_whole(svg: str) -> None:
    assert "<svg" in svg
    assert problems(str(svg)) == []


def test_num_writes_points_never_commas_whatever_the_language():
    with translation.override("sv"):
        assert [num(260.0), num(12.25, 2), num(Decimal("3.50")), num(-0.01), num(None)] == [
            "260",
            "12.25",
            "3.5",
            "0",
            "0",
        ]


def test_the_checker_finds_a_decimal_comma_and_a_cut_label():
    assert problems('<svg viewBox="0 0 100 50"><rect x="0" y="0" width="260,0" height="10"/></svg>')
    assert problems('<svg viewBox="0 0 100 50"><text x="4" y="20" text-anchor="end">1 000 besök</text></svg>')
    assert not problems(
        '<svg viewBox="0 0 100 50"><text x="90" y="20" text-anchor="end" font-size="11">1 000 besök</text></svg>'
    )


@pytest.fixture
def actors(org):
    made = [
        ActorFactory(organisation=org, name=f"{LONG} {i}", influence=1 + i % 5, interest=5 - i % 5) for i in range(14)
    ]
    return made + [ActorFactory(organisation=org, influence=5, interest=5) for _ in range(9)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_actor_grid_and_network_render_whole(language, actors):
    links = [(a.pk, b.pk, "samverkar") for a, b in zip(actors, actors[1:], strict=False)]
    with translation.override(language):
        assert_whole(render_picture("actors/_grid_svg.html", {"grid": pictures.grid(actors)}))
        assert_whole(render_picture("actors/_network_svg.html", {"network": pictures.network(actors, links)}))


@pytest.mark.parametrize("language", LANGUAGES)
def test_bars_with_long_labels_and_decimal_values_render_whole(language):
    items = [(LONG, 12.5, "12,5 %"), ("Barn", 100, "100 % (1 000)"), ("Unga vuxna", 0, "0 %")]
    with translation.override(language):
        chart = bar_chart(items, scale=100)
        svg = render_picture("cocreation/_bars_svg.html", {"chart": chart, "chart_id": "x", "chart_title": "t"})
    assert 'width="32.5"' in svg
    assert_whole(svg)


@pytest.fixture
def plan_with_actions(org):
    plan = ActionPlanFactory(strategy=StrategyFactory(organisation=org), period_start=date(2025, 1, 1))
    area = FocusAreaFactory(strategy=plan.strategy, organisation=org, title=f"Fokusområde: {LONG}")
    actions = [
        ActionFactory(plan=plan, focus_area=area, title=f"{LONG} {i}", percent_complete=33, status=status)
        for i, status in enumerate(["planned", "ongoing", "done", "delayed", "cancelled"])
    ]
    ActionFactory(plan=plan, focus_area=area, start=date(2026, 6, 1), end=date(2026, 12, 31), percent_complete=7)
    return plan, actions


@pytest.mark.parametrize("language", LANGUAGES)
def test_action_timeline_and_overview_render_whole(language, org, plan_with_actions):
    plan, actions = plan_with_actions
    with translation.override(language):
        assert_whole(timeline_chart(plan, actions, today=date(2026, 12, 20)))
        assert_whole(timeline_chart(plan, actions, today=date(2025, 1, 2)))
        assert_whole(overview_chart(status_counts_by_focus_area(organisation=org, plan=plan)))


def _series(values, label="Marks kommun", kind="home"):
    points = [
        Point(year + 0.5, str(year), Decimal(str(value)), date(year, 1, 1), date(year, 12, 31))
        for year, value in values.items()
    ]
    return Series(key=label, label=label, kind=kind, points=points)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("values", [{2019: 950, 2021: 1200, 2024: 15300}, {2023: 0.125, 2024: 0.5}, {2024: 12}])
def test_indicator_charts_keep_count_labels_whole(language, values):
    home = _series(values)
    others = [_series(values, "Riket, alla kommuner i genomsnitt", "national"), _series(values, LONG, "reference")]
    with translation.override(language):
        line = indicator_charts.line_chart(
            series=[home, *others], title="t", unit="besök", decimals=0, baseline=(2019, 900), target=(2030, 20000)
        )
        small = indicator_charts.sparkline(
            series=home, title="t", unit="besök", decimals=0, baseline=(2019, 900), target=(2030, 20000), chart_id="s"
        )
    assert_whole(line)
    assert_whole(small)
    if language == "sv" and 15300 in values.values():
        assert "20 000 besök" in line.replace("\xa0", " ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_heat_map_names_areas_in_words_and_shades_by_score(language):
    scores = [None, 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0, 0.25, 0.62]
    row = {
        "document": {"pk": 1, "title": LONG, "publisher": "", "year": 2024},
        "cells": [
            {"code": c, "status": "covered" if (s or 0) > 0.6 else "weak", "score": s, "count": 1}
            for c, s in zip(AREAS, scores, strict=True)
        ],
    }
    with translation.override(language):
        svg = heatmap_svg([row, row])
        names = [str(name) for name in AREAS.values()]
    assert_whole(svg)
    assert "EDU" not in svg and "GOV" not in svg
    assert any(name[:12] in svg for name in names)
    fills = {cell["fill"] for cell in heatmap([row])["rows"][0]["cells"]}
    assert len(fills) == len(set(scores)), "each different score gets its own shade"
    assert shade(0.0) != shade(0.5) != shade(1.0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_coverage_bars_render_whole(language):
    areas = [{"code": c, "name": str(n) * 2, "score": 0.456, "status": "weak"} for c, n in AREAS.items()]
    with translation.override(language):
        assert_whole(render_picture("analysis/_coverage_svg.html", {"areas": areas}))


# The pages themselves, in the languages of the interface, with a phone's and a desktop's data.


@pytest.fixture
def sv_client(coordinator):
    def make(language):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(coordinator)
        return client

    return make


def page_svgs(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return svgs_in(response.content.decode())


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_pages_with_pictures_render_them_whole(language, org, sv_client, actors, plan_with_actions):
    plan, _actions = plan_with_actions
    indicator = IndicatorFactory(organisation=org, unit="besök", decimals=0)
    series(indicator, {2020: 980, 2022: 1450, 2024: 2100})
    client = sv_client(language)
    with translation.override("en"):  # the requests activate sv or fi; leave English behind for other tests
        _walk_pages(client, org, plan, indicator)


def _walk_pages(client, org, plan, indicator):
    urls = [
        reverse("actors:map", args=[org.slug]),
        reverse("actions:timeline", args=[org.slug, plan.pk]),
        reverse("actions:overview", args=[org.slug, plan.pk]),
        reverse("indicators:detail", args=[org.slug, indicator.pk]),
        reverse("cocreation:overview", args=[org.slug]),
    ]
    for url in urls:
        found = page_svgs(client, url)
        assert found, url
        for svg in found:
            if 'role="img"' in svg:
                assert problems(svg) == [], url


# Areas of the framework are read in words, never as codes.


@pytest.mark.parametrize("language, words", [("sv", "Utbildning och språk"), ("fi", "Koulutus ja kieli")])
def test_inputs_and_passages_name_areas_in_words(language, words, org, sv_client):
    from tests.analysis.factories import PassageFactory
    from tests.cocreation.factories import InputFactory

    InputFactory(consultation__organisation=org, framework_codes=["EDU"], codes_confirmed=True)
    InputFactory(consultation__organisation=org, suggested_codes=["GOV"])
    passage = PassageFactory(organisation=org, labels=["EDU"])
    client = sv_client(language)
    with translation.override("en"):
        inputs = client.get(reverse("cocreation:inputs", args=[org.slug])).content.decode()
        passages = client.get(reverse("analysis:passages", args=[org.slug, passage.document_id])).content.decode()
    for page in (inputs, passages):
        assert words in page
        assert ">EDU<" not in page and ", EDU" not in page and "EDU," not in page
    assert ">GOV<" not in inputs
