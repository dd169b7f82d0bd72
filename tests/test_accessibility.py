"""axe-core (from node_modules) finds no WCAG 2.1 A/AA violation on representative pages,
and the keyboard focus is visible where axe cannot tell (the world map's countries).

Pages are served under the /catalog/ sub-path; axe is injected with Playwright into
headless Debian chromium, in the light and the dark colour scheme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser

from browser import axe_violations, chromium, contrast_change, describe_violations
from helpers import serve_folder
from site_pages import representative_routes

SCHEMES = ["light", "dark"]
NAMES = ["home", "electives-listing", "projects-listing", "partners-listing", "filtered-listing", "electives-entry",
         "projects-entry", "partners-entry", "free-page", "country", "countries", "not-found", "collaborate", "search"]


@pytest.fixture(scope="module")
def site_and_browser(built_site: Path) -> Iterator[tuple[str, dict[str, str], Browser]]:
    with serve_folder(built_site) as base, chromium() as browser:
        yield base, representative_routes(built_site), browser


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", NAMES)
def test_no_axe_violations(site_and_browser: tuple[str, dict[str, str], Browser], name: str, scheme: str) -> None:
    base, routes, browser = site_and_browser
    violations = axe_violations(browser, base + routes[name], scheme)
    assert not violations, describe_violations(violations)


def test_axe_finds_a_planted_violation(site_and_browser: tuple[str, dict[str, str], Browser], tmp_path: Path) -> None:
    """Guard against a silent gate: an image without alt text must be reported."""
    (tmp_path / "bad.html").write_text('<!DOCTYPE html><html lang="en"><title>x</title><main><img src="x.png"></main></html>')
    _, _, browser = site_and_browser
    with serve_folder(tmp_path, prefix="/") as base:
        violations = axe_violations(browser, base + "bad.html", "light")
    assert "image-alt" in {violation["id"] for violation in violations}


# A focus indicator a person spots at a glance, whatever the country's size (Rwanda is 2 px
# wide on a 320 px phone): the pixels it changes by 3:1 or more (WCAG 2.4.13's measure) span
# at least this many CSS px each way, and cover at least a 2 px line around such a square.
MIN_FOCUS_SIZE = 16
MIN_FOCUS_AREA = MIN_FOCUS_SIZE**2 - (MIN_FOCUS_SIZE - 4) ** 2
# Looked for within this many px of the focused link's bounds (and the map's).
FOCUS_MARGIN = 32
VIEWPORT_HEIGHT = 800
# The focused map link's name, its bounds and the map's (in the viewport) and the scroll position.
FOCUSED_COUNTRY = """() => {
  const link = document.activeElement.closest('.map-link');
  const bounds = (element) => {
    const box = element.getBoundingClientRect();
    return [box.left, box.top, box.right, box.bottom].map(Math.round);
  };
  return [link && link.querySelector('title').textContent, link && bounds(link), bounds(document.querySelector('svg.map-world')), scrollY];
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("name", "width"), [("home", 320), ("home", 1280), ("countries", 320)])  # (one map macro)
def test_keyboard_focus_on_every_map_country_is_clearly_visible(
    site_and_browser: tuple[str, dict[str, str], Browser], name: str, width: int, scheme: str,
) -> None:
    """Tab through the map's links: each one, focused, changes a clearly visible area of the map."""
    base, routes, browser = site_and_browser
    context = browser.new_context(viewport={"width": width, "height": VIEWPORT_HEIGHT}, color_scheme=scheme)  # type: ignore[arg-type]
    blank = browser.new_page()
    try:
        page = context.new_page()
        page.goto(base + routes[name])
        *_, (map_left, map_top, map_right, map_bottom), scrolled = page.evaluate(FOCUSED_COUNTRY)
        whole_map = {"x": map_left, "y": map_top + scrolled, "width": map_right - map_left, "height": map_bottom - map_top}
        unfocused = page.screenshot(full_page=True, clip=whole_map)  # type: ignore[arg-type]
        links, faint, reached = page.locator("svg.map-world .map-link").count(), {}, []
        for _ in range(links + 50):  # (the links before the map, then every country)
            page.keyboard.press("Tab")
            country, link, (map_left, map_top, map_right, map_bottom), _ = page.evaluate(FOCUSED_COUNTRY)
            if country is None:
                if reached:
                    break
                continue
            reached.append(country)
            left, top = max(link[0] - FOCUS_MARGIN, map_left, 0), max(link[1] - FOCUS_MARGIN, map_top, 0)
            right, bottom = min(link[2] + FOCUS_MARGIN, map_right, width), min(link[3] + FOCUS_MARGIN, map_bottom, VIEWPORT_HEIGHT)
            around = {"x": left, "y": top, "width": right - left, "height": bottom - top}
            change = contrast_change(blank, unfocused, page.screenshot(clip=around), left - map_left, top - map_top)  # type: ignore[arg-type]
            if min(change.width, change.height) < MIN_FOCUS_SIZE or change.count < MIN_FOCUS_AREA:
                faint[country] = change
        assert len(reached) == links > 20, reached
        assert {"Rwanda: 5 entries", "Burundi: 1 entry", "Tonga: 1 entry", "Fiji: 1 entry"} <= set(reached)
        assert not faint, faint
    finally:
        blank.close()
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_the_pages_of_long_lists(site_and_browser: tuple[str, dict[str, str], Browser], paged_site: Path, scheme: str) -> None:
    """Later pages of a listing, a topic, a country and the collaborate page, with their pagers."""
    browser = site_and_browser[2]
    with serve_folder(paged_site) as base:
        for route in ("electives/by/page/2/", "projects/by/region/africa/page/2/", "topics/primary-care/page/2/", "countries/us/page/2/",
                      "collaborate/page/2/"):
            violations = axe_violations(browser, base + route, scheme)
            assert not violations, route + ": " + describe_violations(violations)
