"""Search stage, the index itself: lunr.py's index kept in flat arrays and serialised as a stream.

lunr.py's ``Builder`` keeps a dictionary per posting and per field vector and
``Index.serialize`` copies them again, then ``json.dumps`` makes the whole JSON
text at once: about 50 bytes per posting several times over, several GiB for a
100,000-entry catalog. ``CompactIndex`` keeps each posting as two 4-byte numbers
in each direction (document -> terms for the field vectors, term -> documents for
the inverted index and the shards) and writes the JSON piece by piece. The bytes
are those of ``json.dumps(Builder(...).build().serialize(), ensure_ascii=False,
sort_keys=True, separators=(",", ":"))`` for the same records, which
``tests/test_fast_paths.py`` checks, but for one thing: the inverted index lists its
terms as JavaScript orders strings (``js_order``), which ``lunr.Index.load`` requires.
lunr.py lists them in Python's order, which differs for terms with a character past
U+FFFF beside one from U+E000 to U+FFFF (CJK: 𠀀 and 﨎): lunr.js refused such an
index ("Out of order word insertion").

Records are folded text (single spaces between words, see ``search.fold``), so
a field is split with ``str.split``; the token pipeline (trimmer, stop words,
stemmer: pure functions of a word) runs once per distinct word and field. The
only token metadata kept is lunr's ``index`` (a token's word number in its field's
text, stop words counted), and only for the fields named in ``positions``: what
``Builder.metadata_whitelist = ["index"]`` gives for them, for phrase search.
"""

from __future__ import annotations

import json
import math
from array import array
from bisect import bisect_left
from collections import Counter
from typing import Any, Callable, Iterable, Iterator, Sequence

from lunr import __TARGET_JS_VERSION__
from lunr.pipeline import Pipeline
from lunr.token import Token

from .search_forms import families, form_term

# A record's key of this and a field's name ("+topics"): terms to add to that field as synonyms that stand after its words
# (``CompactIndex._add_synonyms``), such as the kind of entry (search.KIND_FIELD), which no word of its text is.
ADDED = "+"
K1 = 1.2  # lunr's BM25 defaults (Builder._k1, Builder._b)
B = 0.75
WEIGHT_SCALE = 1000  # lunr rounds every weight to 3 decimals: weights are kept as integers of thousandths
_FLUSH_CHARS = 1 << 20


def js_order(term: str) -> bytes:
    """Sort key that orders strings as JavaScript's < does (UTF-16 code units)."""
    return term.encode("utf-16-be")


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _FieldPostings:
    """One field of every document: document -> (term, count then weight), and term -> documents.

    With ``positions``, each posting also has its word numbers: ``position_values[position_ends[p - 1]:position_ends[p]]``
    for posting ``p`` (a place in ``terms``/``values``), and ``postings_of`` finds a term's postings.
    """

    def __init__(self, name: str, boost: float, positions: bool = False) -> None:
        self.name = name
        self.boost = boost
        self.positions = positions
        self.position_ends = array("Q")  # by posting
        self.position_values = array("I")  # word numbers, ascending within a posting
        self.postings_of: dict[int, array[int]] = {}  # term number -> postings, in the order of ``documents``
        self.lengths = array("I")  # tokens per document
        self.ends = array("Q")  # where each document's run in ``terms``/``values`` ends
        self.terms = array("I")  # term numbers, ascending within a document
        self.values = array("I")  # term counts; weights (thousandths) once ``finish`` ran
        self.documents: dict[int, array[int]] = {}  # term number -> documents, ascending
        self.weights: dict[int, array[int]] = {}  # term number -> weights, in the order of ``documents``
        # Form terms (CompactIndex._add_forms), numbered after every other term, kept beside each document's run:
        # document -> [term number, count then weight, ...], ascending; term number -> word numbers by document.
        self.form_values: dict[int, list[int]] = {}
        self.form_positions: dict[int, list[array[int]]] = {}

    def run(self, document: int) -> range:
        return range(self.ends[document - 1] if document else 0, self.ends[document])

    def word_numbers(self, posting: int) -> array[int]:
        """The word numbers of one posting (a field that keeps positions)."""
        return self.position_values[self.position_ends[posting - 1] if posting else 0:self.position_ends[posting]]

    def numbers_of(self, number: int) -> list[array[int]]:
        """A term's word numbers in each document that holds it, in the order of ``documents`` (a field that keeps positions)."""
        if number in self.form_positions:
            return self.form_positions[number]
        return [self.word_numbers(posting) for posting in self.postings_of.get(number, ())]

    def count(self, document: int, number: int) -> int:
        """How often a term stands in a document's field, before ``finish`` (0 when it does not)."""
        run = self.run(document)
        at = bisect_left(self.terms, number, run.start, run.stop)
        return self.values[at] if at < run.stop and self.terms[at] == number else 0


