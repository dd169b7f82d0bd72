"""In a real browser: pages work without JavaScript, fit a 375 px phone, ask for nothing outside the
site's sub-path, and deadlines follow the clock."""

from __future__ import annotations

import contextlib
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from browser import chromium
from helpers import SOURCE_DATE_EPOCH, RequestLog, make_catalog, run_cli, serve_folder
from site_pages import representative_routes

PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def bundled(built_site: Path) -> Iterator[tuple[str, dict[str, str]]]:
    with serve_folder(built_site) as base:
        yield base, representative_routes(built_site)


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The minimal catalog (an elective with deadline 2026-11-30), built on 2026-10-01 and served."""
    root = tmp_path_factory.mktemp("tiny")
    with pytest.MonkeyPatch.context() as patch:  # module scope: the autouse date fixture is not active yet
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        result = run_cli("build", "--content", make_catalog(root, {}), "--output", root / "_site")
    assert result.code == 0, result.out
    with serve_folder(root / "_site") as base:
        yield base


def test_pages_render_without_javascript(browser: Browser, bundled: tuple[str, dict[str, str]]) -> None:
    base, routes = bundled
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for name, route in routes.items():
            page.goto(base + route)
            assert page.locator("h1").count() == 1, name
            assert page.locator("h1").is_visible(), name
            assert page.locator("main").inner_text().strip(), name
            assert page.locator("nav[aria-label=Main] a").count() >= 5, name
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, PHONE["width"]])
def test_no_horizontal_scroll_on_a_phone(browser: Browser, bundled: tuple[str, dict[str, str]], width: int) -> None:
    base, routes = bundled
    context = browser.new_context(viewport={"width": width, "height": PHONE["height"]})
    try:
        page = context.new_page()
        too_wide = {}
        for name, route in routes.items():
            page.goto(base + route)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[name] = scroll_width
        assert not too_wide, too_wide
    finally:
        context.close()


@pytest.mark.parametrize("name", ["home", "electives-entry", "not-found"])
def test_pages_ask_for_their_icon_under_the_base_path(browser: Browser, built_site: Path, name: str) -> None:
    """Without an icon link the browser asks the host's root for /favicon.ico: a 404 outside the site."""
    log, errors = RequestLog(), []
    with serve_folder(built_site, log=log) as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto(base + representative_routes(built_site)[name])
            icon, status = log.wait_for(lambda path: "icon" in path)
            assert re.fullmatch(r"/catalog/static/favicon\.svg\?v=[0-9a-f]{10}", icon) and status == 200
        finally:
            context.close()
    assert [path for path, _ in log.entries if not path.startswith("/catalog/")] == []
    assert errors == []


@contextlib.contextmanager
def page_at(browser: Browser, url: str, now: datetime) -> Iterator[Page]:
    """``url`` opened in a light-scheme UTC browser whose clock reads ``now``."""
    context = browser.new_context(timezone_id="UTC", color_scheme="light")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(now)
        page.goto(url)
        yield page
    finally:
        context.close()


@pytest.mark.parametrize(("now", "expected", "state"), [
    (datetime(2026, 8, 1, 9, tzinfo=timezone.utc), "Closes on 30 November 2026", "open"),  # (121 days: the date)
    (datetime(2026, 9, 1, 9, tzinfo=timezone.utc), "Closes in 90 days", "open"),
    (datetime(2026, 10, 1, 9, tzinfo=timezone.utc), "Closes in 60 days", "open"),
    (datetime(2026, 11, 18, 9, tzinfo=timezone.utc), "Closes in 12 days", "open"),
    (datetime(2026, 11, 29, 9, tzinfo=timezone.utc), "Closes tomorrow", "open"),
    (datetime(2026, 11, 30, 9, tzinfo=timezone.utc), "Closes today", "open"),
    (datetime(2027, 1, 5, 9, tzinfo=timezone.utc), "Closed on 30 November 2026", "closed"),
])
def test_deadline_follows_the_browser_clock(browser: Browser, tiny_site: str, now: datetime, expected: str, state: str) -> None:
    with page_at(browser, tiny_site + "electives/surgery/", now) as page:
        deadline = page.locator(".call-to-action .deadline")
        assert deadline.inner_text() == expected
        assert f"deadline-{state}" in (deadline.get_attribute("class") or "").split()


