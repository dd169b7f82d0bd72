"""The ``new`` command writes an entry that passes ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_catalog, run_cli


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
    ("surgery", "already exists"),
])
def test_new_refuses_bad_slugs_and_existing_files(tmp_path: Path, slug: str, message: str) -> None:
    content = make_catalog(tmp_path, {})
    result = run_cli("new", "elective", slug, "--content", content)
    assert result.code == 2
    assert message in result.err
