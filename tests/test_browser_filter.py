"""The elective listing's checkbox filter in Chromium, and the same filter without JavaScript."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import PAGED_SIZE
from helpers import serve_folder

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


def visible_cards(page) -> list[str]:
    """Links of the cards a person can see, in order."""
    return page.eval_on_selector_all(
        "[data-results] > li", "cards => cards.filter(c => !c.hidden && c.offsetParent !== null).map(c => c.querySelector('a').getAttribute('href'))"
    )


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


# The filter's cards are shown and none is being fetched (a page's own cards, before the filter's, are as many).
SETTLED = "() => document.querySelector('[data-pager]').hidden && document.querySelectorAll('[data-results] > li').length > 0" \
          " && !document.querySelector('[data-more]').hasAttribute('aria-disabled')"


def static_cards(browser, url: str) -> list[str]:
    """The cards of a page loaded with JavaScript disabled."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        return visible_cards(page)
    finally:
        context.close()


def check(page, facet: str, value: str) -> None:
    page.locator(f"details:has(#f-{facet}-{value}) > summary").click()
    page.locator(f"#f-{facet}-{value}").check()


# The static pages of one value of a facet (page 1 at the value's address, then .../page/<n>/): where the filter fetches cards.
VALUE_PAGE = re.compile(r"/electives/by/(?!page/|cards)[a-z-]+/[a-z0-9-]+/(?:page/([0-9]+)/)?$")
CARD = re.compile(r'<li class="card card-[a-z]+"[^>]*>.*?\n</li>\n', re.S)  # (a card's own closing tag starts a line)
CLINICAL_PAGE = re.compile(r"/electives/by/category/clinical/(?:page/([0-9]+)/)?$")


def cards_fetched(requests: list[str]) -> list[str]:
    """The static value pages among ``requests`` (and any file of a listing page's cards, which the build used to write), in order."""
    return [url for url in requests if VALUE_PAGE.search(url) or "/by/cards/" in url]


def value_page(route, cards: list[str]) -> None:
    """Answer a request for a static value page with the page of ``cards`` its number asks for (a new build's)."""
    number = int(VALUE_PAGE.search(route.request.url).group(1) or 1)  # type: ignore[union-attr]
    items = "".join(cards[(number - 1) * PAGED_SIZE:number * PAGED_SIZE])
    route.fulfill(status=200, content_type="text/html", body=f"<!DOCTYPE html><title>x</title><ul data-results>{items}</ul>")


def test_checkbox_filters_instantly_and_keeps_state_in_the_url(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "electives/")
    every = visible_cards(page)
    check(page, "category", "research")
    research = static_cards(browser, site_url + "electives/by/category/research/")
    assert query(page) == {"category": ["research"]}
    assert sorted(visible_cards(page)) == sorted(research) and 0 < len(research) < len(every)
    assert page.locator("[data-result-count]").inner_text() == f"{len(research)} electives of {len(every)}"
    assert page.locator("[data-result-count]").get_attribute("role") == "status"

    check(page, "direction", "inbound")
    inbound = static_cards(browser, site_url + "electives/by/direction/inbound/")
    assert query(page) == {"category": ["research"], "direction": ["inbound"]}
    assert sorted(visible_cards(page)) == sorted(set(research) & set(inbound))

    page.go_back()
    page.wait_for_function("() => !location.search.includes('direction')")
    assert query(page) == {"category": ["research"]}
    assert page.locator("#f-direction-inbound").is_checked() is False
    assert sorted(visible_cards(page)) == sorted(research)

    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert visible_cards(page) == every
    page.close()


def test_values_of_one_facet_widen_and_a_shared_url_restores_the_filter(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "electives/?country=rw&country=gh")
    expected = static_cards(browser, site_url + "electives/by/country/rw/") + static_cards(browser, site_url + "electives/by/country/gh/")
    assert page.locator("#f-country-rw").is_checked() and page.locator("#f-country-gh").is_checked()
    assert sorted(visible_cards(page)) == sorted(set(expected))
    page.locator("[data-clear]").click()
    assert query(page) == {}
    assert len(visible_cards(page)) > len(set(expected))
    page.close()