@pytest.mark.parametrize(("now", "expected", "button"), [
    (datetime(2026, 10, 1, 9, tzinfo=timezone.utc), "Apply for Internal Medicine Clerkship in Bogotá", True),
    (datetime(2027, 1, 5, 9, tzinfo=timezone.utc), "Application page for Internal Medicine Clerkship in Bogotá (this round has closed)", False),
])
def test_the_apply_link_follows_the_browser_clock(
    browser: Browser, bundled: tuple[str, dict[str, str]], now: datetime, expected: str, button: bool,
) -> None:
    """Built while open, read after the deadline: the link no longer invites an application (deadline.js),
    nor stands out as the page's main button (a plain link, in the links' colour)."""
    base, _ = bundled
    with page_at(browser, base + "electives/internal-medicine-clerkship-bogota/", now) as page:
        link = page.locator(".call-to-action a.apply")
        assert link.inner_text() == expected
        background, color, line = link.evaluate(
            "a => { const s = getComputedStyle(a); return [s.backgroundColor, s.color, s.textDecorationLine]; }")
        assert (background != "rgba(0, 0, 0, 0)", line) == (button, "none" if button else "underline")
        assert color == ("rgb(255, 255, 255)" if button else "rgb(11, 87, 164)")  # (--accent-text on --accent; --link)


@pytest.mark.parametrize(("route", "selector"), [("electives/surgery/", ".call-to-action .deadline"), ("electives/", ".card .deadline")])
def test_build_time_deadline_stays_without_javascript_and_names_its_date(browser: Browser, tiny_site: str, route: str, selector: str) -> None:
    """Nothing rebuilds the site each day: months later a card still said "Closes in 60 days", with no date to tell it had closed."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(datetime(2027, 1, 5, tzinfo=timezone.utc))
        page.goto(tiny_site + route)
        assert page.locator(selector).inner_text() == "Closes in 60 days (30 November 2026)"
    finally:
        context.close()


def test_with_javascript_the_build_time_date_is_never_shown(browser: Browser, tiny_site: str) -> None:
    """Scripts refresh the count from the visitor's clock (deadline.js): the date in brackets is hidden even before they run."""
    context = browser.new_context(java_script_enabled=True)
    try:
        page = context.new_page()
        page.route("**/deadline.js*", lambda route: route.abort())  # (as before deadline.js has run)
        page.goto(tiny_site + "electives/surgery/")
        assert page.locator(".call-to-action .deadline").inner_text() == "Closes in 60 days"
    finally:
        context.close()


def test_listing_cards_follow_the_browser_clock_too(browser: Browser, tiny_site: str) -> None:
    context = browser.new_context(timezone_id="UTC")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(datetime(2026, 11, 18, 9, tzinfo=timezone.utc))
        page.goto(tiny_site + "electives/")
        assert page.locator(".card .deadline").inner_text() == "Closes in 12 days"
    finally:
        context.close()


def test_entry_styles_apply(browser: Browser, bundled: tuple[str, dict[str, str]]) -> None:
    """The entry-page section of the stylesheet is reached (a stray brace above it would hide it)."""
    base, routes = bundled
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    try:
        page.goto(base + routes["electives-entry"])
        style = "([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"
        assert page.evaluate(style, ["dl.entry-facts", "display"]) == "grid"
        assert page.evaluate(style, [".breadcrumbs ol", "listStyleType"]) == "none"
        assert page.evaluate(style, [".call-to-action", "display"]) == "flex"
    finally:
        page.close()


