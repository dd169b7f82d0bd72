"""Shared fixtures: a session-wide build of the bundled catalog at a fixed date."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import BUNDLED_CONTENT, SOURCE_DATE_EPOCH, run_cli


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test builds as if today were 2026-10-01 (SOURCE_DATE_EPOCH)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalog built once under https://example.org/catalog/ (read-only for tests)."""
    output = tmp_path_factory.mktemp("bundled") / "_site"
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
