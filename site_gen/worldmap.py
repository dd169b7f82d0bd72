"""World map data for inline SVG: TopoJSON country shapes -> projected SVG paths.

Reads ``world-atlas`` (Natural Earth 1:110m) from node_modules, decodes the
TopoJSON arcs, projects with Equal Earth and rounds to whole units of a
1000-wide view box so the map stays small. Templates draw the ``<svg>``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

import pycountry

from .node_data import read_package_json

ATLAS_PACKAGE = "world-atlas"
ATLAS_FILE = "countries-110m.json"
WIDTH = 1000
# Antarctica (010) is left out: it has no programs and would take a fifth of the height.
LEFT_OUT = frozenset({"AQ"})
# Count thresholds of the shading classes map-n1 .. map-n4 (map-n0: no entries).
SHADE_STEPS = (1, 2, 4, 8)

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_X_MAX = 2 * math.sqrt(3) * math.pi / (3 * _A1)  # x of (180°, 0°)
SCALE = WIDTH / (2 * _X_MAX)

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Box:
    """A rectangle in view-box units."""

    left: float
    top: float
    right: float
    bottom: float

    def union(self, other: "Box") -> "Box":
        return Box(min(self.left, other.left), min(self.top, other.top), max(self.right, other.right), max(self.bottom, other.bottom))

    def overlaps(self, other: "Box") -> bool:
        return self.left <= other.right and other.left <= self.right and self.top <= other.bottom and other.top <= self.bottom

    @property
    def view_box(self) -> str:
        return f"{round(self.left)} {round(self.top)} {round(self.right - self.left)} {round(self.bottom - self.top)}"


@dataclass(frozen=True)
class Shape:
    """One country's outline: ISO alpha-2 code, SVG path data and bounds."""

    code: str
    d: str
    box: Box


@dataclass(frozen=True)
class MapView:
    """What a map shows: its view box and the shapes inside it."""

    view_box: str
    shapes: tuple[Shape, ...]


def equal_earth(longitude: float, latitude: float) -> Point:
    """Project degrees to view-box units (Equal Earth; y grows downwards)."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return (x + _X_MAX) * SCALE, -y * SCALE


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Turn quantised, delta-encoded TopoJSON arcs into longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: Sequence[int], arcs: list[list[Point]]) -> Ring:
    """Join a ring's arcs (a negative index ~i means arc i reversed), sharing end points."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def unwrap(ring: Ring) -> list[Ring]:
    """Split nothing, shift instead: a ring crossing the antimeridian is made continuous
    and drawn twice, once on each edge of the map, where the view box clips it."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(ring, ring[1:])):
        return [ring]
    continuous: Ring = [ring[0]]
    for lon, lat in ring[1:]:
        previous = continuous[-1][0]
        lon += 360 * round((previous - lon) / 360)
        continuous.append((lon, lat))
    shift = 360 if min(lon for lon, _ in continuous) < -180 else -360
    return [continuous, [(lon + shift, lat) for lon, lat in continuous]]


def polygons_of(geometry: dict[str, Any]) -> list[list[Sequence[int]]]:
    """Return a geometry's polygons as lists of rings of arc indexes."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def path_data(rings: Iterable[Ring]) -> tuple[str, Box | None]:
    """Project rings into compact SVG path data (relative moves, whole units) and bounds."""
    parts: list[str] = []
    box: Box | None = None
    for ring in rings:
        projected = [tuple(round(c) for c in equal_earth(lon, lat)) for lon, lat in ring]
        points = [p for i, p in enumerate(projected) if i == 0 or p != projected[i - 1]]
        if len(points) < 3:
            continue
        xs, ys = [min(max(p[0], 0), WIDTH) for p in points], [p[1] for p in points]
        ring_box = Box(min(xs), min(ys), max(xs), max(ys))
        box = ring_box if box is None else box.union(ring_box)
        steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:])]
        parts.append(f"M{points[0][0]} {points[0][1]}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts), box


def alpha2(numeric: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a numeric id ("646" -> "RW"), None when unknown."""
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country else None


@lru_cache(maxsize=1)
def world_shapes() -> tuple[Shape, ...]:
    """Every country of the atlas with a known ISO code, sorted by code."""
    topology = read_package_json(ATLAS_PACKAGE, ATLAS_FILE)
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2(geometry.get("id"))
        if code is None or code in LEFT_OUT:
            continue
        rings = [part for polygon in polygons_of(geometry) for ring in polygon for part in unwrap(ring_points(ring, arcs))]
        d, box = path_data(rings)
        if box is not None:
            shapes.append(Shape(code, d, box))
    return tuple(sorted(shapes, key=lambda shape: shape.code))


def world_box() -> Box:
    """The full width of the projection, and the height of every shape together."""
    shapes = world_shapes()
    box = Box(0, shapes[0].box.top, WIDTH, shapes[0].box.bottom)
    for shape in shapes[1:]:
        box = box.union(shape.box)
    return box


def world_view() -> MapView:
    """The whole map: every shape, view box fitted to them."""
    return MapView(world_box().view_box, world_shapes())


def highlight_view(code: str, margin: float = 0.6, minimum: float = 120) -> MapView | None:
    """A close-up around one country with its neighbours, or None if it has no shape."""
    own = next((shape for shape in world_shapes() if shape.code == code), None)
    if own is None:
        return None
    box = own.box
    pad_x = max((box.right - box.left) * margin, (minimum - (box.right - box.left)) / 2)
    pad_y = max((box.bottom - box.top) * margin, (minimum * 0.6 - (box.bottom - box.top)) / 2)
    world = world_box()
    window = Box(
        max(box.left - pad_x, world.left), max(box.top - pad_y, world.top),
        min(box.right + pad_x, world.right), min(box.bottom + pad_y, world.bottom),
    )
    return MapView(window.view_box, tuple(shape for shape in world_shapes() if shape.box.overlaps(window)))


def shade_class(count: int) -> str:
    """CSS class of a country by its number of entries: map-n0 (none) to map-n4."""
    return f"map-n{sum(1 for step in SHADE_STEPS if count >= step)}"


def shade_legend() -> tuple[tuple[str, str], ...]:
    """(CSS class, label) of each shading class with entries: "1", "2–3", …, "8 or more"."""
    legend = []
    for index, step in enumerate(SHADE_STEPS):
        upper = SHADE_STEPS[index + 1] - 1 if index + 1 < len(SHADE_STEPS) else None
        text = f"{step} or more" if upper is None else (str(step) if upper == step else f"{step}–{upper}")
        legend.append((shade_class(step), text))
    return tuple(legend)
