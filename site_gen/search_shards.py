"""Search stage, split for the browser: the whole serialised lunr index -> term shards and a term list.

A shard holds a run of consecutive terms (sorted as JavaScript compares strings)
with, per field, the documents that contain each term and the weight of the term
in that document's field vector. The browser loads only the shards a query
touches and rebuilds those parts of the index, so scores equal the whole index's:
lunr.js scores a document by the dot product of its field vectors with the query
vector, divided by the query vector's magnitude, which only involves query terms.

Row format, one per term: ``[term, lunr _index, field 0, field 1, ...]`` where a
field is ``0`` (term absent) or a flat list ``[doc delta, weight × 1000, ...]``
with documents ascending.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Iterator

# Rough upper size of one shard in bytes of JSON (a single very common term may exceed it).
SHARD_BYTES = 48_000
WEIGHT_SCALE = 1000  # lunr.py rounds every weight to 3 decimals

Row = list[Any]


def js_order(term: str) -> bytes:
    """Sort key that orders strings as JavaScript's < does (UTF-16 code units)."""
    return term.encode("utf-16-be")


def _weights_by_term(index: dict[str, Any]) -> dict[int, dict[int, list[int]]]:
    """Map term _index -> field number -> flat [doc, weight × 1000, ...], documents ascending."""
    field_numbers = {name: number for number, name in enumerate(index["fields"])}
    weights: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    vectors = sorted(((field_ref.split("/", 1), elements) for field_ref, elements in index["fieldVectors"]), key=lambda pair: int(pair[0][1]))
    for (field, doc), elements in vectors:
        for position in range(0, len(elements), 2):
            weights[elements[position]][field_numbers[field]] += [int(doc), round(elements[position + 1] * WEIGHT_SCALE)]
    return weights


def _delta(flat: list[int]) -> list[int]:
    """Replace absolute document numbers by the gap from the previous one (gzip likes small numbers)."""
    out, previous = [], 0
    for position in range(0, len(flat), 2):
        out += [flat[position] - previous, flat[position + 1]]
        previous = flat[position]
    return out


def term_rows(index: dict[str, Any]) -> list[Row]:
    """Every term of a serialised index as a shard row, in JavaScript string order."""
    weights = _weights_by_term(index)
    rows: list[Row] = []
    for term, posting in sorted(index["invertedIndex"], key=lambda pair: js_order(pair[0])):
        per_field = weights[posting["_index"]]
        rows.append([term, posting["_index"], *(_delta(per_field[number]) or 0 for number in range(len(index["fields"])))])
    return rows


def pack_shards(rows: list[Row], limit: int = SHARD_BYTES) -> Iterator[list[Row]]:
    """Group consecutive rows into shards of about ``limit`` bytes of JSON."""
    shard: list[Row] = []
    size = 0
    for row in rows:
        row_size = len(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
        if shard and size + row_size > limit:
            yield shard
            shard, size = [], 0
        shard.append(row)
        size += row_size
    if shard:
        yield shard