def test_clear_filters_by_keyboard_leaves_the_focus_at_the_top_of_the_filters(browser, site_url: str) -> None:
    """The button hides itself once nothing is checked; the focus must not fall back to the page's start."""
    page = browser.new_page()
    page.goto(site_url + "electives/?country=rw")
    page.locator("[data-clear]").focus()
    page.keyboard.press("Enter")
    assert query(page) == {}
    assert page.locator("[data-clear]").is_hidden()
    assert page.evaluate("document.activeElement.id") == "filters-title"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Category"
    page.close()


def in_view(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }")


def test_on_a_phone_the_count_of_what_the_filters_list_stays_in_view(browser, site_url: str) -> None:
    """The results are below the filters in one column: a checked box would otherwise change nothing in view."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(site_url + "electives/")
    for summary in page.locator(".facet > summary").all():
        summary.click()  # every facet open: the filters are many screens long
    page.locator("#f-direction-inbound").check()
    shown = len(visible_cards(page))
    assert not in_view(page, "[data-result-count]")
    assert in_view(page, "[data-show-results]") and page.locator("[data-show-results]").inner_text() == f"Show {shown} electives"
    page.locator("[data-show-results] a").click()
    page.wait_for_function("() => document.querySelector('[data-result-count]').getBoundingClientRect().top < innerHeight")
    context.close()


def test_on_a_phone_the_keyboard_never_moves_to_a_box_hidden_behind_the_count_bar(browser, site_url: str) -> None:
    """Tab scrolls the next box into view at the bottom of the screen: above the sticky bar, not under it (WCAG 2.4.11)."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(site_url + "electives/")
    for summary in page.locator(".facet > summary").all():
        summary.click()
    page.locator(".facet > summary").first.focus()
    hidden = []
    for _ in range(40):
        page.keyboard.press("Tab")
        hidden += page.evaluate("""() => {
          const focused = document.activeElement.getBoundingClientRect();
          const bar = document.querySelector('[data-show-results]').getBoundingClientRect();
          return focused.bottom > bar.top && focused.top < bar.bottom ? [document.activeElement.id || document.activeElement.textContent] : [];
        }""")
    assert hidden == []
    context.close()


def test_on_a_wide_screen_the_results_are_beside_the_filters_without_the_phone_bar(browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "electives/")
    assert page.locator("[data-show-results]").is_hidden() and in_view(page, "[data-result-count]")
    page.close()


@pytest.mark.parametrize("value", ["RW", "Rw"])
def test_a_country_code_in_the_url_works_in_either_case(browser, site_url: str, value: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "electives/?country=" + value)
    expected = static_cards(browser, site_url + "electives/by/country/rw/")
    assert page.locator("#f-country-rw").is_checked()
    assert sorted(visible_cards(page)) == sorted(expected) and expected
    page.close()


def test_without_javascript_the_facet_links_lead_to_the_same_set(browser, site_url: str) -> None:
    with_js = browser.new_page()
    with_js.goto(site_url + "electives/")
    check(with_js, "format", "fellowship")
    filtered = sorted(visible_cards(with_js))
    with_js.close()

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "electives/")
    assert page.locator("#f-format-fellowship").is_visible() is False
    page.locator("details:has(a[href$='/by/format/fellowship/']) > summary").click()
    page.locator("a[href$='/electives/by/format/fellowship/']").click()
    page.wait_for_url(site_url + "electives/by/format/fellowship/", wait_until="load")  # (the URL changes before the page is parsed)
    assert sorted(visible_cards(page)) == filtered and filtered
    context.close()


