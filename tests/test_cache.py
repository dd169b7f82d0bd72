"""The build cache: unchanged builds do nothing, changed ones equal a cold build, a bad cache is never trusted."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import ELECTIVE, PAGE, PARTNER, PROJECT, ROOT, assert_trees_equal, make_catalog, run_cli, snapshot
from site_gen import routes, search
from site_gen.cache import (
    LIBRARIES, MEMO_FILE, PAGES_FILE, STATE_FILE, UNREADABLE, BuildCache, FileStamp, _files_below, _library_versions, default_cache_dir, read_memo,
    stamp_tree, write_memo,
)
from site_gen.output import write_tree
from site_gen.pipeline import BuildOptions, BuildResult, build

LINKED_PROJECT = PROJECT.replace("Body of the project.", "See [the elective](../electives/surgery.md).")


def options(root: Path, **overrides: object) -> BuildOptions:
    """Build options for ``root/content`` into ``root/_site`` (one process, so the test is quick)."""
    values: dict[str, object] = {"content_dir": root / "content", "output_dir": root / "_site", "jobs": 1, **overrides}
    return BuildOptions(**values)  # type: ignore[arg-type]


def built(root: Path, **overrides: object) -> BuildResult:
    result = build(options(root, **overrides))
    assert result.ok, result.problems
    return result


def cold_copy(root: Path, tmp_path: Path) -> Path:
    """Build the same content without any cache into a fresh folder; return that output."""
    reference = tmp_path / "reference"
    shutil.copytree(root / "content", reference / "content", ignore=shutil.ignore_patterns(".cache"))
    built(reference, use_cache=False)
    return reference / "_site"


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns) for path in folder.rglob("*") if path.is_file()}


def test_cache_lives_under_the_content_folder_and_can_be_turned_off(tmp_path: Path) -> None:
    make_catalog(tmp_path, {})
    built(tmp_path, use_cache=False)
    assert not (tmp_path / "content/.cache").exists()
    built(tmp_path)
    assert default_cache_dir(tmp_path / "content", tmp_path / "_site") == tmp_path / "content/.cache/_site"
    assert sorted(path.name for path in (tmp_path / "content/.cache/_site").iterdir()) == sorted([MEMO_FILE, PAGES_FILE, STATE_FILE])


def test_unchanged_build_leaves_the_output_alone(tmp_path: Path) -> None:
    make_catalog(tmp_path, {})
    first = built(tmp_path)
    before = stamps(tmp_path / "_site")
    second = built(tmp_path)
    assert (first.is_unchanged, second.is_unchanged) == (False, True)
    assert second.files_written == first.files_written
    assert stamps(tmp_path / "_site") == before


def test_changed_entry_rewrites_only_changed_files_and_equals_a_cold_build(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    built(tmp_path)
    before = stamps(tmp_path / "_site")
    (content / "electives/surgery.md").write_text(ELECTIVE.replace("Body of the elective.", "A new body."), encoding="utf-8")
    built(tmp_path)
    after = stamps(tmp_path / "_site")
    assert after["electives/surgery/index.html"] != before["electives/surgery/index.html"]
    assert after["partners/riverside/index.html"] == before["partners/riverside/index.html"]
    assert after["static/style.css"] == before["static/style.css"]
    assert "A new body." in (tmp_path / "_site/electives/surgery/index.html").read_text()
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path))


def test_rebuild_never_writes_into_the_previous_sites_files(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    built(tmp_path)
    page = tmp_path / "_site/electives/surgery/index.html"
    kept = tmp_path / "kept.html"
    os.link(page, kept)  # another name for the previous site's file
    old = kept.read_bytes()
    (content / "electives/surgery.md").write_text(ELECTIVE.replace("Surgery Elective", "Renamed Elective"), encoding="utf-8")
    built(tmp_path)
    assert kept.read_bytes() == old
    assert "Renamed Elective" in page.read_text()


@pytest.mark.parametrize("change", ["template", "static", "base_url", "today"])
def test_a_change_of_any_other_input_rebuilds(tmp_path: Path, change: str) -> None:
    make_catalog(tmp_path, {})
    templates, static = tmp_path / "templates", tmp_path / "static"
    shutil.copytree(ROOT / "templates", templates)
    shutil.copytree(ROOT / "static", static)
    built(tmp_path, templates_dir=templates, static_dir=static)
    overrides: dict[str, object] = {"templates_dir": templates, "static_dir": static}
    if change == "template":
        (templates / "404.html").write_text((templates / "404.html").read_text() + "<!-- changed -->\n")
    elif change == "static":
        (static / "style.css").write_text((static / "style.css").read_text() + "\n/* changed */\n")
    elif change == "base_url":
        overrides["base_url"] = "https://other.example/sub/"
    else:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(os.environ["SOURCE_DATE_EPOCH"]) + 86400 * 90)
    result = built(tmp_path, **overrides)
    assert not result.is_unchanged
    reference = tmp_path / "reference"
    shutil.copytree(tmp_path / "content", reference / "content", ignore=shutil.ignore_patterns(".cache"))
    built(reference, use_cache=False, **overrides)
    assert_trees_equal(tmp_path / "_site", reference / "_site")


@pytest.mark.parametrize("damage", ["edited", "deleted", "added"])
def test_a_tampered_output_is_rebuilt(tmp_path: Path, damage: str) -> None:
    make_catalog(tmp_path, {})
    built(tmp_path)
    expected = snapshot(tmp_path / "_site")
    page = tmp_path / "_site/partners/riverside/index.html"
    if damage == "edited":
        page.write_text("vandalised")
    elif damage == "deleted":
        page.unlink()
    else:
        (tmp_path / "_site/extra.html").write_text("stray")
    assert not built(tmp_path).is_unchanged
    assert snapshot(tmp_path / "_site") == expected


def poison_memo(memo: Path, code: str | None, checksum_ok: bool) -> None:
    """Replace every rendered body in the memo with 'POISON'; optionally claim other code or break the checksum."""
    real_code = BuildCache.open(memo.parent).code
    records = read_memo(memo, real_code)
    assert records is not None
    sources, bodies, search_records = records
    for key, record in bodies.items():
        bodies[key] = type(record)(type(record.html)("POISON"), record.lookups, record.broken)
    write_memo(memo, code or real_code, sources, bodies, search_records)
    if not checksum_ok:
        raw = memo.read_bytes()
        memo.write_bytes(raw[:-64] + b"0" * 64)


def test_a_memo_of_many_batches_reads_back_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("site_gen.cache._BATCH", 3)
    shared = ["one object", "referred to twice"]
    sources = {f"source {number}": (number, shared, shared) for number in range(10)}
    bodies = {f"body {number}": f"<p>{number}</p>" for number in range(7)}
    write_memo(tmp_path / MEMO_FILE, "code", sources, bodies)
    assert read_memo(tmp_path / MEMO_FILE, "code") == (sources, bodies)
    again = read_memo(tmp_path / MEMO_FILE, "code")
    assert again is not None and all(record[1] is record[2] for record in again[0].values())  # sharing inside a record survives
    assert read_memo(tmp_path / MEMO_FILE, "other code") is None
    write_memo(tmp_path / MEMO_FILE, "code", {}, {})
    assert read_memo(tmp_path / MEMO_FILE, "code") == ({}, {})


@pytest.mark.parametrize(
    ("damage", "is_trusted"),
    [("truncated", False), ("garbage", False), ("bad checksum", False), ("other code", False), ("valid", True)],
)
def test_a_corrupt_or_stale_memo_is_ignored(tmp_path: Path, damage: str, is_trusted: bool) -> None:
    content = make_catalog(tmp_path, {})
    built(tmp_path)
    memo = content / ".cache/_site" / MEMO_FILE
    if damage == "truncated":
        memo.write_bytes(memo.read_bytes()[:100])
    elif damage == "garbage":
        memo.write_bytes(os.urandom(4096))
    else:
        poison_memo(memo, "other" if damage == "other code" else None, checksum_ok=damage != "bad checksum")
    (content / "projects/needs.md").write_text(PROJECT.replace("A needs assessment.", "A changed summary."), encoding="utf-8")
    built(tmp_path)
    poisoned = "POISON" in (tmp_path / "_site/electives/surgery/index.html").read_text()
    assert poisoned is is_trusted  # the valid memo shows the test would see a trusted record
    if not is_trusted:
        assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path))


@pytest.mark.parametrize("damage", ["truncated", "edited"])
def test_a_corrupt_state_file_means_a_full_build(tmp_path: Path, damage: str) -> None:
    content = make_catalog(tmp_path, {})
    built(tmp_path)
    state = content / ".cache/_site" / STATE_FILE
    text = state.read_bytes()
    state.write_bytes(text[: len(text) // 2] if damage == "truncated" else text.replace(b'"fingerprint":"', b'"fingerprint":"0'))
    assert BuildCache.open(state.parent).fingerprint == ""
    assert not built(tmp_path).is_unchanged


def test_a_cached_body_whose_link_target_vanished_is_rendered_again(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"projects/needs.md": LINKED_PROJECT})
    built(tmp_path)
    (content / "electives/surgery.md").unlink()
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 1
    assert "content/projects/needs.md:10: link to '../electives/surgery.md' does not match a published entry" in result.out


def test_cli_build_without_cache_writes_no_cache(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site", "--no-cache", "--jobs", "1")
    assert result.code == 0, result.out + result.err
    assert not (content / ".cache").exists()


def test_a_cache_kept_in_memory_serves_repeated_builds(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    cache = BuildCache.open(default_cache_dir(content, tmp_path / "_site"))
    assert not build(options(tmp_path), cache).is_unchanged
    assert build(options(tmp_path), cache).is_unchanged
    (content / "partners/riverside.md").write_text(PARTNER.replace("Riverside Hospital", "Riverside Clinic"), encoding="utf-8")
    assert not build(options(tmp_path), cache).is_unchanged
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path))


@pytest.fixture
def rendered_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The route of every page rendered (not taken from the last build)."""
    import site_gen.pipeline as pipeline

    routes: list[str] = []
    original = pipeline.render_route
    monkeypatch.setattr(pipeline, "render_route", lambda env, route: routes.append(route.route) or original(env, route))
    return routes


