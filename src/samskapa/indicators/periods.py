"""Periods as the sources write them ("2024", "2024M03", "2024K1", "2024-Q1") and as dates.

Every observation is stored as a period (start, end) of dates; the label a person reads is
derived from it, so values from different sources line up on the same axis.
"""

import calendar
import re
from datetime import date, timedelta

from django.utils.translation import gettext as _

from samskapa.core.errors import ApplicationError

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})[-\s]?[QKqk]([1-4])$")
_MONTH = re.compile(r"^(\d{4})(?:[Mm]|-)(\d{1,2})$")
_HALF = re.compile(r"^(\d{4})[-\s]?[Hh]([12])$")

Period = tuple[date, date]


def year_period(year: int) -> Period:
    return date(year, 1, 1), date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str | int) -> Period:
    """The (start, end) dates of a period label, or a clear refusal."""
    label = str(text).strip()
    if match := _YEAR.match(label):
        return year_period(int(match[1]))
    if match := _QUARTER.match(label):
        year, quarter = int(match[1]), int(match[2])
        return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if match := _MONTH.match(label):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return date(year, month, 1), _month_end(year, month)
    if match := _HALF.match(label):
        year, half = int(match[1]), int(match[2])
        return date(year, 6 * half - 5, 1), _month_end(year, 6 * half)
    raise ApplicationError(
        _("“%(period)s” is not a period. Write a year (2024), a quarter (2024Q1) or a month (2024-03).")
        % {"period": label[:40]}
    )


def period_label(start: date, end: date) -> str:
    """The shortest label of a period: 2024, 2024Q1, 2024-03, or start–end for anything else."""
    if start.month == 1 and start.day == 1 and end == date(start.year, 12, 31):
        return str(start.year)
    if start.day == 1 and end == _month_end(start.year, start.month):
        return f"{start.year}-{start.month:02d}"
    if start.day == 1 and start.month % 3 == 1 and end == _month_end(start.year, start.month + 2):
        return f"{start.year}Q{(start.month + 2) // 3}"
    return f"{start.isoformat()}–{end.isoformat()}"


def period_position(start: date, end: date) -> float:
    """Where a period sits on a time axis, in years (the middle of the period)."""
    middle = start + (end - start) / 2
    return middle.year + (middle.timetuple().tm_yday - 1) / (366 if calendar.isleap(middle.year) else 365)


def latest_due_period(frequency: str, *, until: date, due_days: int) -> Period:
    """The latest period whose value should be in by ``until``, given ``due_days`` after its end."""
    cutoff = until - timedelta(days=due_days)
    if frequency == "month":
        year, month = (cutoff.year, cutoff.month - 1) if cutoff.month > 1 else (cutoff.year - 1, 12)
        if cutoff == _month_end(cutoff.year, cutoff.month):
            year, month = cutoff.year, cutoff.month
        return date(year, month, 1), _month_end(year, month)
    if frequency == "quarter":
        quarter = (cutoff.month - 1) // 3 + 1
        end = _month_end(cutoff.year, 3 * quarter)
        if cutoff < end:
            quarter -= 1
        year = cutoff.year if quarter else cutoff.year - 1
        quarter = quarter or 4
        return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    year = cutoff.year if cutoff >= date(cutoff.year, 12, 31) else cutoff.year - 1
    return year_period(year)