class _WordPostings:
    """One word's postings in one field: documents, counts and (in a field that keeps them) word numbers."""

    __slots__ = ("documents", "counts", "numbers")

    def __init__(self) -> None:
        self.documents = array("I")
        self.counts = array("I")
        self.numbers: list[array[int]] = []

    def add(self, document: int, times: int, numbers: list[int] | None) -> None:
        self.documents.append(document)
        self.counts.append(times)
        if numbers is not None:
            self.numbers.append(array("I", numbers))


class CompactIndex:
    """A lunr index of folded-text records, built in arrays; see the module's docstring.

    Documents are numbered in the order they are added; ``ref`` names the record
    key that holds each document's lunr ref.
    """

    def __init__(
        self, fields: dict[str, float], pipeline: Pipeline, search_pipeline: Pipeline, ref: str = "id",
        normalise: Callable[[str], str] | None = None, positions: Iterable[str] = (),
        synonyms: Callable[[list[str]], Iterable[tuple[str, int, int]]] | None = None, forms: bool = False,
    ) -> None:
        """``synonyms``: the terms to add to a field for its words, each with the numbers of the first and last word it
        stands for (search.equivalent_finder's ``spans``): see ``_add_synonyms``. ``forms``: give the words of a stem that
        are not all one word a term each (``_add_forms``)."""
        self._synonyms = synonyms
        self._forms_wanted = forms
        self._first_words: dict[int, str] = {}  # term number -> the first word that gave it (as normalised)
        self._other_words: dict[int, dict[str, None]] = {}  # term number -> its other words, in order of appearance
        self._other_postings: dict[tuple[int, str, int], _WordPostings] = {}  # (term, other word, field) -> postings
        self._word_terms_cache: dict[tuple[str, str], tuple[tuple[int, ...], tuple[int, ...], str]] = {}
        self._forms: dict[int, list[tuple[list[str], int]]] = {}  # ambiguous term -> [(family of words, its form term's number)]
        kept = set(positions)
        self._fields = [_FieldPostings(name, boost, name in kept) for name, boost in fields.items()]
        self._normalise = normalise  # each distinct word, before the pipeline; the word list holds its result
        self._pipeline = pipeline
        self._search_pipeline = search_pipeline
        self._ref = ref
        self.refs: list[str] = []
        self.terms: list[str] = []  # by term number: lunr's ``_index``, in order of first appearance
        self._numbers: dict[str, int] = {}
        self._frequency = array("I")  # (field, document) pairs holding each term: lunr's idf input
        self._word_numbers: dict[tuple[str, str], tuple[int, ...]] = {}
        self._indexed_words: dict[str, None] = {}  # every word that became a term (an ordered set)
        self._finished = False

    def _term_numbers(self, word: str, field: str) -> tuple[int, ...]:
        key = (word, field)
        numbers = self._word_numbers.get(key)
        if numbers is None:
            found = []
            if self._normalise is not None:
                word = self._normalise(word)
            for token in self._pipeline.run([Token(word)], field):
                term = str(token)
                number = self._numbers.get(term)
                if number is None:
                    number = self._numbers[term] = len(self.terms)
                    self.terms.append(term)
                    self._frequency.append(0)
                found.append(number)
            numbers = self._word_numbers[key] = tuple(found)
            if numbers:
                self._indexed_words[word] = None
        return numbers

    def _word_terms(self, word: str, field: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
        """A word's term numbers, those of them whose first word it is not (with ``forms``), and the word as normalised."""
        key = (word, field)
        found = self._word_terms_cache.get(key)
        if found is None:
            numbers = self._term_numbers(word, field)
            indexed = self._normalise(word) if self._normalise is not None else word
            others = tuple(number for number in numbers if self._first_words.setdefault(number, indexed) != indexed)
            found = self._word_terms_cache[key] = (numbers, others if self._forms_wanted else (), indexed)
        return found

    def add(self, record: dict[str, str]) -> None:
        """Index one record: its ref and the folded text of each field (and terms added to it: ADDED)."""
        if self._finished:
            raise RuntimeError("the index is finished: no more documents")
        document = len(self.refs)
        self.refs.append(str(record[self._ref]))
        for place, field in enumerate(self._fields):
            words = record[field.name].lower().split()
            if field.positions:
                self._add_with_positions(place, field, document, words, record.get(ADDED + field.name, ""))
                continue
            counts: dict[int, int] = {}
            length = 0
            # Each distinct word once, with its count (a Counter keeps first appearances in order,
            # so terms are numbered as word by word): a body repeats most of its words.
            cache = self._word_terms_cache  # (looked up here: a call per word cost a tenth of the index's time)
            for word, times in Counter(words).items():
                numbers, others, indexed = cache.get((word, field.name)) or self._word_terms(word, field.name)
                for number in numbers:
                    counts[number] = counts.get(number, 0) + times
                    length += times
                for number in others:
                    self._other_posting(number, indexed, place).add(document, times, None)
            self._add_synonyms(field, words, counts, {}, record.get(ADDED + field.name, ""))
            self._add_counts(field, document, counts, length)

    def _other_posting(self, number: int, word: str, place: int) -> _WordPostings:
        """The postings, in field ``place``, of a word of term ``number`` that is not its first word."""
        key = (number, word, place)
        postings = self._other_postings.get(key)
        if postings is None:
            postings = self._other_postings[key] = _WordPostings()
            self._other_words.setdefault(number, {})[word] = None
        return postings

    def _add_with_positions(self, place: int, field: _FieldPostings, document: int, words: list[str], added: str) -> None:
        """Index one field word by word, keeping each term's word numbers (lunr's token ``index``)."""
        numbers: dict[int, list[int]] = {}
        other_numbers: dict[tuple[int, str], list[int]] = {}
        length = 0
        cache = self._word_terms_cache
        for word_number, word in enumerate(words):
            found, others, indexed = cache.get((word, field.name)) or self._word_terms(word, field.name)
            for number in found:
                numbers.setdefault(number, []).append(word_number)
                length += 1
            for number in others:
                other_numbers.setdefault((number, indexed), []).append(word_number)
        for (number, indexed), found_numbers in other_numbers.items():
            self._other_posting(number, indexed, place).add(document, len(found_numbers), found_numbers)
        counts = {number: len(found) for number, found in numbers.items()}
        self._add_synonyms(field, words, counts, numbers, added)
        self._add_counts(field, document, counts, length)
        for number in sorted(numbers):
            field.position_values.extend(numbers[number])
            field.position_ends.append(len(field.position_values))

    def _add_synonyms(self, field: _FieldPostings, words: list[str], counts: dict[int, int], numbers: dict[int, list[int]],
                      added: str = "") -> None:
        """Add the synonyms' terms of a field's words, and the ``added`` terms, to its counts and, where it keeps them, word numbers.

        As Lucene's BM25 adds a synonym at its words' place (discountOverlaps): counted as often as it
        stands, but not in the field's length, so that the other words' weights stay as they were; its
        word numbers are those of its first and last word, so that the words before and after its words
        stand next to it ("icu elective" in "Intensive Care Unit Elective"). An added term stands as a value of
        its own after the words, one word number after the last (search.VALUE_GAP), next to none of them.
        """
        spans = [] if self._synonyms is None else list(self._synonyms(words))
        spans += [(term, len(words) + 1, len(words) + 1) for term in added.split()]
        for term, first, last in spans:
            for number in self._term_numbers(term, field.name):
                counts[number] = counts.get(number, 0) + 1
                if field.positions:
                    numbers[number] = sorted({*numbers.get(number, ()), first, last})

    def _add_counts(self, field: _FieldPostings, document: int, counts: dict[int, int], length: int) -> None:
        """Add one document's term counts (term number -> occurrences) and length to a field."""
        field.lengths.append(length)
        for number in sorted(counts):
            if field.positions:
                field.postings_of.setdefault(number, array("Q")).append(len(field.terms))
            field.terms.append(number)
            field.values.append(counts[number])
            self._frequency[number] += 1
            documents = field.documents.get(number)
            if documents is None:
                documents = field.documents[number] = array("I")
            documents.append(document)
        field.ends.append(len(field.terms))

    def _new_term(self, term: str) -> int:
        number = self._numbers[term] = len(self.terms)
        self.terms.append(term)
        self._frequency.append(0)
        return number

    def _add_forms(self) -> None:
        """Give each family of the words of a stem whose words are more than one family (search_forms.families) a term of
        its own, ``~stem~name``, counted where its words stand (their word numbers where the field keeps them), as a
        synonym: not in the field's length. The first word of a stem has the stem's postings less its other words'."""
        for term, others in self._other_words.items():
            words = [self._first_words[term], *others]
            groups = families(words)
            if len(groups) < 2:
                continue  # (one family: the stem is what its words have in common)
            stem = self.terms[term]
            numbers = [self._new_term(form_term(stem, group[0])) for group in groups]
            self._forms[term] = list(zip(groups, numbers))
            family_of = {word: number for group, number in zip(groups, numbers) for word in group}
            for place, field in enumerate(self._fields):
                self._add_field_forms(term, place, field, words, family_of)
        for field in self._fields:
            for document, values in field.form_values.items():
                pairs = sorted(zip(values[0::2], values[1::2]))
                values[:] = [value for pair in pairs for value in pair]
        self._other_postings = {}
        self._word_terms_cache = {}

    def _add_field_forms(self, term: int, place: int, field: _FieldPostings, words: list[str], family_of: dict[str, int]) -> None:
        """The form terms' postings of one ambiguous term in one field (``_add_forms``): its other words' as recorded,
        its first word's as what is left of the term's once they are taken away."""
        counts: dict[int, dict[int, int]] = {}  # form term -> document -> count
        found: dict[int, dict[int, list[int]]] = {}  # form term -> document -> word numbers (a field that keeps them)
        rest: dict[int, int] = {}  # document -> how often the other words stand there
        taken: dict[int, set[int]] = {}  # document -> their word numbers
        for word in words[1:]:
            postings = self._other_postings.get((term, word, place))
            if postings is None:
                continue
            by_document = counts.setdefault(family_of[word], {})
            for at, document in enumerate(postings.documents):
                times = postings.counts[at]
                by_document[document] = by_document.get(document, 0) + times
                rest[document] = rest.get(document, 0) + times
                if field.positions:
                    found.setdefault(family_of[word], {}).setdefault(document, []).extend(postings.numbers[at])
                    taken.setdefault(document, set()).update(postings.numbers[at])
        first = family_of[words[0]]
        by_document = counts.setdefault(first, {})
        all_numbers = field.numbers_of(term) if field.positions else []
        for at, document in enumerate(field.documents.get(term, ())):
            times = field.count(document, term) - rest.get(document, 0)
            if times:
                by_document[document] = by_document.get(document, 0) + times
                if field.positions:
                    kept = taken.get(document, ())
                    found.setdefault(first, {}).setdefault(document, []).extend(n for n in all_numbers[at] if n not in kept)
        for number in sorted(counts):
            for document in sorted(counts[number]):
                numbers = sorted(found[number][document]) if field.positions else None
                self._add_form(field, document, number, counts[number][document], numbers)

    def _add_form(self, field: _FieldPostings, document: int, number: int, times: int, found: Iterable[int] | None) -> None:
        """One document's posting of a form term in a field (documents come in ascending order for each term)."""
        field.form_values.setdefault(document, []).extend((number, times))
        documents = field.documents.get(number)
        if documents is None:
            documents = field.documents[number] = array("I")
        documents.append(document)
        if found is not None:
            field.form_positions.setdefault(number, []).append(array("I", found))
        self._frequency[number] += 1

    def finish(self) -> None:
        """Turn term counts into lunr's BM25 weights (same arithmetic as lunr.py's ``Builder``)."""
        if self._finished:
            return
        self._finished = True
        if self._forms_wanted:
            self._add_forms()
        count = len(self.refs)
        idf = [math.log(1 + abs((count - frequency + 0.5) / (frequency + 0.5))) for frequency in self._frequency]
        self._word_numbers = {}
        for field in self._fields:
            average = sum(field.lengths) / count if count else 0.0
            for document in range(count):
                run = field.run(document)
                if not run:
                    continue  # (and an empty field may have an average length of 0)
                norm = K1 * (1 - B + B * (field.lengths[document] / average))
                for position in run:
                    number, frequency = field.terms[position], field.values[position]
                    score = idf[number] * ((K1 + 1) * frequency) / (norm + frequency)
                    score *= field.boost
                    weight = round(round(score, 3) * WEIGHT_SCALE)
                    field.values[position] = weight
                    weights = field.weights.get(number)
                    if weights is None:
                        weights = field.weights[number] = array("I")
                    weights.append(weight)
                forms = field.form_values.get(document, ())
                for at in range(0, len(forms), 2):
                    number, frequency = forms[at], forms[at + 1]
                    forms[at + 1] = self._weight(field, number, idf[number] * ((K1 + 1) * frequency) / (norm + frequency))

    @staticmethod
    def _weight(field: _FieldPostings, number: int, score: float) -> int:
        """A form term's weight in thousandths (lunr rounds to 3 decimals), also listed in ``field.weights`` (as ``finish``
        does for the others, inline: a call per posting cost a tenth of the index's time)."""
        score *= field.boost
        weight = round(round(score, 3) * WEIGHT_SCALE)
        weights = field.weights.get(number)
        if weights is None:
            weights = field.weights[number] = array("I")
        weights.append(weight)
        return weight

    def write_json(self, write: Callable[[bytes], Any], refs: Sequence[str] | None = None) -> None:
        """Write the serialised index (lunr-schema, keys sorted, compact) in pieces through ``write``.

        ``refs``: other refs for the documents, in their order (by default each record's own), with the same scores.
        """
        self.finish()
        refs = self.refs if refs is None else refs
        if len(refs) != len(self.refs):
            raise ValueError(f"{len(refs)} refs for {len(self.refs)} documents")
        out = _ChunkedText(write)
        texts: dict[int, str] = {}
        out.add('{"fieldVectors":[')
        separator = ""
        for document, ref in enumerate(refs):
            for field in self._fields:
                elements = []
                for position in field.run(document):
                    weight = field.values[position]
                    text = texts.get(weight)
                    if text is None:
                        text = texts[weight] = repr(weight / WEIGHT_SCALE)
                    elements.append(f"{field.terms[position]},{text}")
                forms = field.form_values.get(document, ())
                for at in range(0, len(forms), 2):  # (numbered after every other term: in order after them)
                    weight = forms[at + 1]
                    text = texts.get(weight)
                    if text is None:
                        text = texts[weight] = repr(weight / WEIGHT_SCALE)
                    elements.append(f"{forms[at]},{text}")
                out.add(f'{separator}[{_json_text(f"{field.name}/{ref}")},[{",".join(elements)}]]')
                separator = ","
        out.add(f'],"fields":{_json_text([field.name for field in self._fields])},"invertedIndex":[')
        ref_texts = [_json_text(ref) for ref in refs]
        by_name = sorted(self._fields, key=lambda field: field.name)
        separator = ""
        for term in sorted(self.terms, key=js_order):  # (lunr.js inserts terms in its own order)
            number = self._numbers[term]
            parts = [f'{separator}[{_json_text(term)},{{"_index":{number}']
            for field in by_name:
                parts.append(f',{_json_text(field.name)}:{{{",".join(self._posting_texts(field, number, refs, ref_texts))}}}')
            parts.append("}]")
            out.add("".join(parts))
            separator = ","
        pipeline = _json_text(self._search_pipeline.serialize())
        out.add(f'],"pipeline":{pipeline},"version":{_json_text(__TARGET_JS_VERSION__)}}}')
        out.flush()

    def _posting_texts(self, field: _FieldPostings, number: int, refs: Sequence[str], ref_texts: list[str]) -> list[str]:
        """``"ref":{metadata}`` of each document holding term ``number`` in a field, by ref as text (lunr.py sorts keys)."""
        documents = field.documents.get(number, array("I"))
        order = sorted(range(len(documents)), key=lambda place: refs[documents[place]])
        if not field.positions:
            return [ref_texts[documents[place]] + ":{}" for place in order]
        numbers = field.numbers_of(number)
        return [f'{ref_texts[documents[place]]}:{{"index":[{",".join(map(str, numbers[place]))}]}}' for place in order]

    def number(self, term: str) -> int:
        """lunr's ``_index`` of a term."""
        return self._numbers[term]

    def stem_words(self, number: int) -> list[str]:
        """The words that gave a term, in order of appearance (with ``forms``; else only the first)."""
        first = self._first_words.get(number)
        return [first, *self._other_words.get(number, ())] if first is not None else []

    def forms(self, number: int) -> list[tuple[list[str], int]]:
        """The families of the words of an ambiguous term (its name first), each with its form term's number
        (``_add_forms``); none for another term."""
        self.finish()
        return self._forms.get(number, [])

    def words(self) -> list[str]:
        """Every distinct indexed word as it was before stemming (stop words are not indexed), in order of first appearance."""
        return list(self._indexed_words)

    @property
    def field_names(self) -> list[str]:
        return [field.name for field in self._fields]

    @property
    def search_pipeline(self) -> list[str]:
        return self._search_pipeline.serialize()  # type: ignore[no-any-return]

    @property
    def position_fields(self) -> list[str]:
        """The fields whose postings keep word numbers."""
        return [field.name for field in self._fields if field.positions]

    def postings(self, number: int) -> Iterator[tuple[array[int], array[int], list[array[int]] | None]]:
        """For each field in order: the documents holding term ``number`` (ascending), its weight in each,
        and its word numbers in each (None for a field that keeps no positions)."""
        self.finish()
        empty = array("I")
        for field in self._fields:
            yield field.documents.get(number, empty), field.weights.get(number, empty), field.numbers_of(number) if field.positions else None


class _ChunkedText:
    """Collect text and hand it on as UTF-8 in pieces of about a megabyte."""

    def __init__(self, write: Callable[[bytes], Any]) -> None:
        self._write = write
        self._parts: list[str] = []
        self._size = 0

    def add(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= _FLUSH_CHARS:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            self._write("".join(self._parts).encode("utf-8"))
            self._parts, self._size = [], 0
