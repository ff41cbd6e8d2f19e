"""Is an indicator on track? A status from its trend and its target, the way a council reads it.

The rule, shown to users beside the dashboard:

* **on track** — the latest value has reached the target, or the trend (a straight line
  through the last five values) reaches the target by the target year;
* **at risk** — not on track, but the latest value is better than the baseline, or the
  trend points the right way;
* **off track** — neither: the value has not improved on the baseline and the trend does
  not point towards the target; or the target year has passed without reaching it.

Without a target, values, or a direction that is better, there is no status.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

TREND_POINTS = 5


class Status(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    UNKNOWN = "unknown", _("No status")


@dataclass(frozen=True)
class Assessment:
    status: Status
    projected: float | None = None  # where the trend reaches in the target year

    @property
    def label(self) -> str:
        return str(self.status.label)


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """The least-squares slope of (x, y) points, or None for fewer than two distinct x."""
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _y in points) / n
    mean_y = sum(y for _x, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _y in points)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def assess(
    *,
    direction: str,
    points: Sequence[tuple[float, float]],
    baseline: tuple[int, Decimal | float] | None,
    target: tuple[int, Decimal | float] | None,
) -> Assessment:
    """The status of a series of (year, value) points, oldest first, against baseline and target."""
    if direction not in ("higher", "lower") or target is None or not points:
        return Assessment(Status.UNKNOWN)
    sign = 1.0 if direction == "higher" else -1.0
    target_year, target_value = target[0], float(target[1])
    latest_x, latest_y = points[-1]
    if sign * (latest_y - target_value) >= 0:
        return Assessment(Status.ON_TRACK, latest_y)
    if latest_x > target_year + 1:
        return Assessment(Status.OFF_TRACK, latest_y)
    trend = slope(points[-TREND_POINTS:])
    projected = latest_y + trend * (target_year + 0.5 - latest_x) if trend is not None else None
    if projected is not None and sign * (projected - target_value) >= 0:
        return Assessment(Status.ON_TRACK, projected)
    start = float(baseline[1]) if baseline is not None else points[0][1]
    improved = sign * (latest_y - start) > 0 and (baseline is not None or len(points) > 1)
    if improved or (trend is not None and sign * trend > 0):
        return Assessment(Status.AT_RISK, projected)
    return Assessment(Status.OFF_TRACK, projected)
