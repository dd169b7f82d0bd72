"""Command-line mistakes: one line that names the fix (not argparse's usage text), exit code 2."""

from __future__ import annotations

import pytest

from helpers import run_cli

NEW = "e.g. python build.py new elective nanjing-surgery"
BUILD_OPTIONS = "--content, --output, --base-url, --no-cache, --jobs"


@pytest.mark.parametrize(("arguments", "line"), [
    pytest.param(["new", "elective", "-x"], "new has no option '-x' — its options are --content", id="unknown-option-hiding-the-slug"),
    pytest.param(["build", "--outpt", "x"], f"build has no option '--outpt' (did you mean '--output'?) — its options are {BUILD_OPTIONS}", id="misspelt-option"),
    pytest.param(["--contnt", "x"], f"build has no option '--contnt' (did you mean '--content'?) — its options are {BUILD_OPTIONS}", id="default-command"),
    pytest.param(["build", "extra"], f"'extra' is not an option of build — its options are {BUILD_OPTIONS}", id="extra-word"),
    pytest.param(["bild"], "'bild' is not a command (did you mean 'build'?) — the commands are build, check, serve, new, e.g. python build.py check",
                 id="misspelt-command"),
    pytest.param(["new"], f"new needs the kind of entry and its slug (the file name without .md) — {NEW}", id="new-alone"),
    pytest.param(["new", "elective"], f"new needs the kind of entry and its slug (the file name without .md) — {NEW}", id="no-slug"),
    pytest.param(["new", "electiv", "x"], f"'electiv' is not a kind of entry (did you mean 'elective'?) — write one of partner, project, elective, page, {NEW}",
                 id="misspelt-kind"),
    pytest.param(["new", "page", "About", "Us"], "'Us' is one word too many — new takes the kind and one slug, with hyphens for spaces:"
                 " python build.py new page about-us", id="slug-with-spaces"),
    pytest.param(["check", "--format", "gh"], "--format: 'gh' is not one of: text, github", id="bad-choice"),
    pytest.param(["check", "--content"], "--content needs a value after it — e.g. --content content", id="no-value"),
    pytest.param(["serve", "--port", "abc"], "--port: 'abc' is not a whole number — e.g. --port 8000", id="not-a-number"),
    pytest.param(["build", "--jobs", "0"], "--jobs: '0' is not a whole number of at least 1 — e.g. --jobs 2", id="own-check"),
])
def test_a_command_line_mistake_is_one_line_that_names_the_fix(arguments: list[str], line: str) -> None:
    """It was argparse's usage block and 'build.py new: error: the following arguments are required: slug'."""
    result = run_cli(*arguments)
    assert (result.code, result.out, result.err) == (2, "", f"error: {line}\n")


@pytest.mark.parametrize("arguments", [["--help"], ["new", "--help"]])
def test_help_still_shows_the_usage(arguments: list[str]) -> None:
    result = run_cli(*arguments)
    assert result.code == 0 and result.out.startswith("usage: build.py")
