"""The world map: TopoJSON decoding, the projection, path data, shading, close-ups."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Iterator

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import make_catalog, run_cli
from site_gen import node_data, regions, worldmap
from site_gen.topojson import decode_arcs, ring_points, unwrap
from site_gen.worldmap import (
    Box,
    equal_earth,
    highlight_view,
    path_data,
    shade_class,
    shade_legend,
    small_country_markers,
    world_shapes,
    world_view,
)


def test_projection_centres_the_prime_meridian_and_spans_the_width() -> None:
    assert equal_earth(0, 0) == pytest.approx((worldmap.WIDTH / 2, 0))
    assert equal_earth(180, 0)[0] == pytest.approx(worldmap.WIDTH)
    assert equal_earth(-180, 0)[0] == pytest.approx(0)


@pytest.mark.parametrize(("lon", "lat"), [(30, 10), (100, -40), (-75, 60)])
def test_projection_is_symmetric_and_north_is_up(lon: float, lat: float) -> None:
    east, west = equal_earth(lon, lat), equal_earth(-lon, lat)
    assert east[0] - worldmap.WIDTH / 2 == pytest.approx(worldmap.WIDTH / 2 - west[0])
    assert equal_earth(lon, -lat)[1] == pytest.approx(-east[1])
    assert east[1] < 0 if lat > 0 else east[1] > 0


def test_projection_preserves_area_ratios() -> None:
    """Equal Earth is equal-area: a 1° cell near the pole has cos(lat) times the area of one at the equator."""

    def cell_area(lat: float) -> float:
        (x0, y0), (x1, y1) = equal_earth(0, lat), equal_earth(1, lat + 1)
        return abs((x1 - x0) * (y1 - y0))

    assert cell_area(60) / cell_area(0) == pytest.approx(math.cos(math.radians(60.5)) / math.cos(math.radians(0.5)), rel=0.02)


def test_arcs_are_delta_decoded_and_scaled() -> None:
    topology = {"transform": {"scale": [0.5, 2], "translate": [10, -5]}, "arcs": [[[0, 0], [2, 0], [0, 3]], [[2, 3], [-2, -3]]]}
    assert decode_arcs(topology) == [[(10, -5), (11, -5), (11, 1)], [(11, 1), (10, -5)]]


def test_ring_joins_arcs_sharing_end_points_and_reverses_negative_indexes() -> None:
    arcs = [[(0, 0), (1, 0), (1, 1)], [(0, 1), (1, 1)]]
    assert ring_points([0, ~1], arcs) == [(0, 0), (1, 0), (1, 1), (0, 1)]


def test_path_data_is_relative_whole_units_without_repeated_points() -> None:
    ring = [(0.0, 0.0), (0.0001, 0.0), (10.0, 0.0), (10.0, -10.0), (0.0, 0.0)]
    d, box = path_data([ring])
    start = tuple(round(c) for c in equal_earth(0, 0))
    assert d.startswith(f"M{start[0]} {start[1]}l") and d.endswith("z")
    assert "." not in d
    numbers = d[d.index("l") + 1 : -1].replace("-", " -").split()
    assert len(numbers) == 2 * 2  # three distinct points (z closes the ring), two relative steps
    assert box is not None and box.left == start[0] and box.top == start[1]


def test_degenerate_rings_are_dropped() -> None:
    assert path_data([[(0.0, 0.0), (0.0001, 0.0), (0.0, 0.0)]]) == ("", None)


def test_ring_across_the_antimeridian_is_drawn_on_both_edges() -> None:
    ring = [(179.0, 10.0), (-179.0, 10.0), (-179.0, 12.0), (179.0, 12.0), (179.0, 10.0)]
    parts = unwrap(ring)
    assert len(parts) == 2
    assert all(max(lon for lon, _ in part) - min(lon for lon, _ in part) == 2 for part in parts)
    assert unwrap(ring[:1] + [(170.0, 10.0), (170.0, 12.0)]) == [ring[:1] + [(170.0, 10.0), (170.0, 12.0)]]


def test_world_shapes_come_from_the_atlas_with_iso_codes_sorted() -> None:
    codes = [shape.code for shape in world_shapes()]
    assert codes == sorted(set(codes))
    assert {"RW", "US", "BR", "CN", "NO", "FJ"} <= set(codes)
    assert "AQ" not in codes  # left out on purpose
    assert len(codes) > 150


def test_world_view_covers_the_whole_width() -> None:
    left, top, width, height = (int(n) for n in world_view().view_box.split())
    assert (left, width) == (0, worldmap.WIDTH)
    assert 0.35 < height / width < 0.5


@pytest.mark.parametrize(("count", "css"), [(0, "map-n0"), (1, "map-n1"), (2, "map-n2"), (3, "map-n2"), (4, "map-n3"), (7, "map-n3"), (8, "map-n4"), (250, "map-n4")])
def test_shade_class_by_number_of_entries(count: int, css: str) -> None:
    assert shade_class(count) == css


def test_legend_describes_each_shade_by_its_range() -> None:
    assert shade_legend() == (("map-n1", "1"), ("map-n2", "2–3"), ("map-n3", "4–7"), ("map-n4", "8 or more"))


def test_highlight_view_shows_the_country_and_its_neighbours_only() -> None:
    view = highlight_view("RW")
    assert view is not None
    codes = {shape.code for shape in view.shapes}
    assert {"RW", "UG", "TZ", "BI", "CD"} <= codes
    assert not codes & {"US", "CN", "BR"}


def test_small_countries_come_from_the_detailed_atlas_with_a_ring() -> None:
    assert "SG" not in {shape.code for shape in world_shapes()}
    view = highlight_view("SG")
    assert view is not None and view.marker is not None
    assert "SG" in {shape.code for shape in view.shapes}
    assert highlight_view("RW").marker is None  # type: ignore[union-attr]


def test_world_map_marks_small_countries_with_a_dot_at_their_centre() -> None:
    markers = small_country_markers(["SG", "RW", "XK", "SG"])
    assert [marker.code for marker in markers] == ["SG"]
    x, y = equal_earth(103.8, 1.35)
    assert abs(markers[0].x - x) < 3 and abs(markers[0].y - y) < 3


def every_code() -> list[str]:
    return sorted(country.alpha_2 for country in pycountry.countries)


def test_every_country_but_antarctica_is_on_the_world_map_as_a_shape_or_a_dot_and_has_a_close_up() -> None:
    """Réunion, Guadeloupe, Gibraltar, Tuvalu… had no dot, no map link and no close-up: neither atlas draws them on their own."""
    shaped = {shape.code for shape in world_shapes()}
    dotted = {marker.code for marker in small_country_markers(every_code())}
    assert not shaped & dotted
    assert set(every_code()) - shaped - dotted == {"AQ"}
    assert [code for code in every_code() if code != "AQ" and highlight_view(code) is None] == []
    assert highlight_view("AQ") is None


@pytest.mark.parametrize(("code", "lon", "lat"), [
    ("RE", 55.53, -21.12), ("GP", -61.55, 16.2), ("MQ", -61.02, 14.65), ("GF", -53.1, 3.95), ("YT", 45.14, -12.82),
    ("BQ", -68.27, 12.17), ("SJ", 20.0, 78.7), ("TK", -171.8, -9.0), ("GI", -5.35, 36.14), ("TV", 179.2, -8.52),
    ("CC", 96.87, -12.17), ("CX", 105.63, -10.49), ("UM", 166.63, 19.29), ("BV", 3.37, -54.42),
])
def test_a_country_drawn_as_part_of_another_or_in_no_atlas_gets_its_dot_where_it_is(code: str, lon: float, lat: float) -> None:
    (marker,) = small_country_markers([code])
    x, y = equal_earth(lon, lat)
    assert abs(marker.x - x) <= 4 and abs(marker.y - y) <= 4, (marker, x, y)


def test_places_drawn_as_part_of_another_country_take_the_parts_near_their_point_and_no_more() -> None:
    parts = {code: worldmap.place_outline(code) for code, place in worldmap.PLACES.items() if place.within}
    assert {code: len(outline.rings) for code, outline in parts.items() if outline} == {
        "RE": 1, "GP": 3, "MQ": 1, "GF": 1, "YT": 1, "BQ": 1, "SJ": 7, "TK": 2}
    rings = [tuple(ring) for outline in parts.values() if outline for ring in outline.rings]
    assert len(rings) == len(set(rings)), "no ring belongs to two places (Guadeloupe and Martinique are 150 km apart)"
    france = {tuple(ring) for ring in worldmap._countries(worldmap.DETAIL_FILE)[worldmap._numbers(worldmap.DETAIL_FILE)["FR"]][1]}
    assert {tuple(ring) for code in ("RE", "GP", "MQ", "GF", "YT") for ring in parts[code].rings} <= france  # type: ignore[union-attr]
    assert [code for code, place in worldmap.PLACES.items() if not place.within and worldmap.place_outline(code)] == []


@pytest.mark.parametrize(("code", "parent"), [("RE", "FR"), ("GP", "FR"), ("BQ", "NL"), ("SJ", "NO")])
def test_the_close_up_of_a_part_of_another_country_draws_it_over_that_country(code: str, parent: str) -> None:
    """Bonaire is also a ring of the Netherlands' shape, drawn after 'BQ' in code order: it hid the highlight."""
    view = highlight_view(code)
    assert view is not None
    codes = [shape.code for shape in view.shapes]
    assert codes[-1] == code and parent in codes
    assert (view.marker is not None) == (code != "SJ")  # (Svalbard is big enough to see)


