"""Map data for inline SVG: TopoJSON country shapes -> projected SVG paths.

Reads ``world-atlas`` (Natural Earth) from node_modules, decodes the TopoJSON
arcs, projects with Equal Earth and rounds to whole units of a 1000-wide view
box so the world map (1:110m) stays near 40 kB. Close-ups of one country are
clipped to their window; countries too small for 1:110m come from 1:50m.
Templates (partials/worldmap.html) draw the ``<svg>``.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

import pycountry

from .node_data import read_package_json
from .topojson import Point, Ring, decode_arcs, polygons_of, ring_points, unwrap

ATLAS_PACKAGE = "world-atlas"
ATLAS_FILE = "countries-110m.json"  # the world map: ~40 kB of path data
# Close-ups of one country use the 1:50m atlas, which also has small island states.
DETAIL_FILE = "countries-50m.json"
# Close-ups are drawn at up to DETAIL_SCALE times the world map's resolution,
# about CLOSE_UP_UNITS across, from 1:110m unless the country is only in 1:50m.
DETAIL_SCALE = 5
CLOSE_UP_UNITS = 300
# A country smaller than this (world-map units) gets a ring around it on its close-up.
MARKER_BELOW = 6
WIDTH = 1000
# Antarctica (010) is left out: it has no programs and would take a fifth of the height.
LEFT_OUT = frozenset({"AQ"})
# Count thresholds of the shading classes map-n1 .. map-n4 (map-n0: no entries).
SHADE_STEPS = (1, 2, 4, 8)
# The keyboard focus ring of a country on the world map (world-map units): its largest part's
# bounds, padded, at least FOCUS_MIN a side (about 16 px on a 320 px phone, where Rwanda is 2 px).
FOCUS_PAD = 8
FOCUS_MIN = 56

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_X_MAX = 2 * math.sqrt(3) * math.pi / (3 * _A1)  # x of (180°, 0°)
SCALE = WIDTH / (2 * _X_MAX)


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
    """One country's outline: ISO alpha-2 code, SVG path data, bounds and, on the world map, its focus ring."""

    code: str
    d: str
    box: Box
    focus: Box | None = None


@dataclass(frozen=True)
class MapView:
    """What a map shows: its view box, the shapes inside it, maybe a marker point."""

    view_box: str
    shapes: tuple[Shape, ...]
    marker: tuple[int, int, int] | None = None  # centre x, centre y, radius


def equal_earth(longitude: float, latitude: float) -> Point:
    """Project degrees to view-box units (Equal Earth; y grows downwards)."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return (x + _X_MAX) * SCALE, -y * SCALE


def _distinct(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop repeated neighbours and the closing point (``z`` closes the ring)."""
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return kept[:-1] if len(kept) > 1 and kept[0] == kept[-1] else kept


def _clamp(points: list[tuple[int, int]], clip: Box) -> list[tuple[int, int]]:
    """Pull points outside ``clip`` onto its edge, then drop the ones that run along an edge.

    Inside the clip box the outline is unchanged (up to the segments that cross
    its edge), so a close-up can carry only what it shows.
    """
    left, top, right, bottom = clip.left, clip.top, clip.right, clip.bottom
    # (conditional expressions rather than min/max calls: a close-up clamps a few hundred thousand points)
    clamped = _distinct([
        (int(left if x < left else right if x > right else x), int(top if y < top else bottom if y > bottom else y)) for x, y in points
    ])
    kept = []
    for before, point, after in zip(clamped[-1:] + clamped[:-1], clamped, clamped[1:] + clamped[:1]):
        x, y = point
        on_x = (x == left or x == right) and before[0] == x == after[0]
        on_y = (y == top or y == bottom) and before[1] == y == after[1]
        if not (on_x or on_y):
            kept.append(point)
    return kept


def _ring_path(points: list[tuple[int, int]]) -> str:
    steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:])]
    return f"M{points[0][0]} {points[0][1]}l" + " ".join(steps).replace(" -", "-") + "z"


