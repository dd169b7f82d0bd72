""""Did you mean" hints for misspelt field names, enum values and slugs."""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """Return the choice closest to ``word`` if one is close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not matches:
        lowered = {choice.lower(): choice for choice in choices}
        return lowered.get(word.lower())
    return matches[0]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` or an empty string."""
    match = closest(word, choices)
    return f" (did you mean '{match}'?)" if match and match != word else ""
