"""Benchmark runner: time our build (cold, warm, one entry changed) against Hugo on the same content.

``python benchmarks/run.py --sizes 1000 10000 --runs 3`` generates a synthetic
catalog per size (``generate_catalog.py``), builds it in a child process and
reports medians of wall time and the child's peak memory (``wait4``'s maxrss:
the largest process of the build, workers included), the output's size and the
search index's size; then builds a minimal equivalent Hugo site of the same
content when ``hugo`` is installed. Writes a Markdown table to
``benchmarks/results/`` (and JSON with ``--json``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate_catalog import generate  # noqa: E402
from serve_edit import run as serve_edits  # noqa: E402

SOURCE_DATE_EPOCH = "1790812800"
EDITED_ENTRY = "electives/elective-0.md"


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds, CPU seconds (user + system, workers included) and peak resident memory in MiB."""

    seconds: float
    cpu_seconds: float
    peak_mib: float


@dataclass
class SizeReport:
    """Every figure for one catalog size (medians over the runs)."""

    entries: int
    cold_s: float = 0.0
    cold_cpu_s: float = 0.0
    warm_s: float = 0.0
    one_entry_s: float = 0.0
    peak_mib: float = 0.0
    output_files: int = 0
    output_mib: float = 0.0
    search: dict[str, int] = field(default_factory=dict)
    largest_page: dict[str, Any] = field(default_factory=dict)  # the heaviest HTML page a visitor may load
    hugo_s: float | None = None
    hugo_peak_mib: float | None = None
    hugo_cpu_s: float | None = None
    serve_edit_ms: float = 0.0  # median, from saving an entry to the reloaded page under ``serve``

    @property
    def ratios(self) -> dict[str, float | None]:
        """Our times as a multiple of Hugo's full build (None without Hugo)."""
        if not self.hugo_s:
            return {"cold": None, "warm": None, "one_entry": None}
        return {"cold": self.cold_s / self.hugo_s, "warm": self.warm_s / self.hugo_s, "one_entry": self.one_entry_s / self.hugo_s}


def timed(command: list[str], cwd: Path = ROOT) -> Run:
    """Run ``command``; fail loudly if it fails; return its wall time and peak memory."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {process.stderr.read().decode() if process.stderr else ''}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def our_build(content: Path, output: Path) -> list[str]:
    """The command line of one of our builds."""
    return [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--output", str(output)]


def median(runs: list[Run]) -> Run:
    """Median time and median peak memory of several runs."""
    return Run(*(statistics.median(getattr(run, name) for run in runs) for name in ("seconds", "cpu_seconds", "peak_mib")))


def measure_ours(content: Path, output: Path, runs: int) -> tuple[Run, Run, Run]:
    """Cold (no output, no cache), warm (nothing changed) and one-entry-changed builds."""
    cold, warm, edit = [], [], []
    edited = content / EDITED_ENTRY
    original = edited.read_bytes()
    for _ in range(runs):
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(content / ".cache", ignore_errors=True)
        cold.append(timed(our_build(content, output)))
        warm.append(timed(our_build(content, output)))
        try:
            edited.write_bytes(original + f"\nEdited for the benchmark, run {len(edit)}.\n".encode())
            edit.append(timed(our_build(content, output)))
        finally:
            edited.write_bytes(original)
    timed(our_build(content, output))  # leave the output matching the content
    return median(cold), median(warm), median(edit)


def tree_size(folder: Path) -> tuple[int, int]:
    """Number of files and total bytes below ``folder``."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def search_payload(output: Path) -> dict[str, int]:
    """Raw and gzip bytes of the search data in the output (JSON files with 'search' in their path)."""
    files = sorted(path for path in output.rglob("*.json") if "search" in path.relative_to(output).as_posix())
    if not files:
        return {}
    raw = [path.read_bytes() for path in files]
    largest = max(raw, key=len)
    return {
        "files": len(files),
        "raw_bytes": sum(map(len, raw)),
        "gzip_bytes": sum(len(gzip.compress(data, 6)) for data in raw),
        "largest_file_gzip_bytes": len(gzip.compress(largest, 6)),
    }


