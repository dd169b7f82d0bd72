"""axe-core (from node_modules) finds no WCAG 2.1 A/AA violation on representative pages.

Pages are served under the /catalog/ sub-path; axe is injected with Playwright into
headless Debian chromium, in the light and the dark colour scheme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser

from browser import axe_violations, chromium, describe_violations
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
