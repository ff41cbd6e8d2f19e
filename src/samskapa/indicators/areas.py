"""The names of the areas statistics speak of: Sweden's from our own list, others as sources tell us.

Area names are public reference data shared by every organisation. Sweden's municipalities
and counties are known before any fetch (``data/sweden.json``), so a coordinator can pick
reference municipalities by name on a new indicator; the names a source sends with its
values are kept too, so pages name every area they compare.
"""

import json
from functools import cache
from pathlib import Path

from samskapa.indicators.models import Area
from samskapa.indicators.sources.base import AreaName

SWEDEN_FILE = Path(__file__).resolve().parent / "data" / "sweden.json"


@cache
def swedish_areas() -> dict[str, list[AreaName]]:
    """Sweden's areas per source: Kolada and SCB write municipalities alike, counties only SCB."""
    data = json.loads(SWEDEN_FILE.read_text("utf-8"))
    municipalities = [AreaName(code, name, "municipality") for code, name in data["municipalities"].items()]
    counties = [AreaName(code, name, "region") for code, name in data["counties"].items()]
    return {
        "kolada": [AreaName("0000", "Riket", "country"), *municipalities],
        "scb": [AreaName("00", "Riket", "country"), *municipalities, *counties],
    }


def swedish_areas_load(area_model=None) -> None:
    """Store Sweden's area names that are missing; names already there are left as they are.

    ``area_model`` is the migration's historical model when a migration calls this.
    """
    area_model = area_model or Area
    rows = [
        area_model(scheme=scheme, code=a.code, name=a.name, kind=a.kind)
        for scheme, areas in swedish_areas().items()
        for a in areas
    ]
    area_model.objects.bulk_create(rows, ignore_conflicts=True)


def areas_remember(scheme: str, names: list[AreaName]) -> None:
    """Keep the names of areas a source told us about, renaming those it now names otherwise."""
    if not names:
        return
    latest = {n.code: n for n in names}  # a name given twice: the last one counts
    known = {a.code: a for a in Area.objects.filter(scheme=scheme, code__in=list(latest))}
    Area.objects.bulk_create(
        [
            Area(scheme=scheme, code=n.code, name=n.name[:200], kind=n.kind)
            for n in latest.values()
            if n.code not in known
        ],
        ignore_conflicts=True,
    )
    renamed = []
    for code, area in known.items():
        if area.name != latest[code].name[:200]:
            area.name = latest[code].name[:200]
            renamed.append(area)
    # One statement for all renamed areas, not one per area (a table can name 290 at once).
    Area.objects.bulk_update(renamed, ["name"], batch_size=500)
