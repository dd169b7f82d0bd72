"""Filesystem safety: content cannot read outside content/, write outside the output
folder, or get silently renamed; output folders that would destroy something are refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import PAGE, PROJECT, ROOT, make_catalog, problem_lines, run_cli, snapshot
from site_gen.output import OutputError, write_tree


def build(content: Path, output: Path) -> tuple[int, list[str], str]:
    result = run_cli("build", "--content", content, "--output", output)
    return result.code, problem_lines(result), result.err


@pytest.mark.parametrize("link", ["partners/outside.md", "site.yaml", "pages", "projects/needs.md"])
def test_a_symlink_out_of_the_content_folder_is_refused(tmp_path: Path, link: str) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "outside.md").write_text(PAGE.replace("About", "Secret outside"), encoding="utf-8")
    content = make_catalog(tmp_path, {link: None})
    target = content / link
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    target.symlink_to(secret if link == "pages" else secret / "outside.md")
    code, problems, _ = build(content, tmp_path / "_site")
    assert code == 1
    assert f"content/{link}:1: link points outside the content folder" in "\n".join(problems)
    assert not (tmp_path / "_site").exists()


def test_a_symlink_inside_the_content_folder_is_followed(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"pages/_about.md": PAGE, "pages/about.md": None})
    (content / "pages" / "about.md").symlink_to(content / "pages" / "_about.md")
    code, problems, err = build(content, tmp_path / "_site")
    assert (code, problems, err) == (0, [], "")
    assert (tmp_path / "_site" / "about" / "index.html").is_file()


@pytest.mark.parametrize("name", [
    "My Project.md", "über.md", "a_b.md", "Upper.md", "double--hyphen.md", "-lead.md", "trail\n.md",
    "bidi\u202egnp.md", "zero\u200bwidth.md", "ｆｕｌｌｗｉｄｔｈ.md", "dots.in.name.md",
])
def test_file_names_that_are_not_slugs_are_errors_not_renamed(tmp_path: Path, name: str) -> None:
    content = make_catalog(tmp_path, {f"projects/{name}": PROJECT.replace("partners: [riverside]\n", "")})
    code, problems, _ = build(content, tmp_path / "_site")
    assert code == 1
    assert len(problems) == 1 and "is not a valid slug" in problems[0], problems
    assert problems[0].isprintable(), "invisible characters in a file name are shown escaped"
    assert not (tmp_path / "_site").exists()


@pytest.mark.parametrize("tag", ["../../escape", "..\\..\\escape", "/etc/passwd", "%2e%2e/x", "~/x", "a/../../b"])
def test_no_path_built_from_content_escapes_the_output(tmp_path: Path, tag: str) -> None:
    project = PROJECT.replace("tags: [maternal health]", f'tags: ["{tag.replace(chr(92), chr(92) * 2)}"]')
    content = make_catalog(tmp_path / "catalog", {"projects/needs.md": project})
    before = snapshot(tmp_path)
    code, problems, err = build(content, tmp_path / "catalog" / "_site")
    assert (code, problems, err) == (0, [], "")
    created = set(snapshot(tmp_path)) - set(before)
    hidden = {name for name in created if any(part.startswith(".") for part in name.split("/"))}  # e.g. a build cache
    assert created and [name for name in created - hidden if not name.startswith("catalog/_site/")] == []
    topics = [path.name for path in (tmp_path / "catalog" / "_site" / "topics").iterdir() if path.is_dir()]
    assert all(name.replace("-", "").isalnum() for name in topics), topics


@pytest.mark.parametrize("relative", ["../x.html", "a/../../x.html", "/etc/x", "a//b", "./a", "a\\..\\b", ""])
def test_the_writer_refuses_paths_that_leave_the_output(tmp_path: Path, relative: str) -> None:
    with pytest.raises(OutputError, match="outside the output folder"):
        write_tree(tmp_path / "out", [(relative, b"x")])
    assert not (tmp_path / "x.html").exists()


def _dangerous_outputs(tmp_path: Path, content: Path) -> dict[str, Path]:
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    return {
        "the content folder": content, "the catalog root (parent of content)": content.parent,
        "a folder inside content": content / "projects", "the filesystem root": Path("/"),
        "the home folder": Path.home(), "a repository root": repository, "a file": tmp_path / "file.txt",
        "the content folder by a relative path": Path(os.path.relpath(content)),
    }


@pytest.mark.parametrize("which", [
    "the content folder", "the catalog root (parent of content)", "a folder inside content", "the filesystem root",
    "the home folder", "a repository root", "a file", "the content folder by a relative path",
])
def test_output_folders_that_would_destroy_something_are_refused(tmp_path: Path, which: str) -> None:
    content = make_catalog(tmp_path / "catalog", {})
    output = _dangerous_outputs(tmp_path, content)[which]
    before = snapshot(tmp_path)
    code, _, err = build(content, output)
    assert code == 2
    assert err.startswith("error: refusing to write the site to")
    assert snapshot(tmp_path) == before
    assert not list(output.parent.glob(f".{output.name}.building-*"))


def test_an_output_symlink_to_the_content_folder_is_refused(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    (tmp_path / "_site").symlink_to(content, target_is_directory=True)
    before = snapshot(content)
    code, _, err = build(content, tmp_path / "_site")
    assert code == 2 and "refusing" in err
    assert snapshot(content) == before


def test_file_names_that_are_not_utf8_are_reported_readably(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    for name in (b"caf\xe9.md", b"odd\xff"):
        (content / "pages" / os.fsdecode(name)).write_text(PAGE, encoding="utf-8")
    code, problems, err = build(content, tmp_path / "_site")
    assert (code, err) == (1, "")
    assert [line.split(": ")[0] for line in problems] == ["content/pages/caf\\udce9.md:1", "content/pages/odd\\udcff:1"]


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_named_pipe_in_the_content_folder_is_reported_not_waited_on(tmp_path: Path, command: str) -> None:
    """Opening a named pipe waits for a writer: the build used to hang on one (in its own process, so the test cannot)."""
    content = make_catalog(tmp_path, {})
    os.mkfifo(content / "pages" / "pipe.md")
    os.mkfifo(content / "pipe")
    output = ["--output", str(tmp_path / "_site")] if command == "build" else []
    completed = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), command, "--content", str(content), *output],
        capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False,
    )
    assert (completed.returncode, completed.stderr) == (1, "")
    assert completed.stdout.splitlines()[:2] == [
        "content/pages/pipe.md:1: is not a plain file (a named pipe, socket or device) — replace it with a text file",
        "content/pipe:1: unexpected file 'pipe' — content holds site.yaml and the folders partners, projects, electives, pages",
    ]


@pytest.mark.parametrize(("name", "problem"), [
    ("pages/drafts", "content/pages/drafts:1: unexpected folder in pages/"),
    ("images", "content/images:1: unexpected folder 'images'"),
    ("pages/outside-folder.md", "content/pages/outside-folder.md:1: link points outside the content folder"),
    ("pages/about.md", "content/pages/about.md:1: link points outside the content folder"),
])
def test_a_folder_or_link_added_after_a_build_fails_the_next_build(tmp_path: Path, name: str, problem: str) -> None:
    """An empty folder or a link holds no bytes: the build took the catalog for unchanged ("nothing changed", exit 0)
    while check reported the problem."""
    content = make_catalog(tmp_path, {})
    assert build(content, tmp_path / "_site")[0] == 0
    before = snapshot(tmp_path / "_site")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "about.md").write_bytes((content / "pages" / "about.md").read_bytes())
    added = content / name
    if name == "pages/about.md":  # the same bytes, now from a file outside the content folder
        added.unlink()
        added.symlink_to(outside / "about.md")
    elif name.endswith(".md"):
        added.symlink_to(outside, target_is_directory=True)
    else:
        added.mkdir()
    code, problems, err = build(content, tmp_path / "_site")
    assert (code, err) == (1, "")
    assert [line for line in problems if line.startswith(problem)], problems
    assert snapshot(tmp_path / "_site") == before


def test_a_site_yaml_that_is_a_folder_is_not_called_missing(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"site.yaml": None})
    (content / "site.yaml").mkdir()
    code, problems, err = build(content, tmp_path / "_site")
    assert (code, err) == (1, "")
    assert problems == ["content/site.yaml:1: site.yaml is a folder — make it a text file with at least title, description and base_url"]