@pytest.mark.parametrize("code", ["GI", "TV", "CC", "CX", "UM", "BV"])
def test_the_close_up_of_a_country_in_no_atlas_rings_its_point_among_its_neighbours(code: str) -> None:
    view = highlight_view(code)
    assert view is not None and view.marker is not None
    left, top, width, height = (int(n) for n in view.view_box.split())
    x, y, _ = view.marker
    assert left < x < left + width and top < y < top + height
    assert code not in {shape.code for shape in view.shapes}


@pytest.mark.parametrize("at", ["2052+05528", "-2052+0552", "-2052x05528"])
def test_a_place_written_wrong_is_an_error_not_a_dot_elsewhere(at: str) -> None:
    with pytest.raises(ValueError, match="not an ISO 6709 point"):
        worldmap.Place(at).point


def shape(code: str) -> worldmap.Shape:
    return next(shape for shape in world_shapes() if shape.code == code)


def contains(outer: Box, inner: Box) -> bool:
    return outer.left <= inner.left and outer.top <= inner.top and inner.right <= outer.right and inner.bottom <= outer.bottom


@pytest.mark.parametrize("code", ["RW", "BI", "GH", "BR", "US", "FJ", "RU", "NO"])
def test_focus_ring_surrounds_the_largest_part_inside_the_map_at_least_focus_min_a_side(code: str) -> None:
    ring, world = shape(code).focus, worldmap.world_box()
    assert ring is not None and contains(world, ring)
    assert min(ring.right - ring.left, ring.bottom - ring.top) >= worldmap.FOCUS_MIN
    outline = next(outline for outline in worldmap.outlines(worldmap.ATLAS_FILE) if outline.code == code)
    part = worldmap.largest_part(outline)
    padded = Box(part.left - worldmap.FOCUS_PAD + 1, part.top - worldmap.FOCUS_PAD + 1, part.right + worldmap.FOCUS_PAD - 1, part.bottom + worldmap.FOCUS_PAD - 1)
    assert contains(ring, padded) or code in ("FJ", "RU")  # (those two touch the map's edge: moved inside it)


