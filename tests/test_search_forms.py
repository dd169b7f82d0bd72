"""The words of one stem that are other words: the rule (search_forms.same_word) and their form terms in the index."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from lunr.stop_word_filter import WORDS as STOP_WORDS

from site_gen.search import FIELD_BOOSTS, POSITION_FIELDS, REF, build_index, fold, stem
from site_gen.search_forms import families, form_term, same_word, word_base
from site_gen.search_index import B, K1


@pytest.mark.parametrize(("a", "b"), [
    ("nurse", "nursing"), ("nurse", "nurses"), ("resident", "residency"), ("maternal", "maternity"), ("clinic", "clinical"),
    ("study", "studying"), ("studies", "studying"), ("plan", "planning"), ("meet", "meetings"), ("run", "running"),
    ("refer", "referred"), ("use", "using"), ("surgery", "surgeries"),
])
def test_inflected_and_derived_forms_are_one_word(a: str, b: str) -> None:
    assert stem(a) == stem(b)
    assert same_word(a, b) and same_word(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("internal", "international"), ("intern", "international"), ("community", "communication"), ("medical", "medication"),
    ("general", "generation"), ("organ", "organization"), ("community", "communicating"), ("development", "developing"),
])
def test_words_the_stemmer_joins_are_other_words(a: str, b: str) -> None:
    assert stem(a) == stem(b)
    assert not same_word(a, b) and not same_word(b, a)


def test_a_base_drops_one_inflection_and_keeps_three_letters() -> None:
    assert [word_base(word) for word in ("planning", "planned", "studies", "studied", "nurses", "meetings", "falling", "missing")] == [
        "plan", "plan", "study", "study", "nurse", "meet", "fall", "miss"]
    assert [word_base(word) for word in ("using", "used", "access", "focus", "sing", "is")] == ["using", "used", "access", "focus", "sing", "is"]

def test_a_stems_words_are_families_of_one_word_each_named_by_its_shortest() -> None:
    assert families(["nursing", "nurse", "nurses"]) == [["nurse", "nurses", "nursing"]]
    assert families(["international", "interns", "internal", "intern"]) == [["intern", "internal", "interns"], ["international"]]
    assert families(["community", "communication", "communities", "communicating"]) == [
        ["communicating", "communication"], ["community", "communities"]]
    # "useful" and "using" are not one word, but each is "use": one family, whose term would be the stem's.
    assert families(["use", "useful", "using"]) == [["use", "useful", "using"]]


def _records(*titles_and_bodies: tuple[str, str]) -> list[dict[str, str]]:
    empty = {name: "" for name in FIELD_BOOSTS}
    return [{REF: str(number), **empty, "title": fold(title), "body": fold(body)} for number, (title, body) in enumerate(titles_and_bodies)]


RECORDS = _records(
    ("International Medicine Office", "We welcome international physicians."),
    ("Internal Medicine Clerkship", "Internal medicine wards; international students welcome; internal audits."),
    ("Nursing Exchange", "Nurses and nurse educators."),
    ("Surgery Elective", "General surgery."),
    ("International and Internal Medicine", "Both."),
)


def _index(records: list[dict[str, str]], forms: bool) -> dict[str, Any]:
    pieces: list[bytes] = []
    build_index(records, forms=forms).write_json(pieces.append)
    return json.loads(b"".join(pieces))


def test_each_word_of_an_ambiguous_stem_has_a_form_term_where_it_stands() -> None:
    index = _index(RECORDS, True)
    postings = dict(index["invertedIndex"])
    assert form_term("intern", "internal") == "~intern~internal"
    forms = sorted(term for term in postings if term.startswith("~"))
    # "nurse", "nurses" and "nursing" are one word; "internal" and "international" are two.
    assert forms == ["~intern~internal", "~intern~international"]
    for field in POSITION_FIELDS + ("body",):
        for ref in map(str, range(len(RECORDS))):
            words = RECORDS[int(ref)][field].split()
            for word in ("internal", "international"):
                numbers = [number for number, found in enumerate(words) if found == word]
                posting = postings[f"~intern~{word}"][field]
                assert (ref in posting) == bool(numbers), (field, ref, word)
                if numbers and field in POSITION_FIELDS:
                    assert posting[ref]["index"] == numbers, (field, ref, word)


def test_form_terms_leave_every_other_weight_as_it_was_and_weigh_as_bm25_counts_them() -> None:
    plain, with_forms = _index(RECORDS, False), _index(RECORDS, True)
    assert {term: posting for term, posting in with_forms["invertedIndex"] if not term.startswith("~")} == dict(plain["invertedIndex"])
    numbers = {term: posting["_index"] for term, posting in with_forms["invertedIndex"]}
    first_form = min(number for term, number in numbers.items() if term.startswith("~"))
    assert first_form == len(plain["invertedIndex"]), "form terms are numbered after every other term"
    vectors = {ref: elements for ref, elements in with_forms["fieldVectors"]}
    for ref, elements in plain["fieldVectors"]:
        assert vectors[ref][:len(elements)] == elements, ref
        assert all(number >= first_form for number in vectors[ref][len(elements)::2]), ref
    # The weight of "internal" in the body of document 1: twice there, in a body of the same length as without forms.
    lengths = [len([word for word in record["body"].split() if word not in STOP_WORDS]) for record in RECORDS]  # (as indexed)
    frequency = len(dict(with_forms["invertedIndex"])["~intern~internal"]["body"]) + len(dict(with_forms["invertedIndex"])["~intern~internal"]["title"])
    idf = math.log(1 + abs((len(RECORDS) - frequency + 0.5) / (frequency + 0.5)))
    norm = K1 * (1 - B + B * lengths[1] / (sum(lengths) / len(lengths)))
    expected = round(idf * ((K1 + 1) * 2) / (norm + 2) * FIELD_BOOSTS["body"], 3)
    body = vectors["body/1"]
    assert body[body.index(numbers["~intern~internal"]) + 1] == expected


def test_the_first_word_of_a_stem_has_the_stem_less_its_other_words() -> None:
    # "internal" comes first here: "international" is the word recorded apart, and "internal" the rest of the stem.
    records = _records(("Internal Medicine", "internal"), ("International Internal", "international internal international"))
    postings = dict(_index(records, True)["invertedIndex"])
    assert postings["~intern~internal"]["title"] == {"0": {"index": [0]}, "1": {"index": [1]}}
    assert postings["~intern~international"]["title"] == {"1": {"index": [0]}}
    assert set(postings["~intern~internal"]["body"]) == {"0", "1"} and set(postings["~intern~international"]["body"]) == {"1"}


def test_without_forms_the_index_has_none() -> None:
    assert not any(term.startswith("~") for term, _ in _index(RECORDS, False)["invertedIndex"])
