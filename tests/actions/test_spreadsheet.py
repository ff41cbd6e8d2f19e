"""The action plan out to XLSX/CSV and back in: round trips, row-level errors, all or nothing."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from tests.actions.factories import ActionFactory

from samskapa.actions import services, spreadsheet
from samskapa.actions.models import Action
from samskapa.actors.models import Actor
from samskapa.core.errors import ApplicationError, PermissionRefused
from samskapa.core.tabular import csv_bytes, table_read
from samskapa.orgs.models import Role


def _export(org, plan, kind="xlsx", language="en"):
    """The file as the download streams it (the actions read a chunk at a time)."""
    return spreadsheet.plan_download(org, plan, kind=kind, language=language).getvalue()


def _import(org, coordinator, plan, content, filename="plan.xlsx", **options):
    return services.plan_import(
        actor=coordinator, organisation=org, plan=plan, content=content, filename=filename, **options
    )


def _csv(rows, header=("Title", "Focus area", "Lead")):
    return csv_bytes(list(header), rows)


def test_an_exported_plan_reads_back_with_every_column(org, coordinator, new_action, goal, red_cross):
    action = new_action(
        goal_ids=[goal.pk],
        partner_ids=[red_cross.pk],
        budget=Decimal("125000.50"),
        funding="esf",
        target_groups=["children", "women"],
        start=date(2025, 2, 1),
        end=date(2026, 6, 30),
        responsible_ids=[coordinator.pk],
    )
    services.progress_post(
        actor=coordinator, organisation=org, action=action, text="Första träffen", date=date(2025, 3, 1)
    )
    workbook = load_workbook(io.BytesIO(_export(org, action.plan, language="sv")))
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Nr", "Titel", "Beskrivning", "Fokusområde", "Mål", "Ansvarig")
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Titel"] == "Läxhjälp på biblioteket" and row["Mål"] == "Fler klarar skolan"
    assert row["Samarbetspartner"] == "Röda Korset" and row["Budget"] == 125000.5
    assert row["Finansiering"].startswith("EU: Europeiska socialfonden")
    assert row["Målgrupper"] == "Barn (0–17 år)\nKvinnor"
    assert "Första träffen" in row["Senaste lägesrapport"]
    assert workbook.sheetnames[1] == "Lägesrapporter"
    assert list(workbook.worksheets[1].iter_rows(values_only=True))[1][5] == "Första träffen"


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_exporting_then_importing_the_same_file_changes_nothing_and_adds_nothing(
    org, coordinator, new_action, goal, red_cross, kind
):
    new_action(goal_ids=[goal.pk], partner_ids=[red_cross.pk], budget=Decimal("900"), funding="amif")
    new_action(title="Språkcafé", target_groups=["adults"], percent_complete=30, status="ongoing")
    plan = Action.objects.first().plan
    before = list(Action.objects.order_by("number").values("title", "budget", "funding", "status", "percent_complete"))
    result = _import(org, coordinator, plan, _export(org, plan, kind), filename=f"plan.{kind}")
    assert result.ok, result.errors
    assert (result.created, result.updated) == (0, 2)
    assert "Latest progress" not in result.ignored_columns
    after = list(Action.objects.order_by("number").values("title", "budget", "funding", "status", "percent_complete"))
    assert after == before


def test_a_new_file_in_swedish_adds_actions_with_their_choices(org, coordinator, plan, area, school, red_cross):
    header = ("Titel", "Fokusområde", "Ansvarig", "Samarbetspartner", "Start", "Budget", "Finansiering", "Status")
    rows = [
        [
            "Språkcafé",
            "Utbildning",
            "Barn- och utbildningsförvaltningen",
            "Röda Korset",
            "2025-03-01",
            "12 500,50",
            "AMIF",
            "Pågår",
        ],
        ["Läxhjälp", "1", "barn- och utbildningsförvaltningen", "", "1.9.2025", "", "Kommunens budget", ""],
    ]
    result = _import(org, coordinator, plan, _csv(rows, header), filename="ny.csv")
    assert result.ok, result.errors
    first, second = Action.objects.order_by("number")
    assert (first.budget, first.funding, first.status, first.start) == (
        Decimal("12500.50"),
        "amif",
        "ongoing",
        date(2025, 3, 1),
    )
    assert list(first.partners.all()) == [red_cross]
    assert (second.focus_area, second.start, second.funding) == (area, date(2025, 9, 1), "municipal")


def test_one_wrong_row_writes_nothing_and_every_error_names_its_line_and_column(org, coordinator, plan, area, school):
    rows = [
        ["Bra rad", "Utbildning", school.name],
        ["Okänt område", "Trädgård", school.name],
        ["", "Utbildning", "Socialtjänsten"],
    ]
    result = _import(org, coordinator, plan, _csv(rows), filename="a.csv")
    assert not result.ok
    found = {(e.line, e.column): e.message for e in result.errors}
    assert "Trädgård" in found[(3, "Focus area")]
    assert "must not be empty" in found[(4, "Title")]
    assert "Socialtjänsten" in found[(4, "Lead")]
    assert not Action.objects.exists()


def test_the_children_rule_and_model_checks_apply_to_imported_rows(org, coordinator, plan, area, school):
    header = ("Title", "Focus area", "Lead", "Target groups", "Status", "Start", "End")
    rows = [["Sommarskola", "Utbildning", school.name, "Children (0–17)", "Ongoing", "2025-06-01", "2025-05-01"]]
    result = _import(org, coordinator, plan, _csv(rows, header), filename="a.csv")
    messages = {e.column: e.message for e in result.errors}
    assert "end before it starts" in messages["End"]
    rows[0][-1] = "2025-08-01"
    result = _import(org, coordinator, plan, _csv(rows, header), filename="a.csv")
    assert "child impact assessment" in {e.column: e.message for e in result.errors}["Status"]
    assert not Action.objects.exists()


def test_bad_cells_are_explained(org, coordinator, plan, area, school):
    header = (
        "Title",
        "Focus area",
        "Lead",
        "Start",
        "Budget",
        "Percent complete",
        "Affects children",
        "Funding source",
    )
    rows = [["X", "Utbildning", school.name, "next spring", "a lot", "140", "perhaps", "lottery"]]
    result = _import(org, coordinator, plan, _csv(rows, header), filename="a.csv")
    columns = {e.column for e in result.errors}
    assert columns == {"Start", "Budget", "Percent complete", "Affects children", "Funding source"}


def test_a_file_without_the_required_columns_is_refused(org, coordinator, plan):
    with pytest.raises(ApplicationError, match="lacks these columns: Lead"):
        _import(org, coordinator, plan, _csv([["X", "Utbildning"]], ("Title", "Focus area")), filename="a.csv")


def test_a_number_twice_in_the_file_is_an_error(org, coordinator, plan, area, school):
    rows = [[7, "A", "Utbildning", school.name], [7, "B", "Utbildning", school.name]]
    result = _import(org, coordinator, plan, _csv(rows, ("No.", "Title", "Focus area", "Lead")), filename="a.csv")
    assert [e.line for e in result.errors] == [3]
    assert not Action.objects.exists()


def test_a_check_without_writing_says_what_would_happen(org, coordinator, plan, area, school):
    result = _import(org, coordinator, plan, _csv([["A", "Utbildning", school.name]]), filename="a.csv", dry_run=True)
    assert result.ok and result.created == 1 and result.dry_run
    assert not Action.objects.exists()


def test_actors_the_registry_lacks_can_be_added_by_the_import(org, coordinator, plan, area):
    header = ("Title", "Focus area", "Lead", "Partners")
    rows = [
        ["A", "Utbildning", "Socialtjänsten", "Rädda Barnen\nIdrottsföreningen"],
        ["B", "Utbildning", "Socialtjänsten", ""],
    ]
    refused = _import(org, coordinator, plan, _csv(rows, header), filename="a.csv")
    assert not refused.ok and not Actor.objects.exists()
    result = _import(org, coordinator, plan, _csv(rows, header), filename="a.csv", create_actors=True)
    assert result.ok, result.errors
    assert sorted(result.created_actors) == ["Idrottsföreningen", "Rädda Barnen", "Socialtjänsten"]
    assert Actor.objects.get(name="Socialtjänsten").is_internal
    assert Action.objects.count() == 2


def test_only_coordinators_import(org, plan, member_factory):
    with pytest.raises(PermissionRefused):
        _import(org, member_factory(Role.EDITOR), plan, _csv([["A", "B", "C"]]), filename="a.csv")


def test_exported_text_that_looks_like_a_formula_is_neutralised_and_read_back_as_written(org, coordinator, new_action):
    action = new_action(title='=HYPERLINK("http://example.test")')
    content = _export(org, action.plan, "csv")
    assert "'=HYPERLINK" in content.decode("utf-8")
    assert table_read(content, filename="a.csv").rows[0]["Title"].startswith("=HYPERLINK")


def test_xlsx_percent_and_date_cells_are_read(org, coordinator, plan, area, school):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Title", "Focus area", "Lead", "Start", "Percent complete", "Budget"])
    sheet.append(["A", "Utbildning", school.name, date(2025, 4, 1), 0.4, 1500])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = _import(org, coordinator, plan, buffer.getvalue())
    assert result.ok, result.errors
    action = Action.objects.get()
    assert (action.start, action.percent_complete, action.budget) == (date(2025, 4, 1), 40, Decimal("1500.00"))


def test_export_queries_do_not_grow_with_the_number_of_actions(org, plan, area):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            _export(org, plan)
        return len(queries.captured_queries)

    ActionFactory.create_batch(5, plan=plan, organisation=org, focus_area=area)
    few = count()
    ActionFactory.create_batch(45, plan=plan, organisation=org, focus_area=area)
    assert count() == few
