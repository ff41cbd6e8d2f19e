"""The two pictures of the registry, computed for server-rendered SVG (templates/actors/_grid.svg
and _network.svg): the influence/interest grid and the network of who works with whom.

Both pictures number the actors; the table beside each picture gives the same data in words.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from samskapa.actors.models import Actor, Relation

CELL = 84  # px per step of influence or interest
MARGIN = 56
GRID_SIZE = 5 * CELL
# The four quadrants of the classic stakeholder grid, by (high influence, high interest).
QUADRANTS = {
    (True, True): _("Manage closely"),
    (True, False): _("Keep satisfied"),
    (False, True): _("Keep informed"),
    (False, False): _("Monitor"),
}
# Colours per engagement level, from least to most power shared (AA contrast on white).
LEVEL_COLOURS = {
    Actor.Engagement.INFORM: "#5b6470",
    Actor.Engagement.CONSULT: "#0b5394",
    Actor.Engagement.INVOLVE: "#6a3d9a",
    Actor.Engagement.COLLABORATE: "#1e6b35",
    Actor.Engagement.EMPOWER: "#a4262c",
}


@dataclass
class Dot:
    number: int
    actor: Actor
    x: float
    y: float
    colour: str
    radius: float = 11


@dataclass
class Grid:
    dots: list[Dot]
    size: int = GRID_SIZE
    margin: int = MARGIN
    cell: int = CELL
    steps: range = field(default_factory=lambda: range(1, 6))
    # Small enough that the longest quadrant name (Finnish) fits in its half of the grid.
    quadrant_font: int = 11

    @property
    def width(self) -> int:
        return self.size + 2 * self.margin

    @property
    def mid(self) -> float:
        return self.margin + self.size / 2

    @property
    def end(self) -> int:
        return self.margin + self.size

    def quadrant_labels(self):
        """Each quadrant's name in its outer corner, clear of the dots in the cells' centres."""
        for (high_influence, high_interest), label in QUADRANTS.items():
            x = self.margin + (self.size - 6 if high_interest else 6)
            y = self.margin + (14 if high_influence else self.size - 6)
            yield {"x": x, "y": y, "label": label, "anchor": "end" if high_interest else "start"}

    def ticks(self):
        for step in self.steps:
            centre = self.margin + (step - 0.5) * self.cell
            yield {"value": step, "x": centre, "y": self.margin + self.size - (step - 0.5) * self.cell}


def quadrant(actor: Actor) -> str:
    return str(QUADRANTS[(actor.influence >= 3, actor.interest >= 3)])


def grid(actors: list[Actor]) -> Grid:
    """Each actor a numbered dot in its cell (interest across, influence up); shared cells fan out."""
    cells: dict[tuple[int, int], list[Actor]] = defaultdict(list)
    for actor in actors:
        cells[(actor.interest, actor.influence)].append(actor)
    numbers = {actor.pk: n for n, actor in enumerate(actors, start=1)}
    dots = []
    for (interest, influence), members in cells.items():
        per_row = max(1, math.ceil(math.sqrt(len(members))))
        step = (CELL - 12) / per_row
        radius = min(11.0, step / 2 - 1)
        for i, actor in enumerate(members):
            col, row = i % per_row, i // per_row
            x = MARGIN + (interest - 1) * CELL + 6 + step * (col + 0.5)
            y = MARGIN + (5 - influence) * CELL + 6 + step * (row + 0.5)
            colour = LEVEL_COLOURS.get(actor.engagement_level, "#5b6470")
            dots.append(Dot(numbers[actor.pk], actor, round(x, 1), round(y, 1), colour, max(radius, 5)))
    dots.sort(key=lambda d: d.number)
    return Grid(dots)


@dataclass
class Edge:
    source: Dot
    target: Dot
    kinds: list[str]
    weight: int


@dataclass
class Network:
    dots: list[Dot]
    edges: list[Edge]
    size: int = 560

    @property
    def centre(self) -> float:
        return self.size / 2


def network(actors: list[Actor], links: list[tuple[int, int, str]], size: int = 560) -> Network:
    """Actors on a circle, grouped by kind; a line for each pair that works together.

    ``links`` are (actor id, actor id, why) from recorded relations and shared actions;
    the line is thicker the more links a pair has.
    """
    ordered = sorted(actors, key=lambda a: (a.kind, a.name))
    numbers = {actor.pk: n for n, actor in enumerate(actors, start=1)}
    radius = size / 2 - 40
    dots = {}
    for i, actor in enumerate(ordered):
        angle = 2 * math.pi * i / max(1, len(ordered)) - math.pi / 2
        x, y = size / 2 + radius * math.cos(angle), size / 2 + radius * math.sin(angle)
        colour = LEVEL_COLOURS.get(actor.engagement_level, "#5b6470")
        dots[actor.pk] = Dot(numbers[actor.pk], actor, round(x, 1), round(y, 1), colour, 8 + 1.5 * actor.influence)
    pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
    for a, b, why in links:
        if a in dots and b in dots and a != b:
            pairs[(min(a, b), max(a, b))].append(why)
    edges = [Edge(dots[a], dots[b], sorted(set(why)), len(why)) for (a, b), why in sorted(pairs.items())]
    return Network(sorted(dots.values(), key=lambda d: d.number), edges, size)


def relation_links(relations: list[Relation]) -> list[tuple[int, int, str]]:
    return [(r.source_id, r.target_id, r.get_kind_display()) for r in relations]
