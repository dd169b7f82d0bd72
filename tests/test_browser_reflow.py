"""In a real browser: valid content that is wide never makes a page scroll sideways on a phone.

A catalog with a code block (a line indented by 4 spaces), long unbroken words, a long
URL, inline code, a table wider than the screen and the longest country names (in the
search page's filters) is checked at 320 px (WCAG 1.4.10 reflow: 1280 px at 400 % zoom)
and 360 px, with and without JavaScript. Only a wide table scrolls, in a region the
keyboard reaches.
"""

from __future__ import annotations

import re
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from browser import axe_violations, chromium, describe_violations
from helpers import ELECTIVE, PROJECT, SOURCE_DATE_EPOCH, make_catalog, run_cli, serve_folder

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" + "x" * 30
WIDE_BODY = f"""\
Bring these documents:

    Curriculum vitae, letter of good standing from your dean, proof of malpractice insurance, immunisation record

```
fenced_line_without_spaces_{"x" * 90}
```

Inline `code_identifier_without_any_break_{"y" * 60}` and the word {LONG_WORD} in a sentence.

See https://example.org/a/very/long/path/that/goes/on/and/on/without/any/break/at/all/index.html?query=1

| District | Hospital | Clinic | Ward | Beds | Staff | Nurses | Doctors | Students | Weeks | Cost | Language |
|---|---|---|---|---|---|---|---|---|---|---|---|
| Gasabo | Kigali University | Remera | Surgery | 420 | 1,200 | 640 | 180 | 24 | 4–8 | none | English |

<table><tr><th>Written</th><th>as</th><th>raw</th><th>HTML</th><th>District</th><th>Hospital</th><th>Clinic</th><th>Ward</th><th>Beds</th>
<th>Staff</th><th>Nurses</th><th>Doctors</th><th>Students</th></tr></table>
"""
# The longest names pycountry gives (44 and 32 characters), in the search page's country filter.
LONG_NAMED_COUNTRIES = {"GS": "South Georgia and the South Sandwich Islands", "SH": "Saint Helena, Ascension and Tristan da Cunha",
                        "CD": "Democratic Republic of the Congo"}
WIDE_ELECTIVE = ELECTIVE.replace("Surgery Elective", f"Wide Elective {LONG_WORD}").replace(
    "countries: [CN]", f"countries: [CN, {', '.join(LONG_NAMED_COUNTRIES)}]").replace("Body of the elective.", WIDE_BODY)
WIDE_PROJECT = PROJECT.replace("tags: [maternal health]", f"tags: [maternal health, {LONG_WORD.lower()}]\npeople_reached: 1806702")
SEARCHES = ["search/?q=wide", "search/?q=body"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The minimal catalog with wide content, served; the route of every page and two searches."""
    root = tmp_path_factory.mktemp("wide")
    with pytest.MonkeyPatch.context() as patch:  # module scope: the autouse date fixture is not active yet
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        content = make_catalog(root, {"electives/wide.md": WIDE_ELECTIVE, "projects/needs.md": WIDE_PROJECT})
        result = run_cli("build", "--content", content, "--output", root / "_site")
    assert result.code == 0, result.out
    site = root / "_site"
    routes = sorted(page.relative_to(site).as_posix().removesuffix("index.html") for page in site.rglob("*.html"))
    with serve_folder(site) as base:
        yield base, routes + SEARCHES


def open_page(page: Page, url: str, javascript: bool = True) -> None:
    """Go to a page; on the search page, wait until the results and the filters' counts are drawn."""
    page.goto(url)
    if javascript and "/search/" in url:
        expect(page.locator("#search-status")).not_to_have_text(re.compile("Loading"))


@pytest.mark.parametrize(("width", "javascript"), [(320, True), (360, True), (320, False)])
def test_no_page_is_wider_than_a_phone(browser: Browser, wide_site: tuple[str, list[str]], width: int, javascript: bool) -> None:
    base, routes = wide_site
    context = browser.new_context(viewport={"width": width, "height": 740}, java_script_enabled=javascript)
    try:
        page = context.new_page()
        too_wide = {}
        for route in routes:
            open_page(page, base + route, javascript)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[route] = scroll_width
        assert len(routes) > 30
        assert not too_wide, too_wide
    finally:
        context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 320, "height": 740})
    yield context.new_page()
    context.close()


def test_code_blocks_wrap_their_lines_inside_the_body(phone: Page, wide_site: tuple[str, list[str]]) -> None:
    base, _ = wide_site
    phone.goto(base + "electives/wide/")
    blocks = phone.locator(".entry-body pre")
    assert blocks.count() == 2
    for block in blocks.all():
        assert block.evaluate("pre => pre.scrollWidth <= pre.clientWidth && pre.getBoundingClientRect().right <= innerWidth")
    assert "proof of malpractice insurance, immunisation record" in blocks.first.inner_text()