def project(rings: Iterable[Ring]) -> tuple[tuple[Point, ...], ...]:
    """Rings in degrees -> rings in world-map units."""
    return tuple(tuple(equal_earth(lon, lat) for lon, lat in ring) for ring in rings)


def path_data(rings: Iterable[Ring], scale: int = 1, clip: Box | None = None) -> tuple[str, Box | None]:
    """Project rings into compact SVG path data (relative moves, whole units) and bounds.

    ``scale`` multiplies the world map's units before rounding, for close-ups;
    ``clip`` (in scaled units) leaves out what lies outside it.
    """
    return projected_path_data(project(rings), scale, clip)


@dataclass(frozen=True)
class RoundedRing:
    """A projected ring rounded at one scale: its distinct points, their bounds and path data."""

    points: list[tuple[int, int]]
    left: int
    top: int
    right: int
    bottom: int
    path: str  # "" when fewer than three points remain


def round_ring(ring: tuple[Point, ...], scale: int) -> RoundedRing:
    points = _distinct([(round(x * scale), round(y * scale)) for x, y in ring])
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return RoundedRing(points, min(xs), min(ys), max(xs), max(ys), _ring_path(points) if len(points) >= 3 else "")


def projected_path_data(
    rings: Iterable[tuple[Point, ...]], scale: int = 1, clip: Box | None = None, ring_boxes: Iterable[Box] | None = None,
    memo: dict[tuple[int, int], RoundedRing] | None = None,
) -> tuple[str, Box | None]:
    """``path_data`` for rings already projected (each country is projected once, drawn in many views).

    ``ring_boxes`` (the bounds of each ring, unscaled) let a close-up skip the
    rings that cannot reach its ``clip`` before rounding their points; ``memo``
    keeps each ring rounded at each scale (keyed by scale and ring number), as a
    neighbour is drawn in many close-ups at the same scale.
    """
    parts: list[str] = []
    box: Box | None = None
    limit = WIDTH * scale  # (x bounds are held within the map's width)
    for index, (ring, ring_box) in enumerate(zip(rings, ring_boxes or itertools.repeat(None))):
        if clip is not None and ring_box is not None and not _scaled(ring_box, scale, margin=1).overlaps(clip):
            continue  # (one unit of margin: rounding moves a point by half a unit at most)
        rounded = memo.get((scale, index)) if memo is not None else None
        if rounded is None:
            rounded = round_ring(ring, scale)
            if memo is not None:
                memo[(scale, index)] = rounded
        left, top, right, bottom, path = rounded.left, rounded.top, rounded.right, rounded.bottom, rounded.path
        if clip is not None:
            if not (left <= clip.right and clip.left <= right and top <= clip.bottom and clip.top <= bottom):
                continue
            if not (clip.left < left and right < clip.right and clip.top < top and bottom < clip.bottom):
                points = _clamp(rounded.points, clip)  # (a ring well inside the window is kept as it is)
                if len(points) < 3:
                    continue
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                left, top, right, bottom, path = min(xs), min(ys), max(xs), max(ys), _ring_path(points)
        if not path:
            continue
        # (held within the map's width: the same as limiting every x, clamping being monotonic)
        ring_box = Box(min(max(left, 0), limit), top, min(max(right, 0), limit), bottom)
        box = ring_box if box is None else box.union(ring_box)
        parts.append(path)
    return "".join(parts), box


