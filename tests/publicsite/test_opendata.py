"""Open data: the published content as JSON and CSV at stable, documented addresses, with the licence."""

import csv
import io
import json

import pytest
from django.test import Client
from tests.publicsite.test_services import key

from samskapa.publicsite import services
from samskapa.strategy.models import FocusArea


@pytest.fixture
def reader():
    return Client()


def as_json(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.getvalue())


def as_rows(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


@pytest.fixture
def translated(org, coordinator, published):
    area = FocusArea.objects.get(strategy=published, title="Tillhörighet")
    services.translations_save(
        actor=coordinator,
        organisation=org,
        obj=published,
        language="ar",
        values={key(area, "title"): "الانتماء", key(area, "we_want"): "الأمان للجميع\nأماكن لقاء أكثر"},
    )
    return published


def test_json_carries_the_licence_the_organisation_and_every_language_of_a_text(org, coordinator, translated, reader):
    services.site_update(
        actor=coordinator, organisation=org, licence="CC0-1.0", attribution="Marks kommun, integration"
    )
    document = as_json(reader.get(f"/p/{org.slug}/data/focus-areas.json"))
    assert document["licence"] == {
        "name": "CC0-1.0",
        "title": "Creative Commons Zero 1.0 (CC0 1.0)",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    }
    assert document["attribution"] == "Marks kommun, integration"
    assert document["organisation"]["municipality_code"] == "1463" and document["languages"] == ["sv", "en", "ar"]
    area = next(item for item in document["items"] if item["title"]["sv"] == "Tillhörighet")
    assert area["title"] == {"sv": "Tillhörighet", "ar": "الانتماء"}
    assert area["we_want"]["ar"] == ["الأمان للجميع", "أماكن لقاء أكثر"]


def test_csv_has_one_column_per_language_and_one_line_per_statement(org, translated, reader):
    rows = as_rows(reader.get(f"/p/{org.slug}/data/focus-areas.csv"))
    area = next(row for row in rows if row["title_sv"] == "Tillhörighet")
    assert area["title_ar"] == "الانتماء" and area["title_en"] == ""
    assert area["we_want_sv"].splitlines() == ["Alla ska känna sig trygga.", "Fler mötesplatser."]


def test_the_strategies_and_goals_files_hold_the_adopted_version(org, translated, reader):
    strategy = as_json(reader.get(f"/p/{org.slug}/data/strategies.json"))["items"][0]
    assert strategy["adopted_by"] == "Kommunfullmäktige" and strategy["adopted_on"] == "2026-06-01"
    assert strategy["version"] == 1 and strategy["period_start"] == 2026
    goals = as_rows(reader.get(f"/p/{org.slug}/data/goals.csv"))
    assert [(g["text_sv"], g["target_sv"]) for g in goals] == [("Fler känner sig välkomna", "80 %")]


def test_the_data_package_describes_every_file_with_its_columns(org, translated, reader):
    package = as_json(reader.get(f"/p/{org.slug}/data/datapackage.json"))
    assert package["profile"] == "tabular-data-package" and package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        rows_response = reader.get(resource["path"].removeprefix("http://testserver"))
        header = next(csv.reader(io.StringIO(rows_response.getvalue().decode("utf-8-sig"))))
        assert header == [field["name"] for field in resource["schema"]["fields"]], resource["name"]


def test_the_documentation_page_lists_each_file_and_column(org, published, reader):
    page = reader.get(f"/p/{org.slug}/en/data/").content.decode()
    for name in ("strategies.json", "focus-areas.csv", "goals.csv", "datapackage.json", "we_will"):
        assert name in page
    assert "Creative Commons Attribution 4.0" in page


def test_unknown_files_and_formats_are_not_found(org, published, reader):
    assert reader.get(f"/p/{org.slug}/data/members.json").status_code == 404
    assert reader.get(f"/p/{org.slug}/data/goals.xml").status_code == 404
    assert reader.get("/p/organisations.xml").status_code == 404


def test_the_index_of_publishing_organisations_as_data(org, published, reader):
    document = as_json(reader.get("/p/organisations.json"))
    assert [o["slug"] for o in document["organisations"]] == ["mark"]
    assert document["organisations"][0]["datapackage"].endswith("/p/mark/data/datapackage.json")
    rows = as_rows(reader.get("/p/organisations.csv"))
    assert rows[0]["name"] == "Marks kommun" and rows[0]["licence"] == "CC-BY-4.0"


def test_text_that_looks_like_a_formula_is_neutralised_in_csv(org, coordinator, published, reader):
    services.translations_save(
        actor=coordinator,
        organisation=org,
        obj=published,
        language="en",
        values={key(published, "title"): "=HYPERLINK(1)"},
    )
    rows = as_rows(reader.get(f"/p/{org.slug}/data/strategies.csv"))
    assert rows[0]["title_en"] == "'=HYPERLINK(1)"
