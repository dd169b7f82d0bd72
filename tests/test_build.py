"""End-to-end builds of tiny catalogs: the output tree the contract promises."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from helpers import BUNDLED_CONTENT, ELECTIVE, PAGE, PROJECT, ROOT, assert_trees_equal, make_catalog, problem_lines, run_cli, snapshot
from site_gen import cli, feeds
from site_gen.options import BuildOptions


def build(tmp_path: Path, files: dict[str, str | bytes | None] | None = None, *extra: str) -> Path:
    content = make_catalog(tmp_path, files or {})
    output = tmp_path / "_site"
    result = run_cli("build", "--content", content, "--output", output, *extra)
    assert result.code == 0, result.out + result.err
    return output


DRAFT = ELECTIVE.replace("title: Surgery Elective", "title: Secret Draft Elective").replace("deadline:", "draft: true\ndeadline:")


def test_clean_urls_for_every_page(tmp_path: Path) -> None:
    out = build(tmp_path)
    for page in [
        "index.html", "projects/index.html", "partners/index.html", "electives/index.html",
        "projects/needs/index.html", "partners/riverside/index.html", "electives/surgery/index.html",
        "about/index.html", "countries/index.html", "countries/cn/index.html", "topics/maternal-health/index.html",
        "search/index.html", "collaborate/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
        "catalog.json", "catalog.csv",
    ]:
        assert (out / page).is_file(), page


def internal_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"]*)"', html)


def test_every_internal_link_is_under_the_base_path(tmp_path: Path) -> None:
    out = build(tmp_path)
    for page in out.rglob("*.html"):
        for link in internal_links(page.read_text()):
            assert link.startswith("/catalog/"), (page, link)


def test_internal_links_point_at_files_that_exist(tmp_path: Path) -> None:
    out = build(tmp_path)
    for page in out.rglob("*.html"):
        for link in internal_links(page.read_text()):
            path = link.removeprefix("/catalog/").split("?")[0].split("#")[0]
            target = out / path
            assert target.is_file() or (target / "index.html").is_file(), (page, link)


def test_base_url_override(tmp_path: Path) -> None:
    out = build(tmp_path, None, "--base-url", "https://preview.example.net/pr-42")
    home = (out / "index.html").read_text()
    assert 'href="/pr-42/electives/"' in home
    assert "https://preview.example.net/pr-42/" in (out / "sitemap.xml").read_text()
    assert "/catalog/" not in home


def test_base_url_override_does_not_excuse_site_yamls_own_base_url(tmp_path: Path) -> None:
    """site.yaml's base_url is required and checked as written: a preview build or check with --base-url
    must not pass a site.yaml that the deploy, built without it, refuses."""
    content = make_catalog(tmp_path, {"site.yaml": "title: T\ndescription: D\nbase_url: org.github.io/catalog\n"})
    for command in (("check",), ("build", "--output", tmp_path / "out")):
        result = run_cli(*command, "--content", content, "--base-url", "https://preview.example.net/pr-42/")
        assert result.code == 1 and problem_lines(result)[0].startswith("content/site.yaml:3: base_url: "), result.out


def test_a_non_ascii_base_url_is_published_in_ascii(tmp_path: Path) -> None:
    out = build(tmp_path, None, "--base-url", "https://bücher.example/ä")
    assert 'href="/%C3%A4/electives/"' in (out / "index.html").read_text()
    assert "<loc>https://xn--bcher-kva.example/%C3%A4/</loc>" in (out / "sitemap.xml").read_text()


@pytest.mark.parametrize("url", ["https://example.org/?q=1", "https://example.org/x#top", "https://user:secret@example.org/", "https://example.org//"])
def test_a_base_url_with_more_than_an_address_is_a_usage_error(url: str) -> None:
    result = run_cli("build", "--base-url", url)
    assert result.code == 2 and result.err.count("\n") <= 3 and "e.g. https://org.github.io/catalog/" in result.err


def test_base_url_at_domain_root(tmp_path: Path) -> None:
    out = build(tmp_path, None, "--base-url", "https://catalog.example.edu")
    assert 'href="/electives/surgery/"' in (out / "electives/index.html").read_text()


def test_404_page_links_work_at_any_depth(tmp_path: Path) -> None:
    out = build(tmp_path)
    links = internal_links((out / "404.html").read_text())
    assert links and all(link.startswith("/catalog/") for link in links)


def test_drafts_are_not_published_or_linked(tmp_path: Path) -> None:
    out = build(tmp_path, {"electives/secret.md": DRAFT})
    assert not (out / "electives/secret").exists()
    for path, data in snapshot(out).items():
        assert b"Secret Draft Elective" not in data, path
        assert b"electives/secret" not in data, path


def test_partner_page_lists_what_points_at_it(tmp_path: Path) -> None:
    out = build(tmp_path)
    page = (out / "partners/riverside/index.html").read_text()
    assert 'href="/catalog/projects/needs/"' in page
    assert 'href="/catalog/electives/surgery/"' in page


def test_country_and_topic_pages_list_their_entries(tmp_path: Path) -> None:
    out = build(tmp_path)
    country = (out / "countries/cn/index.html").read_text()
    for slug in ("projects/needs", "electives/surgery", "partners/riverside"):
        assert f'href="/catalog/{slug}/"' in country
    topic = (out / "topics/maternal-health/index.html").read_text()
    assert 'href="/catalog/projects/needs/"' in topic


def test_collaborate_lists_projects_that_seek_something(tmp_path: Path) -> None:
    seeking = PROJECT.replace("tags:", "seeking: [funding]\ntags:")
    out = build(tmp_path, {"projects/open-call.md": seeking.replace("Needs Assessment", "Open Call")})
    page = (out / "collaborate/index.html").read_text()
    assert 'href="/catalog/projects/open-call/"' in page
    assert 'href="/catalog/projects/needs/"' not in page


def test_catalog_json_holds_every_published_entry_with_its_fields(tmp_path: Path) -> None:
    out = build(tmp_path, {"electives/secret.md": DRAFT})
    data = json.loads((out / "catalog.json").read_text())
    assert [entry["slug"] for entry in data["electives"]] == ["surgery"]
    elective = data["electives"][0]
    assert elective["countries"] == ["CN"]
    assert elective["deadline"] == "2026-11-30"
    assert elective["url"] == "https://example.org/catalog/electives/surgery/"
    assert [entry["slug"] for entry in data["partners"]] == ["riverside"]
    assert "pages" not in data


def test_catalog_csv_has_a_row_per_entry(tmp_path: Path) -> None:
    out = build(tmp_path, {"electives/secret.md": DRAFT})
    text = (out / "catalog.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted((row["collection"], row["slug"]) for row in rows) == [
        ("electives", "surgery"), ("partners", "riverside"), ("projects", "needs"),
    ]
    assert next(row for row in rows if row["slug"] == "needs")["partners"] == "riverside"


def test_catalog_csv_holds_costs_and_durations_as_written(tmp_path: Path) -> None:
    elective = ELECTIVE.replace("deadline: 2026-11-30\n", "deadline: 2026-11-30\ncost: {amount: 1234.567, currency: BHD}\nduration_weeks: {min: 2, max: 6}\n")
    flat = ELECTIVE.replace("deadline: 2026-11-30\n", "deadline: 2026-11-30\ncost: No fee\nduration_weeks: 7\n")
    out = build(tmp_path, {"electives/surgery.md": elective, "electives/flat.md": flat})
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO((out / "catalog.csv").read_text(encoding="utf-8-sig")))}
    cells = ("cost", "cost.amount", "cost.currency", "duration_weeks", "duration_weeks.min", "duration_weeks.max")
    assert [rows["surgery"][cell] for cell in cells] == ["", "1234.567", "BHD", "", "2", "6"]
    assert [rows["flat"][cell] for cell in cells] == ["No fee", "", "", "7", "", ""]
    assert "1,234.567 BHD" in (out / "electives/surgery/index.html").read_text(encoding="utf-8")


def test_sitemap_and_feed_are_xml(tmp_path: Path) -> None:
    out = build(tmp_path)
    sitemap = ElementTree.parse(out / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/catalog/electives/surgery/" in locs
    assert not any(loc.endswith("404.html") for loc in locs)
    feed = ElementTree.parse(out / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert "Sitemap: https://example.org/catalog/sitemap.xml" in (out / "robots.txt").read_text()


def test_a_sitemap_too_long_for_one_file_becomes_an_index_of_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_site: Path,
) -> None:
    """Search engines refuse a sitemap of more than 50,000 URLs: a larger site (about 40,000 entries) gets an index."""
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 40)
    out = tmp_path / "_site"
    assert run_cli("build", "--content", BUNDLED_CONTENT, "--output", out, "--base-url", "https://example.org/catalog/").code == 0
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    whole = ElementTree.parse(built_site / "sitemap.xml").getroot()
    assert whole.tag == f"{namespace}urlset" and len(whole) > 200
    index = ElementTree.parse(out / "sitemap.xml").getroot()
    assert index.tag == f"{namespace}sitemapindex"
    parts = [entry.findtext(f"{namespace}loc") for entry in index]
    assert parts == [f"https://example.org/catalog/sitemap-{number}.xml" for number in range(1, -(-len(whole) // 40) + 1)]
    urls_in_parts = []
    for number, entry in enumerate(index, start=1):
        part = ElementTree.parse(out / f"sitemap-{number}.xml").getroot()
        assert part.tag == f"{namespace}urlset" and 0 < len(part) <= 40
        urls_in_parts += [(url.findtext(f"{namespace}loc"), url.findtext(f"{namespace}lastmod")) for url in part]
        dates = [url.findtext(f"{namespace}lastmod") for url in part if url.find(f"{namespace}lastmod") is not None]
        assert entry.findtext(f"{namespace}lastmod") == (max(dates) if dates else None)
    assert urls_in_parts == [(url.findtext(f"{namespace}loc"), url.findtext(f"{namespace}lastmod")) for url in whole]  # in order, with dates
    assert "Sitemap: https://example.org/catalog/sitemap.xml" in (out / "robots.txt").read_text()
    assert not list(built_site.glob("sitemap-*"))


def test_feed_is_newest_first_by_updated(tmp_path: Path) -> None:
    newer = ELECTIVE.replace("deadline:", "updated: 2026-09-01\ndeadline:")
    older = PROJECT.replace("tags:", "updated: 2025-01-15\ntags:")
    out = build(tmp_path, {"electives/surgery.md": newer, "projects/needs.md": older})
    feed = ElementTree.parse(out / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    assert titles[:2] == ["Surgery Elective", "Needs Assessment"]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(tmp_path / "a")
    second = build(tmp_path / "b")
    assert_trees_equal(first, second)


def test_failed_build_leaves_previous_output_untouched(tmp_path: Path) -> None:
    out = build(tmp_path)
    before = snapshot(out)
    content = tmp_path / "content"
    (content / "electives/surgery.md").write_text(ELECTIVE.replace("countries: [CN]", "countries: [XX]"))
    result = run_cli("build", "--content", content, "--output", out)
    assert result.code == 1
    assert snapshot(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site", "content"]


def test_removed_entry_disappears_on_rebuild(tmp_path: Path) -> None:
    out = build(tmp_path)
    (tmp_path / "content/electives/surgery.md").unlink()
    assert run_cli("build", "--content", tmp_path / "content", "--output", out).code == 0
    assert not (out / "electives/surgery").exists()


def test_template_syntax_in_content_is_shown_literally(tmp_path: Path) -> None:
    tricky = ELECTIVE.replace("title: Surgery Elective", "title: \"{{ 7*7 }} Surgery\"") + "\n{% raw %} {{ 6*7 }} {# note #}\n"
    out = build(tmp_path, {"electives/surgery.md": tricky})
    page = (out / "electives/surgery/index.html").read_text()
    assert "{{ 7*7 }} Surgery" in page and "{{ 6*7 }}" in page and "{% raw %}" in page
    assert "49 Surgery" not in page and " 42 " not in page


@pytest.mark.parametrize("output", ["content", "."])
def test_dangerous_output_folders_are_refused(tmp_path: Path, output: str) -> None:
    content = make_catalog(tmp_path, {})
    (tmp_path / ".git").mkdir()
    target = content if output == "content" else tmp_path
    result = run_cli("build", "--content", content, "--output", target)
    assert result.code == 2
    assert "refusing" in result.err


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert run_cli("build", "--base-url", "not a url").code == 2
    assert run_cli("frobnicate").code == 2
    assert run_cli("new", "castle", "x").code == 2


def test_check_counts_its_entries_in_the_right_number(tmp_path: Path) -> None:
    """A catalog of one entry was "ok: 1 published entries, 0 drafts"."""
    one = make_catalog(tmp_path / "one", {"partners/riverside.md": None, "electives/surgery.md": None, "pages/about.md": None,
                                          "projects/needs.md": PROJECT.replace("partners: [riverside]\n", "")})
    assert run_cli("check", "--content", one).lines == ["ok: 1 published entry, 0 drafts, no problems"]
    drafted = make_catalog(tmp_path / "drafted", {"pages/about.md": PAGE.replace("summary:", "draft: true\nsummary:")})
    assert run_cli("check", "--content", drafted).lines == ["ok: 3 published entries, 1 draft, no problems"]


def test_markdown_links_to_entries_are_resolved(tmp_path: Path) -> None:
    linked = PROJECT + "\nSee [the elective](../electives/surgery.md#apply) and [about](/about/).\n"
    out = build(tmp_path, {"projects/needs.md": linked})
    page = (out / "projects/needs/index.html").read_text()
    assert 'href="/catalog/electives/surgery/#apply"' in page
    assert 'href="/catalog/about/"' in page


def test_markdown_link_to_missing_entry_is_a_problem(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"projects/needs.md": PROJECT + "\nLine one.\n\nSee [x](../electives/nope.md).\n"})
    result = run_cli("check", "--content", content)
    assert result.code == 1
    assert result.lines[0] == "content/projects/needs.md:14: link to '../electives/nope.md' does not match a published entry — check the file name"


def test_build_py_runs_as_a_script(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    completed = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--output", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (tmp_path / "out/index.html").is_file()


def test_a_mistake_in_a_template_is_one_line_with_its_file_and_line_and_leaves_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    content = make_catalog(tmp_path, {})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    before = {path: path.read_bytes() for path in (tmp_path / "_site").rglob("*") if path.is_file()}
    (templates / "page.html").write_text((templates / "page.html").read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    (templates / "elective.html").write_text((templates / "elective.html").read_text(encoding="utf-8").replace("{{ meta.title }}", "{{ meta.title", 1), encoding="utf-8")
    monkeypatch.setattr(cli, "BuildOptions", functools.partial(BuildOptions, templates_dir=templates))
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and re.match(r".*templates/(page|elective)\.html:\d+: TemplateSyntaxError: ", lines[0]), result.err
    assert {path: path.read_bytes() for path in (tmp_path / "_site").rglob("*") if path.is_file()} == before
