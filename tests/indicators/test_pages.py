"""The indicator pages as a coordinator, a department editor and a viewer use them."""

import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook
from tests.factories import FocusAreaFactory, GoalFactory
from tests.indicators.factories import IndicatorFactory, KoladaIndicatorFactory, series

from samskapa.core.models import Job
from samskapa.indicators.models import Indicator, Observation, Source
from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Deltagare i språkcaféer",
    "definition": "Antal besök på kommunens språkcaféer under året.",
    "unit": "besök",
    "decimals": "0",
    "direction": "higher",
    "frequency": "year",
    "baseline_year": "2023",
    "baseline_value": "400",
    "target_year": "2027",
    "target_value": "900",
    "due_days": "60",
}


def test_coordinator_creates_an_indicator_for_a_goal_with_areas_named_in_words(org, coordinator, client_for):
    goal = GoalFactory(focus_area=FocusAreaFactory(strategy__organisation=org, organisation=org), organisation=org)
    client = client_for(coordinator)
    response = client.post(
        f"/o/{org.slug}/indicators/new/",
        {**FORM, "goals": [goal.pk], "reference_areas": "Borås, 1489", "owner": coordinator.pk},
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(organisation=org)
    assert indicator.reference_areas == ["1490", "1489"] and indicator.home_area == "1463"
    assert list(indicator.goals.all()) == [goal] and indicator.owner == coordinator
    assert indicator.baseline_value == Decimal("400")
    assert indicator.history.count() == 1


def test_an_unknown_area_is_shown_on_the_form_and_nothing_is_saved(org, coordinator, client_for):
    response = client_for(coordinator).post(f"/o/{org.slug}/indicators/new/", {**FORM, "reference_areas": "Atlantis"})
    assert response.status_code == 200 and "Not known: Atlantis" in response.content.decode()
    assert not Indicator.objects.exists()


def test_a_target_before_the_baseline_is_refused_with_its_reason(org, coordinator, client_for):
    response = client_for(coordinator).post(f"/o/{org.slug}/indicators/new/", {**FORM, "target_year": "2020"})
    assert "The target year must come after the baseline year" in response.content.decode()
    assert not Indicator.objects.exists()


def test_the_indicator_page_shows_chart_values_table_status_and_comparison(org, coordinator, client_for):
    indicator = KoladaIndicatorFactory(
        organisation=org,
        home_area="1463",
        reference_areas=["1490"],
        baseline_year=2020,
        baseline_value=40,
        target_year=2026,
        target_value=55,
        unit="%",
    )
    series(indicator, {2020: 40.0, 2021: 43.0, 2022: 45.5, 2023: 48.0, 2024: 51.0})
    series(indicator, {2023: 47.0, 2024: 49.0}, area="1490")
    series(indicator, {2024: 52.7}, area="0000")
    body = client_for(coordinator).get(f"/o/{org.slug}/indicators/{indicator.pk}/").content.decode()
    assert "<svg" in body and 'role="img"' in body and "Target 2026" in body
    assert "<caption>Values in the chart" in body
    assert "On track" in body
    assert "Borås" in body and "Riket" in body and "52.7 %" in body
    assert "Fetch new values now" in body and "Källa: Kolada" in body


def test_a_value_entered_with_a_decimal_comma_is_stored_with_who_and_when(org, coordinator, client_for):
    indicator = IndicatorFactory(organisation=org)
    response = client_for(coordinator).post(
        f"/o/{org.slug}/indicators/{indicator.pk}/values/", {"period": "2025", "value": "47,5", "sex": "total"}
    )
    assert response.status_code == 302
    observation = Observation.objects.get(indicator=indicator)
    assert observation.value == Decimal("47.5") and observation.entered_by == coordinator
    assert observation.period_start.year == 2025 and observation.source == "manual"


@pytest.mark.parametrize(
    ("period", "value", "message"), [("2025", "many", "is not a number"), ("next year", "4", "is not a period")]
)
def test_a_bad_value_is_explained_and_nothing_is_stored(org, coordinator, client_for, period, value, message):
    indicator = IndicatorFactory(organisation=org)
    response = client_for(coordinator).post(
        f"/o/{org.slug}/indicators/{indicator.pk}/values/", {"period": period, "value": value, "sex": "total"}
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert not Observation.objects.exists()


def test_correcting_a_value_keeps_the_old_one_in_history(org, coordinator, client_for):
    indicator = IndicatorFactory(organisation=org)
    client = client_for(coordinator)
    client.post(f"/o/{org.slug}/indicators/{indicator.pk}/values/", {"period": "2025", "value": "10", "sex": "total"})
    observation = Observation.objects.get()
    response = client.post(
        f"/o/{org.slug}/indicators/values/{observation.pk}/",
        {"period": "2025", "value": "12", "sex": "total", "note": "rättat efter revision"},
    )
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.value == Decimal("12")
    assert [h.value for h in observation.history.order_by("history_date")] == [Decimal("10"), Decimal("12")]


def csv_upload(text: str, name="values.csv"):
    upload = io.BytesIO(text.encode("utf-8"))
    upload.name = name
    return upload


def test_a_csv_file_of_values_is_read_whole(org, coordinator, client_for):
    indicator = IndicatorFactory(organisation=org)
    text = "period;value;sex;note\n2022;41,2;total;\n2023;44,8;total;\n2023;39,0;women;enkät\n"
    response = client_for(coordinator).post(
        f"/o/{org.slug}/indicators/{indicator.pk}/import/", {"file": csv_upload(text)}
    )
    assert response.status_code == 302
    stored = {(o.period_start.year, o.sex): o.value for o in Observation.objects.filter(indicator=indicator)}
    assert stored == {
        (2022, "total"): Decimal("41.2"),
        (2023, "total"): Decimal("44.8"),
        (2023, "women"): Decimal("39"),
    }
    assert set(Observation.objects.values_list("source", flat=True)) == {"file"}


def test_a_file_with_one_bad_line_is_refused_with_the_line_and_nothing_is_stored(org, coordinator, client_for):
    indicator = IndicatorFactory(organisation=org)
    text = 'period,value\n2022,41.2\n2023,=HYPERLINK("x")\n'
    response = client_for(coordinator).post(
        f"/o/{org.slug}/indicators/{indicator.pk}/import/", {"file": csv_upload(text)}
    )
    assert response.status_code == 400
    assert "Line 3" in response.content.decode() and "is not a number" in response.content.decode()
    assert not Observation.objects.exists()


def test_an_xlsx_file_is_read_and_years_typed_as_numbers_work(org, coordinator, client_for):
    indicator = IndicatorFactory(organisation=org)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Period", "Value"])
    sheet.append([2021, 12.5])
    sheet.append([2022, 13])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "värden.xlsx"
    response = client_for(coordinator).post(f"/o/{org.slug}/indicators/{indicator.pk}/import/", {"file": upload})
    assert response.status_code == 302
    assert Observation.objects.filter(indicator=indicator).count() == 2


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04 broken", "x.xlsx", "not a readable XLSX"),
        (b"\x00\x01\x02", "x.csv", "not a CSV text file"),
        (b"value\n1\n", "x.csv", "needs the columns period"),
        (b"%PDF-1.4", "x.pdf", "Upload a CSV or XLSX file"),
    ],
)
def test_malformed_files_are_refused_clearly(org, coordinator, client_for, content, name, message):
    indicator = IndicatorFactory(organisation=org)
    upload = io.BytesIO(content)
    upload.name = name
    response = client_for(coordinator).post(f"/o/{org.slug}/indicators/{indicator.pk}/import/", {"file": upload})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Observation.objects.exists()


