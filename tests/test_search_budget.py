"""scripts/search_budget.py reports the bytes the search page downloads, found as the browser finds them."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

SCRIPT = ROOT / "scripts" / "search_budget.py"


def run_budget(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, SCRIPT, *map(str, args)], capture_output=True, text=True, timeout=60)


def test_budget_measures_each_search_download(built_site: Path) -> None:
    result = run_budget(built_site, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    files = {item["role"]: item for item in report["files"]}
    assert set(files) == {"index", "documents", "lunr.js"}
    for item in files.values():
        data = (built_site / item["path"]).read_bytes()
        assert item["raw"] == len(data)
        assert item["gzip"] == len(gzip.compress(data, compresslevel=9, mtime=0)) < item["raw"]
    assert report["totals"]["index + documents"]["gzip"] == files["index"]["gzip"] + files["documents"]["gzip"]


def test_budget_prints_a_table(built_site: Path) -> None:
    result = run_budget(built_site)
    assert result.returncode == 0, result.stderr
    assert "index + documents" in result.stdout and "gzip" in result.stdout


def test_budget_explains_a_folder_that_is_not_a_built_catalog(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.html").write_text("<p>nothing</p>", encoding="utf-8")
    result = run_budget(tmp_path)
    assert result.returncode != 0 and "names no index" in result.stderr
