"""Content problems as data: the ``Problem`` value and its text and GitHub formatters."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

# Control, format (bidi, zero-width), separator, surrogate and unassigned characters.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})


def visible(text: str) -> str:
    """Show invisible characters as escapes, so one problem stays one honest line."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in _INVISIBLE_CATEGORIES else ch
        for ch in text
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at ``path:line``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{visible(self.path)}:{self.line}: {visible(self.message)}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sort by path, then line, then message; drop exact repeats."""
    return sorted(set(problems))


def format_text(problems: list[Problem]) -> str:
    """Render problems as ``path:line: message`` lines plus a total count."""
    lines = [str(problem) for problem in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found")
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, title: str = "Catalog content error", prefix: str = "") -> str:
    """Render one problem as a GitHub Actions ``::error`` workflow command.

    GitHub places an annotation by the file's path from the repository's root:
    ``prefix`` is where the content folder's parent sits in the repository ("site/").
    The message shows invisible characters as escapes, as the plain line does (line
    breaks stay line breaks, escaped for the command); the
    path keeps them (GitHub matches it to the file) except the undecodable bytes of a
    file name that is not UTF-8, which no log can hold.
    """
    properties = ",".join(
        f"{key}={_escape_property(value)}"
        for key, value in (("file", _without_surrogates(prefix + problem.path)), ("line", str(problem.line)), ("title", title))
    )
    message = "".join(part if part in ("\r", "\n") else visible(part) for part in re.split(r"([\r\n])", problem.message))
    return f"::error {properties}::{_escape_data(message)}"


def _without_surrogates(text: str) -> str:
    """Show the lone surrogates that stand for undecodable bytes of a file name as escapes."""
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) == "Cs" else ch for ch in text)


def format_github(problems: list[Problem], prefix: str = "") -> str:
    """Annotations for GitHub (paths from the repository's root, see ``github_annotation``),
    then every problem as plain text with a count.

    GitHub shows only the first ten annotations of a step, so the plain lines
    make sure nothing is hidden.
    """
    annotations = [github_annotation(problem, prefix=prefix) for problem in problems]
    return "\n".join(annotations) + ("\n" if annotations else "") + format_text(problems)
