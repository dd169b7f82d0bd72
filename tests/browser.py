"""Headless Debian chromium through Playwright, for the browser tests; axe-core in it."""

from __future__ import annotations

import contextlib
from typing import Any, Iterator

from playwright.sync_api import Browser, ViewportSize, sync_playwright

from helpers import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Launch Debian's chromium headless (browser downloads are impossible here)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(browser: Browser, url: str, scheme: str, viewport: ViewportSize | None = None) -> list[dict[str, Any]]:
    """Run axe on one page; bypass_csp lets the test (not the site) inject axe's script."""
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport=viewport)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)", AXE_TAGS)
    finally:
        context.close()


def describe_violations(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes'][:3]]}" for v in violations)
