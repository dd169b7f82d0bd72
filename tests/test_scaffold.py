"""The ``new`` command writes an entry that passes ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, make_catalog, run_cli
from site_gen.errors import ScaffoldError
from site_gen.fieldtypes import TEMPLATE_TITLES
from site_gen.options import KIND_TO_COLLECTION
from site_gen.problems import Problem
from site_gen.scaffold import create_entry
from site_gen.schema import ENTRY_MODELS
from site_gen.source import load_document
from site_gen.validate import validate_document


@pytest.mark.parametrize("kind", ["elective", "project", "partner", "page"])
def test_new_entry_passes_check(tmp_path: Path, kind: str) -> None:
    content = make_catalog(tmp_path, {})
    result = run_cli("new", kind, "fresh-entry", "--content", content)
    assert result.code == 0, result.err
    collection = {"elective": "electives", "project": "projects", "partner": "partners", "page": "pages"}[kind]
    path = content / collection / "fresh-entry.md"
    text = path.read_text()
    assert text.startswith("---\n") and "title: Fresh entry" in text
    check = run_cli("check", "--content", content)
    assert check.code == 0, check.out


def test_new_lists_every_field_of_the_kind(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    run_cli("new", "elective", "x-y", "--content", content)
    text = (content / "electives/x-y.md").read_text()
    for field in ("category:", "format:", "direction:", "audience:", "countries:", "# host:", "# deadline:", "# cost:"):
        assert field in text


@pytest.mark.parametrize(("slug", "message"), [
    ("Bad Slug", "'Bad Slug' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. 'bad-slug'"),
    ("surgery-kigali.md", "'surgery-kigali.md' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. 'surgery-kigali'"),
    ("electives/surgery-kigali", "e.g. 'surgery-kigali'"),
    ("surgery", "already exists"),
    ("by", "slug 'by' is reserved for the filter pages at /electives/by/ — choose another slug"),
    ("x" * 253, "the slug is too long for a file name (253 characters; at most 252) — choose a shorter one"),
])
def test_new_refuses_bad_slugs_and_existing_files(tmp_path: Path, slug: str, message: str) -> None:
    content = make_catalog(tmp_path, {})
    result = run_cli("new", "elective", slug, "--content", content)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize("slug", ["feed", "catalog", "index", "sitemap", "robots", "assets", "pages"])
def test_page_slugs_that_collide_with_nothing_are_accepted(tmp_path: Path, slug: str) -> None:
    """The site's files are feed.xml, catalog.json, robots.txt...: a page at /feed/ or /catalog/ collides with none."""
    content = make_catalog(tmp_path, {})
    assert run_cli("new", "page", slug, "--content", content).code == 0
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 0, result.out
    assert (tmp_path / "_site" / slug / "index.html").is_file() and (tmp_path / "_site" / "feed.xml").is_file()


@pytest.mark.parametrize("slug", ["search", "electives", "static"])
def test_new_refuses_page_slugs_the_site_uses(tmp_path: Path, slug: str) -> None:
    content = make_catalog(tmp_path, {})
    result = run_cli("new", "page", slug, "--content", content)
    assert result.code == 2
    assert f"page slug '{slug}' is reserved for the site's own /{slug}/ — choose another slug" in result.err
    assert not (content / "pages" / f"{slug}.md").exists()


@pytest.mark.parametrize(("kind", "slug"), [("elective", "x"), ("page", "ab"), ("partner", "x" * 252)])
def test_new_entries_with_short_or_long_slugs_pass_check(tmp_path: Path, kind: str, slug: str) -> None:
    content = make_catalog(tmp_path, {})
    assert run_cli("new", kind, slug, "--content", content).code == 0
    check = run_cli("check", "--content", content)
    assert check.code == 0, check.out


