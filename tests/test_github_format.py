"""``check --format github``: annotations GitHub can parse, plus every problem as plain text."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from helpers import ELECTIVE, PROJECT, make_catalog, run_cli
from site_gen.problems import Problem, format_github, github_annotation

ANNOTATION = re.compile(r"^::error (?P<properties>[^:]*)::(?P<data>.*)$")


def unescape_data(text: str) -> str:
    """Undo the escaping of a workflow command's data, as the Actions runner does."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse_annotation(line: str) -> tuple[dict[str, str], str]:
    """Split an ``::error`` command into its properties and message, unescaped."""
    match = ANNOTATION.match(line)
    assert match, f"not a workflow command: {line!r}"
    properties = dict(part.split("=", 1) for part in match["properties"].split(","))
    return {key: unescape_property(value) for key, value in properties.items()}, unescape_data(match["data"])


@pytest.mark.parametrize("problem", [
    Problem("content/electives/a,b:c.md", 3, "plain message"),
    Problem("content/projects/x.md", 12, "50% of 'XX': not a code, really"),
    Problem("content/pages/odd%2C.md", 1, "two\r\nlines\nand a %0A that stays literal"),
])
def test_annotation_round_trips_through_github_escaping(problem: Problem) -> None:
    line = github_annotation(problem)
    assert "\n" not in line and "\r" not in line
    properties, message = parse_annotation(line)
    assert properties == {"file": problem.path, "line": str(problem.line), "title": "Catalog content error"}
    assert message == problem.message


def test_check_prints_annotations_then_every_problem_and_a_count(tmp_path: Path) -> None:
    broken = {f"electives/broken-{n:02d}.md": ELECTIVE.replace("countries: [CN]", f"countries: ['{n}%']") for n in range(11)}
    content = make_catalog(tmp_path, {**broken, "electives/a,b:c.md": ELECTIVE})
    result = run_cli("check", "--format", "github", "--content", content)
    assert result.code == 1
    annotations = [line for line in result.lines if line.startswith("::error ")]
    plain = [line for line in result.lines if not line.startswith("::") and not line.endswith("found")]
    assert len(annotations) == len(plain) == 12, "GitHub shows only ten annotations: the plain lines repeat them all"
    assert result.lines[-1] == "12 problems found"
    for annotation, text in zip(annotations, plain):
        properties, message = parse_annotation(annotation)
        assert f"{properties['file']}:{properties['line']}: {message}" == text
    assert "content/electives/a,b:c.md:1: file name 'a,b:c.md' is not a valid slug" in result.out
    assert "content/electives/broken-07.md:8: countries[0]: '7%' is not an ISO 3166-1 alpha-2 country code" in plain


def test_no_problems_means_no_annotations(tmp_path: Path) -> None:
    result = run_cli("check", "--format", "github", "--content", make_catalog(tmp_path, {}))
    assert result.code == 0 and "::error" not in result.out
    assert format_github([]) == "0 problems found\n"


@pytest.mark.parametrize("absolute", [False, True])
def test_annotations_name_files_from_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, absolute: bool) -> None:
    """GitHub places an annotation by its path in the repository: a catalog in site/content is named site/content/..."""
    (tmp_path / ".git").mkdir()
    make_catalog(tmp_path / "site", {"electives/broken.md": ELECTIVE.replace("countries: [CN]", "countries: [XX]")})
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "site/content" if absolute else Path("site/content")
    result = run_cli("check", "--format", "github", "--content", content)
    assert result.code == 1
    [annotation] = [line for line in result.lines if line.startswith("::error ")]
    properties, _ = parse_annotation(annotation)
    assert (properties["file"], properties["line"]) == ("site/content/electives/broken.md", "8")
    assert (tmp_path / properties["file"]).is_file()
    assert "content/electives/broken.md:8: countries[0]: 'XX' is not an ISO 3166-1 alpha-2 country code" in result.lines


def test_annotations_show_invisible_characters_as_the_plain_lines_do(tmp_path: Path) -> None:
    """'unknown field 'ti\u200btle' (did you mean 'title'?)' must not read as 'title' ... 'title' on GitHub."""
    content = make_catalog(tmp_path, {"electives/surgery.md": ELECTIVE.replace("summary:", "ti\u200btle: x\nsummary:")})
    result = run_cli("check", "--format", "github", "--content", content)
    [annotation] = [line for line in result.lines if line.startswith("::error ")]
    _, message = parse_annotation(annotation)
    assert message == "unknown field 'ti\\u200btle' — it holds the invisible character U+200B (did you mean 'title'?)"
    assert f"content/electives/surgery.md:3: {message}" in result.lines


def test_a_file_name_that_is_not_utf8_cannot_break_the_annotations(tmp_path: Path) -> None:
    """Its undecodable bytes are escapes, as in the plain line: printing cannot fail, even to a strict UTF-8 stream."""
    content = make_catalog(tmp_path, {})
    (content / "electives" / os.fsdecode(b"caf\xe9.md")).write_text(ELECTIVE, encoding="utf-8")
    result = run_cli("check", "--format", "github", "--content", content)
    result.out.encode("utf-8")  # (what a UTF-8 stream with errors='strict' does with every line)
    [annotation] = [line for line in result.lines if line.startswith("::error ")]
    properties, message = parse_annotation(annotation)
    assert properties["file"] == "content/electives/caf\\udce9.md"
    assert message.startswith("file name 'caf\\udce9.md' is not a valid slug")


@pytest.mark.parametrize(("folder", "given"), [("content", "."), ("content/electives", "..")])
def test_a_content_folder_given_as_dot_is_named_as_any_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str, given: str) -> None:
    """`--content .` named files 'projects/x.md' (and the annotation put them at the repository's top) and a missing partner '/partners/y.md'."""
    (tmp_path / ".git").mkdir()
    make_catalog(tmp_path, {"projects/needs.md": PROJECT.replace("partners: [riverside]", "partners: [kfmc]")})
    monkeypatch.chdir(tmp_path / folder)
    result = run_cli("check", "--format", "github", "--content", given)
    [annotation] = [line for line in result.lines if line.startswith("::error ")]
    assert parse_annotation(annotation)[0]["file"] == "content/projects/needs.md"
    assert "content/projects/needs.md:7: partners[0]: no partner 'kfmc' (content/partners/kfmc.md does not exist)" in result.lines