def test_a_body_edit_renders_only_that_entrys_page_and_equals_a_cold_build(tmp_path: Path, rendered_pages: list[str]) -> None:
    content = make_catalog(tmp_path, {"projects/needs.md": LINKED_PROJECT})
    built(tmp_path)
    every_page = len(rendered_pages)
    rendered_pages.clear()
    (content / "electives/surgery.md").write_text(ELECTIVE.replace("Body of the elective.", "A new body."), encoding="utf-8")
    built(tmp_path)
    assert rendered_pages == ["electives/surgery/", "search/"], "the search page names the new index files"
    assert every_page > 20
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path))


@pytest.mark.parametrize("edit", [("Surgery Elective", "Renamed Elective"), ("deadline: 2026-11-30", "deadline: 2026-12-31")])
def test_an_edit_of_any_field_renders_every_page(tmp_path: Path, rendered_pages: list[str], edit: tuple[str, str]) -> None:
    content = make_catalog(tmp_path, {})
    built(tmp_path)
    every_page = sorted(rendered_pages)
    rendered_pages.clear()
    (content / "electives/surgery.md").write_text(ELECTIVE.replace(*edit), encoding="utf-8")
    built(tmp_path)
    assert sorted(rendered_pages) == every_page
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path))


def test_a_page_altered_in_the_output_is_rendered_again_not_reused(tmp_path: Path, rendered_pages: list[str]) -> None:
    content = make_catalog(tmp_path, {})
    built(tmp_path)
    page = tmp_path / "_site/partners/riverside/index.html"
    page.write_bytes(page.read_bytes().replace(b"Riverside", b"Vandalised"))
    rendered_pages.clear()
    (content / "electives/surgery.md").write_text(ELECTIVE.replace("Body of the elective.", "A new body."), encoding="utf-8")
    built(tmp_path)
    assert sorted(rendered_pages) == ["electives/surgery/", "partners/riverside/", "search/"]
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path))


