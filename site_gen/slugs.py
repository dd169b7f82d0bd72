"""Slug rules: entry slugs (file names) and tag slugs (topic URLs)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)


def is_slug(text: str) -> bool:
    """True when ``text`` is a valid entry slug."""
    return bool(SLUG_RE.fullmatch(text))


def suggest_slug(name: str) -> str:
    """Fold any name into the nearest valid slug (for hints and ``new``)."""
    # (accents dropped, 'é' -> 'e'; any other character that is not ASCII, such as a long dash, separates words)
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(char if char.isascii() else "" if unicodedata.combining(char) else "-" for char in decomposed)
    folded = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return folded or "my-entry"


def suggest_file_slug(name: str) -> str:
    """The slug a contributor meant by a file name or path: 'electives/Peds.md.md' -> 'peds'."""
    base = re.split(r"[/\\]", name.strip().rstrip("/\\"))[-1]
    while re.search(r"\.(md|markdown|txt)$", base, re.IGNORECASE):
        base = base[: base.rindex(".")]
    return suggest_slug(base)


@lru_cache(maxsize=65536)
def tag_slug(tag: str) -> str:
    """Fold a tag into its URL slug: lower case, non-alphanumerics to single hyphens (memoised: tags recur).

    A combining mark that follows a letter or digit belongs to it: the vowel signs of
    Devanagari, Bengali, Tamil or Thai ("स्वास्थ्य") and Arabic or Hebrew points are part
    of the word, not separators (else "टीका" and "टिक" would share one topic page).
    """
    folded = unicodedata.normalize("NFC", tag).lower()
    kept: list[str] = []
    for char in folded:
        if char.isalnum() or (kept and kept[-1] != " " and unicodedata.category(char).startswith("M")):
            kept.append(char)
        else:
            kept.append(" ")
    return "-".join("".join(kept).split())


def distinct_topics(tags: Iterable[str]) -> tuple[str, ...]:
    """The tags that name different topic pages, each in its first spelling.

    "Maternal Health" and "maternal-health" in one entry are one topic: two links to one page, named twice, mislead.
    """
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag_slug(tag), tag)
    return tuple(seen.values())