def largest_page(output: Path) -> dict[str, Any]:
    """The largest HTML page of the output: its path, raw and gzip bytes."""
    path = max(output.rglob("*.html"), key=lambda page: (page.stat().st_size, page.as_posix()))
    data = path.read_bytes()
    return {"path": path.relative_to(output).as_posix(), "raw_bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6))}


HUGO_CONFIG = """\
baseURL = "https://example.org/catalog/"
title = "Synthetic Benchmark Catalog"
contentDir = "{content}"
disableKinds = ["RSS"]
[taxonomies]
  tag = "tags"
  country = "countries"
[markup.goldmark.renderer]
  unsafe = false
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>'
    '<meta name="description" content="{{ .Summary | plainify }}"></head><body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>'
    '</header><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p><dl>'
    '{{ range $key, $value := .Params }}<dt>{{ $key }}</dt><dd>{{ $value }}</dd>{{ end }}</dl>{{ .Content }}'
    '<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul></article>{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
    '<p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}\n',
}


def hugo_site(content: Path, folder: Path) -> Path:
    """Write a minimal Hugo site (config and three layouts) that reads ``content`` as is."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "hugo.toml").write_text(HUGO_CONFIG.format(content=content.resolve().as_posix()), encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def measure_hugo(content: Path, work: Path, runs: int) -> Run | None:
    """Hugo's full build of the same content (median), or None when hugo is not installed."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    site = hugo_site(content, work / "hugo-site")
    results = []
    for _ in range(runs):
        shutil.rmtree(work / "hugo-public", ignore_errors=True)
        shutil.rmtree(site / "resources", ignore_errors=True)
        results.append(timed([hugo, "--source", str(site), "--destination", str(work / "hugo-public"), "--quiet"], cwd=site))
    return median(results)


def measure(entries: int, seed: int, runs: int, work: Path, use_hugo: bool) -> SizeReport:
    """Every figure for one catalog size."""
    content = work / f"catalog-{entries}" / "content"
    shutil.rmtree(content.parent, ignore_errors=True)
    generate(entries, seed, content)
    output = work / f"catalog-{entries}" / "_site"
    cold, warm, edit = measure_ours(content, output, runs)
    files, size = tree_size(output)
    report = SizeReport(entries, cold.seconds, cold.cpu_seconds, warm.seconds, edit.seconds, max(cold.peak_mib, edit.peak_mib),
                        files, size / 2**20, search_payload(output), largest_page(output))
    report.serve_edit_ms = 1000 * statistics.median(serve_edits(content, max(5, runs), startup_seconds=1800))
    hugo = measure_hugo(content, work / f"catalog-{entries}", runs) if use_hugo else None
    if hugo is not None:
        report.hugo_s, report.hugo_peak_mib, report.hugo_cpu_s = hugo.seconds, hugo.peak_mib, hugo.cpu_seconds
    return report


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def markdown_table(reports: list[SizeReport], runs: int) -> str:
    """The results as a Markdown document."""
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split(" ")[0:2] if shutil.which("hugo") else ["no hugo"]
    lines = [
        f"# Benchmark results ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})", "",
        f"Machine: {machine}; {' '.join(hugo)}; medians of {runs} run(s); peak = largest process of the build.", "",
        "| entries | cold build (CPU) | warm build | one entry changed | edit under serve | peak memory | output | largest page (raw / gzip) | search data (raw / gzip) | Hugo full build (CPU) | cold / Hugo | warm / Hugo |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for report in reports:
        search = f"{report.search['raw_bytes'] / 1024:,.0f} KiB / {report.search['gzip_bytes'] / 1024:,.0f} KiB" if report.search else "no index"
        hugo_cell = f"{report.hugo_s:.2f} s ({report.hugo_cpu_s:.1f} s), {report.hugo_peak_mib:.0f} MiB" if report.hugo_s else "not run"
        lines.append(
            f"| {report.entries:,} | {report.cold_s:.2f} s ({report.cold_cpu_s:.1f} s) | {report.warm_s:.2f} s | {report.one_entry_s:.2f} s | {report.serve_edit_ms:.0f} ms | {report.peak_mib:.0f} MiB"
            f" | {report.output_files:,} files, {report.output_mib:.1f} MiB"
            f" | {report.largest_page['raw_bytes'] / 1024:,.0f} / {report.largest_page['gzip_bytes'] / 1024:,.0f} KiB (`{report.largest_page['path']}`)"
            f" | {search} | {hugo_cell}"
            f" | {_ratio(report.ratios['cold'])} | {_ratio(report.ratios['warm'])} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: measure each size, print and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="catalog sizes (default 1000 10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; medians are reported (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic catalogs (default 1)")
    parser.add_argument("--work", type=Path, default=HERE / "out", help="scratch folder (default benchmarks/out)")
    parser.add_argument("--results", type=Path, default=None, help="Markdown file to write (default benchmarks/results/<date>.md)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    parser.add_argument("--no-hugo", action="store_true", help="do not run Hugo even if it is installed")
    args = parser.parse_args(argv)
    reports = [measure(size, args.seed, args.runs, args.work, not args.no_hugo) for size in args.sizes]
    table = markdown_table(reports, args.runs)
    results = args.results or HERE / "results" / f"{time.strftime('%Y-%m-%d', time.gmtime())}.md"
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(table, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([asdict(report) | {"ratios": report.ratios} for report in reports], indent=2), encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