def test_page_one_of_a_list_comes_and_goes_as_the_list_grows_past_and_shrinks_below_one_page(
    tmp_path: Path, rendered_pages: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """".../page/1/" exists for a list of several pages only; warm builds add and remove it as a cold build would."""
    monkeypatch.setattr(routes, "PAGE_SIZE", 2)
    content = make_catalog(tmp_path, {"electives/second.md": ELECTIVE.replace("Surgery Elective", "Second Elective")})
    alias = tmp_path / "_site/electives/by/page/1/index.html"
    built(tmp_path)
    assert not alias.exists() and (tmp_path / "_site/electives/index.html").is_file()
    third = content / "electives/third.md"
    third.write_text(ELECTIVE.replace("Surgery Elective", "Third Elective"), encoding="utf-8")
    built(tmp_path)
    assert 'content="0; url=/catalog/electives/"' in alias.read_text(encoding="utf-8")
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path / "grown"))
    rendered_pages.clear()
    third.write_text(ELECTIVE.replace("Surgery Elective", "Third Elective").replace("Body of the elective.", "A new body."), encoding="utf-8")
    built(tmp_path)  # (a body edit: the other pages, page 1's alias too, are the last build's)
    assert rendered_pages == ["electives/third/", "search/"] and alias.is_file()
    third.unlink()
    built(tmp_path)
    assert not alias.exists() and not (tmp_path / "_site/electives/by/page").exists()
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path / "shrunk"))