def test_values_of_a_fetched_indicator_cannot_be_entered_by_hand(org, coordinator, client_for):
    indicator = KoladaIndicatorFactory(organisation=org)
    client = client_for(coordinator)
    assert "Enter a value" not in client.get(f"/o/{org.slug}/indicators/{indicator.pk}/").content.decode()
    response = client.post(
        f"/o/{org.slug}/indicators/{indicator.pk}/values/", {"period": "2025", "value": "1", "sex": "total"}
    )
    assert "they are fetched, not entered" in response.content.decode()
    assert not Observation.objects.exists()


def test_roles_viewer_reads_editor_enters_values_only_coordinator_changes(org, member_factory, client_for):
    indicator = IndicatorFactory(organisation=org)
    viewer, editor = client_for(member_factory(Role.VIEWER)), client_for(member_factory(Role.EDITOR))
    assert viewer.get(f"/o/{org.slug}/indicators/{indicator.pk}/").status_code == 200
    assert (
        viewer.post(f"/o/{org.slug}/indicators/{indicator.pk}/values/", {"period": "2025", "value": "1"}).status_code
        == 403
    )
    assert editor.get(f"/o/{org.slug}/indicators/{indicator.pk}/edit/").status_code == 403
    assert editor.post(f"/o/{org.slug}/indicators/new/", FORM).status_code == 403
    ok = editor.post(
        f"/o/{org.slug}/indicators/{indicator.pk}/values/", {"period": "2025", "value": "1", "sex": "total"}
    )
    assert ok.status_code == 302


