"""LinkChecker crawls the bundled catalog served under /catalog/ and finds no broken internal link.

Also checks the 404 page's links from deep below the site, where static hosts serve it.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import serve_folder

FIELDS = "urlname;parentname;base;result;warningstring;infostring;valid;url;line;column;name".split(";")
# LinkChecker throttles each host unless the server answers with a "LinkChecker" header.
UNTHROTTLED = {"LinkChecker": "local test server"}
CONFIG = "[checking]\nmaxrequestspersecond=200\nthreads=4\n"


def check_links(tmp_path: Path, start_url: str, *options: str, internal: str | None = None) -> list[dict[str, str]]:
    """Run LinkChecker from ``start_url`` (internal links only: below it, or below ``internal``); return one row per checked URL."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG + (f"[filtering]\ninternlinks=^{re.escape(internal)}\n" if internal else ""), encoding="utf-8")
    config.chmod(0o644)
    tmp_path.chmod(0o755)  # LinkChecker drops root privileges before reading its config
    command = [str(Path(sys.executable).with_name("linkchecker")), "--config", str(config), "--no-status",
               "--verbose", "--output", "csv", "--ignore-url", "^mailto:", *options, start_url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[1:])), fieldnames=FIELDS, delimiter=";", restkey="more"))
    assert rows, result.stdout + result.stderr
    return rows


def broken(rows: list[dict[str, str]]) -> list[str]:
    return [f"{row['url']} (linked from {row['parentname']}): {row['result']}" for row in rows if row["valid"] != "True"]


def test_no_broken_internal_link(built_site: Path, tmp_path: Path) -> None:
    with serve_folder(built_site, headers=UNTHROTTLED) as base:
        rows = check_links(tmp_path, base)
    pages = {row["url"] for row in rows if row["url"].endswith("/")}
    assert len(pages) >= len(list(built_site.rglob("index.html")))  # every page was reached
    assert not broken(rows), "\n".join(broken(rows))


def test_no_broken_link_between_the_pages_of_long_lists(paged_site: Path, tmp_path: Path) -> None:
    """The same catalog split into short pages: every page is reached, through the pagers too (but ".../page/1/", linked from nowhere)."""
    with serve_folder(paged_site, headers=UNTHROTTLED) as base:
        rows = check_links(tmp_path, base)
    pages = {row["url"] for row in rows if row["url"].endswith("/")}
    assert len(pages) >= len(list(paged_site.rglob("index.html"))) - len(list(paged_site.rglob("page/1/index.html")))
    assert {base + "electives/by/page/2/", base + "topics/primary-care/page/2/"} <= pages
    assert not broken(rows), "\n".join(broken(rows))


def test_page_one_of_each_long_list_leads_to_its_first_page(paged_site: Path, tmp_path: Path) -> None:
    """".../page/1/" sends the visitor on (a refresh and a link): what it names is a page of the site."""
    aliases = sorted(path.parent.relative_to(paged_site).as_posix() + "/" for path in paged_site.rglob("page/1/index.html"))
    assert len(aliases) > 10
    with serve_folder(paged_site, headers=UNTHROTTLED) as base:
        urls = [base + alias for alias in aliases]
        rows = check_links(tmp_path, urls[0], "--recursion-level", "1", *urls[1:], internal=base)
    assert not broken(rows), "\n".join(broken(rows))
    targets = {row["url"]: row["result"] for row in rows if row["parentname"] in urls and row["url"].startswith(base)}
    assert len(targets) == len(aliases) and set(targets.values()) == {"200 OK"}, targets
    assert all(url.removesuffix("page/1/").removesuffix("by/") in targets for url in urls)


def server_root(url: str) -> str:
    """http://host:port/ of a URL: links outside the base path count as the site's too, and are fetched."""
    return re.match(r"[a-z]+://[^/]+/", url).group(0)  # type: ignore[union-attr]


def test_not_found_page_links_work_at_depth(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    deep = site / "no" / "such" / "page"
    deep.mkdir(parents=True)
    shutil.copy(built_site / "404.html", deep / "index.html")
    with serve_folder(site, headers=UNTHROTTLED) as base:
        rows = check_links(tmp_path, base + "no/such/page/", "--recursion-level", "1", internal=server_root(base))  # (every link is fetched)
    checked = [row for row in rows if row["parentname"].endswith("/no/such/page/")]
    assert len(checked) >= 5
    site_links = [row for row in checked if row["url"].startswith(base)]
    assert len(site_links) >= 5 and all(row["result"].startswith("200") for row in site_links), site_links  # fetched, not passed over
    assert not broken(rows), "\n".join(broken(rows))


def test_link_checker_reports_a_broken_link(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!DOCTYPE html><html lang="en"><title>x</title><a href="missing/">x</a></html>')
    with serve_folder(site, headers=UNTHROTTLED) as base:
        rows = check_links(tmp_path, base)
    assert [row["url"] for row in rows if row["valid"] != "True"] == [base + "missing/"]