def test_focus_ring_of_a_country_across_the_antimeridian_circles_one_part_not_the_map() -> None:
    fiji, rwanda = shape("FJ"), shape("RW")
    assert fiji.box.right - fiji.box.left > 900  # drawn on both edges of the map
    assert fiji.focus is not None and fiji.focus.right - fiji.focus.left < 100
    assert rwanda.focus is not None and rwanda.focus.right - rwanda.focus.left == worldmap.FOCUS_MIN


def test_focus_ring_of_a_dot_is_centred_on_it() -> None:
    (marker,) = small_country_markers(["SG"])
    ring = marker.focus
    assert ((ring.left + ring.right) / 2, (ring.top + ring.bottom) / 2) == (marker.x, marker.y)
    assert ring.right - ring.left == ring.bottom - ring.top == worldmap.FOCUS_MIN


def test_world_view_draws_bigger_countries_first() -> None:
    """SVG paints in document order: a small country drawn later keeps its focus ring above its neighbours."""
    order = [shape.code for shape in world_view().shapes]
    assert sorted(order) == [shape.code for shape in world_shapes()]
    for big, small in [("CD", "RW"), ("TZ", "RW"), ("TZ", "BI"), ("BR", "PY"), ("RU", "EE"), ("ZA", "LS")]:
        assert order.index(big) < order.index(small), (big, small)




def absolute_points(d: str) -> list[list[tuple[int, int]]]:
    """Read path data written by path_data back into absolute points per ring."""
    rings = []
    for part in d.split("z")[:-1]:
        move, steps = part[1:].split("l")
        x, y = (int(n) for n in move.replace("-", " -").split())
        numbers = [int(n) for n in steps.replace("-", " -").split()]
        ring = [(x, y)]
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def test_clipped_path_stays_in_the_clip_box_and_keeps_what_is_inside() -> None:
    ring = [(lon, lat) for lon in range(0, 31) for lat in (0,)] + [(30, 30), (0, 30), (0, 0)]
    full, _ = path_data([ring])
    clip = Box(500, -200, 560, 0)
    clipped, _ = path_data([ring], clip=clip)
    points = absolute_points(clipped)[0]
    assert all(clip.left <= x <= clip.right and clip.top <= y <= clip.bottom for x, y in points)
    assert len(clipped) < len(full)
    inside = {p for p in absolute_points(full)[0] if clip.left < p[0] < clip.right and clip.top < p[1] < clip.bottom}
    assert inside <= set(points)


