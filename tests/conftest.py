"""Shared fixtures: session-wide builds of the bundled catalog at a fixed date."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from browser import checked_page, chromium
from helpers import BUNDLED_CONTENT, SOURCE_DATE_EPOCH, run_cli
from site_gen import routes

# Cards per page in ``paged_site``: small enough that the bundled catalog's listings,
# filter, topic, country and collaborate pages all run to several pages.
PAGED_SIZE = 4


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test builds as if today were 2026-10-01 (SOURCE_DATE_EPOCH)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for a test module (modules that need another launch define their own)."""
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that fails its test on a script, console or HTTP error (browser.checked_page)."""
    with checked_page(browser) as page:
        yield page


def build_bundled(output: Path) -> Path:
    """Build the bundled catalog under https://example.org/catalog/ at the fixed date."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        result = run_cli("build", "--content", BUNDLED_CONTENT, "--output", output, "--base-url", "https://example.org/catalog/")
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    assert result.code == 0, result.out + result.err
    return output


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalog built once under https://example.org/catalog/ (read-only for tests)."""
    return build_bundled(tmp_path_factory.mktemp("bundled") / "_site")


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalog built with ``PAGED_SIZE`` cards a page, as a large catalog is (read-only for tests)."""
    return build_bundled_split(tmp_path_factory.mktemp("paged") / "_site", PAGED_SIZE)


def build_bundled_split(output: Path, page_size: int) -> Path:
    """``build_bundled`` with ``page_size`` cards a page."""
    saved = routes.PAGE_SIZE
    routes.PAGE_SIZE = page_size
    try:
        return build_bundled(output)
    finally:
        routes.PAGE_SIZE = saved