def test_hostile_html_in_an_indicator_is_shown_as_text(org, coordinator, client_for):
    evil = "<script>alert('x')</script>"
    indicator = IndicatorFactory(organisation=org, title=evil, definition=evil, unit="<b>")
    series(indicator, {2023: 1.0, 2024: 2.0}, note=evil)
    client = client_for(coordinator)
    for path in ["", f"{indicator.pk}/", f"{indicator.pk}/edit/"]:
        body = client.get(f"/o/{org.slug}/indicators/{path}").content.decode()
        assert evil not in body and "<b>" not in body.split("</header>")[1]
    assert "&lt;script&gt;" in client.get(f"/o/{org.slug}/indicators/{indicator.pk}/").content.decode()


def test_the_list_and_an_indicator_page_take_the_same_queries_for_ten_times_the_data(org, coordinator, client_for):
    client = client_for(coordinator)

    def make(count):
        goal = GoalFactory(focus_area=FocusAreaFactory(strategy__organisation=org, organisation=org), organisation=org)
        for n in range(count):
            indicator = IndicatorFactory(organisation=org, title=f"I{count}-{n}", reference_areas=["1490"])
            indicator.goals.through.objects.create(organisation=org, indicator=indicator, goal=goal)
            series(indicator, {2022: n, 2023: n + 1, 2024: n + 2})
            series(indicator, {2023: n, 2024: n + 1}, area="1490")
        return indicator

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    last = make(2)
    small = (queries(f"/o/{org.slug}/indicators/"), queries(f"/o/{org.slug}/indicators/{last.pk}/"))
    last = make(20)
    series(last, {year: 1 for year in range(2000, 2020)})
    big = (queries(f"/o/{org.slug}/indicators/"), queries(f"/o/{org.slug}/indicators/{last.pk}/"))
    assert big == small


def test_sync_button_fetches_in_the_background_and_shows_progress(
    org, coordinator, client_for, stub, django_capture_on_commit_callbacks
):
    indicator = KoladaIndicatorFactory(organisation=org, home_area="1463")
    payload = {
        "values": [
            {"kpi": "N00973", "municipality": "1463", "period": 2024, "values": [{"gender": "T", "value": 47.9}]}
        ],
        "next_url": None,
    }
    stub.route("GET", r"/v3/data/", lambda h: (200, {}, json.dumps(payload).encode()))
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(f"/o/{org.slug}/indicators/{indicator.pk}/sync/")
    job = Job.objects.get(organisation=org)
    assert response["Location"] == f"/o/{org.slug}/jobs/{job.pk}/"
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result["results"][0]["written"] == 1
    assert job.result_url == f"/o/{org.slug}/indicators/{indicator.pk}/"
    assert Observation.objects.get(indicator=indicator).value == Decimal("47.9")


