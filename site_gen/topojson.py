"""TopoJSON geometry: quantised, delta-encoded arcs -> rings of longitude/latitude points.

Pure functions used by worldmap.py; they know nothing about projections or SVG.
"""

from __future__ import annotations

from typing import Any, Sequence

Point = tuple[float, float]
Ring = list[Point]


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
    """Make a ring that crosses the antimeridian continuous, once per edge of the map.

    Instead of cutting the polygon, the ring is returned twice (shifted by 360°);
    the map's view box clips each copy at its edge.
    """
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