def test_new_reports_a_folder_it_cannot_write_as_a_usage_error(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    (content / "projects").rename(content / "projects-moved")
    (content / "projects").write_text("a file where the folder should be", encoding="utf-8")
    result = run_cli("new", "project", "fresh", "--content", content)
    assert result.code == 2
    assert result.err.startswith(f"error: cannot write {content / 'projects' / 'fresh.md'}: ")


@pytest.mark.parametrize("kind", ["elective", "project", "partner", "page"])
def test_a_web_template_pasted_unchanged_is_refused_on_its_title(tmp_path: Path, kind: str) -> None:
    """content/_templates/ is copied into a new file in GitHub's editor; published as is, it would read "New partner"."""
    collection = {"elective": "electives", "project": "projects", "partner": "partners", "page": "pages"}[kind]
    template = (ROOT / "content/_templates" / f"{kind}.md").read_text(encoding="utf-8")
    content = make_catalog(tmp_path, {f"{collection}/pasted.md": template})
    result = run_cli("check", "--content", content)
    assert result.code == 1
    assert f"content/{collection}/pasted.md:2: title: 'New {kind}' is the template's placeholder" in result.out


def test_each_kind_of_template_has_an_example_summary_of_its_own() -> None:
    summaries = {(ROOT / "content/_templates" / f"{kind}.md").read_text(encoding="utf-8").split("\n")[2] for kind in ("elective", "project", "partner", "page")}
    assert len(summaries) == 4 and all(summary.startswith("summary: ") for summary in summaries)


def test_new_refuses_a_content_folder_that_does_not_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the wrong folder (or with a typo), it made a new content/ there and said 'created'; check never saw the file."""
    make_catalog(tmp_path, {})
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    result = run_cli("new", "elective", "lost-entry")
    assert result.code == 2
    assert result.err == "error: no content folder at content — run this in the folder that holds content/, or give --content\n"
    assert list((tmp_path / "docs").iterdir()) == []


@pytest.mark.parametrize(("kind", "line"), [
    ("elective", "category: clinical  # The kind of international elective. One of: clinical, community-health, research."),
    ("elective", "audience: [medical-student, resident]  # Who may apply (at least one). One or more of: medical-student, resident, fellow, physician, nurse, public-health, other."),
    ("elective", "direction: outbound  # outbound: our learners go abroad; inbound: international scholars come to us."),
    ("project", "status: active  # Where the project stands. One of: planned, active, completed."),
    ("partner", "kind: hospital  # What sort of institution it is. One of: university, hospital, clinic, ministry, ngo, government, foundation, other."),
])
def test_new_entry_comments_list_the_values_a_field_allows(tmp_path: Path, kind: str, line: str) -> None:
    """Someone who is not a programmer can fill in 'category' without the field reference open beside it."""
    content = make_catalog(tmp_path, {})
    run_cli("new", kind, "fresh-entry", "--content", content)
    collection = {"elective": "electives", "project": "projects", "partner": "partners"}[kind]
    text = (content / collection / "fresh-entry.md").read_text(encoding="utf-8")
    assert line in text.splitlines()
    assert "# A line such as '# tags: ...' is an optional field: to use it, delete the '# ' at its start." in text


@pytest.mark.parametrize(("kind", "prompt"), [
    ("elective", "who may apply"), ("project", "what it has achieved"), ("partner", "what we do together"), ("page", "headings start with '## '"),
])
def test_new_entry_says_what_to_write_for_its_kind_and_how_to_keep_it_a_draft(tmp_path: Path, kind: str, prompt: str) -> None:
    content = make_catalog(tmp_path, {})
    assert run_cli("new", kind, "some-entry", "--content", content).code == 0
    text = next(content.rglob("some-entry.md")).read_text(encoding="utf-8")
    assert prompt in text.split("\n---\n", 1)[1]
    assert "# To keep it off the site until it is ready, add a line: draft: true" in text


@pytest.mark.parametrize("kind", ["elective", "project", "partner", "page"])
@pytest.mark.parametrize("slug", ["new-elective", "new-project", "new-partner", "new-page"])
def test_new_refuses_a_slug_whose_title_is_the_templates_placeholder(tmp_path: Path, kind: str, slug: str) -> None:
    """'new project new-project' wrote the title 'New project', which its own check then refused."""
    content = make_catalog(tmp_path, {})
    result = run_cli("new", kind, slug, "--content", content)
    assert result.code == 2
    title = slug.replace("-", " ").capitalize()
    assert result.err == (f"error: '{slug}' would give the entry the templates' placeholder title '{title}', which check refuses"
                          f" — name the slug after the entry, e.g. python build.py new {kind} rural-surgery-training\n")
    assert not list(content.glob(f"*/{slug}.md"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["elective", "project", "partner", "page"]),
       st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True) | st.sampled_from(sorted(TEMPLATE_TITLES)).map(lambda title: title.replace(" ", "-")))
def test_every_file_new_writes_passes_the_checks_of_its_fields(tmp_path: Path, kind: str, slug: str) -> None:
    """``new`` either refuses a slug (a usage error) or writes a file whose fields validate."""
    content = tmp_path / f"content-{kind}-{slug}"
    content.mkdir()
    try:
        path = create_entry(content, kind, slug)
    except ScaffoldError:
        return
    problems: list[Problem] = []
    document = load_document(path, content.parent, problems)
    assert document is not None and not problems
    _, problems = validate_document(document, ENTRY_MODELS[KIND_TO_COLLECTION[kind]])
    assert not problems, (slug, problems)
