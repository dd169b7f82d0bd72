"""Index shards: together they hold exactly the whole index's postings and weights, in JavaScript term order."""

from __future__ import annotations

import json
from collections import defaultdict
from itertools import accumulate
from pathlib import Path
from typing import Any

import pytest

from site_gen.search_forms import FORM_MARK, form_term
from site_gen.search_index import WEIGHT_SCALE
from site_gen.search_shards import js_order, pack_shards


def read(site: Path, url: str) -> Any:
    return json.loads((site / url.removeprefix("/catalog/")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def whole_and_shards(built_site: Path) -> tuple[dict[str, Any], dict[str, Any], list[list[Any]]]:
    manifest = read(built_site, next(built_site.glob("search/manifest.*.json")).relative_to(built_site).as_posix())
    documents = [doc for url in manifest["chunks"] for doc in read(built_site, url)]
    index = numbered(read(built_site, "search/index.json"), {doc["url"].removeprefix("/catalog/"): str(number) for number, doc in enumerate(documents)})
    return index, manifest, [read(built_site, url) for _, url in manifest["shards"]]


def numbered(index: dict[str, Any], numbers: dict[str, str]) -> dict[str, Any]:
    """The whole index with the shards' refs (document numbers) for its own (the pages' addresses under the site)."""
    vectors = []
    for field_ref, elements in index["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        vectors.append([f"{field}/{numbers[ref]}", elements])
    inverted = [[term, {field: refs if field == "_index" else {numbers[ref]: data for ref, data in refs.items()} for field, refs in posting.items()}]
                for term, posting in index["invertedIndex"]]
    return {**index, "fieldVectors": vectors, "invertedIndex": inverted}


def test_shards_hold_every_term_once_in_javascript_order(whole_and_shards: tuple[dict[str, Any], dict[str, Any], list[list[Any]]]) -> None:
    index, manifest, shards = whole_and_shards
    terms = [row[0] for shard in shards for row in shard]
    assert sorted(terms, key=js_order) == sorted((term for term, _ in index["invertedIndex"]), key=js_order)
    assert len(set(terms)) == len(terms)
    # In order, but for the form terms of a stem (search_forms.py), which follow its row in its shard.
    assert [term for term in terms if not term.startswith(FORM_MARK)] == sorted(
        (term for term, _ in index["invertedIndex"] if not term.startswith(FORM_MARK)), key=js_order)
    for shard in shards:
        stem = None
        for row in shard:
            if row[0].startswith(FORM_MARK):
                assert stem is not None and row[0] == form_term(stem, row[0].split(FORM_MARK)[2]), row[0]
            else:
                stem = row[0]
    assert [first for first, _ in manifest["shards"]] == [shard[0][0] for shard in shards]
    assert len(shards) > 1
    assert any(term.startswith(FORM_MARK) for term in terms)


def test_the_row_of_a_stem_with_other_words_lists_them_with_its_form_terms_after_it(
        whole_and_shards: tuple[dict[str, Any], dict[str, Any], list[list[Any]]]) -> None:
    _, manifest, shards = whole_and_shards
    width = 2 + len(manifest["fields"])
    rows = {row[0]: row for shard in shards for row in shard}
    # "internal" and "international" (stem "intern") are two words, each with its form term: the query "internal" looks
    # for the first, and an entry counts as having it only when it has that (search-query.js).
    assert rows["intern"][width] == ["~internal", "~international"]
    assert [row[0] for row in next(shard for shard in shards if rows["intern"] in shard) if row[0].startswith("~intern~")] == [
        "~intern~internal", "~intern~international"]
    # "nurse", "nurses" and "nursing" are one word: no form terms, only the words (the query "nursery" is none of them).
    assert rows["nurs"][width] == ["nurse", "nurses", "nursing"]
    assert not any(term.startswith("~nurs~") for term in rows)
    # A stem whose only word is itself has no list.
    assert len(rows["kenya"]) == width


def word_numbers(packed: int | list[int]) -> list[int]:
    """A shard's word numbers of a term in a field: one number, or the first and the gaps after it."""
    if isinstance(packed, int):
        return [packed]
    return list(accumulate(packed))


def test_shard_rows_rebuild_the_whole_index_exactly(whole_and_shards: tuple[dict[str, Any], dict[str, Any], list[list[Any]]]) -> None:
    index, manifest, shards = whole_and_shards
    fields = manifest["fields"]
    postings: dict[str, dict[str, Any]] = {}
    vectors: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for row in (row for shard in shards for row in shard):
        term, term_index, per_field = row[0], row[1], row[2:]
        postings[term] = {"_index": term_index}
        for field, flat in zip(fields, per_field):
            doc, refs = 0, {}
            width = 3 if field in manifest["positions"] else 2
            for position in range(0, len(flat or ()), width):
                doc += flat[position]
                refs[str(doc)] = {"index": word_numbers(flat[position + 2])} if width == 3 else {}
                vectors[f"{field}/{doc}"].append((term_index, flat[position + 1] / WEIGHT_SCALE))
            postings[term][field] = refs
    assert postings == dict(index["invertedIndex"])
    whole_vectors = {ref: list(zip(elements[::2], elements[1::2])) for ref, elements in index["fieldVectors"] if elements}
    assert {ref: sorted(pairs) for ref, pairs in vectors.items()} == whole_vectors


def test_javascript_order_puts_astral_characters_before_the_end_of_the_basic_plane() -> None:
    assert sorted(["\uffff", "\U00010000", "z", "é"], key=js_order) == ["z", "é", "\U00010000", "\uffff"]


@pytest.mark.parametrize("limit", [10, 40, 1000])
def test_packing_keeps_order_and_stays_under_the_limit_unless_one_row_is_larger(limit: int) -> None:
    rows = [[f"term{number:03d}", number, [1, number * 7] * (number % 5)] for number in range(60)]
    # A stem's row and its form terms' rows (every seventh term has two) are one unit, never parted.
    units = [[row, *([[f"~{row[0]}~a", 100 + row[1], [1, 1]], [f"~{row[0]}~b", 200 + row[1], [2, 2]]] if row[1] % 7 == 0 else [])]
             for row in rows]
    shards = list(pack_shards(units, limit))
    assert [row for shard in shards for row in shard] == [row for unit in units for row in unit]
    for shard in shards:
        size = sum(len(json.dumps(row, separators=(",", ":"))) for row in shard)
        starts = [place for place, row in enumerate(shard) if not row[0].startswith("~")]
        assert starts[0] == 0
        assert size <= limit or len(starts) == 1
