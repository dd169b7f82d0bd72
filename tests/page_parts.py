"""Read parts of built HTML pages for tests: the parsed page, its JSON-LD, an entry's file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup


def parse(path: Path) -> BeautifulSoup:
    """Parse one built page."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, collection: str, slug: str) -> Path:
    """The built file of one entry."""
    return site / collection / slug / "index.html"


def structured_data(page: BeautifulSoup) -> list[dict[str, Any]]:
    """Every JSON-LD object of a page."""
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def fact(page: BeautifulSoup, term: str) -> str:
    """The text of the ``<dd>`` after the ``<dt>`` named ``term`` (whitespace folded)."""
    for dt in page.select("dl.entry-facts dt"):
        if dt.get_text(strip=True) == term:
            return " ".join(dt.find_next_sibling("dd").get_text(" ", strip=True).split())
    raise AssertionError(f"no fact {term!r}")