def test_a_wide_table_scrolls_in_its_own_region_that_the_keyboard_reaches(phone: Page, wide_site: tuple[str, list[str]]) -> None:
    base, _ = wide_site
    phone.goto(base + "electives/wide/")
    for name in ("Table 1", "Table 2"):  # (the second is written as raw HTML)
        region = phone.get_by_role("region", name=name)
        assert region.evaluate("div => div.scrollWidth > div.clientWidth"), "the table should be wider than the phone"
        region.focus()
        assert region.evaluate("div => document.activeElement === div && getComputedStyle(div).overflowX === 'auto'")


# The words of each table cell that the browser split across two lines (a word is a run of letters or digits).
_WORDS_SPLIT_IN_CELLS = r"""() => {
  const split = [], range = document.createRange();
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const word of text.textContent.matchAll(/[\p{L}\p{N}]+/gu)) {
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map(line => Math.round(line.top))).size > 1) split.push(word[0]);
      }
    }
  }
  return split;
}"""


def test_table_cells_wrap_between_words_and_the_table_scrolls_instead(phone: Page, wide_site: tuple[str, list[str]]) -> None:
    base, _ = wide_site
    phone.goto(base + "electives/wide/")
    assert phone.get_by_role("cell", name="Kigali University").count() == 1
    assert phone.evaluate(_WORDS_SPLIT_IN_CELLS) == []


def test_a_wide_table_is_printed_whole(browser: Browser, wide_site: tuple[str, list[str]]) -> None:
    """Paper does not scroll: a table wider than the page squeezes its columns (breaking words if it must) instead."""
    page = browser.new_page(viewport={"width": 700, "height": 900})
    try:
        page.emulate_media(media="print")
        page.goto(wide_site[0] + "electives/wide/")
        widths = page.evaluate("[...document.querySelectorAll('.table-scroll')].map(region => [region.scrollWidth, region.clientWidth])")
        assert len(widths) == 2 and all(scroll <= client for scroll, client in widths), widths
    finally:
        page.close()


def test_the_home_pages_country_table_keeps_its_words_whole_and_scrolls_in_its_own_region(phone: Page, wide_site: tuple[str, list[str]]) -> None:
    base, _ = wide_site
    phone.goto(base)
    phone.get_by_text("countries as a table").click()
    assert phone.get_by_role("rowheader", name="South Georgia and the South Sandwich Islands").count() == 1
    assert phone.evaluate(_WORDS_SPLIT_IN_CELLS) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    region = phone.get_by_role("region", name="Countries with projects, partners or electives")
    assert region.evaluate("div => getComputedStyle(div).overflowX === 'auto' && div.tabIndex === 0")


@pytest.mark.parametrize("width", [320, 360, 412])
def test_the_home_pages_figures_keep_each_number_on_one_line(browser: Browser, wide_site: tuple[str, list[str]], width: int) -> None:
    """A sum of people reached runs to millions: '1,806,702' must not break at a comma."""
    base, _ = wide_site
    context = browser.new_context(viewport={"width": width, "height": 740})
    try:
        page = context.new_page()
        page.goto(base)
        numbers = page.locator(".figure-value")
        assert "1,806,702" in numbers.all_inner_texts()
        lines = numbers.evaluate_all("spans => spans.map(s => Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)))")
        assert set(lines) == {1}, dict(zip(numbers.all_inner_texts(), lines))
        assert numbers.evaluate_all("spans => spans.every(s => s.getBoundingClientRect().right <= s.parentElement.getBoundingClientRect().right)")
    finally:
        context.close()


def test_search_filters_fit_a_phone_with_the_longest_country_names(phone: Page, wide_site: tuple[str, list[str]]) -> None:
    base, _ = wide_site
    open_page(phone, base + "search/?q=wide")
    countries = phone.locator("#search-country option").all_inner_texts()
    assert all(any(option.startswith(name) for option in countries) for name in LONG_NAMED_COUNTRIES.values()), countries
    overflowing = phone.evaluate("[...document.querySelectorAll('#search-form select')].filter(s => s.getBoundingClientRect().right > innerWidth).map(s => s.id)")
    assert overflowing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("route", ["electives/wide/", "search/?q=wide"])
def test_wide_content_passes_axe_on_a_phone(browser: Browser, wide_site: tuple[str, list[str]], route: str, scheme: str) -> None:
    base, _ = wide_site
    violations = axe_violations(browser, base + route, scheme, viewport={"width": 320, "height": 740})
    assert not violations, describe_violations(violations)
