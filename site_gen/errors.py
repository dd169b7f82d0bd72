"""Errors that end a command with a usage message (exit 2), importable without the pipeline."""

from __future__ import annotations

from pathlib import Path


class ScaffoldError(Exception):
    """The entry cannot be created (bad kind or slug, file exists)."""


class SearchAssetError(Exception):
    """A file the search page needs (lunr.js) is missing."""


def describe_error(error: Exception) -> str:
    """A ``path:line: message`` line for an exception raised while building (e.g. a template error)."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if filename and Path(filename).resolve().is_relative_to(Path.cwd()):
        filename = Path(filename).resolve().relative_to(Path.cwd()).as_posix()
    where = f"{filename}:{line or 1}: " if filename else ""
    return f"{where}{type(error).__name__}: {error}"
