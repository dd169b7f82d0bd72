"""Each fast path of the build gives exactly what the straightforward code it replaces gives."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import ChainMap
from datetime import date
from html.parser import HTMLParser
from dataclasses import replace
from pathlib import Path
from typing import Any

import email_validator
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lunr.builder import Builder

from helpers import ROOT, load_generator
from site_gen import fieldtypes
from site_gen.catalog import ENTRY_COLLECTIONS, Catalog, Item, countries_of
from site_gen.exports import catalog_json, entry_record
from site_gen.markup import MarkdownRenderer, _links_to_a_computer, _may_link_to_a_computer
from site_gen.pipeline import load_catalog
from site_gen.assets import asset_versions
from site_gen.render import make_environment
from site_gen.related import COLLECTION_ORDER, COUNTRY_WEIGHT, TAG_WEIGHT, RelatedEntries, RelatedIndex, linked_from, related_entries
from site_gen.schema import Entry
from site_gen.search_index import js_order
from site_gen.search import FIELD_BOOSTS, INITIAL_WORDS, POSITION_FIELDS, REF, build_index, configure, fold, indexed_form, plain_text, respell
from site_gen.slugs import tag_slug
from site_gen.source import first_unshowable
from site_gen.urls import Urls

EXAMPLES = settings(max_examples=150, deadline=None, derandomize=True, database=None)
WORDS = st.sampled_from(["surgery", "surgeries", "maternal", "bogota", "the", "and", "a", "norway", "nanjing", "2026",
                         "pediatrics", "observership", "care", "caring", "x", "_", "ébola", "naïve", "straße",
                         "\ufa0e\ufa0f", "\U00020000\U00020001", "\ue000x"])  # (past U+FFFF, and from U+E000: ordered apart by Python and JavaScript)
FOLDED = st.lists(WORDS, max_size=30).map(lambda words: fold(" ".join(words)))


UNSPACED_BLOCKS = [(0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029),
                   (0x3038, 0x303C), (0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
                   (0xF900, 0xFAFF), (0x20000, 0x3FFFF)]


def is_unspaced(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in UNSPACED_BLOCKS)


def is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"


def drop_possessives(text: str) -> str:
    """Character by character: an apostrophe (' or ’) and "s" after a letter or digit, before no word character, dropped."""
    kept, position = [], 0
    while position < len(text):
        after = text[position + 2:position + 3]
        if (text[position] in "'’" and text[position + 1:position + 2] == "s" and position and text[position - 1].isalnum()
                and not (after and is_word_character(after))):
            position += 2
            continue
        kept.append(text[position])
        position += 1
    return "".join(kept)


def reference_fold(text: str) -> str:
    """Character by character: possessives' "'s" dropped, marks dropped, initials' dots dropped ("u.k." as search-folding.js
    reads it; "u.s." as "usa", INITIAL_WORDS), non-word characters to spaces, Hangul recomposed, runs of unspaced letters (two or more) as their overlapping pairs."""
    decomposed = unicodedata.normalize("NFKD", drop_possessives(text.lower()))
    unmarked = "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
    unmarked = re.sub(r"(?<![\w.])[^\W\d_](?:\.[^\W\d_])+(?!\w)", lambda match: INITIAL_WORDS.get(*[match.group().replace(".", "")] * 2),
                      unmarked)
    kept = "".join(char if char.isalnum() or char == "_" else " " for char in unmarked)
    words: list[str] = []
    for word in unicodedata.normalize("NFC", kept).split():
        segment = ""
        for char in word + " ":
            if segment and (char == " " or is_unspaced(char) != is_unspaced(segment[0])):
                unspaced_run = is_unspaced(segment[0]) and len(segment) > 1
                words += [segment[start:start + 2] for start in range(len(segment) - 1)] if unspaced_run else [segment]
                segment = ""
            segment += char
    return " ".join(words)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")


def reference_plain_text(html: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join("".join(extractor.parts).split())


def reference_index(records: list[dict[str, str]]) -> bytes:
    """The same records through lunr.py's own Builder (tokenizer, pipeline per token, vectors by insertion) and json.

    The compact index respells each word before its pipeline (British spellings as American ones);
    here the records' text is respelled word by word first. lunr.py keeps the token metadata its
    whitelist names for every field: the compact index keeps the word numbers ("index") of
    POSITION_FIELDS only, so the other fields' are dropped here.
    """
    builder = configure(Builder())
    builder.metadata_whitelist = ["index"]
    for record in records:
        builder.add({name: text if name == REF else " ".join(map(respell, text.split())) for name, text in record.items()})
    serialised = builder.build().serialize()
    serialised["invertedIndex"].sort(key=lambda entry: js_order(entry[0]))  # (as lunr.js inserts terms: see search_index)
    for _, posting in serialised["invertedIndex"]:
        for field in set(FIELD_BOOSTS) - set(POSITION_FIELDS):
            posting[field] = {ref: {} for ref in posting[field]}
    return json.dumps(serialised, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def index_json(records: list[dict[str, str]]) -> bytes:
    """The compact index's JSON, written in pieces (without equivalents' and forms' terms, which lunr.py's builder has no way to add)."""
    pieces: list[bytes] = []
    build_index(records, equivalents=False, forms=False).write_json(pieces.append)
    return b"".join(pieces)


# What a web page may not hold, as one character class (the definition ``first_unshowable`` speeds up).
UNSHOWABLE = re.compile("[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef"
                        + "".join(f"\\U{plane:04x}fffe-\\U{plane:04x}ffff" for plane in range(17)) + "]")


def test_first_unshowable_agrees_with_one_class_on_every_character() -> None:
    for code in range(0x110000):
        text = f"a{chr(code)}b"
        found, expected = first_unshowable(text), UNSHOWABLE.search(text)
        assert (found and found.group()) == (expected and expected.group()), hex(code)


@EXAMPLES
@given(st.text(alphabet=st.sampled_from(["a", "\n", "\x07", "\ufdd0", "\uffff", "\U0001fffe", "\U0010ffff", "\U0001f600", "é"]), max_size=30))
def test_first_unshowable_finds_the_first_of_mixed_characters(text: str) -> None:
    found, expected = first_unshowable(text), UNSHOWABLE.search(text)
    assert (found and found.span()) == (expected and expected.span())


_NOISE = st.lists(st.sampled_from(["a", " ", "\n", ":", "/", "//", "https://", "\\", ")", "<", '"']), max_size=4).map("".join)
_LINK_START = st.sampled_from(["](", "]( <", "]: ", "]:\t<", "href=", 'href = "', "HREF='"])
_PATH_START = st.sampled_from(["file:", "FILE:", "File:", "C:\\", "c:/", "Z:/", "\\\\", "C:", "https://", "x"])


@EXAMPLES
@given(st.tuples(_NOISE, _LINK_START, _PATH_START, _NOISE).map("".join))
def test_a_body_passed_over_for_links_to_a_computer_has_none(text: str) -> None:
    # (_links_to_a_computer's expression scanned every body with a ':' at about 57 µs; the substring test costs 9)
    assert _may_link_to_a_computer(text) or not _links_to_a_computer(text)


@EXAMPLES
@given(st.text(max_size=80))
def test_fold_matches_the_character_by_character_definition(text: str) -> None:
    assert fold(text) == reference_fold(text)


@EXAMPLES
@given(st.text(alphabet=st.sampled_from(list("北京协和医院서울대병원がぎくガグせーโรงพยาบาลá a-1_ ") + ["\U00020000", "\u1100", "\u1161"]), max_size=40))
def test_fold_matches_the_definition_on_scripts_written_without_spaces(text: str) -> None:
    assert fold(text) == reference_fold(text)


@EXAMPLES
@given(st.text(alphabet=st.sampled_from(list("'’sSaéuU1_ -.") + ["\u0301", "病"]), max_size=30))
def test_fold_matches_the_definition_on_possessives_and_initials(text: str) -> None:
    assert fold(text) == reference_fold(text)


@EXAMPLES
@given(st.lists(st.fixed_dictionaries({name: FOLDED for name in FIELD_BOOSTS}), min_size=1, max_size=14))
def test_index_json_equals_lunr_py_builders_index(fields: list[dict[str, str]]) -> None:
    records = [{REF: str(number), **record} for number, record in enumerate(fields)]  # refs 10.. sort before 2 as text
    assert index_json(records) == reference_index(records)


@EXAMPLES
@given(st.lists(st.sampled_from(["word ", "Bogotá", "*em*", "`code`", "[link](https://x.org/?a=1&b=2)", "&amp; &lt;tag&gt;",
                                 "<b>bold</b>", '<abbr title="a > b">ab</abbr>', "| a | b |\n|---|---|\n| c | d |\n",
                                 "\n\n", "- item\n", "## Heading\n", "x<sup>2</sup>", "'quoted'", "..."]), max_size=20).map("".join))
def test_plain_text_matches_an_html_parser_on_sanitised_bodies(markdown: str) -> None:
    html = MarkdownRenderer().render(markdown)
    assert plain_text(html) == reference_plain_text(html)


def test_bundled_index_and_texts_equal_the_reference() -> None:
    from site_gen import urls
    from site_gen.pipeline import render_bodies
    from site_gen.search import indexed_records

    catalog = load_catalog(ROOT / "content").catalog
    assert catalog is not None
    bodies, _ = render_bodies(catalog, urls.Urls(catalog.site.base_url))
    for body in bodies.values():
        assert plain_text(body) == reference_plain_text(body)
    records = list(indexed_records(catalog, bodies))
    assert index_json(records) == reference_index(records)


def reference_related(catalog: Catalog, item: Item[Entry], limit: int = 4) -> tuple[Item[Entry], ...]:
    """Brute force: score every published entry by the countries and tags it shares with ``item``, sort them all."""
    skip = linked_from(catalog, item) | {item.key}
    tags = [slug for slug in map(tag_slug, item.meta.tags) if slug]
    scored = []
    for other in catalog.published:
        if other.key in skip or other.collection == "pages":
            continue
        their_countries, their_tags = set(countries_of(other)), {tag_slug(tag) for tag in other.meta.tags}
        score = COUNTRY_WEIGHT * sum(code in their_countries for code in countries_of(item)) + TAG_WEIGHT * sum(tag in their_tags for tag in tags)
        if score:
            scored.append((-score, COLLECTION_ORDER.get(other.collection, 9), other.title, other.slug, other))
    return tuple(entry[-1] for entry in sorted(scored, key=lambda entry: entry[:4])[:limit])


def test_related_index_and_direct_scoring_rank_like_scoring_every_candidate() -> None:
    catalog = load_catalog(ROOT / "content").catalog
    assert catalog is not None
    index = RelatedIndex(catalog)
    for item in catalog.published:
        for limit in (1, 4, 50):
            expected = reference_related(catalog, item, limit)
            assert index.related(item, limit) == expected, item.key
            assert related_entries(catalog, item, limit) == expected, item.key


def test_related_index_ranks_like_direct_scoring_on_a_large_generated_catalog(tmp_path: Path) -> None:
    """Countries and topics with hundreds of members, scores from 1 to 10 and more, many ties."""
    content = tmp_path / "content"
    load_generator().generate(600, 11, content)
    catalog = load_catalog(content).catalog
    assert catalog is not None and len(catalog.published) >= 500  # (a few are drafts)
    index = RelatedIndex(catalog)
    for item in catalog.published:
        for limit in (4, 30):
            assert index.related(item, limit) == related_entries(catalog, item, limit), item.key


def test_templates_switch_from_direct_scoring_to_the_index_with_the_same_answers() -> None:
    catalog = load_catalog(ROOT / "content").catalog
    assert catalog is not None
    related = RelatedEntries(catalog)
    answers = [related(item) for item in catalog.published]
    assert related.index is not None and len(answers) > RelatedEntries.INDEX_AFTER
    assert answers == [reference_related(catalog, item) for item in catalog.published]


def reference_catalog_json(catalog: Catalog, url_maker: Urls) -> bytes:
    """The whole document made in memory and serialised at once (what ``write_catalog_json`` streams)."""
    document = {
        "site": {"title": catalog.site.title, "description": catalog.site.description, "url": catalog.site.base_url},
        **{name: [entry_record(item, url_maker) for item in catalog.collection(name)] for name in ENTRY_COLLECTIONS},
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n").encode("utf-8")


def test_catalog_json_written_entry_by_entry_equals_the_whole_document(tmp_path: Path) -> None:
    content = tmp_path / "content"
    load_generator().generate(300, 5, content)
    (content / "partners" / "odd-characters.md").write_text(
        '---\ntitle: "Quotes \\" <b>&amp; \\u2028 line\\\\ separators"\nsummary: "Tabs\\tand\\nnewlines, ünïcode, 🩺, </script>"\n'
        "kind: other\ncountry: NO\n---\nBody.\n", encoding="utf-8")
    for root in (ROOT / "content", content):
        catalog = load_catalog(root).catalog
        assert catalog is not None
        url_maker = Urls(catalog.site.base_url)
        assert catalog_json(catalog, url_maker) == reference_catalog_json(catalog, url_maker), root
    empty = replace(catalog, partners=(), projects=(), electives=())  # every collection empty: "[]"
    written = catalog_json(empty, url_maker)
    assert written == reference_catalog_json(empty, url_maker) and b'"electives": []' in written


@EXAMPLES
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20) | st.sampled_from(["colour", "paediatrics", "centre", "anaemia"]))
def test_indexed_form_of_a_plain_word_is_the_folded_form(word: str) -> None:
    """A word of lower-case ASCII letters skips folding, which would leave it as it is."""
    assert indexed_form(word) == " ".join(map(respell, fold(word).split())) == respell(word)


def bundled_environment() -> tuple[Catalog, Any]:
    """The bundled catalog and the build's Jinja environment for it."""
    catalog = load_catalog(ROOT / "content").catalog
    assert catalog is not None
    return catalog, make_environment(ROOT / "templates", catalog, Urls(catalog.site.base_url), date(2026, 1, 1), asset_versions(ROOT / "static"))


def test_fragment_each_renders_each_item_once_per_key_and_joins_them_in_order() -> None:
    catalog, env = bundled_environment()
    made: list[str] = []
    env.globals["made"] = lambda slug: made.append(slug) or ""
    template = env.from_string('{% call(item) fragment_each(("test", level), items) %}[{{ made(item.slug) }}{{ item.slug }}|{{ level }}]{% endcall %}')
    items = catalog.partners[:5]
    expected = "".join(f"[{item.slug}|3]" for item in items)
    assert template.render(items=items, level=3) == expected
    assert template.render(items=items[::-1], level=3) == "".join(f"[{item.slug}|3]" for item in items[::-1])
    assert made == [item.slug for item in items]  # the second page reused every item
    assert template.render(items=items[:1], level=2) == f"[{items[0].slug}|2]" and len(made) == 6  # another key renders again


def test_listing_cards_equal_one_card_macro_per_item() -> None:
    catalog, env = bundled_environment()
    items = catalog.electives
    listed = env.from_string('{% from "partials/cards.html" import cards %}{{ cards(items, 3) }}').render(items=items)
    one_by_one = env.from_string('{% from "partials/cards.html" import card %}{% for item in items %}{{ card(item, 3) }}{% endfor %}').render(items=items)
    assert listed == f'<ul class="cards" data-results>\n{one_by_one}</ul>\n'


def test_templates_see_the_environments_globals_as_one_plain_dict() -> None:
    _, env = bundled_environment()
    template = env.get_template("base.html")
    assert type(template.globals) is dict  # copied into every page's context at C speed, not key by key
    assert template.globals == dict(ChainMap({}, env.globals))


def test_an_address_named_in_many_entries_is_validated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []
    validate = email_validator.validate_email
    monkeypatch.setattr(email_validator, "validate_email", lambda text, **options: checked.append(text) or validate(text, **options))
    fieldtypes.is_email.cache_clear()
    assert [fieldtypes.is_email(text) for text in ("office@example.edu", "office@", "office@example.edu", "office@")] == [True, False, True, False]
    assert checked == ["office@example.edu", "office@"]
