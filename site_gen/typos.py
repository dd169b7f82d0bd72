"""Search stage, the typo retry's limits: common English words are spelt as meant, however near a catalog word.

A query word that matches nothing is retried with the catalog's words one typo away from it
(static/js/search-core.js, the words from static/js/search-typos.js). That is right for
"hosptial", but a word spelt as meant that the catalog simply lacks became another word:
"free" was searched as "fee", "dental" as "mental", "overseas" as "oversees". A spelling
checker corrects only the words it does not know; the search page cannot hold an English
dictionary, so the build lists the common English words that the retry would take for typos
of the catalog's words (``common_words_near``), and the page retries such a word only with
the catalog's words that are its own shorter or longer form, a letter added or dropped at
the end (``is_end_form``: "healthy" still finds "health", "asian" "asia", "refuge"
"refugee", which the stemmer keeps apart), and otherwise says it found nothing ("No results
for “free”").

Common: used at least once per million words of English (3 and up on the Zipf scale of
van Heuven et al., 2014, below which words count as rare), by the English word
frequencies that pyspellchecker ships.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

from lunr.stop_word_filter import WORDS as STOP_WORDS

PER_MILLION = 1  # how often a word must be used, per million words of English, to count as common
SHORTEST_RETRIED = 3  # search-typos.js retries words of three letters or more (isRetried)


def within_one_edit(a: str, b: str) -> bool:
    """Whether two words are equal or one edit apart: a letter added, dropped or changed, or two neighbours swapped.

    The rule of search-typos.js's isWithinOneEdit, which picks the similar words.
    """
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) > len(b):
        return a[start + 1:] == b[start:]
    if len(a) < len(b):
        return a[start:] == b[start + 1:]
    return (start == len(a) or a[start + 1:] == b[start + 1:]
            or (a[start:start + 2] == b[start:start + 2][::-1] and a[start + 2:] == b[start + 2:]))


def _keys(word: str) -> set[str]:
    """The word and each form of it with one letter dropped: two words within one edit share one of these."""
    return {word, *(word[:position] + word[position + 1:] for position in range(len(word)))}


def english_frequencies() -> dict[str, int]:
    """pyspellchecker's English word counts, read from its data file.

    The same counts as ``SpellChecker(language="en").word_frequency.dictionary``
    (the words are already lower-case), without building a spelling checker: that
    took about 0.4 s of each search build.
    """
    return json.loads(gzip.decompress((resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()))  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _common_by_key(normalise: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    """Common English words, as ``normalise`` gives them, by the keys of ``_keys``."""
    frequency = english_frequencies()
    least = sum(frequency.values()) * PER_MILLION / 1_000_000
    words = sorted({normalise(word) for word, count in frequency.items() if count >= least and len(word) >= SHORTEST_RETRIED})
    by_key: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= SHORTEST_RETRIED and word.isalpha() and word not in STOP_WORDS:
            for key in _keys(word):
                by_key.setdefault(key, []).append(word)
    return {key: tuple(found) for key, found in by_key.items()}


def is_end_form(a: str, b: str) -> bool:
    """Whether one word is the other with a letter added at the end ("health", "healthy"): search-typos.js's isEndForm."""
    return abs(len(a) - len(b)) == 1 and (a.startswith(b) or b.startswith(a))


def common_words_near(words: Iterable[str], terms: Iterable[str], normalise: Callable[[str], str], stem: Callable[[str], str]) -> list[str]:
    """The common English words that the typo retry would replace by some of ``words`` (the catalog's) that are no form of them, sorted.

    ``normalise`` folds a word as the index's words are (search.fold, respell). Left out:
    the catalog's own words, a word whose stem is one of ``terms`` (it finds entries itself
    and is never retried), and a word whose catalog neighbours are all its end forms (the
    page would retry it with the same words anyway).
    """
    by_key = _common_by_key(normalise)
    own, indexed = set(words), set(terms)
    found = {common for word in own for key in _keys(word) for common in by_key.get(key, ())
             if within_one_edit(common, word) and not is_end_form(common, word)}
    return sorted(common for common in found if common not in own and stem(common) not in indexed)
