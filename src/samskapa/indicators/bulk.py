"""Storing many observations fast: streamed in chunks, upserted with one statement per chunk.

A fetch can bring a million values (all municipalities, many years). They are never held
in memory together and never go through model instances: each chunk is de-duplicated and
written with ``INSERT ... ON CONFLICT DO UPDATE`` (SQLite: executemany; PostgreSQL: COPY
into a temporary table, then one upsert). A value the source has revised keeps the one it
replaces in ``previous_value``; nothing is deleted.
"""

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from django.db import connection, transaction

from samskapa.indicators.models import Indicator, Observation
from samskapa.indicators.sources.base import Row
from samskapa.indicators.standing import status_refresh

CHUNK = 20_000
TABLE = Observation._meta.db_table
KEY = ("indicator_id", "area_code", "period_start", "period_end", "sex", "age", "origin")
COLUMNS = (
    "organisation_id",
    *KEY,
    "value",
    "status",
    "note",
    "source",
    "fetched_at",
    "created_at",
    "updated_at",
)
_TEMP = "indicators_observation_incoming"
INCOMING = ("area_code", "period_start", "period_end", "sex", "age", "origin", "value", "status")
# On conflict: keep the replaced value when the source changed it, then take the new one.
UPDATE = f"""
    previous_value = CASE WHEN {TABLE}.value <> excluded.value THEN {TABLE}.value ELSE {TABLE}.previous_value END,
    revised_at = CASE WHEN {TABLE}.value <> excluded.value THEN excluded.fetched_at ELSE {TABLE}.revised_at END,
    value = excluded.value, status = excluded.status, source = excluded.source,
    fetched_at = excluded.fetched_at, updated_at = excluded.updated_at
"""


@dataclass
class UpsertResult:
    written: int = 0
    revised: int = 0


def _chunks(rows: Iterable[Row], size: int):
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        # The last value of a cell wins, as if the rows were written one after another.
        yield list({(r.area, r.period_start, r.period_end, r.sex, r.age, r.origin): r for r in chunk}.values())


@contextmanager
def _rare_cycle_collection() -> Iterator[None]:
    """Parsing a page makes thousands of dicts and lists, none of them in a reference cycle,
    yet every 700 new objects wake Python's cycle collector, and every so often it walks all
    the objects of the process (all of Django's): half the import's time. Reference counting
    frees the parsed pages all the same; the collector still runs, a hundred times less often,
    so memory stays bounded however many pages a fetch has."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], 100_000), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def observations_upsert(
    *,
    indicator: Indicator,
    rows: Iterable[Row],
    source: str,
    fetched_at: datetime,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = CHUNK,
) -> UpsertResult:
    """Write every row as an observation of ``indicator``; call inside a transaction."""
    writer = _postgresql if connection.vendor == "postgresql" else _sqlite
    result = UpsertResult()
    with transaction.atomic(), _rare_cycle_collection():
        if connection.vendor == "postgresql":
            # Fetched values can always be fetched again, so this transaction need not wait for
            # its commit to reach the disk (a crash loses at most the last moment's fetches and
            # never corrupts anything); waiting is a third of the import's time otherwise.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        for chunk in _chunks(rows, chunk_size):
            writer(indicator, chunk, source, fetched_at)
            result.written += len(chunk)
            if progress:
                progress(result.written)
    result.revised = Observation.objects.filter(indicator=indicator, revised_at=fetched_at).count()
    status_refresh([indicator])  # new or revised values can change it
    return result


def _sqlite(indicator: Indicator, chunk: list[Row], source: str, fetched_at: datetime) -> None:
    # Rows go into a temporary table without indexes, then one upsert moves them over: the
    # index work happens inside SQLite rather than once per bound row.
    days: dict = {}
    for r in chunk:
        if r.period_start not in days:
            days[r.period_start] = r.period_start.isoformat()
        if r.period_end not in days:
            days[r.period_end] = r.period_end.isoformat()
    params = [(r[0], days[r[1]], days[r[2]], r[3], r[4], r[5], r[6], r[7][:24]) for r in chunk]
    stamp = connection.ops.adapt_datetimefield_value(fetched_at)
    connection.ensure_connection()
    raw = connection.connection  # the sqlite3 connection: executemany without Django's per-call wrapping
    raw.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_TEMP} (area_code TEXT, period_start TEXT, period_end TEXT, "
        "sex TEXT, age TEXT, origin TEXT, value REAL, status TEXT)"
    )
    raw.executemany(f"INSERT INTO {_TEMP} VALUES (?, ?, ?, ?, ?, ?, ?, ?)", params)
    raw.execute(
        f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) "
        f"SELECT ?, ?, {', '.join(INCOMING[:6])}, value, status, '', ?, ?, ?, ? FROM {_TEMP} WHERE true "
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {UPDATE}",
        (indicator.organisation_id, indicator.pk, source, stamp, stamp, stamp),
    )
    raw.execute(f"DELETE FROM {_TEMP}")


def _postgresql(indicator: Indicator, chunk: list[Row], source: str, fetched_at: datetime) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {_TEMP} (area_code varchar(24), period_start date, period_end date, "
            "sex varchar(8), age varchar(24), origin varchar(8), value numeric(20, 6), status varchar(24)) "
            # Made once per connection, emptied at each commit: creating it anew for every
            # indicator wrote to the system catalogue hundreds of times per import.
            "ON COMMIT DELETE ROWS"
        )
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        with raw.copy(f"COPY {_TEMP} ({', '.join(INCOMING)}) FROM STDIN") as copy:
            for r in chunk:
                copy.write_row((r.area, r.period_start, r.period_end, r.sex, r.age, r.origin, r.value, r.status))
        cursor.execute(
            f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) "
            f"SELECT %s, %s, {', '.join(INCOMING[:6])}, value, status, '', %s, %s, %s, %s FROM {_TEMP} "
            f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {UPDATE}",
            [indicator.organisation_id, indicator.pk, source, fetched_at, fetched_at, fetched_at],
        )
        cursor.execute(f"TRUNCATE {_TEMP}")


def observations_forget(*, indicator: Indicator) -> int:
    """Delete the fetched values of an indicator at once (the source still has them).

    Values entered by hand or from a file go through the ORM instead, so their history
    records the deletion; fetched ones can be many and are not worth a history row each.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE indicator_id = %s AND source NOT IN ('manual', 'file')",
            [indicator.pk],
        )
        return cursor.rowcount
