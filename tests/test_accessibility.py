"""axe-core (from node_modules) finds no WCAG 2.1 A/AA violation on representative pages.

Pages are served under the /catalog/ sub-path; axe is injected with Playwright into
headless Debian chromium, in the light and the dark colour scheme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser

from browser import chromium
from helpers import ROOT, serve_folder
from site_pages import representative_routes

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SCHEMES = ["light", "dark"]
NAMES = ["home", "electives-listing", "projects-listing", "partners-listing", "filtered-listing", "electives-entry",
         "projects-entry", "partners-entry", "free-page", "country", "countries", "not-found", "collaborate", "search"]


@pytest.fixture(scope="module")
def site_and_browser(built_site: Path) -> Iterator[tuple[str, dict[str, str], Browser]]:
    with serve_folder(built_site) as base, chromium() as browser:
        yield base, representative_routes(built_site), browser


def axe_violations(browser: Browser, url: str, scheme: str) -> list[dict[str, Any]]:
    """Run axe on one page; bypass_csp lets the test (not the site) inject axe's script."""
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)", TAGS)
    finally:
        context.close()


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes'][:3]]}" for v in violations)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", NAMES)
def test_no_axe_violations(site_and_browser: tuple[str, dict[str, str], Browser], name: str, scheme: str) -> None:
    base, routes, browser = site_and_browser
    violations = axe_violations(browser, base + routes[name], scheme)
    assert not violations, describe(violations)


def test_axe_finds_a_planted_violation(site_and_browser: tuple[str, dict[str, str], Browser], tmp_path: Path) -> None:
    """Guard against a silent gate: an image without alt text must be reported."""
    (tmp_path / "bad.html").write_text('<!DOCTYPE html><html lang="en"><title>x</title><main><img src="x.png"></main></html>')
    _, _, browser = site_and_browser
    with serve_folder(tmp_path, prefix="/") as base:
        violations = axe_violations(browser, base + "bad.html", "light")
    assert "image-alt" in {violation["id"] for violation in violations}
