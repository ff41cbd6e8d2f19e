"""Tables out (CSV, XLSX) and in (uploads), with hostile and broken files refused."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from samskapa.core.errors import ApplicationError
from samskapa.core.tabular import Sheet, csv_bytes, table_read, xlsx_bytes


def test_csv_has_a_bom_for_excel_and_neutralises_formulas():
    content = csv_bytes(["Namn", "Belopp"], [['=HYPERLINK("http://x")', Decimal("10.50")], ["Åsa", -3]])
    text = content.decode("utf-8")
    assert text.startswith("\ufeffNamn,Belopp")
    assert "'=HYPERLINK" in text and ",-3" in text and "10.50" in text


def test_a_csv_we_wrote_reads_back_unchanged():
    content = csv_bytes(["Titel", "Start"], [["=1+1", date(2024, 1, 2)], ["Språkcafé", ""]])
    table = table_read(content, filename="plan.csv")
    assert table.header == ["Titel", "Start"]
    assert table.rows == [{"Titel": "=1+1", "Start": "2024-01-02"}, {"Titel": "Språkcafé", "Start": ""}]
    assert table.lines == [2, 3]


def test_xlsx_round_trip_keeps_numbers_and_header():
    content = xlsx_bytes([Sheet("Åtgärder 2023/2024", ["Titel", "Budget"], [["Läxhjälp", Decimal("1200.5")]])])
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Åtgärder 2023 2024"]
    table = table_read(content, filename="plan.xlsx")
    assert table.rows == [{"Titel": "Läxhjälp", "Budget": 1200.5}]


def test_semicolon_csv_from_swedish_excel_is_read():
    table = table_read("Titel;Status\r\nLäxhjälp;planerad\r\n".encode("cp1252"), filename="a.csv")
    assert table.rows == [{"Titel": "Läxhjälp", "Status": "planerad"}]


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "a.csv", "empty"),
        (b"Titel\n", "a.pdf", "CSV or XLSX"),
        (b"PK\x03\x04 not really a zip", "a.xlsx", "not a readable XLSX"),
        (b"x" * 2000, "a.csv", "too large"),
    ],
)
def test_bad_tables_are_refused_with_a_clear_message(content, filename, message):
    with pytest.raises(ApplicationError, match=message):
        table_read(content, filename=filename, max_bytes=1000)


def test_too_many_rows_are_refused():
    content = csv_bytes(["n"], [[i] for i in range(11)])
    with pytest.raises(ApplicationError, match="more than 10 rows"):
        table_read(content, filename="a.csv", max_rows=10)


def test_xlsx_zip_bomb_is_refused_before_unpacking(monkeypatch):
    from samskapa.core import tabular

    monkeypatch.setattr(tabular, "MAX_XLSX_UNPACKED_BYTES", 1000)
    workbook = Workbook()
    workbook.active.append(["Titel"])
    workbook.active.append(["x" * 5000])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert zipfile.is_zipfile(io.BytesIO(buffer.getvalue()))
    with pytest.raises(ApplicationError, match="unpacks"):
        table_read(buffer.getvalue(), filename="bomb.xlsx")