@pytest.fixture
def counted_search(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the times the search files are built (not reused)."""
    import site_gen.pipeline as pipeline

    calls: list[int] = []
    original = pipeline.search_bundle
    monkeypatch.setattr(pipeline, "search_bundle", lambda *args: calls.append(1) or original(*args))
    return calls


def test_search_files_are_reused_when_no_indexed_source_changed(tmp_path: Path, counted_search: list[int]) -> None:
    make_catalog(tmp_path, {})
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    built(tmp_path, templates_dir=templates)
    assert counted_search == [1]
    footer = templates / "base.html"
    footer.write_text(footer.read_text(encoding="utf-8").replace("</footer>", "<p>New footer line.</p>\n</footer>"), encoding="utf-8")
    built(tmp_path, templates_dir=templates)
    assert counted_search == [1], "a template change leaves the index alone"
    assert "New footer line." in (tmp_path / "_site/index.html").read_text(encoding="utf-8")
    reference = tmp_path / "reference"
    shutil.copytree(tmp_path / "content", reference / "content", ignore=shutil.ignore_patterns(".cache"))
    assert build(options(reference, use_cache=False, templates_dir=templates)).ok
    assert_trees_equal(tmp_path / "_site", reference / "_site")

    counted_search.clear()
    (tmp_path / "content/electives/surgery.md").write_text(ELECTIVE.replace("Body of the elective.", "Neonatal care."), encoding="utf-8")
    built(tmp_path, templates_dir=templates)
    assert counted_search == [1], "an edited body is indexed again"


@pytest.mark.parametrize("pattern", ["shard.*.json", "index.json"])  # (a hash in the name; the whole index's recorded)
def test_search_files_altered_in_the_output_are_built_again(tmp_path: Path, counted_search: list[int], pattern: str) -> None:
    make_catalog(tmp_path, {})
    built(tmp_path)
    altered = next((tmp_path / "_site/search").glob(pattern))
    altered.write_bytes(altered.read_bytes().replace(b"surgeri", b"xurgeri"))
    (tmp_path / "content/site.yaml").write_text((tmp_path / "content/site.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    built(tmp_path)
    assert counted_search == [1, 1], "a file whose bytes are no longer those it was written with is never trusted"
    assert b"xurgeri" not in b"".join(path.read_bytes() for path in (tmp_path / "_site/search").glob(pattern))


@pytest.fixture
def folded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source of every entry whose search fields are folded (not taken from the cache), and "english" for each
    search of the common English words near the catalog's."""
    import site_gen.search as search

    calls: list[str] = []
    fields, english = search.folded_fields, search.common_words_near
    monkeypatch.setattr(search, "folded_fields", lambda catalog, item, body: calls.append(item.source) or fields(catalog, item, body))
    monkeypatch.setattr(search, "common_words_near", lambda *args: calls.append("english") or english(*args))
    return calls


def test_search_records_are_folded_again_only_for_entries_whose_inputs_changed(tmp_path: Path, folded: list[str]) -> None:
    content = make_catalog(tmp_path, {"pages/guide.md": PAGE.replace("About", "Guide")})
    built(tmp_path)
    assert sorted(folded) == ["content/electives/surgery.md", "content/pages/about.md", "content/pages/guide.md",
                              "content/partners/riverside.md", "content/projects/needs.md", "english"]
    folded.clear()
    (content / "electives/surgery.md").write_text(ELECTIVE.replace("Body of the elective.", "Body of the elective, elective."),
                                                 encoding="utf-8")
    built(tmp_path)
    assert folded == ["content/electives/surgery.md"], "the same words: the common English words near them are the last build's"
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path / "body"))

    folded.clear()  # a partner's new name is in the search fields of the entries that name it
    (content / "partners/riverside.md").write_text(PARTNER.replace("Riverside Hospital", "Lakeside Clinic"), encoding="utf-8")
    built(tmp_path)
    assert sorted(folded) == ["content/electives/surgery.md", "content/partners/riverside.md", "content/projects/needs.md", "english"]
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path / "partner"))

    folded.clear()  # a page whose body links to another is not folded again when the other one's body changes
    (content / "pages/about.md").write_text(PAGE.replace("About us.", "See [the guide](guide.md)."), encoding="utf-8")
    built(tmp_path)
    (content / "pages/guide.md").write_text(PAGE.replace("About", "Guide") + "More.\n", encoding="utf-8")
    folded.clear()
    built(tmp_path)
    assert sorted(folded) == ["content/pages/guide.md", "english"]
    assert_trees_equal(tmp_path / "_site", cold_copy(tmp_path, tmp_path / "link"))


