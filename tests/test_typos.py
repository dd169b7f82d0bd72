"""The typo retry's limits: the common English words near the catalog's words that are spelt as meant."""

from __future__ import annotations

import pytest

from site_gen.search import indexed_form, stem
from site_gen.typos import common_words_near, is_end_form, within_one_edit


@pytest.mark.parametrize(("a", "b"), [
    ("hosptial", "hospital"), ("surgey", "surgery"), ("maternl", "maternal"), ("surgery", "surgery"), ("fre", "free"), ("free", "fee"),
    ("xa", "ax"),
])
def test_within_one_edit(a: str, b: str) -> None:
    assert within_one_edit(a, b) and within_one_edit(b, a)


@pytest.mark.parametrize(("a", "b"), [("hsoptial", "hospital"), ("surgry", "surgery "), ("abc", "cba"), ("ab", "abcd"), ("dental", "metal")])
def test_not_within_one_edit(a: str, b: str) -> None:
    """The same cases as the isWithinOneEdit test of tests/js/search-core.test.mjs."""
    assert not within_one_edit(a, b) and not within_one_edit(b, a)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("health", "healthy", True), ("asian", "asia", True), ("refuge", "refugee", True),
    ("free", "fee", False), ("cars", "care", False), ("dental", "mental", False), ("health", "health", False),
])
def test_is_end_form(a: str, b: str, expected: bool) -> None:
    assert is_end_form(a, b) is expected and is_end_form(b, a) is expected


def near(*words: str) -> list[str]:
    """``common_words_near`` for a catalog of these words, indexed as the search index indexes them."""
    return common_words_near(words, {stem(word) for word in words}, indexed_form, stem)


def test_common_words_one_typo_from_the_catalogs_are_listed() -> None:
    # "free" was searched as "fee", "dental" as "mental", "overseas" as "oversees".
    listed = near("fee", "mental", "oversees", "hospital")
    assert {"free", "dental", "overseas"} <= set(listed)
    assert listed == sorted(set(listed))


def test_typos_the_catalogs_own_words_and_words_found_by_their_stem_are_not_listed() -> None:
    listed = set(near("fee", "hospital", "surgery", "health"))
    assert not {"hosptial", "surgey", "hospitl"} & listed, "not English words: typos to correct"
    assert not {"fee", "hospital", "surgery", "health"} & listed, "the catalog's own words"
    assert "fees" not in listed and "hospitals" not in listed, "found by their stem, never retried"


def test_a_word_whose_only_neighbours_are_its_own_end_forms_is_not_listed() -> None:
    # The retry still takes "healthy" to "health" and "asian" to "asia" (the stemmer keeps them apart).
    listed = set(near("health", "asia", "refugee"))
    assert not {"healthy", "asian", "refuge"} & listed
    assert "wealth" in listed, "one letter changed: another word"


def test_stop_words_and_short_words_are_not_listed() -> None:
    """The retry never replaces them (search-typos.js's isRetried)."""
    listed = set(near("fee", "thy", "ax"))
    assert not {"the", "they", "fe", "a", "ox"} & listed


def test_english_frequencies_are_the_spelling_checkers_own() -> None:
    """Read from pyspellchecker's data file directly: the same words and counts as its checker holds."""
    from spellchecker import SpellChecker

    from site_gen.typos import english_frequencies

    checker = SpellChecker(language="en", distance=1).word_frequency
    frequencies = english_frequencies()
    assert len(frequencies) > 100_000 and frequencies == dict(checker.dictionary)
    assert sum(frequencies.values()) == checker.total_words
