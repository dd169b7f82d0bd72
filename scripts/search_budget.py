#!/usr/bin/env python3
"""Report what the search page downloads for a built site: index, documents and lunr.js, raw and gzipped.

Usage: python scripts/search_budget.py [SITE_FOLDER] [--json]
The files are found the way the browser finds them: through the search page's
data attributes and script tag.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

SEARCH_PAGE = Path("search") / "index.html"
PATTERNS = {
    "index": r'data-index="[^"]*/(search/[^"/]+)"',
    "documents": r'data-documents="[^"]*/(search/[^"/]+)"',
    "lunr.js": r'<script defer src="[^"]*/(search/lunr\.[^"/]+)"',
}


@dataclass(frozen=True)
class Download:
    """One file the search page fetches, with its size as sent raw and gzipped."""

    role: str
    path: str
    raw: int
    gzip: int


def search_downloads(site: Path) -> list[Download]:
    """Measure each search file a built site's search page names."""
    page = (site / SEARCH_PAGE).read_text(encoding="utf-8")
    downloads = []
    for role, pattern in PATTERNS.items():
        match = re.search(pattern, page)
        if match is None:
            raise SystemExit(f"error: {site / SEARCH_PAGE} names no {role}: is this a built catalog?")
        data = (site / match.group(1)).read_bytes()
        downloads.append(Download(role, match.group(1), len(data), len(gzip.compress(data, compresslevel=9, mtime=0))))
    return downloads


def totals(downloads: list[Download]) -> dict[str, dict[str, int]]:
    """Sums for the search data alone and for everything before the first result."""
    data = [item for item in downloads if item.role != "lunr.js"]
    return {
        "index + documents": {"raw": sum(item.raw for item in data), "gzip": sum(item.gzip for item in data)},
        "all (before the first result)": {"raw": sum(item.raw for item in downloads), "gzip": sum(item.gzip for item in downloads)},
    }


def report(downloads: list[Download]) -> str:
    """A plain-text table of bytes per file and totals."""
    rows = [(item.path, item.raw, item.gzip) for item in downloads]
    rows += [(name, sizes["raw"], sizes["gzip"]) for name, sizes in totals(downloads).items()]
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{'file':<{width}}  {'raw bytes':>12}  {'gzip -9':>12}"]
    lines += [f"{name:<{width}}  {raw:>12,}  {packed:>12,}" for name, raw, packed in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("_site"), help="built site folder (default: _site)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    downloads = search_downloads(args.site)
    if args.json:
        print(json.dumps({"files": [asdict(item) for item in downloads], "totals": totals(downloads)}, indent=2))
    else:
        print(report(downloads))
    return 0


if __name__ == "__main__":
    sys.exit(main())
