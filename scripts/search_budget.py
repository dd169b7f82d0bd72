#!/usr/bin/env python3
"""Report what search costs a visitor of a built site, raw and gzipped.

Usage: python scripts/search_budget.py [SITE_FOLDER] [--query Q ...] [--json]

Files are found as the browser finds them (the search page's data attributes and
script tags). For each sample query, the search page's own code (run in Node with
the site's lunr.js) lists the files fetched before the first page of results
shows: the manifest, lunr.js and the search page's scripts, the index shards the
query touches and the result documents shown. The whole index (for other tools) is
reported alongside, and so is the file of each document's facet values, which the
page fetches after the first results (before them only when a filter is chosen).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCH_PAGE = Path("search") / "index.html"
FETCHES = ROOT / "scripts" / "search_fetches.mjs"
SAMPLE_QUERIES = ("surgery China", "maternal health", "\"global surgery\"", "observership", "pediatri", "maternl")
PATTERNS = {
    "whole index": r'data-index="([^"]+)"',
    "manifest": r'data-manifest="([^"]+)"',
    "lunr.js": r'<script defer src="([^"]*/lunr\.[0-9a-f]+\.min\.js)"',
}
SCRIPTS = re.compile(r'<script defer src="([^"?]*/js/search[^"?]*\.js)(?:\?[^"]*)?"')  # the search page's own code
FIXED = "manifest, lunr.js, scripts"
FACETS = "facet values"


@dataclass(frozen=True)
class Size:
    """Bytes of some files as stored and as sent with gzip -9."""

    files: int
    raw: int
    gzip: int


def measure(site: Path, base_path: str, urls: list[str]) -> Size:
    """Total raw and gzip bytes of site URLs."""
    datas = [(site / url.removeprefix(base_path)).read_bytes() for url in urls]
    return Size(len(datas), sum(map(len, datas)), sum(len(gzip.compress(data, compresslevel=9, mtime=0)) for data in datas))


def page_links(site: Path) -> dict[str, str]:
    """The search files the search page names, by role."""
    page = (site / SEARCH_PAGE).read_text(encoding="utf-8")
    links = {}
    for role, pattern in PATTERNS.items():
        match = re.search(pattern, page)
        if match is None:
            raise SystemExit(f"error: {site / SEARCH_PAGE} names no {role}: is this a built catalog?")
        links[role] = match.group(1)
    return links


def page_scripts(site: Path) -> list[str]:
    """The search page's own scripts (search*.js, without their version query), in page order."""
    return SCRIPTS.findall((site / SEARCH_PAGE).read_text(encoding="utf-8"))


def base_path_of(links: dict[str, str]) -> str:
    """The site's base path, from a search file link (".../search/<file>")."""
    return links["manifest"].rsplit("search/", 1)[0]


def query_fetches(site: Path, base_path: str, queries: list[str]) -> dict[str, dict]:
    """Run the search page's code in Node: what each query fetches."""
    result = subprocess.run(["node", str(FETCHES), str(site), base_path, *queries], capture_output=True, text=True, check=True, timeout=600)
    return json.loads(result.stdout)["queries"]


def budget(site: Path, queries: list[str]) -> dict:
    """Sizes of the whole index, the fixed downloads, and each query's first results."""
    links = page_links(site)
    base = base_path_of(links)
    fixed = [links["manifest"], links["lunr.js"], *page_scripts(site)]
    manifest = json.loads((site / links["manifest"].removeprefix(base)).read_text(encoding="utf-8"))
    report = {
        "documents": manifest["documentCount"],
        "whole index": asdict(measure(site, base, [links["whole index"]])),
        FACETS: asdict(measure(site, base, [manifest["facets"]["rows"]])),
        FIXED: asdict(measure(site, base, fixed)),
        "queries": {},
    }
    for query, fetched in query_fetches(site, base, queries).items():
        size = measure(site, base, fixed + fetched["fetched"])
        report["queries"][query] = {"hits": fetched["hits"], "milliseconds": fetched["milliseconds"], **asdict(size)}
    return report


def table(report: dict) -> str:
    """The report as plain text."""
    lines = [f"{report['documents']:,} documents", f"{'':44}  {'files':>5}  {'raw bytes':>12}  {'gzip -9':>10}"]
    for name in ("whole index", FACETS, FIXED):
        size = report[name]
        lines.append(f"{name:44}  {size['files']:>5}  {size['raw']:>12,}  {size['gzip']:>10,}")
    for query, size in report["queries"].items():
        label = f"first results for “{query}”"
        lines.append(f"{label:44}  {size['files']:>5}  {size['raw']:>12,}  {size['gzip']:>10,}  ({size['hits']} hits, {size['milliseconds']} ms)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("_site"), help="built site folder (default: _site)")
    parser.add_argument("--query", action="append", help="a sample query (repeatable; default: a typical set)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    report = budget(args.site.resolve(), args.query or list(SAMPLE_QUERIES))
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
