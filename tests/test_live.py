"""The preview's live site: the same pages as a build, kept up to date by reading only what changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import BUNDLED_CONTENT, ELECTIVE, PROJECT, make_catalog
from site_gen import routes, urls
from site_gen.link import link_catalog
from site_gen.live import LiveSite
from site_gen.pipeline import BuildOptions, build, link_targets


def built_pages(output: Path) -> dict[str, bytes]:
    """Every HTML page of a built site by its path below the base path (``electives/x/``)."""
    pages = {}
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        pages[relative[: -len("index.html")] if relative.endswith("index.html") else relative] = path.read_bytes()
    return pages


@pytest.mark.parametrize("page_size", [None, 4, 2], ids=["one page each", "split into pages", "partners split too"])
def test_every_live_page_is_the_built_page_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page_size: int | None) -> None:
    if page_size is not None:
        monkeypatch.setattr(routes, "PAGE_SIZE", page_size)
    content = tmp_path / "content"
    shutil.copytree(BUNDLED_CONTENT, content)
    options = BuildOptions(content, tmp_path / "_site", use_cache=False)
    assert build(options).ok
    live = LiveSite.open(options)
    pages = built_pages(options.output_dir)
    assert len(pages) > 150
    partner_pages = [route for route in pages if route.startswith("partners/") and route.endswith("/page/2/") and "/by/" not in route]
    assert bool(partner_pages) == (page_size == 2)  # (a partner's projects and electives, at two a page)
    cards = sorted(options.output_dir.glob("*/by/**/*.json"))
    assert len(cards) == (0 if page_size is None else 3)  # (the facet values of each long listing's cards)
    for path in cards:  # which its filter fetches
        assert live.page(path.relative_to(options.output_dir).as_posix()) == path.read_bytes()
    for route, html in pages.items():
        if route in ("search/", "404.html"):
            assert live.page(route) is None, "pages naming the last build's files come from disk"
        else:
            assert live.page(route) == html, route
            assert live.page(route + "index.html") == html, route


@pytest.fixture
def site(tmp_path: Path) -> LiveSite:
    content = make_catalog(tmp_path, {})
    return LiveSite.open(BuildOptions(content, tmp_path / "_site", use_cache=False))


def test_an_edit_reads_only_the_edited_file_and_shows_at_once(site: LiveSite, monkeypatch: pytest.MonkeyPatch) -> None:
    elective = site.options.content_dir / "electives/surgery.md"
    assert b"Body of the elective." in (site.page("electives/surgery/") or b"")
    reads: list[str] = []
    original = site.memo.read
    monkeypatch.setattr(site.memo, "read", lambda path, *rest: reads.append(path.name) or original(path, *rest))
    elective.write_text(ELECTIVE.replace("Body of the elective.", "Edited body."), encoding="utf-8")
    assert site.update([elective]) == []
    assert reads == ["surgery.md"]
    assert b"Edited body." in (site.page("electives/surgery/") or b"")
    listing = site.page("electives/") or b""
    assert b"Surgery Elective" in listing


def test_an_edit_that_renames_a_title_reaches_the_listings(site: LiveSite) -> None:
    elective = site.options.content_dir / "electives/surgery.md"
    assert b"Surgery Elective" in (site.page("electives/") or b"")
    elective.write_text(ELECTIVE.replace("title: Surgery Elective", "title: Trauma Surgery Rotation"), encoding="utf-8")
    assert site.update([elective]) == []
    assert b"Trauma Surgery Rotation" in (site.page("electives/") or b"")
    assert b"Trauma Surgery Rotation" in (site.page("countries/cn/") or b""), "the country page lists it too"


def test_new_and_deleted_files_are_found_by_reading_the_folder_again(site: LiveSite) -> None:
    folder = site.options.content_dir / "electives"
    added = folder / "nursing.md"
    added.write_text(ELECTIVE.replace("Surgery Elective", "Nursing Elective"), encoding="utf-8")
    assert site.update([added]) == []
    assert b"Nursing Elective" in (site.page("electives/nursing/") or b"")
    added.unlink()
    assert site.update([added]) == []
    assert site.page("electives/nursing/") is None


def test_a_broken_edit_reports_its_line_and_the_fix_clears_it(site: LiveSite) -> None:
    elective = site.options.content_dir / "electives/surgery.md"
    elective.write_text(ELECTIVE.replace("countries: [CN]", "countries: [XX]"), encoding="utf-8")
    [problem] = site.update([elective])
    assert str(problem).startswith("content/electives/surgery.md:8: countries[0]:")
    elective.write_text(ELECTIVE.replace("Body of the elective.", "Fixed."), encoding="utf-8")
    assert site.update([elective]) == []
    assert b"Fixed." in (site.page("electives/surgery/") or b"")


def test_a_broken_reference_in_another_file_is_still_reported_after_an_unrelated_edit(site: LiveSite) -> None:
    content = site.options.content_dir
    project = content / "projects/needs.md"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("partners: [riverside]", "partners: [nowhere]"), encoding="utf-8")
    [problem] = site.update([project])
    elective = content / "electives/surgery.md"
    elective.write_text(ELECTIVE.replace("Body of the elective.", "Unrelated edit."), encoding="utf-8")
    assert site.update([elective]) == [problem], "a partial read keeps the other files' state"


def test_templates_changes_render_every_page_again(site: LiveSite, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(site.options.templates_dir, templates)
    site.options = BuildOptions(site.options.content_dir, site.options.output_dir, templates_dir=templates, use_cache=False)
    assert site.rerender() == []
    before = site.page("electives/surgery/") or b""
    (templates / "partials").joinpath("marker.html").write_text("")
    page = templates / "elective.html"
    page.write_text(page.read_text(encoding="utf-8").replace("{% block main %}", "{% block main %}<p>Template marker</p>", 1), encoding="utf-8")
    assert site.rerender() == []
    after = site.page("electives/surgery/") or b""
    assert b"Template marker" not in before and b"Template marker" in after


def test_an_edit_of_the_body_alone_keeps_the_links_and_gives_the_pages_of_a_fresh_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(BUNDLED_CONTENT, content)
    options = BuildOptions(content, tmp_path / "_site", use_cache=False)
    live = LiveSite.open(options)
    catalog = live.catalog
    assert catalog is not None
    partner = max(catalog.partners, key=lambda item: len(catalog.partner_links.get(item.slug, ())))
    source = tmp_path / partner.source
    text = source.read_text(encoding="utf-8")
    links: list[int] = []
    monkeypatch.setattr("site_gen.pipeline.link_catalog", lambda *args: links.append(1) or link_catalog(*args))
    targets: list[int] = []
    monkeypatch.setattr("site_gen.live.link_targets", lambda *args: targets.append(1) or link_targets(*args))
    front, _, body = text.partition("\n---\n")
    source.write_text(f"{front}\n\n---\nA new first paragraph.\n\n{body}", encoding="utf-8")  # and the body moves down a line
    assert live.update([source]) == []
    assert links == [] and targets == [], "nothing to link again, and the pages a body may link to are as they were"
    assert build(options).ok
    pages = built_pages(options.output_dir)
    assert b"A new first paragraph." in pages[urls.entry("partners", partner.slug).lstrip("/")]
    for route, html in pages.items():
        assert route in ("search/", "404.html") or live.page(route) == html, route
    links.clear()  # (the build linked too)
    source.write_text(f"{front}\n---\nSee [nothing](../projects/nowhere.md).\n", encoding="utf-8")
    [problem] = live.update([source])
    assert links == [], "a broken link in the body is found without linking again"
    assert str(problem).startswith(f"{partner.source}:{front.count(chr(10)) + 3}: link to '../projects/nowhere.md'")
    source.write_text(text, encoding="utf-8")
    assert live.update([source]) == []
    assert links == [1], "after a problem, the next edit links everything again"
    assert "/topics/brand-new-topic/" not in live._targets
    # A new topic is a new page a body may link to: the link targets are found again.
    tagged = re.sub(r"\ntags:[^\n]*", "", front).replace("\ntitle:", "\ntags: [Brand new topic]\ntitle:", 1)
    source.write_text(f"{tagged}\n---\nSee [the topic](/topics/brand-new-topic/).\n", encoding="utf-8")
    assert live.update([source]) == []
    assert b'href="/topics/brand-new-topic/"' in (live.page(urls.entry("partners", partner.slug)) or b"").replace(b"/catalog/", b"/")


def test_a_server_running_past_midnight_shows_the_pages_of_a_build_made_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083140")  # 2026-11-30 23:59 UTC, the elective's deadline: still open
    content = make_catalog(tmp_path, {})
    options = BuildOptions(content, tmp_path / "_site", use_cache=False)
    live = LiveSite.open(options)
    assert b"deadline-closed" not in (live.page("electives/surgery/") or b"")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083260")  # two minutes later, 1 December: closed
    assert build(options).ok
    pages = built_pages(options.output_dir)
    assert b"deadline-closed" in pages["electives/surgery/"]
    for route, html in pages.items():
        assert route in ("search/", "404.html") or live.page(route) == html, route


@pytest.mark.parametrize(("edited", "old", "new", "link"), [
    ("projects/needs.md", "tags: [maternal health]", "tags: [surgery]", "/topics/maternal-health/"),
    ("elective", "countries: [CN]", "countries: [RW]", "/countries/cn/"),
], ids=["topic gone", "country gone"])
def test_a_page_that_an_edit_removes_is_a_broken_link_in_the_bodies_that_link_to_it(
    tmp_path: Path, edited: str, old: str, new: str, link: str,
) -> None:
    # Only an entry's fields changed, the same entries are published: the preview rendered that entry's
    # body alone, and the page of another body linking to the topic or country now gone was served as good
    # (the build said 'does not match a page of the site'). Every file's country is CN but the elective's.
    partner = "---\ntitle: Riverside Hospital\nsummary: A teaching hospital.\nkind: hospital\ncountry: RW\n---\n"
    content = make_catalog(tmp_path, {"partners/riverside.md": partner + f"See [it]({link}).\n",
                                      "projects/needs.md": PROJECT.replace("countries: [CN]", "countries: [RW]")})
    options = BuildOptions(content, tmp_path / "_site", use_cache=False)
    live = LiveSite.open(options)
    assert live.problems == []
    source = content / (edited if edited != "elective" else "electives/surgery.md")
    source.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    [problem] = live.update([source])
    assert str(problem).startswith(f"content/partners/riverside.md:7: link to '{link}' does not match a page of the site")
    assert [str(problem)] == [str(p) for p in build(options).problems], "what a build says"


def test_a_broken_link_says_what_its_target_has_become_since(tmp_path: Path) -> None:
    # The preview kept the rendered body of a broken link: once the missing entry was written as a
    # draft, it still said 'does not match a published entry' where a build says 'leads to a draft'.
    content = make_catalog(tmp_path, {})
    live = LiveSite.open(BuildOptions(content, tmp_path / "_site", use_cache=False))
    elective = content / "electives/surgery.md"
    elective.write_text(ELECTIVE.replace("Body of the elective.", "See [it](../projects/later.md)."), encoding="utf-8")
    [problem] = live.update([elective])
    assert "does not match a published entry" in problem.message
    later = content / "projects/later.md"
    later.write_text(PROJECT.replace("kind: research", "kind: research\ndraft: true"), encoding="utf-8")
    [problem] = live.update([later])
    assert "leads to a draft" in problem.message
    assert [problem] == build(live.options).problems
