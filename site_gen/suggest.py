""""Did you mean" hints for misspelt field names, enum values and slugs."""

from __future__ import annotations

import difflib
from typing import Iterable

# Typographic quotes a word processor puts where straight ones were typed: YAML reads them as text.
CURLY_QUOTES = "“”„‟‘’‚‛«»"
# Letters a word must share at its start with the one choice that does, to be taken for it.
SHARED_START = 6


def closest(word: str, choices: Iterable[str]) -> str | None:
    """Return the choice closest to ``word`` if one is close enough."""
    options = list(choices)
    lowered = word.lower()
    containing = [choice for choice in options if lowered and (lowered in choice.lower() or choice.lower() in lowered)]
    if len(containing) == 1:
        return containing[0]
    matches = difflib.get_close_matches(lowered, options, n=1, cutoff=0.7)
    if matches:
        return matches[0]
    # Another word of the same start: 'observation' for 'observership', 'partnerships' for 'partners' (too far as a ratio).
    # (one word of letters only: addresses and slugs of a kind share their starts, '/topics/', 'hospital-')
    start = lowered[:SHARED_START]
    if len(start) < SHARED_START or not lowered.isalpha():
        return None
    sharing = [choice for choice in options if choice.lower().startswith(start)]
    return sharing[0] if len(sharing) == 1 else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` or an empty string."""
    match = closest(word, choices)
    return f" (did you mean '{match}'?)" if match and match != word else ""


def closest_field(name: str, fields: Iterable[str]) -> str | None:
    """``closest``, then the field whose singular is close: 'contry' is an elective's 'countries'
    as it is a partner's 'country' (as a ratio, 'contry' is too far from the plural)."""
    options = list(fields)
    match = closest(name, options)
    if match is not None:
        return match
    singular = {_singular(option): option for option in options if _singular(option) != option}
    near = closest(name, singular)
    return singular[near] if near is not None else None


def field_hint(name: str, fields: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for a misspelt field name, or an empty string."""
    match = closest_field(name, fields)
    return f" (did you mean '{match}'?)" if match and match != name else ""


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
