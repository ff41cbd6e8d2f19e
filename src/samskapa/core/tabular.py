"""Tables in and out: CSV and XLSX files people open in Excel or LibreOffice, and uploads of them.

Written files start every text cell that a spreadsheet would read as a formula with an
apostrophe (CSV/formula injection), and CSV carries a byte-order mark so that Excel reads
UTF-8 (å, ä, ö, Arabic) correctly. Reading refuses, with a message a person can act on,
anything that is not a well-formed table within the limits: nothing is half-read.
"""

import csv
import io
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_TABLE_BYTES = 10 * 1024 * 1024
MAX_TABLE_ROWS = 20_000
# An XLSX is a zip: refuse one whose parts would unpack to more than this (zip bombs).
MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024

Row = Sequence[Any]


@dataclass
class Sheet:
    """One sheet of a workbook: a title, the column headings and the rows."""

    title: str
    header: Sequence[str]
    rows: Iterable[Row]
    widths: dict[int, int] = field(default_factory=dict)


def _safe_text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return _safe_text("; ".join(str(item) for item in value))
    return _safe_text(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    """A CSV file (UTF-8 with BOM, comma-separated, one header row)."""
    return b"".join(csv_chunks(header, rows))


def csv_chunks(header: Sequence[str], rows: Iterable[Row], *, rows_per_chunk: int = 200) -> Iterator[bytes]:
    """The same file as :func:`csv_bytes`, a few rows at a time, for a streaming response at flat memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([_csv_cell(h) for h in header])
    for n, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if n % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return _safe_text("; ".join(str(item) for item in value))
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return _safe_text(value)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An XLSX workbook with one sheet per ``Sheet``, header row bold and frozen."""
    buffer = io.BytesIO()
    _xlsx_write(sheets, buffer)
    return buffer.getvalue()


def xlsx_file(sheets: Sequence[Sheet]) -> IO[bytes]:
    """The same workbook as :func:`xlsx_bytes` in a temporary file (rewound), for a file response:
    openpyxl's write-only mode keeps rows on disk as it goes, so memory stays flat for any size."""
    target = tempfile.TemporaryFile()  # noqa: SIM115  # the response closes (and so removes) it
    _xlsx_write(sheets, target)
    target.seek(0)
    return target


def _xlsx_write(sheets: Sequence[Sheet], target: IO[bytes]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=_sheet_title(sheet.title))
        worksheet.freeze_panes = "A2"
        for column, width in sheet.widths.items():
            worksheet.column_dimensions[_column_letter(column)].width = width
        header = []
        for heading in sheet.header:
            cell = WriteOnlyCell(worksheet, value=str(heading))
            cell.font = Font(bold=True)
            header.append(cell)
        worksheet.append(header)
        for row in sheet.rows:
            worksheet.append([_xlsx_cell(value) for value in row])
    workbook.save(target)


def _sheet_title(title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet title.
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (cleaned or "Sheet")[:31]


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


@dataclass
class Table:
    """An uploaded table: the headings as written and the rows as dicts keyed by them.

    ``line`` of a row is the line (CSV) or row number (XLSX) a person sees in their editor.
    """

    header: list[str]
    rows: list[dict[str, Any]]
    lines: list[int]

    def numbered(self) -> Iterable[tuple[int, dict[str, Any]]]:
        return zip(self.lines, self.rows, strict=True)


def table_read(
    content: bytes, *, filename: str, max_bytes: int = MAX_TABLE_BYTES, max_rows: int = MAX_TABLE_ROWS
) -> Table:
    """Read a CSV or XLSX upload, or refuse it with a clear message."""
    if len(content) > max_bytes:
        raise ApplicationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(len(content) / 1_048_576, 1), "limit": round(max_bytes / 1_048_576, 1)}
        )
    name = filename.lower()
    if name.endswith(".xlsx"):
        header, rows = _xlsx_rows(content)
    elif name.endswith((".csv", ".txt")):
        header, rows = _csv_rows(content)
    else:
        raise ApplicationError(_("Upload a CSV or XLSX file."))
    return _table(header, rows, max_rows)


def _table(header: list[Any], rows: Iterable[tuple[int, list[Any]]], max_rows: int) -> Table:
    headings = [str(h).strip() if h is not None else "" for h in header]
    while headings and not headings[-1]:
        headings.pop()
    if not any(headings):
        raise ApplicationError(_("The file is empty: the first row must name the columns."))
    table = Table(header=headings, rows=[], lines=[])
    for line, values in rows:
        if not any(v not in (None, "") for v in values):
            continue  # blank lines are not rows
        if len(table.rows) >= max_rows:
            raise ApplicationError(_("The file has more than %(limit)s rows.") % {"limit": max_rows})
        padded = list(values[: len(headings)]) + [None] * (len(headings) - len(values))
        table.rows.append({h: _clean(v) for h, v in zip(headings, padded, strict=True) if h})
        table.lines.append(line)
    return table


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        # Undo the apostrophe our own exports put before formula-like text.
        if value.startswith("'") and value[1:2] in FORMULA_STARTS:
            value = value[1:]
        return value
    return value


def _csv_rows(content: bytes) -> tuple[list[Any], Iterable[tuple[int, list[Any]]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Excel on Windows saves CSV in cp1252 by default; refuse only what is neither.
            text = content.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ApplicationError(
                _("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
            ) from error
    if "\x00" in text:
        raise ApplicationError(_("The file is not a CSV text file."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        all_rows = [(reader.line_num, row) for row in reader]
    except csv.Error as error:
        raise ApplicationError(_("The CSV file could not be read: %(error)s") % {"error": error}) from error
    if not all_rows:
        raise ApplicationError(_("The file is empty: the first row must name the columns."))
    return all_rows[0][1], all_rows[1:]


def _xlsx_rows(content: bytes) -> tuple[list[Any], Iterable[tuple[int, list[Any]]]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED_BYTES:
                raise ApplicationError(_("The spreadsheet unpacks to more than we can read safely."))
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except ApplicationError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ApplicationError(_("The file is not a readable XLSX spreadsheet.")) from error
    worksheet = workbook.worksheets[0] if workbook.worksheets else None
    if worksheet is None:
        raise ApplicationError(_("The file is empty: the first row must name the columns."))
    rows = worksheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise ApplicationError(_("The file is empty: the first row must name the columns."))
    return list(header), ((number, list(values)) for number, values in enumerate(rows, start=2))