def test_rings_outside_the_clip_box_are_left_out() -> None:
    assert path_data([[(100.0, 0.0), (110.0, 0.0), (110.0, 10.0)]], clip=Box(0, -50, 10, 0)) == ("", None)


@pytest.mark.parametrize("code", ["RU", "US", "CN", "SA", "BR", "RW", "GB"])
def test_close_ups_stay_light(code: str) -> None:
    view = highlight_view(code)
    assert view is not None
    assert sum(len(shape.d) for shape in view.shapes) < 2 / 3 * sum(len(shape.d) for shape in world_shapes())


def test_boxes_overlap_and_union() -> None:
    a, b, c = Box(0, 0, 2, 2), Box(1, 1, 3, 3), Box(5, 5, 6, 6)
    assert a.overlaps(b) and not a.overlaps(c)
    assert a.union(c) == Box(0, 0, 6, 6)


@pytest.fixture
def empty_node_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the build at a node_modules folder without the data packages."""

    def clear() -> None:
        for cached in (node_data._parse, worldmap._countries, worldmap._outline, worldmap._numbers, worldmap._extent, worldmap.place_outline, worldmap.outlines, worldmap.world_shapes, worldmap.world_box, worldmap.world_view, regions._parents, regions.placement):
            cached.cache_clear()

    clear()
    monkeypatch.setattr(node_data, "NODE_MODULES", tmp_path / "node_modules")
    yield tmp_path / "node_modules"
    monkeypatch.undo()
    clear()


def test_missing_atlas_is_one_clear_error(empty_node_modules: Path, tmp_path: Path) -> None:
    with pytest.raises(node_data.MissingDataError, match=r"world-atlas/countries-110m\.json is missing.*npm ci"):
        world_shapes()


def test_build_without_node_modules_fails_with_one_message(empty_node_modules: Path, tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "is missing" in result.err and "npm ci" in result.err
    assert not (tmp_path / "_site").exists()


def straightforward_path_data(rings, scale=1, clip=None, ring_boxes=None, memo=None):  # type: ignore[no-untyped-def]
    """``projected_path_data`` without its shortcuts: every ring rounded, clamped and bounded point by point, nothing kept."""
    parts, box = [], None
    for ring in rings:
        points = worldmap._distinct([(round(x * scale), round(y * scale)) for x, y in ring])
        if clip is not None:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            if not Box(min(xs), min(ys), max(xs), max(ys)).overlaps(clip):
                continue
            points = worldmap._clamp(points, clip)
        if len(points) < 3:
            continue
        xs, ys = [min(max(p[0], 0), worldmap.WIDTH * scale) for p in points], [p[1] for p in points]
        ring_box = Box(min(xs), min(ys), max(xs), max(ys))
        box = ring_box if box is None else box.union(ring_box)
        parts.append(worldmap._ring_path(points))
    return "".join(parts), box


def test_projection_x_shrinks_away_from_the_equator_and_y_follows_latitude_alone() -> None:
    """What ``_extent`` relies on to bound a country without projecting it."""
    latitudes = [tenth / 10 for tenth in range(901)]
    for longitude in (-300, -180, -20, 20, 180, 300):
        xs = [abs(equal_earth(longitude, latitude)[0] - worldmap.WIDTH / 2) for latitude in latitudes]
        assert all(nearer > farther for nearer, farther in zip(xs, xs[1:]))
        assert [equal_earth(longitude, -latitude)[0] for latitude in latitudes] == [equal_earth(longitude, latitude)[0] for latitude in latitudes]
    ys = [equal_earth(0, latitude - 90)[1] for latitude in range(181)]
    assert all(south > north for south, north in zip(ys, ys[1:]))
    assert all(equal_earth(longitude, 33.3)[1] == equal_earth(0, 33.3)[1] for longitude in (-200, -90, 45, 179))


@pytest.mark.parametrize("atlas", [worldmap.ATLAS_FILE, worldmap.DETAIL_FILE])
def test_every_countrys_extent_holds_its_projected_shape(atlas: str) -> None:
    for number in range(len(worldmap._countries(atlas))):
        extent, box = worldmap._extent(atlas, number), worldmap._outline(atlas, number).box
        assert extent.left <= box.left and extent.top <= box.top and box.right <= extent.right and box.bottom <= extent.bottom, number


def test_close_ups_of_small_countries_project_every_detailed_neighbour_in_their_window() -> None:
    detail = {outline.code: outline for outline in worldmap.outlines(worldmap.DETAIL_FILE)}  # (a code drawn twice: the last)
    coarse = {outline.code for outline in worldmap.outlines(worldmap.ATLAS_FILE)}
    small = sorted(set(detail) - coarse)
    assert len(small) > 50
    for code in small:
        window = worldmap.close_up_window(detail[code].box)
        near = worldmap.detail_outlines_near(window)
        assert {key: outline for key, outline in near.items() if outline.box.overlaps(window)} == {
            key: outline for key, outline in detail.items() if outline.box.overlaps(window)}, code
        assert len(near) < len(detail) / 2 or code in ("FJ", "KI"), code  # (the rest is never projected)


def test_close_ups_and_world_map_equal_those_drawn_without_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    codes = sorted({outline.code for atlas in (worldmap.ATLAS_FILE, worldmap.DETAIL_FILE) for outline in worldmap.outlines(atlas)})
    quick = [highlight_view(code) for code in codes]
    assert [highlight_view(code) for code in codes] == quick  # (again, from the rings rounded the first time)
    world = worldmap.shape_of(max(worldmap.outlines(worldmap.ATLAS_FILE), key=lambda outline: len(outline.projected)))
    monkeypatch.setattr(worldmap, "projected_path_data", straightforward_path_data)
    assert [highlight_view(code) for code in codes] == quick
    assert worldmap.shape_of(max(worldmap.outlines(worldmap.ATLAS_FILE), key=lambda outline: len(outline.projected))) == world


@pytest.mark.parametrize("offset", [0.0, 0.4, 1.0])
def test_a_ring_on_the_edge_of_the_clip_box_is_drawn_as_without_shortcuts(offset: float) -> None:
    ring = ((offset, offset), (5.0, offset), (10.0 - offset, offset), (10.0 - offset, 10.0 - offset), (offset, 10.0 - offset))
    clip = Box(0, 0, 10, 10)
    expected = straightforward_path_data([ring], 1, clip)
    assert worldmap.projected_path_data([ring], 1, clip, [worldmap.ring_bounds(ring)]) == expected
    assert worldmap.projected_path_data([ring], 1, clip) == expected


def clamp_with_min_max(points, clip):  # type: ignore[no-untyped-def]
    """``_clamp`` as first written: ``min``/``max`` per point and index arithmetic around the ring."""
    clamped = worldmap._distinct([(int(min(max(x, clip.left), clip.right)), int(min(max(y, clip.top), clip.bottom))) for x, y in points])
    kept = []
    for index, point in enumerate(clamped):
        before, after = clamped[index - 1], clamped[(index + 1) % len(clamped)]
        on_x = point[0] in (clip.left, clip.right) and before[0] == point[0] == after[0]
        on_y = point[1] in (clip.top, clip.bottom) and before[1] == point[1] == after[1]
        if not (on_x or on_y):
            kept.append(point)
    return kept


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-30, 30), st.integers(-30, 30)), max_size=40),
    st.tuples(*[st.sampled_from([-10.0, -7.5, 0.0, 2.25, 5.0, 10.0])] * 2),
    st.tuples(*[st.sampled_from([10.0, 12.5, 20.0])] * 2),
)
def test_clamp_equals_its_first_version(points: list[tuple[int, int]], corner: tuple[float, float], far: tuple[float, float]) -> None:
    clip = Box(corner[0], corner[1], far[0], far[1])
    assert worldmap._clamp(worldmap._distinct(points), clip) == clamp_with_min_max(worldmap._distinct(points), clip)


@pytest.mark.parametrize("code", ["TV", "VU", "SB", "TO", "WS", "BV", "GS", "SJ"])
def test_a_close_up_at_the_worlds_edge_keeps_the_usual_shape(code: str) -> None:
    """The antimeridian cut Tuvalu's window to 65 units of 120 (a map taller than wide); the map's foot cut South Georgia's to 70 of 72."""
    view = highlight_view(code)
    assert view is not None
    _, _, width, height = (int(n) for n in view.view_box.split())
    assert (width, height) == (240, 144)
    window = worldmap.close_up_window(worldmap._small_box(code))  # type: ignore[arg-type]
    world = worldmap.world_box()
    assert world.left <= window.left and window.right <= world.right and world.top <= window.top and window.bottom <= world.bottom
