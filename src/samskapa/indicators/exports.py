"""Every series out as CSV (streamed, any size) or XLSX, in the same columns the import reads."""

from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from samskapa.core.downloads import CONTENT_TYPES, download_name, file_response
from samskapa.core.errors import ApplicationError
from samskapa.core.tabular import Sheet, csv_bytes, xlsx_bytes
from samskapa.indicators.models import Area, Indicator, Observation
from samskapa.indicators.periods import period_label
from samskapa.indicators.selectors import NAME_SCHEMES

HEADER = [
    "indicator_id",
    "indicator",
    "unit",
    "area_code",
    "area",
    "period",
    "period_start",
    "period_end",
    "sex",
    "age",
    "origin",
    "value",
    "status",
    "source",
    "fetched_at",
    "previous_value",
    "note",
]
XLSX_MAX_ROWS = 1_048_000
CSV_CHUNK = 5000


def plain_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# The columns read from each observation, as they are named in the export.
STORED = ("area_code", "period_start", "period_end", "sex", "age", "origin", "value", "status", "source")


def series_rows(*, organisation, indicators: Iterable[Indicator]) -> Iterator[list]:
    """One row per observation of the indicators (in HEADER's order), by indicator, area and period."""
    by_pk = {i.pk: i for i in indicators}
    schemes = {NAME_SCHEMES.get(i.source, i.source) for i in by_pk.values()}
    names = {(a.scheme, a.code): a.name for a in Area.objects.filter(scheme__in=schemes)}
    rows = (
        Observation.objects.filter(organisation=organisation, indicator_id__in=list(by_pk))
        .order_by("indicator_id", "area_code", "period_start", "sex", "age", "origin")
        .values("indicator_id", *STORED, "fetched_at", "previous_value", "note")
    )
    for row in rows.iterator(chunk_size=CSV_CHUNK):
        indicator = by_pk[row["indicator_id"]]
        area = row["area_code"]
        scheme = NAME_SCHEMES.get(indicator.source, indicator.source)
        name = names.get((scheme, area)) or (organisation.name if area == indicator.home_area else "")
        yield [
            indicator.pk,
            indicator.title,
            indicator.unit,
            area,
            name,
            period_label(row["period_start"], row["period_end"]),
            *[row[column] for column in STORED[1:6]],
            plain_number(row["value"]),
            row["status"],
            row["source"],
            row["fetched_at"].replace(microsecond=0),
            plain_number(row["previous_value"]),
            row["note"],
        ]


def _csv_stream(rows: Iterator[list]) -> Iterator[bytes]:
    """CSV in pieces: the first carries the byte-order mark and the header, the rest only rows."""
    batch: list[list] = []
    first = True
    for row in rows:
        batch.append(row)
        if len(batch) == CSV_CHUNK:
            yield _piece(batch, first)
            batch, first = [], False
    if batch or first:
        yield _piece(batch, first)


def _piece(batch: list[list], first: bool) -> bytes:
    content = csv_bytes(HEADER, batch)
    if first:
        return content
    # Drop the BOM and the header line csv_bytes writes before the rows of every piece.
    return content.split(b"\r\n", 1)[1]


def csv_response(*, organisation, indicators, title: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _csv_stream(series_rows(organisation=organisation, indicators=indicators)), content_type=CONTENT_TYPES["csv"]
    )
    response["Content-Disposition"] = f'attachment; filename="{download_name(title, "csv")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def xlsx_response(*, organisation, indicators, title: str):
    indicators = list(indicators)
    count = Observation.objects.filter(organisation=organisation, indicator__in=indicators).count()
    if count > XLSX_MAX_ROWS:
        raise ApplicationError(_("There are more values than a spreadsheet can hold; download them as CSV."))
    described = [
        [
            i.pk,
            i.title,
            i.definition,
            i.unit,
            i.get_direction_display(),
            i.get_source_display(),
            i.baseline_year,
            plain_number(i.baseline_value),
            i.target_year,
            plain_number(i.target_value),
        ]
        for i in indicators
    ]
    about = Sheet(
        _("Indicators"),
        [
            "indicator_id",
            "indicator",
            "definition",
            "unit",
            "direction",
            "source",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_value",
        ],
        described,
    )
    values = Sheet(_("Values"), HEADER, series_rows(organisation=organisation, indicators=indicators))
    return file_response(xlsx_bytes([values, about]), title=title, extension="xlsx")