def test_kolada_search_and_add_in_two_clicks(org, coordinator, client_for, stub, django_capture_on_commit_callbacks):
    stub.route("GET", r"/v3/kpi$", "kolada/kpi_search_page2.json")
    stub.route("GET", r"/v3/kpi/N00973$", "kolada/kpi_N00973.json")
    stub.route("GET", r"/v3/data/", "kolada/data_N00973.json")
    client = client_for(coordinator)
    page = client.get(f"/o/{org.slug}/indicators/catalogue/kolada/?q=utrikes+födda").content.decode()
    assert "Kommunmottagna i flyktingmottagandet" in page and "Add as indicator" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/o/{org.slug}/indicators/catalogue/kolada/add/", {"kpi": "N00973"})
    indicator = Indicator.objects.get(organisation=org)
    assert response["Location"] == f"/o/{org.slug}/indicators/{indicator.pk}/"
    assert indicator.source == Source.KOLADA and indicator.unit == "%" and indicator.breakdowns == ["sex"]
    assert indicator.national_area == "0000" and "Källa: SCB" in indicator.definition
    assert Observation.objects.filter(indicator=indicator, area_code="1463", sex="women").count() == 3
    detail = client.get(response["Location"]).content.decode()
    assert "Women and men" in detail


def test_kolada_search_that_fails_says_so_and_adds_nothing(org, coordinator, client_for, stub):
    stub.route("GET", r"/v3/kpi", ("status", 503, {}))
    page = client_for(coordinator).get(f"/o/{org.slug}/indicators/catalogue/kolada/?q=sfi").content.decode()
    assert "had a problem of its own" in page
    assert not Indicator.objects.exists()