def test_world_map_countries_are_reachable_by_keyboard(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    link = page.locator(".map-link").first
    target = link.get_attribute("href")
    name = link.locator("title").text_content()
    assert page.evaluate("() => [...document.querySelectorAll('.map-link')].every(a => a.tabIndex === 0)")
    link.focus()
    assert page.evaluate("() => document.activeElement.classList.contains('map-link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)
    assert name.startswith(page.locator("h1").inner_text() + ":")
    page.close()


@pytest.mark.parametrize("route", ["", "electives/", "electives/by/audience/public-health/", "projects/", "countries/", "countries/us/", "topics/"])
def test_no_horizontal_scroll_on_a_320px_phone(browser, site_url: str, route: str) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(site_url + route)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    page.close()


@pytest.fixture(scope="module")
def paged_url(paged_site: Path) -> Iterator[str]:
    with serve_folder(paged_site) as url:
        yield url


def all_pages_cards(browser, first_url: str) -> list[str]:
    """The cards of every page of a list without JavaScript, following its "Next" links."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(first_url)
        found = visible_cards(page)
        while page.locator("a[rel=next]").count():
            page.locator("a[rel=next]").click()
            page.wait_for_load_state()
            found += visible_cards(page)
        return found
    finally:
        context.close()


def test_a_listing_of_many_pages_filters_every_card_of_the_listing(browser, paged_url: str) -> None:
    """The filter fetches the listing's facet values once a box is checked and shows the matches a page at a time,
    each page of them from the value's own static page (the listing's pages would scatter them over many)."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(paged_url + "electives/by/page/2/")
    own = visible_cards(page)
    assert len(own) == PAGED_SIZE and page.locator("[data-pager]").is_visible()
    assert not [url for url in requests if url.endswith("cards.json")]  # nothing fetched until a filter is chosen

    check(page, "category", "clinical")
    clinical = all_pages_cards(browser, paged_url + "electives/by/category/clinical/")
    listing = all_pages_cards(browser, paged_url + "electives/")
    assert len(clinical) > 2 * PAGED_SIZE
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {PAGED_SIZE}")
    assert visible_cards(page) == clinical[:PAGED_SIZE]
    assert len({listing.index(card) // PAGED_SIZE for card in clinical[:PAGED_SIZE]}) > 1  # (scattered over the listing's pages)
    assert cards_fetched(requests) == [paged_url + "electives/by/category/clinical/"]
    total = page.locator("[data-result-count]").get_attribute("data-total")
    assert page.locator("[data-result-count]").inner_text() == f"{len(clinical)} electives of {total}"
    assert page.locator("[data-pager]").is_hidden()
    assert query(page) == {"category": ["clinical"]}

    more = page.locator("[data-more]")
    assert more.inner_text() == f"Show {PAGED_SIZE} more ({len(clinical) - PAGED_SIZE} left)"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {2 * PAGED_SIZE}")
    assert visible_cards(page) == clinical[:2 * PAGED_SIZE]
    assert page.evaluate("document.activeElement.getAttribute('href')") == clinical[PAGED_SIZE]  # the first new card
    while more.is_visible():
        shown = len(visible_cards(page))
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length > {shown}")
    assert visible_cards(page) == clinical
    assert [url for url in requests if url.endswith("cards.json")] == [paged_url + "electives/by/cards.json"]
    pages = -(-len(clinical) // PAGED_SIZE)
    assert cards_fetched(requests) == [paged_url + "electives/by/category/clinical/"] + [
        paged_url + f"electives/by/category/clinical/page/{number}/" for number in range(2, pages + 1)]

    check(page, "direction", "inbound")
    inbound = all_pages_cards(browser, paged_url + "electives/by/direction/inbound/")
    both = [card for card in clinical if card in inbound]
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {min(len(both), PAGED_SIZE)}")
    assert visible_cards(page) == both[:PAGED_SIZE] and both

    page.locator("[data-clear]").click()
    assert visible_cards(page) == own and page.locator("[data-pager]").is_visible() and more.is_hidden()
    assert page.locator("[data-result-count]").inner_text() == f"{total} electives, {PAGED_SIZE + 1} to {2 * PAGED_SIZE} on this page"
    page.close()


def test_cards_a_filter_adds_show_deadlines_by_the_visitors_clock(browser, paged_url: str) -> None:
    """The build wrote each deadline's text on its date; the script refreshes added cards as it does the page's."""
    page = browser.new_page()
    page.clock.set_fixed_time("2031-01-01T12:00:00")
    page.goto(paged_url + "electives/?category=clinical")
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == PAGED_SIZE
    texts = page.eval_on_selector_all("[data-results] [data-deadline]", "items => items.map(item => item.textContent)")
    assert texts and all(text.startswith("Closed on ") for text in texts)
    page.close()


def test_a_listing_whose_cards_cannot_be_fetched_says_so(browser, paged_url: str) -> None:
    page = browser.new_page()
    page.route("**/cards.json", lambda route: route.fulfill(status=503, body="down"))
    page.goto(paged_url + "electives/")
    own = visible_cards(page)
    check(page, "category", "research")
    page.wait_for_function("() => document.querySelector('[data-result-count]').textContent.includes('could not be loaded')")
    assert visible_cards(page) == own
    page.unroute("**/cards.json")
    check(page, "direction", "inbound")  # the next change tries again
    page.wait_for_function("() => document.querySelector('[data-result-count]').textContent.includes(' of ')")
    page.close()


def test_cards_that_cannot_be_fetched_can_be_asked_for_again(browser, paged_url: str) -> None:
    page = browser.new_page()
    page.route(CLINICAL_PAGE, lambda route: route.fulfill(status=503, body="down"))
    page.goto(paged_url + "electives/?category=clinical")
    page.wait_for_function("() => document.querySelector('[data-result-count]').textContent.includes('could not be loaded')")
    more = page.locator("[data-more]")
    assert more.inner_text() == "Try again" and visible_cards(page) == []
    page.unroute(CLINICAL_PAGE)
    more.click()
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {PAGED_SIZE}")
    assert more.inner_text().startswith(f"Show {PAGED_SIZE} more")
    assert page.locator("[data-result-count]").inner_text().endswith(" electives of " + page.locator("[data-result-count]").get_attribute("data-total"))
    page.close()


def cards_shown(page) -> int:
    return page.evaluate("() => document.querySelectorAll('[data-results] > li').length")


def test_a_link_within_the_page_keeps_the_cards_shown_with_show_more(browser, paged_url: str) -> None:
    """"Skip to content" (or the phone's "Show 12 electives") adds a history entry with the same query: the filter stays as shown."""
    page = browser.new_page()
    page.goto(paged_url + "electives/?category=clinical")
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == PAGED_SIZE
    page.locator("[data-more]").click()
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {2 * PAGED_SIZE}")
    shown = visible_cards(page)
    page.evaluate("() => { window.hashChanged = new Promise(resolve => addEventListener('hashchange', resolve, {once: true})); }")
    page.locator(".skip-link").focus()
    page.keyboard.press("Enter")
    page.evaluate("() => window.hashChanged")
    assert page.url.endswith("?category=clinical#site-main")
    assert cards_shown(page) == 2 * PAGED_SIZE and visible_cards(page) == shown
    page.go_back()
    page.wait_for_function("() => location.hash === ''")
    assert cards_shown(page) == 2 * PAGED_SIZE
    page.close()


def republished(site: Path, extra: int) -> tuple[list[str], list[str]]:
    """The long elective listing's cards.json rows and cards, as a new build with the card at ``extra`` added first would write them."""
    rows = json.loads((site / "electives/by/cards.json").read_text(encoding="utf-8"))
    files = [site / "electives/index.html", *sorted((site / "electives/by/page").glob("*/index.html"), key=lambda path: int(path.parent.name))]
    cards = [card for path in files for card in CARD.findall(path.read_text(encoding="utf-8"))]
    assert len(cards) == len(rows)
    return [rows[extra], *rows], [cards[extra], *cards]


def clinical_cards(rows: list[str], cards: list[str]) -> list[str]:
    """The cards of the clinical electives' static pages, as a build with these ``rows`` and ``cards`` writes them."""
    return [card for row, card in zip(rows, cards) if "category:clinical" in row.split()]


def link_of(card: str) -> str:
    return re.search(r'<a href="([^"]+)"', card).group(1)  # type: ignore[union-attr]


def telling_extra(rows: list[str]) -> int:
    """A clinical card whose facet values are not those of the first: added first, it moves every clinical card on by one
    where the old cards.json can tell."""
    first = next(row for row in rows if "category:clinical" in row.split())
    return next(index for index, row in enumerate(rows) if "category:clinical" in row.split() and row != first)


def test_cards_of_a_newer_build_are_never_shown_at_the_positions_of_an_older_one(browser, paged_site: Path, paged_url: str) -> None:
    """The browser kept cards.json of the build it loaded; the site was published again with one more card first.
    The cards of the new build are at other positions: the filter notices and fetches both again, past the cache."""
    rows = json.loads((paged_site / "electives/by/cards.json").read_text(encoding="utf-8"))
    new_rows, new_cards = republished(paged_site, telling_extra(rows))
    fetched: list[str] = []

    def new_build_rows(route) -> None:
        fetched.append("cards.json")
        if fetched.count("cards.json") == 1:
            route.continue_()  # (the old build's, from the browser's cache)
            return
        route.fulfill(status=200, content_type="application/json", body=json.dumps(new_rows))

    page = browser.new_page()
    page.route(re.compile(r"/electives/by/cards\.json$"), new_build_rows)
    page.route(CLINICAL_PAGE, lambda route: value_page(route, clinical_cards(new_rows, new_cards)))
    page.goto(paged_url + "electives/?category=clinical")
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == PAGED_SIZE
    facets = page.eval_on_selector_all("[data-results] > li", "cards => cards.map(card => card.getAttribute('data-facets'))")
    assert all("category:clinical" in row.split() for row in facets)
    assert visible_cards(page) == [link_of(card) for card in clinical_cards(new_rows, new_cards)[:PAGED_SIZE]]
    assert fetched.count("cards.json") == 2
    page.close()


def test_files_that_still_disagree_once_fetched_again_show_no_card(browser, paged_site: Path, paged_url: str) -> None:
    """The browser is served the old cards.json each time: the filter shows no card rather than wrong ones."""
    rows = json.loads((paged_site / "electives/by/cards.json").read_text(encoding="utf-8"))
    new_rows, new_cards = republished(paged_site, telling_extra(rows))
    page = browser.new_page()
    page.route(CLINICAL_PAGE, lambda route: value_page(route, clinical_cards(new_rows, new_cards)))
    page.goto(paged_url + "electives/?category=clinical")
    page.wait_for_function("() => document.querySelector('[data-result-count]').textContent.includes('could not be loaded')")
    assert visible_cards(page) == [] and page.locator("[data-more]").inner_text() == "Try again"
    page.close()


def test_show_more_keeps_the_keyboard_focus_while_it_fetches_and_when_it_fails(browser, paged_url: str) -> None:
    """A disabled button would drop the focus to the page: after a failure, Enter would do nothing and Tab restart at the top."""
    page = browser.new_page()
    page.goto(paged_url + "electives/?category=clinical")
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == PAGED_SIZE
    page.route(CLINICAL_PAGE, lambda route: route.fulfill(status=503, body="down"))
    more = page.locator("[data-more]")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-more]').textContent === 'Try again'")
    assert page.evaluate("document.activeElement.hasAttribute('data-more')")
    assert more.get_attribute("aria-disabled") is None
    page.unroute(CLINICAL_PAGE)
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {2 * PAGED_SIZE}")
    first_new = page.locator("[data-results] > li").nth(PAGED_SIZE).locator("a").get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first_new
    page.close()


def test_show_more_does_not_write_the_same_count_again(browser, paged_url: str) -> None:
    """The count is a live region (role=status): each write is read out, so adding cards must leave it as it is."""
    page = browser.new_page()
    page.goto(paged_url + "electives/?category=clinical")
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == PAGED_SIZE
    page.evaluate("""() => { window.writes = 0; new MutationObserver(() => { window.writes += 1; })
      .observe(document.querySelector('[data-result-count]'), {childList: true, characterData: true, subtree: true}); }""")
    page.locator("[data-more]").click()
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {2 * PAGED_SIZE}")
    assert page.evaluate("window.writes") == 0
    page.close()


def test_a_filter_fetches_its_cards_from_the_static_pages_of_its_narrowest_facet(browser, paged_site: Path, paged_url: str) -> None:
    """A country's electives lie one or two to a page of the listing: at 10,000 entries one country fetched
    37 of its pages (250 KB on a phone). Its own static page holds them together, so only that page is fetched;
    with a category too, still only the country's (the facet with fewer matches); with two countries, each one's."""
    rows = json.loads((paged_site / "electives/by/cards.json").read_text(encoding="utf-8"))
    count = lambda token: sum(token in row.split() for row in rows)  # noqa: E731
    countries = sorted({token for row in rows for token in row.split() if token.startswith("country:")}, key=count)
    small, other = countries[-1], countries[-2]  # (those with most cards: several pages of the listing)
    category = max({token for row in rows for token in row.split() if token.startswith("category:")}, key=count)
    assert count(small) < count(category)
    code, other_code, category_slug = small.split(":")[1], other.split(":")[1], category.split(":")[1]
    listing = all_pages_cards(browser, paged_url + "electives/")
    for query_text, lead in ((f"country={code}", [code]), (f"country={code}&category={category_slug}", [code]),
                             (f"country={code}&country={other_code}", [code, other_code])):
        expected = [card for card in listing if any(card in all_pages_cards(browser, paged_url + f"electives/by/country/{one}/") for one in lead)]
        if "category" in query_text:
            expected = [card for card in expected if card in all_pages_cards(browser, paged_url + f"electives/by/category/{category_slug}/")]
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(paged_url + "electives/?" + query_text)
        page.wait_for_function(SETTLED)
        assert visible_cards(page) == expected[:PAGED_SIZE], query_text
        assert len({listing.index(card) // PAGED_SIZE for card in expected[:PAGED_SIZE]}) > 1, query_text  # (scattered)
        fetched = cards_fetched(requests)
        assert fetched and all(re.search(r"/electives/by/country/(" + "|".join(lead) + r")/(page/[0-9]+/)?$", url) for url in fetched), (query_text, fetched)
        page.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["without JavaScript", "with JavaScript"])
def test_page_one_of_a_long_list_leads_to_the_list(browser, paged_url: str, javascript: bool) -> None:
    """An address whose page number was edited to 1, under the site's sub-path: the list's first page, at once."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    for alias, first in (("electives/by/page/1/", "electives/"), ("topics/primary-care/page/1/", "topics/primary-care/")):
        page.goto(paged_url + alias)
        page.wait_for_url(paged_url + first, wait_until="load")
        assert page.locator(".pager-where").inner_text().startswith("Page 1 of ")
    context.close()


def title_of(site: Path, route: str) -> str:
    return re.search(r"<title>(.*?)</title>", (site / route / "index.html").read_text(encoding="utf-8")).group(1).replace("&amp;", "&")  # type: ignore[union-attr]


def description_of(site: Path, route: str) -> str:
    return html.unescape(re.search(r'<meta name="description" content="([^"]*)">', (site / route / "index.html").read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]


def shown_description(page) -> str:
    return page.eval_on_selector("meta[name=description]", "meta => meta.content")


def test_a_filter_chosen_on_a_later_page_is_at_the_listings_address_and_title(browser, paged_site: Path, paged_url: str) -> None:
    """The matches are the whole listing's, not page 3's: the address, the title and the description say so,
    and say page 3 again once the filter is cleared."""
    own_title, first_title = title_of(paged_site, "electives/by/page/3/"), title_of(paged_site, "electives/")
    own_description, first_description = description_of(paged_site, "electives/by/page/3/"), description_of(paged_site, "electives/")
    assert ", page 3 of " in own_description and ", page" not in first_description
    clinical = all_pages_cards(browser, paged_url + "electives/by/category/clinical/")
    page = browser.new_page()
    page.goto(paged_url + "electives/by/page/3/")
    own = visible_cards(page)
    assert page.title() == own_title and ", page 3 of " in own_title and first_title != own_title
    assert shown_description(page) == own_description

    check(page, "category", "clinical")
    assert page.url == paged_url + "electives/?category=clinical" and page.title() == first_title
    assert shown_description(page) == first_description
    page.wait_for_function(f"() => document.querySelector('[data-pager]').hidden && document.querySelectorAll('[data-results] > li').length === {PAGED_SIZE}")
    assert visible_cards(page) == clinical[:PAGED_SIZE]
    check(page, "direction", "inbound")
    assert page.url == paged_url + "electives/?category=clinical&direction=inbound" and page.title() == first_title

    page.locator("[data-clear]").click()
    assert page.url == paged_url + "electives/by/page/3/" and page.title() == own_title
    assert shown_description(page) == own_description
    assert visible_cards(page) == own and page.locator("[data-pager]").is_visible()

    page.go_back()
    page.wait_for_function("() => location.search === '?category=clinical&direction=inbound'")
    assert page.url.startswith(paged_url + "electives/?") and page.title() == first_title
    assert shown_description(page) == first_description
    page.go_back()
    page.go_back()
    page.wait_for_function("() => location.search === ''")
    assert page.url == paged_url + "electives/by/page/3/" and page.title() == own_title
    assert shown_description(page) == own_description
    assert visible_cards(page) == own and page.locator("[data-pager]").is_visible()
    page.close()


def test_a_later_pages_address_with_a_filter_becomes_the_listings(browser, paged_site: Path, paged_url: str) -> None:
    """A link written before the fix (or by hand) to page 3 with a query: the filter's address replaces it, no new history entry."""
    clinical = all_pages_cards(browser, paged_url + "electives/by/category/clinical/")
    page = browser.new_page()
    page.goto(paged_url + "electives/by/page/3/?category=clinical#site-main")
    page.wait_for_function(f"() => document.querySelector('[data-pager]').hidden && document.querySelectorAll('[data-results] > li').length === {PAGED_SIZE}")
    assert page.url == paged_url + "electives/?category=clinical#site-main" and page.title() == title_of(paged_site, "electives/")
    assert shown_description(page) == description_of(paged_site, "electives/")
    assert visible_cards(page) == clinical[:PAGED_SIZE]
    page.reload()  # (the listing's first page now, with the same filter)
    page.wait_for_function(f"() => document.querySelector('[data-pager]').hidden && document.querySelectorAll('[data-results] > li').length === {PAGED_SIZE}")
    assert visible_cards(page) == clinical[:PAGED_SIZE] and page.title() == title_of(paged_site, "electives/")
    page.go_back()
    assert page.url == "about:blank"
    page.close()


def follow_a_card_and_come_back(page, paged_url: str, shows: int, followed: int, before_back: Callable[[], None] | None = None) -> str:
    """Show the first clinical electives and ``shows`` more pages of them, follow card ``followed`` and go back
    (after ``before_back``) to a page loaded again, not kept by the browser; return the followed card's link."""
    page.goto(paged_url + "electives/?category=clinical")
    for count in range(2, shows + 2):
        page.wait_for_function(SETTLED)
        page.locator("[data-more]").click()
        page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {count * PAGED_SIZE}")
    page.wait_for_function(SETTLED)
    page.evaluate("() => { window.kept = true; }")
    link = page.locator("[data-results] > li").nth(followed).locator("a")
    href = link.get_attribute("href")
    link.evaluate("link => link.scrollIntoView({block: 'center'})")
    assert in_view(page, f"[data-results] a[href='{href}']")
    link.click()
    page.wait_for_url("**" + href)
    if before_back is not None:
        before_back()
    page.go_back()
    assert page.evaluate("window.kept") is None, "the browser kept the page (back/forward cache): nothing to test"
    return href


def test_back_to_a_listing_loaded_again_shows_the_cards_shown_before_and_the_place(browser, paged_url: str) -> None:
    """Without the back/forward cache the page is loaded again: the cards added with "Show more" and the place are back."""
    clinical = all_pages_cards(browser, paged_url + "electives/by/category/clinical/")
    assert len(clinical) > 3 * PAGED_SIZE
    page = browser.new_page(viewport={"width": 1280, "height": 600})
    href = follow_a_card_and_come_back(page, paged_url, 2, 3 * PAGED_SIZE - 2)
    page.wait_for_function(SETTLED)
    assert visible_cards(page) == clinical[:3 * PAGED_SIZE]
    assert in_view(page, f"[data-results] a[href='{href}']") and page.evaluate("scrollY") > page.viewport_size["height"]
    left = len(clinical) - 3 * PAGED_SIZE
    assert page.locator("[data-more]").inner_text() == f"Show {min(PAGED_SIZE, left)} more ({left} left)"
    page.locator("[data-more]").click()  # (and on from there)
    page.wait_for_function(f"() => document.querySelectorAll('[data-results] > li').length === {min(4 * PAGED_SIZE, len(clinical))}")

    check(page, "direction", "inbound")  # another filter starts again from its first cards
    page.wait_for_function(SETTLED)
    assert cards_shown(page) <= PAGED_SIZE
    page.go_back()  # the first filter again, in the same page: as many cards as it showed
    page.wait_for_function(f"() => location.search === '?category=clinical' && document.querySelectorAll('[data-results] > li').length === {min(4 * PAGED_SIZE, len(clinical))}")
    page.close()


def test_a_visitor_who_acts_while_the_cards_come_back_is_not_moved(browser, paged_url: str) -> None:
    """The place is restored only if the visitor has not scrolled or pressed a key since the page came back."""
    page = browser.new_page(viewport={"width": 1280, "height": 600})
    held: list[object] = []
    released: list[bool] = []

    def hold(route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    href = follow_a_card_and_come_back(page, paged_url, 2, 3 * PAGED_SIZE - 2, lambda: page.route(CLINICAL_PAGE, hold))
    page.wait_for_function("() => document.querySelector('[data-pager]').hidden")  # (cards are being fetched)
    left = page.evaluate("history.state.filterCards.top")
    page.keyboard.press("Shift")  # (a key that scrolls nothing)
    released.append(True)
    for route in held:
        route.continue_()  # type: ignore[attr-defined]
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == 3 * PAGED_SIZE
    assert page.evaluate("scrollY") < left and not in_view(page, f"[data-results] a[href='{href}']")
    page.close()


def test_cards_shown_again_after_a_new_deploy_are_the_new_builds(browser, paged_site: Path, paged_url: str) -> None:
    """The site was published again while the visitor read a card: as many cards are shown again, those of the new build."""
    rows = json.loads((paged_site / "electives/by/cards.json").read_text(encoding="utf-8"))
    extra = max(index for index, row in enumerate(rows) if "category:clinical" in row.split())
    new_rows, new_cards = republished(paged_site, extra)
    expected = [link_of(card) for card in clinical_cards(new_rows, new_cards)][:3 * PAGED_SIZE]
    clinical = all_pages_cards(browser, paged_url + "electives/by/category/clinical/")
    assert expected != clinical[:3 * PAGED_SIZE]

    def new_build() -> None:
        page.route(re.compile(r"/electives/by/cards\.json$"), lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(new_rows)))
        page.route(CLINICAL_PAGE, lambda route: value_page(route, clinical_cards(new_rows, new_cards)))

    page = browser.new_page(viewport={"width": 1280, "height": 600})
    follow_a_card_and_come_back(page, paged_url, 2, 0, new_build)
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == 3 * PAGED_SIZE
    facets = page.eval_on_selector_all("[data-results] > li", "cards => cards.map(card => card.getAttribute('data-facets'))")
    assert all("category:clinical" in row.split() for row in facets)
    assert visible_cards(page) == expected
    page.close()


def test_cards_that_cannot_be_fetched_again_can_be_asked_for_again_all_of_them(browser, paged_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 600})
    follow_a_card_and_come_back(page, paged_url, 2, 0, lambda: page.route(CLINICAL_PAGE, lambda route: route.fulfill(status=503, body="down")))
    page.wait_for_function("() => document.querySelector('[data-more]').textContent === 'Try again'")
    page.unroute(CLINICAL_PAGE)
    page.locator("[data-more]").click()
    page.wait_for_function(SETTLED)
    assert cards_shown(page) == 3 * PAGED_SIZE
    page.close()


def test_the_page_sends_each_facet_value_once_and_the_script_makes_its_checkbox(browser, built_site: Path, site_url: str) -> None:
    """The checkboxes were written beside the links on every page of a listing: at 10,000 entries, 4.8 of an
    electives page's 15 KB gzip. filter.js now makes them from the links, each as the page used to have it."""
    static = (built_site / "electives/index.html").read_text(encoding="utf-8")
    assert 'type="checkbox"' not in static and "facet-checks" not in static
    page = browser.new_page()
    page.goto(site_url + "electives/")
    facets = page.eval_on_selector_all("form[data-filter] details.facet", """all => all.map(details => ({
      summary: details.querySelector('summary').textContent,
      links: [...details.querySelectorAll('.facet-links a')].map(a => [a.getAttribute('href'), a.innerHTML]),
      legend: details.querySelector('fieldset.facet-checks > legend.visually-hidden').textContent,
      checks: [...details.querySelectorAll('fieldset.facet-checks > div.check')].map(div => {
        const box = div.querySelector('input[type=checkbox]'), label = div.querySelector('label');
        return [box.id, box.name, box.value, label.htmlFor, label.innerHTML];
      })}))""")
    assert len(facets) > 2
    for facet in facets:
        assert facet["legend"] == facet["summary"] and len(facet["checks"]) == len(facet["links"]) > 0
        for (href, text), (box_id, name, value, label_for, label) in zip(facet["links"], facet["checks"]):
            assert href.endswith(f"/electives/by/{name}/{value}/") and box_id == label_for == f"f-{name}-{value}" and label == text
    page.close()
