"""The stored status of each indicator, kept in step with its values.

The status (on track, at risk, off track) follows from the indicator's own series, its target and
its baseline (see status.py). It is worked out here and stored on the indicator so that a long list
can filter and sort by it in the database, a page at a time, and the overview can count it there.
Every write that changes what the status depends on calls :func:`status_refresh`: values entered
or imported by hand, fetched values (bulk.py), and edits of the direction, baseline, target or area.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import F

from samskapa.indicators.models import Indicator, Observation
from samskapa.indicators.periods import period_position
from samskapa.indicators.status import Status, assess


def home_points(indicator_ids: list[int]) -> dict[int, list[tuple[float, float]]]:
    """Each indicator's own values (its area, everyone, no breakdown), oldest first: one query."""
    rows = (
        Observation.objects.filter(
            indicator_id__in=indicator_ids, area_code=F("indicator__home_area"), sex="total", age="", origin=""
        )
        .order_by("indicator_id", "period_start", "period_end")
        .values_list("indicator_id", "period_start", "period_end", "value")
    )
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for indicator_id, start, end, value in rows:
        points[indicator_id].append((period_position(start, end), float(value)))
    return points


def status_of(indicator: Indicator, points: list[tuple[float, float]]) -> Status:
    return assess(
        direction=indicator.direction, points=points, baseline=indicator.baseline, target=indicator.target
    ).status


def status_refresh(indicators: Iterable[Indicator]) -> None:
    """Work out and store the status of ``indicators``: one query to read, one to write per status.

    Every status is written, not only those that differ from the objects in hand: an object read
    before another change would otherwise leave a stale status in the database.
    """
    indicators = list(indicators)
    points = home_points([i.pk for i in indicators])
    grouped: dict[str, list[int]] = defaultdict(list)
    for indicator in indicators:
        indicator.status = status_of(indicator, points.get(indicator.pk, []))
        grouped[indicator.status].append(indicator.pk)
    for status, ids in grouped.items():
        Indicator.objects.filter(pk__in=ids).update(status=status)