def test_pick_a_pxweb_table_and_choose_its_values(
    org, coordinator, client_for, stub, django_capture_on_commit_callbacks
):
    stub.route("GET", r"/api/v2/config$", "scb/config.json")
    stub.route("GET", r"/api/v2/tables$", "scb/tables_search.json")
    stub.route("GET", r"/api/v2/tables/TAB4823/metadata", "scb/TAB4823_metadata.json")
    stub.route("POST", r"/api/v2/tables/TAB4823/data", "scb/TAB4823_data.json")
    client = client_for(coordinator)
    found = client.get(f"/o/{org.slug}/indicators/catalogue/pxweb/?site=scb&q=utrikes").content.decode()
    assert "TAB4823" in found and "table=TAB4823" in found
    form = client.get(f"/o/{org.slug}/indicators/catalogue/pxweb/table/?site=scb&table=TAB4823").content.decode()
    assert "födelseregion" in form and "Breakdown: women and men" in form
    post = {
        **FORM,
        "title": "Utrikes födda 20-64 år",
        "reference_areas": "Borås",
        "table-latest": "5",
        "table-role_0": "area",
        "table-role_1": "fixed",
        "table-values_1": ["tot20-64"],
        "table-role_2": "sex",
        "table-values_2": ["1+2", "1", "2"],
        "table-role_3": "origin",
        "table-values_3": ["11"],
        "table-role_4": "fixed",
        "table-values_4": ["000000AB"],
        "table-role_5": "time",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/o/{org.slug}/indicators/catalogue/pxweb/table/?site=scb&table=TAB4823", post)
    assert response.status_code == 302, response.content.decode()[:3000]
    indicator = Indicator.objects.get(organisation=org)
    assert indicator.source == Source.SCB and indicator.national_area == "00"
    assert indicator.source_config["roles"]["Fodelseregion"] == {"role": "origin", "map": {"11": "foreign"}}
    assert Observation.objects.filter(indicator=indicator, area_code="1490", origin="foreign").count() == 15


def test_a_table_variable_held_at_several_values_is_refused(org, coordinator, client_for, stub):
    stub.route("GET", r"/api/v2/tables/TAB4823/metadata", "scb/TAB4823_metadata.json")
    post = {
        **FORM,
        "table-latest": "5",
        "table-role_0": "area",
        "table-role_1": "fixed",
        "table-values_1": ["tot20-64", "-19"],
        "table-role_2": "total",
        "table-role_3": "total",
        "table-role_4": "fixed",
        "table-values_4": ["000000AB"],
        "table-role_5": "time",
    }
    response = client_for(coordinator).post(
        f"/o/{org.slug}/indicators/catalogue/pxweb/table/?site=scb&table=TAB4823", post
    )
    assert "Choose exactly one value" in response.content.decode()
    assert not Indicator.objects.exists()


def test_eurostat_offers_each_dimensions_values_to_pick_and_the_picked_ones_become_an_indicator(
    org, coordinator, client_for, stub, django_capture_on_commit_callbacks
):
    structure, data = "eurostat/lfsa_ergacob_structure.json", "eurostat/lfsa_ergacob.json"
    stub.route("GET", r"/data/lfsa_ergacob$", structure, structure, data)
    url = f"/o/{org.slug}/indicators/catalogue/eurostat/?dataset=lfsa_ergacob"
    page = client_for(coordinator).get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert 'value="THS_PER"' in page and "Thousand persons (THS_PER)" in page, "units offered from the structure"
    assert 'value="Y25-54"' in page and 'value="NAT"' in page
    assert "unit=PC; age=Y20-64" not in page, "no filter syntax to write"
    assert "lastTimePeriod=1" in stub.requests[0][1] and "geo=SE" in stub.requests[0][1]
    post = {
        **FORM,
        "title": "Employment rate, born abroad",
        "national_area": "EU27_2020",
        "source-dim_unit": ["PC"],
        "source-dim_sex": ["T", "F", "M"],
        "source-dim_age": ["Y20-64"],
        "source-dim_c_birth": ["NAT", "FOR"],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(url, post)
    assert response.status_code == 302
    indicator = Indicator.objects.get(organisation=org)
    filters = indicator.source_config["filters"]
    assert indicator.home_area == "SE" and filters["sex"] == ["T", "F", "M"] and filters["unit"] == ["PC"]
    assert filters["freq"] == ["A"] and "geo" not in filters
    assert Observation.objects.filter(indicator=indicator, area_code="SE", origin="foreign", sex="women").count() == 3


def test_eurostat_refuses_two_values_of_a_dimension_that_is_not_a_breakdown(org, coordinator, client_for, stub):
    stub.route("GET", r"/data/lfsa_ergacob$", "eurostat/lfsa_ergacob_structure.json")
    url = f"/o/{org.slug}/indicators/catalogue/eurostat/?dataset=lfsa_ergacob"
    post = {**FORM, "national_area": "EU27_2020", "source-dim_unit": ["PC", "THS_PER"], "source-dim_sex": ["T"]}
    post |= {"source-dim_age": ["Y20-64"], "source-dim_c_birth": ["FOR"]}
    page = client_for(coordinator).post(url, post, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Choose exactly one value." in page and not Indicator.objects.exists()


def test_eurostat_refuses_a_dataset_code_that_is_not_one_and_an_unknown_dataset(org, coordinator, client_for, stub):
    stub.route("GET", r"/data/nosuch$", ("status", 404, {}))
    client = client_for(coordinator)
    page = client.get(f"/o/{org.slug}/indicators/catalogue/eurostat/?dataset=../etc", HTTP_ACCEPT_LANGUAGE="en")
    assert "Write a dataset code such as lfsa_ergacob." in page.content.decode()
    response = client.get(f"/o/{org.slug}/indicators/catalogue/eurostat/?dataset=nosuch")
    assert response.status_code == 302 and not Indicator.objects.exists()


def test_exports_round_trip_into_the_import(org, coordinator, client_for):
    indicator = IndicatorFactory(organisation=org, title="Språkcaféer")
    series(indicator, {2023: 410.0, 2024: 520.5})
    client = client_for(coordinator)
    response = client.get(f"/o/{org.slug}/indicators/export.csv")
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf") and b"520.5" in content and b"Spr\xc3\xa5kcaf\xc3\xa9er" in content
    Observation.objects.all().delete()
    client.post(f"/o/{org.slug}/indicators/{indicator.pk}/import/", {"file": csv_upload(content.decode("utf-8-sig"))})
    assert sorted(Observation.objects.values_list("value", flat=True)) == [Decimal("410"), Decimal("520.5")]
    xlsx = client.get(f"/o/{org.slug}/indicators/{indicator.pk}/export.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats") and xlsx.content[:2] == b"PK"
