"""Headless Debian chromium through Playwright, for the browser tests; axe-core and pixel checks in it."""

from __future__ import annotations

import base64
import contextlib
from dataclasses import dataclass
from typing import Any, Iterator

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

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


@contextlib.contextmanager
def checked_page(browser: Browser) -> Iterator[Page]:
    """A page in a context of its own; on leaving, fails on any script error, console error or HTTP error response."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    yield page
    context.close()
    assert not errors, errors


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


@dataclass(frozen=True)
class Change:
    """The pixels of two screenshots whose colours differ by a contrast ratio of at least 3:1."""

    count: int
    width: int  # of their bounds, in pixels (0 when none changed)
    height: int


# WCAG's relative luminance and contrast ratio, per pixel, in a blank page (no site CSP around the canvas).
_CONTRAST_CHANGE = """async ([before, after, left, top]) => {
  const pixels = async (png) => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + png)).blob());
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  };
  const [a, b] = await Promise.all([pixels(before), pixels(after)]);
  if (left + b.width > a.width || top + b.height > a.height) throw new Error('the second image must lie inside the first');
  const linear = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = (d, i) => 0.2126 * linear(d[i]) + 0.7152 * linear(d[i + 1]) + 0.0722 * linear(d[i + 2]);
  let count = 0, minX = b.width, minY = b.height, maxX = -1, maxY = -1;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      const one = luminance(a.data, ((y + top) * a.width + x + left) * 4), two = luminance(b.data, (y * b.width + x) * 4);
      if ((Math.max(one, two) + 0.05) / (Math.min(one, two) + 0.05) >= 3) {
        count++; minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  return count ? [count, maxX - minX + 1, maxY - minY + 1] : [0, 0, 0];
}"""


def contrast_change(blank: Page, before: bytes, after: bytes, left: int = 0, top: int = 0) -> Change:
    """Where ``after`` differs from ``before`` by 3:1 or more (WCAG's measure of a focus indicator's change).

    ``after`` may be a part of ``before``'s area, at (``left``, ``top``) in it; ``blank`` is a page
    without a Content-Security-Policy (about:blank) to decode the images in.
    """
    count, width, height = blank.evaluate(_CONTRAST_CHANGE, [base64.b64encode(before).decode(), base64.b64encode(after).decode(), left, top])
    return Change(count, width, height)