def alpha2(numeric: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a numeric id ("646" -> "RW"), None when unknown."""
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country else None


@dataclass(frozen=True)
class Outline:
    """A country's rings in degrees (continuous across the antimeridian) and world-map bounds."""

    code: str
    rings: tuple[Ring, ...]
    box: Box
    projected: tuple[tuple[Point, ...], ...]  # the rings in world-map units
    ring_boxes: tuple[Box, ...]  # bounds of each projected ring
    rounded: dict[tuple[int, int], RoundedRing] = field(default_factory=dict, compare=False, repr=False)  # (scale, ring) -> rounded ring


def bounds(projected: Iterable[tuple[Point, ...]]) -> Box:
    """Bounds of projected rings, inside the map's width."""
    points = [point for ring in projected for point in ring]
    xs, ys = [min(max(x, 0), WIDTH) for x, _ in points], [y for _, y in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def ring_bounds(ring: tuple[Point, ...]) -> Box:
    """Bounds of one projected ring (not limited to the map's width)."""
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return Box(min(xs), min(ys), max(xs), max(ys))


@lru_cache(maxsize=2)
def _countries(atlas: str) -> tuple[tuple[str, tuple[Ring, ...]], ...]:
    """Every country of an atlas file with a known ISO code and a visible shape: (code, rings in degrees), in the file's order."""
    topology = read_package_json(ATLAS_PACKAGE, atlas)
    arcs = decode_arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2(geometry.get("id"))
        if code is None or code in LEFT_OUT:
            continue
        rings = tuple(part for polygon in polygons_of(geometry) for ring in polygon for part in unwrap(ring_points(ring, arcs)))
        if rings:
            found.append((code, rings))
    return tuple(found)


@lru_cache(maxsize=None)
def _outline(atlas: str, number: int) -> Outline:
    """The ``number``-th country of ``_countries(atlas)``, projected (once per process)."""
    code, rings = _countries(atlas)[number]
    projected = project(rings)
    return Outline(code, rings, bounds(projected), projected, tuple(map(ring_bounds, projected)))


@lru_cache(maxsize=2)
def outlines(atlas: str) -> tuple[Outline, ...]:
    """Every country of an atlas file with a known ISO code and a visible shape, by code."""
    return tuple(sorted((_outline(atlas, number) for number in range(len(_countries(atlas)))), key=lambda outline: outline.code))


@lru_cache(maxsize=2)
def _numbers(atlas: str) -> dict[str, int]:
    """Each code of an atlas file -> its country's number in ``_countries`` (the last, for a code drawn twice)."""
    return {code: number for number, (code, _) in enumerate(_countries(atlas))}


def detail_outline(code: str) -> Outline | None:
    """One country of the 1:50m atlas, projected alone; None when the atlas lacks it."""
    number = _numbers(DETAIL_FILE).get(code)
    return None if number is None else _outline(DETAIL_FILE, number)


@lru_cache(maxsize=None)
def _extent(atlas: str, number: int) -> Box:
    """A box (world-map units) sure to hold a country's projected rings, found without projecting them.

    Equal Earth keeps y a function of latitude alone and makes x the longitude times a
    factor that shrinks away from the equator (``tests/test_worldmap.py`` checks both),
    so the projected rings lie within the corners of their longitudes and latitudes,
    taken at the latitudes nearest to and farthest from the equator. One unit of margin
    covers rounding; x is held within the map's width as ``bounds`` holds it.
    """
    lons, lats = zip(*(point for ring in _countries(atlas)[number][1] for point in ring))
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    nearest = 0.0 if south <= 0 <= north else min(abs(south), abs(north))
    farthest = max(abs(south), abs(north))
    xs = [equal_earth(lon, lat)[0] for lon in (west, east) for lat in (nearest, farthest)]
    return Box(min(max(min(xs) - 1, 0), WIDTH), equal_earth(0, north)[1] - 1, min(max(max(xs) + 1, 0), WIDTH), equal_earth(0, south)[1] + 1)


def detail_outlines_near(window: Box) -> dict[str, Outline]:
    """The 1:50m countries whose shapes may reach ``window``, by code, projected; the others are never projected."""
    return {code: _outline(DETAIL_FILE, number) for code, number in _numbers(DETAIL_FILE).items() if _extent(DETAIL_FILE, number).overlaps(window)}


def shape_of(outline: Outline, scale: int = 1, clip: Box | None = None) -> Shape:
    """Draw an outline at ``scale`` times the world map's resolution, within ``clip``."""
    d, box = projected_path_data(outline.projected, scale, clip, outline.ring_boxes, outline.rounded)
    return Shape(outline.code, d, box or outline.box)


@lru_cache(maxsize=1)
def world_shapes() -> tuple[Shape, ...]:
    """Every country of the world map (1:110m) big enough to draw, sorted by code, with its focus ring."""
    shapes = [(outline, shape_of(outline)) for outline in outlines(ATLAS_FILE)]
    drawn = [(outline, shape) for outline, shape in shapes if shape.d]
    world = _fitted_box([shape for _, shape in drawn])
    return tuple(replace(shape, focus=focus_ring(largest_part(outline), world)) for outline, shape in drawn)


def _fitted_box(shapes: list[Shape]) -> Box:
    box = Box(0, shapes[0].box.top, WIDTH, shapes[0].box.bottom)
    for shape in shapes[1:]:
        box = box.union(shape.box)
    return box


@lru_cache(maxsize=1)
def world_box() -> Box:
    """The full width of the projection, and the height of every shape together."""
    return _fitted_box(list(world_shapes()))


def largest_part(outline: Outline) -> Box:
    """Bounds of the outline's largest ring (the mainland: Fiji and Russia reach across the whole map)."""
    return max(outline.ring_boxes, key=lambda box: (box.right - box.left) * (box.bottom - box.top))


def focus_ring(part: Box, world: Box) -> Box:
    """The focus ring around ``part``: padded, at least FOCUS_MIN a side, moved inside ``world``, whole units."""
    half_width = max(part.right - part.left + 2 * FOCUS_PAD, FOCUS_MIN) / 2
    half_height = max(part.bottom - part.top + 2 * FOCUS_PAD, FOCUS_MIN) / 2
    x = min(max((part.left + part.right) / 2, world.left + half_width), world.right - half_width)
    y = min(max((part.top + part.bottom) / 2, world.top + half_height), world.bottom - half_height)
    return Box(round(x - half_width), round(y - half_height), round(x + half_width), round(y + half_height))


@lru_cache(maxsize=1)
def world_view() -> MapView:
    """The whole map: every shape, largest first, view box fitted to them.

    SVG paints in document order: drawn after its bigger neighbours, a small
    country's focus ring is not hidden under their fill.
    """
    parts = {outline.code: largest_part(outline) for outline in outlines(ATLAS_FILE)}
    size = {code: (part.right - part.left) * (part.bottom - part.top) for code, part in parts.items()}
    return MapView(world_box().view_box, tuple(sorted(world_shapes(), key=lambda shape: (-size[shape.code], shape.code))))


@dataclass(frozen=True)
class Place:
    """Where a country lies that neither atlas draws as a shape of its own.

    ``at`` is a point in it, in ISO 6709 (``±DDMM±DDDMM``, as the tz database's zone.tab writes
    its towns). When ``within`` names the country whose 1:50m shape holds it as some of its
    parts (Réunion in France's), its own shape is those parts: that shape's rings with a
    point within ``reach_km`` of ``at``; otherwise it is drawn as the point alone.
    """

    at: str
    within: str | None = None
    reach_km: float = 0

    @property
    def point(self) -> tuple[float, float]:
        """(longitude, latitude) in degrees."""
        found = re.fullmatch(r"([+-]\d{2})(\d{2})(\d{2})?([+-]\d{3})(\d{2})(\d{2})?", self.at)
        if found is None:
            raise ValueError(f"not an ISO 6709 point: {self.at!r}")

        def degrees(whole: str, minutes: str, seconds: str | None) -> float:
            return math.copysign(abs(int(whole)) + int(minutes) / 60 + int(seconds or 0) / 3600, -1 if whole[0] == "-" else 1)

        latitude, longitude = degrees(*found.group(1, 2, 3)), degrees(*found.group(4, 5, 6))
        return longitude, latitude


# Countries that neither atlas draws on their own (AQ is left out on purpose). Points are the
# tz database's (zone.tab: the zone's main town, named in the comment), except Bouvet Island's.
# A reach takes in the territory's islands and stops short of the next territory of the same country.
PLACES: dict[str, Place] = {
    "RE": Place("-2052+05528", "FR", 100),  # Saint-Denis (Indian/Reunion)
    "GP": Place("+1614-06132", "FR", 100),  # Pointe-à-Pitre (America/Guadeloupe): Basse-Terre, Grande-Terre, Marie-Galante; Martinique is 156 km off
    "MQ": Place("+1436-06105", "FR", 100),  # Fort-de-France (America/Martinique): Guadeloupe's nearest island is 144 km off
    "GF": Place("+0456-05220", "FR", 100),  # Cayenne (America/Cayenne)
    "YT": Place("-1247+04514", "FR", 100),  # Mamoudzou (Indian/Mayotte)
    "BQ": Place("+120903-0681636", "NL", 100),  # Kralendijk (America/Kralendijk): Bonaire (Saba and Sint Eustatius lie 800 km off)
    "SJ": Place("+7800+01600", "NO", 300),  # Longyearbyen (Arctic/Longyearbyen): Svalbard's islands, Nordaustlandet 188 km off
    "TK": Place("-0922-17114", "NZ", 200),  # Fakaofo (Pacific/Fakaofo): Tokelau's atolls, Atafu 162 km off
    "GI": Place("+3608-00521"),  # Gibraltar (Europe/Gibraltar): inside Spain's mainland ring at 1:50m
    "TV": Place("-0831+17913"),  # Funafuti (Pacific/Funafuti)
    "CC": Place("-1210+09655"),  # West Island (Indian/Cocos)
    "CX": Place("-1025+10543"),  # Flying Fish Cove (Indian/Christmas)
    "UM": Place("+1917+16637"),  # Wake Island (Pacific/Wake): one point for islands strewn across the Pacific (and Navassa, in the Caribbean)
    "BV": Place("-5425+00322"),  # Bouvet Island: 54°25′S 3°22′E, the Wikipedia article's coordinates (no time zone)
}
EARTH_RADIUS_KM = 6371.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (longitude, latitude) points."""
    (lon1, lat1), (lon2, lat2) = (tuple(map(math.radians, point)) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=None)
def place_outline(code: str) -> Outline | None:
    """A country drawn as parts of another's 1:50m shape, as a shape of its own (see ``Place``); None when it has none."""
    place = PLACES.get(code)
    number = _numbers(DETAIL_FILE).get(place.within) if place is not None and place.within is not None else None
    if place is None or number is None:
        return None
    point = place.point
    rings = tuple(ring for ring in _countries(DETAIL_FILE)[number][1] if any(_km(point, corner) <= place.reach_km for corner in ring))
    if not rings:
        return None
    projected = project(rings)
    return Outline(code, rings, bounds(projected), projected, tuple(map(ring_bounds, projected)))


def _own_outline(code: str) -> Outline | None:
    """A country too small for the world map, as the 1:50m atlas draws it, or as its parts of another's shape."""
    return detail_outline(code) or place_outline(code)


def _small_box(code: str) -> Box | None:
    """Where a country the world map does not draw lies (world-map units): its shape's bounds, or its point; None if unknown."""
    outline = _own_outline(code)
    if outline is not None:
        return outline.box
    if code not in PLACES:
        return None
    x, y = equal_earth(*PLACES[code].point)
    return Box(x, y, x, y)


@dataclass(frozen=True)
class Marker:
    """A dot for a country too small to see on the world map."""

    code: str
    x: int
    y: int

    @property
    def focus(self) -> Box:
        """The dot's focus ring (see ``focus_ring``)."""
        return focus_ring(Box(self.x, self.y, self.x, self.y), world_box())


def small_country_markers(codes: Iterable[str]) -> tuple[Marker, ...]:
    """Dots at the centre of each given country that the world map cannot draw (from 1:50m, or ``PLACES``)."""
    drawn = {shape.code for shape in world_shapes()}
    boxes = {code: box for code in sorted(set(codes)) if code not in drawn and (box := _small_box(code)) is not None}
    return tuple(Marker(code, round((box.left + box.right) / 2), round((box.top + box.bottom) / 2)) for code, box in boxes.items())


def close_up_window(box: Box, margin: float = 0.6, minimum: float = 120) -> Box:
    """A window around ``box`` with room for neighbours, at least ``minimum`` wide, inside the world.

    The world's edge cuts it, but never below that size: Tuvalu's window, cut at the
    antimeridian, was half as wide as it was tall.
    """
    width, height = box.right - box.left, box.bottom - box.top
    pad_x = max(width * margin, (minimum - width) / 2)
    pad_y = max(height * margin, (minimum * 0.6 - height) / 2)
    world = world_box()
    left, right = _cut(box.left - pad_x, box.right + pad_x, world.left, world.right, minimum)
    top, bottom = _cut(box.top - pad_y, box.bottom + pad_y, world.top, world.bottom, minimum * 0.6)
    return Box(left, top, right, bottom)


def _cut(low: float, high: float, floor: float, ceiling: float, least: float) -> tuple[float, float]:
    """The span from ``low`` to ``high`` cut to ``floor``–``ceiling``, then widened inwards to ``least`` if it fell short."""
    low, high = max(low, floor), min(high, ceiling)
    short = least - (high - low)  # (only a cut span can fall short: the padding makes it ``least`` at least)
    if short > 0 and high == ceiling:
        low = max(low - short, floor)
    elif short > 0 and low == floor:
        high = min(high + short, ceiling)
    return low, high


def _scaled(box: Box, scale: int, margin: float = 0) -> Box:
    return Box(box.left * scale - margin, box.top * scale - margin, box.right * scale + margin, box.bottom * scale + margin)


def highlight_view(code: str) -> MapView | None:
    """A close-up around one country with its neighbours, or None if it is nowhere to be found.

    Countries too small for the 1:110m atlas come from the 1:50m one, or from ``PLACES``
    (parts of another's shape, or a point alone), with a ring around them; small windows
    are drawn at a finer scale (about CLOSE_UP_UNITS across).
    """
    coarse = {outline.code: outline for outline in outlines(ATLAS_FILE)}
    own = coarse.get(code) or _own_outline(code)
    box = own.box if own is not None else _small_box(code)
    if box is None:
        return None
    window = close_up_window(box)
    width = window.right - window.left
    scale = max(1, min(DETAIL_SCALE, round(CLOSE_UP_UNITS / width)))
    pool = coarse if code in coarse else detail_outlines_near(window)
    pad_x, pad_y = (window.right - window.left) / 4, (window.bottom - window.top) / 4
    clip = _scaled(Box(window.left - pad_x, window.top - pad_y, window.right + pad_x, window.bottom + pad_y), scale)
    near = [outline for _, outline in sorted(pool.items()) if outline.box.overlaps(window)]
    if own is not None and code not in pool:  # parts of another's shape: drawn over that shape's copy of them
        near.append(own)
    shapes = tuple(shape for shape in (shape_of(outline, scale, clip) for outline in near) if shape.d)
    is_small = max(box.right - box.left, box.bottom - box.top) < MARKER_BELOW
    centre = (round((box.left + box.right) / 2 * scale), round((box.top + box.bottom) / 2 * scale))
    marker = (*centre, 5 * scale) if is_small else None
    return MapView(_scaled(window, scale).view_box, shapes, marker)


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
