"""The benchmark: its generated catalogs are valid and reproducible, its runner reports every figure (no timed assertions)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, assert_trees_equal, run_cli

GENERATOR = ROOT / "benchmarks/generate_catalog.py"
RUNNER = ROOT / "benchmarks/run.py"
COLLECTIONS = ("partners", "projects", "electives", "pages")


def generate(out: Path, entries: int = 30, seed: int = 1) -> Path:
    completed = subprocess.run(
        [sys.executable, GENERATOR, "--entries", str(entries), "--seed", str(seed), "--out", out], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    return out


def test_generated_catalog_passes_check_and_builds(tmp_path: Path) -> None:
    content = generate(tmp_path / "content")
    assert run_cli("check", "--content", content).code == 0
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 0, result.out + result.err


def test_generated_catalog_has_the_contracts_mix_and_fields(tmp_path: Path) -> None:
    content = generate(tmp_path / "content", entries=200)
    counts = {name: len(list((content / name).glob("*.md"))) for name in COLLECTIONS}
    assert counts["partners"] == 20 and counts["projects"] == 50 and 1 <= counts["pages"] <= 20
    assert sum(counts.values()) == 200
    texts = "".join(path.read_text(encoding="utf-8") for path in sorted(content.rglob("*.md")))
    for name in ("city:", "website:", "since:", "lead:", "people_reached:", "seeking:", "duration_weeks:", "cost:",
                 "languages:", "deadline:", "apply_url:", "specialties:", "host:", "updated:", "| --- |".replace(" ", "")):
        assert name in texts, name


def test_same_seed_same_catalog_other_seed_other_catalog(tmp_path: Path) -> None:
    first, second, other = (generate(tmp_path / name, seed=seed) for name, seed in (("a", 1), ("b", 1), ("c", 2)))
    assert_trees_equal(first, second)
    with pytest.raises(AssertionError):
        assert_trees_equal(first, other)


def test_runner_reports_every_figure(tmp_path: Path) -> None:
    report, table = tmp_path / "report.json", tmp_path / "results.md"
    completed = subprocess.run(
        [sys.executable, RUNNER, "--sizes", "30", "--runs", "1", "--no-hugo", "--work", tmp_path / "work",
         "--results", table, "--json", report],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    (figures,) = json.loads(report.read_text())
    assert figures["entries"] == 30
    for name in ("cold_s", "cold_cpu_s", "warm_s", "one_entry_s", "serve_edit_ms", "peak_mib", "output_mib"):
        assert figures[name] > 0, name
    assert figures["output_files"] > 30
    assert figures["largest_page"]["path"].endswith(".html") and 0 < figures["largest_page"]["gzip_bytes"] < figures["largest_page"]["raw_bytes"]
    assert figures["hugo_s"] is None and figures["ratios"] == {"cold": None, "warm": None, "one_entry": None}
    rows = [line for line in table.read_text().splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| entries | cold build") and rows[1].startswith("| 30 |")
    assert (tmp_path / "work/catalog-30/content/electives/elective-0.md").read_bytes() == generate(tmp_path / "again").joinpath(
        "electives/elective-0.md"
    ).read_bytes(), "the runner restores the entry it edits"


def test_a_facet_page_writes_the_listings_total_as_the_listing_does(tmp_path: Path) -> None:
    """Over 1,000 electives a facet page said "42 electives of 1037", where the listing and the filter write "1,037"."""
    content = generate(tmp_path / "content", entries=1600)
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    listing = (tmp_path / "_site/electives/index.html").read_text(encoding="utf-8")
    total = re.search(r'data-total="([0-9]+)">([0-9]+(?:,[0-9]{3})*) electives', listing)
    assert total and int(total.group(1)) >= 1000 and total.group(2) == f"{int(total.group(1)):,}"
    facet = (tmp_path / "_site/electives/by/category/clinical/index.html").read_text(encoding="utf-8")
    assert re.search(r"[0-9,]+ electives of ([0-9]+(?:,[0-9]{3})*)", facet).group(1) == total.group(2)  # type: ignore[union-attr]