def test_search_records_made_in_the_background_process_are_kept(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    built(tmp_path, jobs=2)
    records = read_memo(content / ".cache/_site" / MEMO_FILE, BuildCache.open(content / ".cache/_site").code)
    assert records is not None
    kinds = sorted(key.split(" ")[0] for key in records[2])
    assert kinds == ["english", "fields", "fields", "fields", "fields"]


def test_finished_files_are_linked_into_place_or_copied_where_links_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    finished = spool / "index.json"
    finished.write_bytes(b'{"big": "index"}')
    previous = tmp_path / "previous"
    (previous / "search").mkdir(parents=True)
    (previous / "search/same.json").write_bytes(finished.read_bytes())
    assert write_tree(tmp_path / "new", [("search/same.json", finished), ("search/other.json", finished)], previous) == 2
    assert (tmp_path / "new/search/same.json").stat().st_ino == (previous / "search/same.json").stat().st_ino
    assert (tmp_path / "new/search/other.json").stat().st_ino == finished.stat().st_ino
    assert finished.read_bytes() == b'{"big": "index"}', "the finished file is linked, never moved or written to"

    def no_links(source: object, target: object) -> None:
        raise OSError("no hard links on this file system")

    monkeypatch.setattr(os, "link", no_links)
    write_tree(tmp_path / "copied", [("search/other.json", finished)], previous)
    assert (tmp_path / "copied/search/other.json").read_bytes() == finished.read_bytes()
    assert (tmp_path / "copied/search/other.json").stat().st_ino != finished.stat().st_ino


def walked(folder: Path, suffix: str = "", skip_hidden: bool = False) -> list[tuple[str, str]]:
    """What the cache's file listing used to be: ``os.walk`` with sorted folders and files."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not (skip_hidden and name.startswith(".")))
        for name in sorted(files):
            if name.endswith(suffix) and not (skip_hidden and name.startswith(".")):
                found.append(((Path(root) / name).relative_to(folder).as_posix(), os.path.join(root, name)))
    return found


@pytest.mark.parametrize(("suffix", "skip_hidden"), [("", False), ("", True), (".md", True)])
def test_the_file_listing_keeps_the_order_and_rules_of_os_walk(tmp_path: Path, suffix: str, skip_hidden: bool) -> None:
    for name in ["b.md", "a.txt", ".hidden.md", "z/y.md", "z/a/b.md", "a-b/c.md", "a/x.md", ".cache/k.md", "Z/upper.md"]:
        (tmp_path / "tree" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "tree" / name).write_text(name)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/o.md").write_text("o")
    (tmp_path / "tree/linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    (tmp_path / "tree/z/dangling.md").symlink_to(tmp_path / "missing.md")
    listed = list(_files_below(tmp_path / "tree", suffix, skip_hidden))
    assert listed == walked(tmp_path / "tree", suffix, skip_hidden)
    assert ("z/dangling.md", str(tmp_path / "tree/z/dangling.md")) in listed, "a dangling link is listed (the load stage reports it)"
    assert list(_files_below(tmp_path / "nowhere")) == []


def test_stamps_are_those_of_every_file_os_walk_lists(tmp_path: Path) -> None:
    for name in ["index.html", "a/index.html", "a/b/index.html", "static/js/x.js", ".hidden", "z/.nojekyll"]:
        (tmp_path / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / name).write_text(name * 3)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/o.html").write_text("o")
    (tmp_path / "site/linked").symlink_to(tmp_path / "outside", target_is_directory=True)  # (listed as a folder, not followed)
    (tmp_path / "site/a/dangling.html").symlink_to(tmp_path / "missing.html")
    expected = {
        relative: FileStamp(status.st_size, status.st_mtime_ns) if (status := _stat_or_none(path)) else UNREADABLE
        for relative, path in walked(tmp_path / "site")
    }
    assert stamp_tree(tmp_path / "site") == expected
    assert expected["a/dangling.html"] == UNREADABLE and "linked/o.html" not in expected
    assert stamp_tree(tmp_path / "nowhere") == {}


def _stat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def test_library_versions_are_those_importlib_metadata_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    expected = ",".join(f"{name}={metadata.version(name)}" for name in LIBRARIES)
    assert _library_versions() == expected
    monkeypatch.setattr("site_gen.cache.LIBRARIES", (*LIBRARIES, "no-such-library"))
    assert _library_versions() == expected + ",no-such-library=missing"


# Dependencies that cannot change a build's output: the preview server's, and python-frontmatter,
# which only the tests use (the build reads front matter itself, to know each field's line).
NOT_IN_OUTPUT = {"livereload", "tornado", "watchdog", "python-frontmatter"}


def test_every_library_the_output_depends_on_keys_the_cache() -> None:
    """Upgrading babel (region names) or email-validator (what validates) must not reuse the last build's pages."""
    import re
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.match(r"[A-Za-z0-9_.-]+", requirement).group(0).lower() for requirement in declared}  # type: ignore[union-attr]
    assert names - NOT_IN_OUTPUT <= set(LIBRARIES), sorted(names - NOT_IN_OUTPUT - set(LIBRARIES))
    assert NOT_IN_OUTPUT <= names  # (a stale exception would hide a new dependency of the same name)


@pytest.mark.parametrize("fields", [
    {"title": "surgery elective", "topics": "", "summary": "北京 京协 协和", "places": "cote d ivoire", "partners": "", "body": "a " * 5000,
     "years": "2024 2025"},
    {"title": "", "topics": "", "summary": "", "places": "", "partners": "", "body": "", "years": ""},
])
def test_search_fields_are_kept_packed_and_come_back_the_same(fields: dict[str, str]) -> None:
    """Kept as text, every body stayed in the search process and went through the cache (100,000 entries: past 3 GiB)."""
    packed = search.pack_fields(fields)
    assert isinstance(packed, bytes) and search.unpack_fields(packed) == fields
    assert len(search.pack_fields(dict(fields, body="a " * 5000))) < 1000  # (compressed)