def test_open_page_follows_the_clock_past_midnight(browser: Browser, tiny_site: str) -> None:
    context = browser.new_context(timezone_id="UTC")
    try:
        page = context.new_page()
        page.clock.install(time=datetime(2026, 11, 18, 23, 50, tzinfo=timezone.utc))
        page.goto(tiny_site + "electives/surgery/")
        deadline = page.locator(".call-to-action .deadline")
        assert deadline.inner_text() == "Closes in 12 days"
        page.clock.run_for("00:20:00")
        assert deadline.inner_text() == "Closes in 11 days"
    finally:
        context.close()


def test_printed_elective_keeps_the_facts_and_drops_the_chrome(browser: Browser, tiny_site: str) -> None:
    page = browser.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(tiny_site + "electives/surgery/")
        assert not page.locator(".site-header").is_visible()
        assert not page.locator(".breadcrumbs").is_visible()
        assert page.locator("dl.entry-facts").is_visible()
        assert page.locator("aside.disclaimer").is_visible()
    finally:
        page.close()


@pytest.mark.parametrize("route", ["electives/surgery/", "projects/needs/"])
def test_a_printed_page_says_the_disclaimer_once(browser: Browser, tiny_site: str, route: str) -> None:
    """An elective's "Before you apply" and the footer's disclaimer printed the same sentence twice, one after the other."""
    page = browser.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(tiny_site + route)
        assert page.locator("main, footer").get_by_text("Listing is not endorsement.").filter(visible=True).count() == 1
    finally:
        page.close()


# Every element's colours (text, background, borders, outline), in document order.
_COLOURS = """() => [...document.querySelectorAll('*')].map(element => {
  const style = getComputedStyle(element);
  return [element.tagName, element.className.baseVal ?? element.className, style.color, style.backgroundColor, style.borderTopColor,
          style.borderLeftColor, style.outlineColor].join(' ');
})"""


def printed_colours(browser: Browser, url: str, scheme: str) -> list[str]:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(url)
        return page.evaluate(_COLOURS)
    finally:
        context.close()


def test_a_page_printed_in_dark_mode_has_the_colours_of_paper(browser: Browser, tiny_site: str) -> None:
    """Dark text on white paper whatever the screen's scheme: no pale 'Closes in …' on white, no dark boxes."""
    url = tiny_site + "electives/surgery/"
    light, dark = printed_colours(browser, url, "light"), printed_colours(browser, url, "dark")
    assert len(light) > 100
    assert [line for line in dark if line not in light] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_current_page_of_a_pager_stays_filled_in_forced_colours_mode(browser: Browser, paged_site: Path, scheme: str) -> None:
    """Forced colours painted the current page's fill with Canvas, like every other page's: only bold told it apart."""
    context = browser.new_context(forced_colors="active", color_scheme=scheme)  # type: ignore[arg-type]
    try:
        with serve_folder(paged_site) as base:
            page = context.new_page()
            page.goto(base + "electives/by/page/2/")
            colours = page.evaluate("""() => [...document.querySelectorAll('.pager a')].map(link =>
              [link.hasAttribute('aria-current'), getComputedStyle(link).backgroundColor, getComputedStyle(document.body).backgroundColor])""")
        current = [background for is_current, background, _ in colours if is_current]
        others = {background for is_current, background, _ in colours if not is_current}
        assert len(current) == 1 and others, colours
        assert current[0] not in others | {colours[0][2]}, colours
    finally:
        context.close()


