"""scripts/search_budget.py: what search costs a visitor, found and fetched as the search page does it."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

SCRIPT = ROOT / "scripts" / "search_budget.py"


def run_budget(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, SCRIPT, *map(str, args)], capture_output=True, text=True, timeout=300)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def test_budget_measures_the_whole_index_and_the_fixed_downloads(built_site: Path) -> None:
    result = run_budget(built_site, "--json", "--query", "surgery China")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    whole = built_site / "search" / "index.json"
    assert report["whole index"] == {"files": 1, "raw": whole.stat().st_size, "gzip": gzip_size(whole)}
    fixed = [next(built_site.glob("search/manifest.*.json")), next(built_site.glob("search/lunr.*.min.js"))]
    scripts = sorted(built_site.glob("static/js/search*.js"))  # the search page's own code, downloaded before any result
    assert len(scripts) >= 3 and report["manifest, lunr.js, scripts"]["files"] == len(fixed) + len(scripts)
    assert report["manifest, lunr.js, scripts"]["raw"] == sum(path.stat().st_size for path in fixed + scripts)
    assert report["documents"] == json.loads(fixed[0].read_text(encoding="utf-8"))["documentCount"]
    facets = next(built_site.glob("search/facets.*.json"))  # (fetched after the first results, or with a filter before them)
    assert report["facet values"] == {"files": 1, "raw": facets.stat().st_size, "gzip": gzip_size(facets)}
    assert report["documents"] == len(json.loads(facets.read_text(encoding="utf-8")))


def test_a_query_costs_the_fixed_files_plus_some_shards_and_documents(built_site: Path) -> None:
    report = json.loads(run_budget(built_site, "--json", "--query", "surgery China", "--query", "xyzzy").stdout)
    found, missing = report["queries"]["surgery China"], report["queries"]["xyzzy"]
    fixed = report["manifest, lunr.js, scripts"]
    assert found["hits"] > 0 and found["files"] > fixed["files"] and found["gzip"] > fixed["gzip"]
    assert missing["hits"] == 0
    assert found["gzip"] < fixed["gzip"] + report["whole index"]["gzip"] + 40_000


def test_budget_prints_a_table(built_site: Path) -> None:
    result = run_budget(built_site, "--query", "observership")
    assert result.returncode == 0, result.stderr
    assert "whole index" in result.stdout and "first results for “observership”" in result.stdout


def test_budget_explains_a_folder_that_is_not_a_built_catalog(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.html").write_text("<p>nothing</p>", encoding="utf-8")
    result = run_budget(tmp_path)
    assert result.returncode != 0 and "names no" in result.stderr
