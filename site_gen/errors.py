"""Errors that end a command with a usage message (exit 2), importable without the pipeline."""

from __future__ import annotations


class ScaffoldError(Exception):
    """The entry cannot be created (bad kind or slug, file exists)."""


class SearchAssetError(Exception):
    """A file the search page needs (lunr.js) is missing."""