def test_the_map_legend_keeps_its_colours_in_forced_colours_mode(browser: Browser, bundled: tuple[str, dict[str, str]]) -> None:
    """Forced colours paint backgrounds with the system's colour but leave the map's SVG fills: the legend must follow the map."""
    base, routes = bundled
    context = browser.new_context(forced_colors="active")
    try:
        page = context.new_page()
        page.goto(base + routes["home"])
        pairs = page.evaluate("""() => [...document.querySelectorAll('.map-legend .swatch')].map(swatch => {
          const shade = [...swatch.classList].find(name => name.startsWith('map-n'));
          const country = document.querySelector(`svg.map-world .map-link .${shade}`);
          return [shade, getComputedStyle(swatch).backgroundColor, country && getComputedStyle(country).fill];
        })""")
        assert len(pairs) == 4
        assert [shade for shade, swatch, fill in pairs if fill is not None and swatch != fill] == []
        assert len({swatch for _, swatch, _ in pairs}) == 4
    finally:
        context.close()


# The focused element: its text (or its label) and whether it lies in the world map.
_FOCUSED = "() => [(document.activeElement.getAttribute('aria-label') || document.activeElement.textContent).trim(), !!document.activeElement.closest('svg')]"


@pytest.mark.parametrize(("name", "after_the_map"), [("home", "All 33 countries as a table"), ("countries", "Burundi")])
def test_the_keyboard_can_skip_the_map_s_links(browser: Browser, bundled: tuple[str, dict[str, str]], name: str, after_the_map: str) -> None:
    """Every country of the map is a Tab stop (200 in a catalog of 300 entries): a link before the map skips them all."""
    base, routes = bundled
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(base + routes[name])
        for _ in range(30):
            page.keyboard.press("Tab")
            text, in_map = page.evaluate(_FOCUSED)
            if text.startswith("Skip the map") or in_map:
                break
        assert text == "Skip the map (33 countries)", text
        box = page.evaluate("() => { const box = document.activeElement.getBoundingClientRect(); return [box.left, box.top, box.width, box.height]; }")
        assert box[0] >= 0 and box[1] >= 0 and box[2] > 50 and box[3] > 15, box  # shown while focused
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate(_FOCUSED) == [after_the_map, False]
    finally:
        page.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_search_boxes_show_only_where_search_can_run(browser: Browser, bundled: tuple[str, dict[str, str]], javascript: bool) -> None:
    """Without JavaScript a search box would only lead to a page saying that search needs JavaScript."""
    base, routes = bundled
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        for name in ("home", "electives-entry", "search"):
            page.goto(base + routes[name])
            boxes = [box for box in page.locator("input[type=search]").all() if box.is_visible()]
            assert len(boxes) == (({"home": 2, "electives-entry": 1, "search": 1}[name]) if javascript else 0), name
        assert page.locator("#search-nojs").is_visible() is not javascript
    finally:
        context.close()


# Layout shifts of a page since it started loading (CLS's entries), from before its first script runs.
SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value); })
  .observe({type: 'layout-shift', buffered: true});"""


def test_search_results_arriving_on_a_phone_move_nothing_in_view(browser: Browser, bundled: tuple[str, dict[str, str]]) -> None:
    """On a slow link the results come seconds after the page has painted: they pushed the footer, which was in view,
    down (a layout shift of 0.27 at 360 px). The search page now reserves a screen's height, so nothing in view moves."""
    base, _ = bundled
    context = browser.new_context(viewport={"width": 360, "height": 740})
    held: list[object] = []
    try:
        page = context.new_page()
        page.add_init_script(SHIFTS)
        page.route(re.compile(r"/search/manifest\.[0-9a-f]+\.json$"), lambda route: held.append(route))  # (the index arrives after the first paint)
        page.goto(base + "search/?q=surgery")
        page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0 && !document.getElementById('search-app').hidden")
        page.wait_for_function("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))")
        assert held, "the manifest was not asked for"
        for route in held:
            route.continue_()  # type: ignore[attr-defined]
        page.wait_for_function("() => document.querySelectorAll('#search-results > li').length > 5")
        page.wait_for_function("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))")
        shifts = page.evaluate("window.__shifts")
        assert sum(shifts) < 0.01, shifts
    finally:
        context.close()
