"""Search stage, split for the browser: the lunr index -> term shards (rows of postings and weights).

A shard holds a run of consecutive terms (sorted as JavaScript compares strings)
with, per field, the documents that contain each term and the weight of the term
in that document's field vector. The browser loads only the shards a query
touches and rebuilds those parts of the index, so scores equal the whole index's:
lunr.js scores a document by the dot product of its field vectors with the query
vector, divided by the query vector's magnitude, which only involves query terms.

Row format, one per term: ``[term, lunr _index, field 0, field 1, ...]`` where a
field is ``0`` (term absent) or a flat list ``[doc delta, weight × 1000, ...]``
with documents ascending. A field that keeps positions (the manifest's
``positions``) has a third item per document, the term's word numbers there
(lunr's ``index`` metadata): one number, or a list of the first and the gaps
after it. The row of a stem whose words are not just the stem itself ends with
its words (search_forms.py); when the stem is ambiguous, in families, each after the
word it is named by, written with a "~" before it (``["~internal", "~international"]``,
``["~communicate", "communicating", "communication", "~community", "communities"]``):
the family's form term is ``~stem~name``. Those form terms' rows follow their stem's row,
in the same shard (the search page finds a form term's shard by its stem), so the terms
of a shard are in order but for them.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Sequence

from .search_forms import FORM_MARK
from .search_index import CompactIndex, js_order

# Rough upper size of one shard in bytes of JSON (a single very common term may exceed it).
SHARD_BYTES = 48_000

Row = list[Any]


def _word_numbers(numbers: Sequence[int]) -> int | list[int]:
    """One word number as itself, several as the first and the gaps after it."""
    if len(numbers) == 1:
        return numbers[0]
    return [numbers[0], *(number - previous for number, previous in zip(numbers[1:], numbers))]


def _flat(documents: Sequence[int], weights: Sequence[int], positions: Sequence[Sequence[int]] | None = None) -> list[Any] | int:
    """``[doc delta, weight, (word numbers,) ...]``: each document number as the gap from the previous one (gzip likes small numbers); 0 when empty."""
    if not documents:
        return 0
    width = 2 if positions is None else 3
    flat: list[Any] = [0] * (width * len(documents))
    flat[0::width] = [document - previous for document, previous in zip(documents, (0, *documents))]
    flat[1::width] = weights
    if positions is not None:
        flat[2::width] = [_word_numbers(numbers) for numbers in positions]
    return flat


def _row(index: CompactIndex, term: str, number: int) -> Row:
    return [term, number, *(_flat(*postings) for postings in index.postings(number))]


def term_rows(index: CompactIndex, ordered_terms: Iterable[str]) -> Iterator[list[Row]]:
    """The shard rows of each term of ``ordered_terms`` (the index's terms in ``js_order``; document numbers are refs),
    a term's with its words and its form terms' rows after it (the module's docstring): one list per term."""
    for term in ordered_terms:
        if term.startswith(FORM_MARK):
            continue  # (after their stem's row)
        number = index.number(term)
        row = _row(index, term, number)
        forms = index.forms(number)
        words = [word for group, _ in forms for word in (FORM_MARK + group[0], *group[1:])] if forms else sorted(
            index.stem_words(number), key=js_order)
        if words and words != [term]:
            row.append(words)
        yield [row, *(_row(index, index.terms[form], form) for _, form in forms)]


def pack_shards(units: Iterable[list[Row]], limit: int = SHARD_BYTES) -> Iterator[list[Row]]:
    """Group consecutive units of rows (term_rows: a term's rows) into shards of about ``limit`` bytes of JSON."""
    shard: list[Row] = []
    size = 0
    for rows in units:
        rows_size = sum(len(json.dumps(row, ensure_ascii=False, separators=(",", ":"))) for row in rows)
        if shard and size + rows_size > limit:
            yield shard
            shard, size = [], 0
        shard.extend(rows)
        size += rows_size
    if shard:
        yield shard
