"""In a real browser: right-to-left text (Arabic, Hebrew) reads from the right, in an English catalog.

Each paragraph, heading, list item and table cell takes its direction from its own
first strong letter (CSS ``unicode-bidi: plaintext``), so an Arabic title is laid out
and aligned right to left while the English interface around it stays left to right.
"""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from browser import chromium
from helpers import PROJECT, SOURCE_DATE_EPOCH, make_catalog, run_cli, serve_folder

ARABIC_PROJECT = PROJECT.replace("title: Needs Assessment", "title: رعاية سريرية في غزة").replace(
    "summary: A needs assessment.", "summary: دعم الرعاية السريرية في العيادة المجتمعية.").replace(
    "Body of the project.",
    "النص باللغة العربية مع رقم 2020 و English words في نفس السطر.\n\n"
    "- بند القائمة الأول.\n- بند القائمة الثاني.\n\n"
    "| المدينة | الأسابيع |\n|---|---|\n| غزة | 4 |\n\n"
    "An English paragraph stays left to right.\n",
)

# Where a text's first and last characters sit: (left edge of the text, right edge of its block).
TEXT_EDGES = """(selector) => {
  const block = document.querySelector(selector);
  const range = document.createRange();
  range.selectNodeContents(block);
  const text = range.getBoundingClientRect(), box = block.getBoundingClientRect();
  const style = getComputedStyle(block);
  return {textLeft: text.left - box.left - parseFloat(style.paddingLeft), textRight: box.right - parseFloat(style.paddingRight) - text.right};
}"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    root = tmp_path_factory.mktemp("bidi")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        content = make_catalog(root, {"projects/gaza-care.md": ARABIC_PROJECT})
        result = run_cli("build", "--content", content, "--output", root / "_site")
    assert result.code == 0, result.out
    with serve_folder(root / "_site") as base, chromium() as browser:
        opened: Browser = browser
        tab = opened.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(base + "projects/gaza-care/")
        yield tab


@pytest.mark.parametrize("selector", [
    "main h1", ".entry-summary", ".entry-body p:first-of-type", ".entry-body li:first-child", ".entry-body td:first-child",
])
def test_right_to_left_text_is_aligned_right(page: Page, selector: str) -> None:
    edges = page.evaluate(TEXT_EDGES, selector)
    assert abs(edges["textRight"]) < 2 and edges["textLeft"] > 2, (selector, edges)
    assert page.eval_on_selector(selector, "element => getComputedStyle(element).unicodeBidi") == "plaintext"


def test_english_text_beside_it_stays_left_to_right(page: Page) -> None:
    edges = page.evaluate(TEXT_EDGES, ".entry-body p:last-of-type")
    assert abs(edges["textLeft"]) < 2 and edges["textRight"] > 2, edges
    nav = page.evaluate(TEXT_EDGES, ".site-nav li:first-child")
    assert abs(nav["textLeft"]) < 2, nav
