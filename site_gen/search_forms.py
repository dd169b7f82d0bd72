"""Search stage: the words of one stem that are other words, and the index terms that tell them apart.

lunr's Porter stemmer gives "internal", "international" and "intern" one stem, ``intern``
(and "community" and "communication", "medical" and "medication", "general" and
"generation"): in a catalog of international medicine programs, the query ``internal
medicine`` counted every entry that says "International … medicine" as having both
words. Two words of one stem are one word when, after the start they share, neither has
more than LONGEST_ENDING letters left, or when they are inflections of one word
(``same_word``; sameWord in static/js/search-query.js, which marks words by the same rule).

A stem whose words in the catalog are more than one family ("ambiguous", found by
search_index.CompactIndex: ``families``, words joined by ``same_word``) gives each family a term of its own,
``form_term`` (``~intern~internal``), added at its words' places as a synonym that does not
count in the field's length, so every other weight stays as it was. The search page learns a stem's
words from the shard row of the stem (search_shards.py), which is also where its form
terms' rows are: a query word looks for the form terms of the families of the stem's words
it is (search-query.js), and a result counts as having it only when it has one of them.
"""

from __future__ import annotations

FORM_MARK = "~"  # no folded word holds it, and lunr's query syntax reads it, so no typed word or prefix is a form term
LONGEST_ENDING = 3  # LONGEST_ENDING in search-query.js
# Inflectional endings and what replaces them ("studies": "study"); a base keeps at least MIN_BASE letters.
INFLECTIONS: tuple[tuple[str, str], ...] = (("ings", ""), ("ing", ""), ("ied", "y"), ("ies", "y"), ("ed", ""), ("s", ""))
MIN_BASE = 3
_NOT_PLURAL = ("ss", "us", "is")  # "-s" endings that are no plural: "access", "focus", "tuberculosis"
_NOT_DOUBLED = "aeiouslz"  # a doubled letter kept before -ing and -ed: "falling", "missing", "buzzing"


def word_base(word: str) -> str:
    """A folded word without one inflectional ending: "planning" and "planned" "plan", "studies" "study", "nurses" "nurse"."""
    for ending, replacement in INFLECTIONS:
        if not word.endswith(ending):
            continue
        base = word[: -len(ending)] + replacement
        if len(base) < MIN_BASE or (ending == "s" and word.endswith(_NOT_PLURAL)):
            return word
        if not replacement and ending != "s" and len(base) > MIN_BASE and base[-1] == base[-2] and base[-1] not in _NOT_DOUBLED:
            base = base[:-1]
        return base
    return word


def same_word(a: str, b: str) -> bool:
    """Whether two folded words of one stem are one word: short endings after their common start, or one base.

    "nurse", "nurses" and "nursing"; "resident" and "residency"; "study" and "studying", "plan" and "planning"
    (inflections, whose ending is longer); not "internal" and "international", "community" and "communication".
    """
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return max(len(a), len(b)) - common <= LONGEST_ENDING or word_base(a) == word_base(b)


def families(words: list[str]) -> list[list[str]]:
    """A stem's words in families: words joined by ``same_word``, directly or through others of the family.

    Each family is sorted, the word it is named by (its shortest, first as JavaScript orders strings) first, and the
    families by their names. One term per family, not per word: "community" and "communities" are one thing to look
    for, and a term of the rare "communities" alone weighed ten times its stem in lunr's BM25 (idf).
    """
    groups: list[list[str]] = []
    for word in words:
        joined = [group for group in groups if any(same_word(word, other) for other in group)]
        groups = [group for group in groups if group not in joined] + [[word, *(other for group in joined for other in group)]]
    named = [sorted(group, key=lambda word: (len(word), _js_order(word))) for group in groups]
    return sorted(([group[0], *sorted(group[1:], key=_js_order)] for group in named), key=lambda group: _js_order(group[0]))


def _js_order(word: str) -> bytes:
    return word.encode("utf-16-be")  # (search_index.js_order, which imports this module)


def form_term(stem: str, name: str) -> str:
    """The index term of a family of words of an ambiguous stem, by the word it is named by: "~intern~internal"."""
    return f"{FORM_MARK}{stem}{FORM_MARK}{name}"
